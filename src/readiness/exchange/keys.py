"""This workspace's keys in a folder of their own, and partners' contact cards.

The folder (mode 0700) holds ``signing.key`` (minisign secret key, unencrypted, as
``minisign -G -W`` writes it), ``encryption.key`` (an age identity as ``age-keygen`` writes it)
and ``name.txt`` (the name shown to partners). Key files are created with mode 0600 on first
need and never copied anywhere else: not into packages, reports, logs or the database.
A card (``readiness-card/1``) carries only public parts. DESIGN section 8.
"""

from __future__ import annotations

import getpass
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.exchange import encryption, signing
from readiness.exchange.errors import PackageError
from readiness.i18n import _

CARD_FORMAT = "readiness-card/1"
CARD_MAX_BYTES = 64 * 1024
SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"
NAME_FILE = "name.txt"


@dataclass(frozen=True)
class Card:
    """The public half of a workspace's keys, with the name it goes by."""

    name: str
    key_id: str
    public_key: str
    recipient: str

    def to_json(self) -> dict[str, Any]:
        """The card object of DESIGN section 8 (also ``keys --json``'s shape)."""
        return {
            "format": CARD_FORMAT,
            "name": self.name,
            "signing": {"key_id": self.key_id, "public_key": self.public_key},
            "encryption": {"recipient": self.recipient},
        }


def parse_card(data: bytes) -> Card:
    """A card from a card file's bytes; PackageError (one line) when it is not one."""
    if len(data) > CARD_MAX_BYTES:
        raise PackageError(_("not a contact card: the file is too large"))
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(_("not a contact card: not JSON")) from exc
    return card_from_json(value)


def card_from_json(value: Any) -> Card:
    if not isinstance(value, dict) or value.get("format") != CARD_FORMAT:
        raise PackageError(_("not a contact card (format {format})").format(format=CARD_FORMAT))
    sign_part, enc_part = value.get("signing"), value.get("encryption")
    name = value.get("name")
    if not isinstance(sign_part, dict) or not isinstance(enc_part, dict):
        raise PackageError(_("the contact card lacks its 'signing' or 'encryption' part"))
    public_key = sign_part.get("public_key")
    recipient = enc_part.get("recipient")
    if not isinstance(public_key, str) or not isinstance(recipient, str):
        raise PackageError(_("the contact card lacks its public key or recipient"))
    public_key = signing.check_public_key(public_key)
    recipient = encryption.check_recipient(recipient)
    key_id = signing.key_id(public_key)
    if sign_part.get("key_id") not in (None, key_id):
        raise PackageError(_("the contact card's key id does not match its public key"))
    clean_name = (name if isinstance(name, str) else "").strip()[:200] or key_id
    return Card(clean_name, key_id, public_key, recipient)


class KeyFolder:
    """The folder holding this workspace's secret keys; keys are made on first need."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _ensure_folder(self) -> None:
        try:
            self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.path, 0o700)
        except OSError as exc:
            raise PackageError(
                _("cannot create the key folder {path}: {reason}").format(
                    path=self.path, reason=exc.strerror
                )
            ) from exc

    def _read_or_make(self, name: str, make: Any) -> bytes:
        path = self.path / name
        if not path.exists():
            self._ensure_folder()
            _write_private(path, make())
        try:
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                os.chmod(path, 0o600)  # readable by the user alone, whatever put it there
            return path.read_bytes()
        except OSError as exc:
            raise PackageError(
                _("cannot read the key file {path}: {reason}").format(
                    path=path, reason=exc.strerror
                )
            ) from exc

    def signing_key(self) -> bytes:
        """The minisign secret key file's bytes (made on first need)."""
        return self._read_or_make(SIGNING_FILE, signing.new_secret_key)

    def identity(self) -> bytes:
        """The age identity file's bytes (made on first need)."""
        return self._read_or_make(ENCRYPTION_FILE, encryption.new_identity_file)

    def name(self) -> str:
        path = self.path / NAME_FILE
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            text = ""
        return text or _default_name()

    def set_name(self, name: str) -> None:
        name = " ".join(name.split())[:200]
        if not name:
            raise PackageError(_("a key name cannot be empty"))
        self._ensure_folder()
        (self.path / NAME_FILE).write_text(name + "\n", encoding="utf-8")

    def card(self) -> Card:
        """This workspace's own card (making the keys on first need)."""
        public_key = signing.public_key_of(self.signing_key())
        return Card(
            self.name(),
            signing.key_id(public_key),
            public_key,
            encryption.recipient_of(self.identity()),
        )


def _default_name() -> str:
    try:
        return getpass.getuser() or "readiness"
    except (OSError, KeyError):
        return "readiness"


def _write_private(path: Path, data: bytes) -> None:
    """Create ``path`` with mode 0600 (never readable by others, even for a moment)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise PackageError(
            _("cannot write the key file {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
