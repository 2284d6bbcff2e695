"""Minisign signatures (Ed25519) through py-minisign, in minisign's exact formats.

A signing key is minisign's unencrypted secret key file (what ``minisign -G -W`` writes); a
public key is the base64 line ``minisign -P`` takes; a signature is a ``.minisig`` file that
``minisign -V -m FILE -P KEY`` verifies (prehashed, as minisign 0.10+ writes by default).
DESIGN section 8.
"""

from __future__ import annotations

import base64
import binascii
import time

import minisign

from readiness.exchange.errors import PackageError
from readiness.i18n import _

PUBLIC_KEY_LENGTH = 56  # base64 of "Ed" + 8-byte key id + 32-byte key


def new_secret_key() -> bytes:
    """A fresh signing key as the bytes of an unencrypted minisign secret key file."""
    pair = minisign.KeyPair.generate()
    return bytes(pair.secret_key) + b"\n"


def _secret(data: bytes) -> minisign.SecretKey:
    try:
        return minisign.SecretKey.from_bytes(data.strip())
    except (minisign.Error, ValueError, binascii.Error) as exc:
        raise PackageError(_("the signing key file is damaged")) from exc


def public_key_of(secret_key: bytes) -> str:
    """The public key (``RW…``, what ``minisign -P`` takes) of a secret key file's bytes."""
    return _secret(secret_key).get_public_key().to_base64().decode("ascii")


def key_id(public_key: str) -> str:
    """Minisign's key id of a public key: 16 upper-case hex digits, as ``minisign`` prints it."""
    raw = _decode_public(public_key)
    return raw[2:10][::-1].hex().upper()


def _decode_public(public_key: str) -> bytes:
    try:
        raw = base64.b64decode(public_key.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PackageError(_("not a minisign public key")) from exc
    if len(raw) != 42 or raw[:2] != b"Ed":
        raise PackageError(_("not a minisign public key"))
    return raw


def check_public_key(public_key: str) -> str:
    """``public_key`` stripped, or PackageError when it is not a minisign public key."""
    _decode_public(public_key)
    return public_key.strip()


def sign(secret_key: bytes, data: bytes, comment: str) -> bytes:
    """A ``.minisig`` file's bytes signing ``data``; ``comment`` becomes the trusted comment."""
    key = _secret(secret_key)
    trusted = f"timestamp:{int(time.time())}\t{comment}"[:250]
    signature = key.sign(
        data,
        prehash=True,
        untrusted_comment="signature from Partnership Readiness",
        trusted_comment=trusted.replace("\n", " "),
    )
    return bytes(signature) + b"\n"


def verify(public_key: str, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` (a ``.minisig`` file's bytes) signs ``data`` with that key."""
    try:
        key = minisign.PublicKey.from_base64(check_public_key(public_key))
        parsed = minisign.Signature.from_bytes(signature.strip())
        key.verify(data, parsed)
    except (minisign.Error, ValueError, binascii.Error, UnicodeDecodeError, PackageError):
        return False
    return True
