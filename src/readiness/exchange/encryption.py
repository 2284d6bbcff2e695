"""Age encryption (X25519) through pyrage, interoperable with the ``age`` tool.

An identity is stored as ``age-keygen`` writes it; a recipient is the ``age1…`` string that
``age -r`` takes. DESIGN section 8.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyrage
from pyrage import x25519

from readiness.exchange.errors import PackageError
from readiness.i18n import _

AGE_MAGIC = b"age-encryption.org/v1"


def new_identity_file() -> bytes:
    """A fresh identity in ``age-keygen``'s file format (comments, then AGE-SECRET-KEY-1…)."""
    identity = x25519.Identity.generate()
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return (f"# created: {created}\n# public key: {identity.to_public()}\n{identity}\n").encode(
        "ascii"
    )


def _identity(data: bytes) -> x25519.Identity:
    for line in data.decode("ascii", "replace").splitlines():
        if line.startswith("AGE-SECRET-KEY-1"):
            try:
                return x25519.Identity.from_str(line.strip())
            except pyrage.IdentityError as exc:
                raise PackageError(_("the encryption key file is damaged")) from exc
    raise PackageError(_("the encryption key file is damaged"))


def recipient_of(identity_file: bytes) -> str:
    """The ``age1…`` recipient of an identity file's bytes."""
    return str(_identity(identity_file).to_public())


def check_recipient(recipient: str) -> str:
    """``recipient`` stripped, or PackageError when it is not an age X25519 recipient."""
    try:
        x25519.Recipient.from_str(recipient.strip())
    except (pyrage.RecipientError, ValueError) as exc:
        raise PackageError(
            _("'{value}' is not an age recipient (age1…)").format(value=recipient.strip()[:80])
        ) from exc
    return recipient.strip()


def is_encrypted(data: bytes) -> bool:
    return data.startswith(AGE_MAGIC)


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    """``data`` encrypted with age to every recipient (each ``age1…``)."""
    parsed = [x25519.Recipient.from_str(check_recipient(r)) for r in recipients]
    return pyrage.encrypt(data, parsed)


def decrypt(data: bytes, identity_file: bytes) -> bytes:
    """Decrypt an age file with this identity; PackageError (one line) when it cannot."""
    identity = _identity(identity_file)
    try:
        return pyrage.decrypt(data, [identity])
    except pyrage.DecryptError as exc:
        reason = str(exc).lower()
        if "no matching keys" in reason:
            raise PackageError(
                _("the package is encrypted to someone else, not to this workspace's key")
            ) from exc
        if "header" in reason and "buffer" not in reason:
            raise PackageError(_("the encrypted package has a damaged age header")) from exc
        raise PackageError(_("the encrypted package is truncated or damaged")) from exc
