"""Writing and opening ``.readiness`` packages (DESIGN section 8).

``write_package`` builds the manifest over the two content members, signs its exact bytes
(minisign) and zips the four members, encrypting the zip with age when recipients are given.
``open_package`` decrypts when needed, reads the zip under the caps, checks the format, the
signature and every member's size and sha256 against the manifest before anything is parsed.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from readiness.exchange import archive, encryption, signing
from readiness.exchange.errors import PackageError
from readiness.exchange.keys import Card
from readiness.i18n import _

FORMAT = "readiness-package/1"
FORMAT_VERSION = 1
KINDS = ("assessment", "invitation")
_FORMAT_PATTERN = re.compile(r"readiness-package/(\d+)")


@dataclass(frozen=True)
class PackageSpec:
    """What a package says about itself, apart from its members and signature."""

    kind: str
    created: str
    app_version: str
    marking: str
    share_mode: bool
    questionnaire: dict[str, str]  # id, version, sha256
    assessment: dict[str, Any]  # id, revision, organisation_id


@dataclass(frozen=True)
class OpenedPackage:
    """A package read and checked: its manifest, members and whether the signature holds."""

    encrypted: bool
    manifest: dict[str, Any]
    signature_valid: bool
    members: dict[str, bytes]

    @property
    def signer(self) -> dict[str, str]:
        return self.manifest["signer"]

    @property
    def key_id(self) -> str:
        return str(self.signer["key_id"])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_package(
    spec: PackageSpec,
    signer: Card,
    signing_key: bytes,
    assessment_json: bytes,
    questionnaire_yaml: bytes,
    recipients: list[str] | None = None,
) -> tuple[bytes, str]:
    """The package file's bytes and its package id; encrypted to ``recipients`` when given."""
    package_id = str(uuid.uuid4())
    manifest = {
        "format": FORMAT,
        "kind": spec.kind,
        "package_id": package_id,
        "created": spec.created,
        "app_version": spec.app_version,
        "marking": spec.marking,
        "share_mode": spec.share_mode,
        "signer": {"key_id": signer.key_id, "name": signer.name, "public_key": signer.public_key},
        "questionnaire": dict(spec.questionnaire),
        "assessment": dict(spec.assessment),
        "members": {
            archive.ASSESSMENT: {"sha256": _sha256(assessment_json), "size": len(assessment_json)},
            archive.QUESTIONNAIRE: {
                "sha256": _sha256(questionnaire_yaml),
                "size": len(questionnaire_yaml),
            },
        },
    }
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    signature = signing.sign(signing_key, manifest_bytes, f"package:{package_id}")
    data = archive.write_zip(
        {
            archive.MANIFEST: manifest_bytes,
            archive.SIGNATURE: signature,
            archive.ASSESSMENT: assessment_json,
            archive.QUESTIONNAIRE: questionnaire_yaml,
        }
    )
    if recipients:
        data = encryption.encrypt(data, recipients)
    return data, package_id


def open_package(data: bytes, identity: Callable[[], bytes]) -> OpenedPackage:
    """Decrypt (with ``identity()``, asked only when needed), read and check a package.

    Raises PackageError (one line) for anything DESIGN section 8 refuses, except a bad
    signature, which is reported in ``signature_valid`` so that ``inspect`` can show it.
    """
    encrypted = encryption.is_encrypted(data)
    if encrypted:
        data = encryption.decrypt(data, identity())
    members = archive.read_zip(data)
    manifest = _parse_manifest(members[archive.MANIFEST])
    valid = signing.verify(
        manifest["signer"]["public_key"], members[archive.MANIFEST], members[archive.SIGNATURE]
    )
    valid = (
        valid
        and signing.key_id(manifest["signer"]["public_key"]) == manifest["signer"]["key_id"].upper()
    )
    if valid:
        _check_members(manifest, members)
    return OpenedPackage(encrypted, manifest, valid, members)


def _check_members(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
    for name in archive.CONTENT_MEMBERS:
        expected = manifest["members"][name]
        data = members[name]
        if len(data) != expected["size"]:
            raise PackageError(
                _("the size of '{name}' differs from the signed manifest").format(name=name)
            )
        if _sha256(data) != expected["sha256"]:
            raise PackageError(
                _("the content of '{name}' differs from the signed manifest").format(name=name)
            )


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(_("the package manifest is not valid JSON")) from exc
    if not isinstance(manifest, dict):
        raise PackageError(_("the package manifest is not a JSON object"))
    if not encodable(manifest):
        raise PackageError(_("the package manifest holds text that is not valid Unicode"))
    form = manifest.get("format")
    match = _FORMAT_PATTERN.fullmatch(form) if isinstance(form, str) else None
    if match is None:
        raise PackageError(_("not a Partnership Readiness package (unknown format)"))
    if int(match.group(1)) > FORMAT_VERSION:
        raise PackageError(
            _(
                "the package was made by a newer version of Partnership Readiness "
                "(format {format}); update the application to read it"
            ).format(format=form[:40])
        )
    _require(manifest, "kind", str)
    if manifest["kind"] not in KINDS:
        raise PackageError(_("the package manifest names an unknown kind of package"))
    for key in ("package_id", "created", "app_version", "marking"):
        _require(manifest, key, str)
    _require(manifest, "share_mode", bool)
    signer = _require(manifest, "signer", dict)
    for key in ("key_id", "name", "public_key"):
        _require(signer, key, str, "signer.")
    questionnaire = _require(manifest, "questionnaire", dict)
    for key in ("id", "version", "sha256"):
        _require(questionnaire, key, str, "questionnaire.")
    assessment = _require(manifest, "assessment", dict)
    for key in ("id", "organisation_id"):
        _require(assessment, key, str, "assessment.")
    revision = _require(assessment, "revision", int, "assessment.")
    if isinstance(revision, bool) or revision < 0:
        raise PackageError(_("the package manifest has a bad 'assessment.revision'"))
    members = _require(manifest, "members", dict)
    if set(members) != set(archive.CONTENT_MEMBERS):
        raise PackageError(_("the package manifest lists other members than a package has"))
    for name in archive.CONTENT_MEMBERS:
        entry = _require(members, name, dict, "members.")
        _require(entry, "sha256", str, f"members.{name}.")
        size = _require(entry, "size", int, f"members.{name}.")
        if isinstance(size, bool) or size < 0:
            raise PackageError(_("the package manifest has a bad member size"))
    return manifest


def encodable(value: Any) -> bool:
    """False when JSON text holds escapes no UTF-8 text can carry (lone surrogates)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _require(value: dict[str, Any], key: str, kind: type, prefix: str = "") -> Any:
    found = value.get(key)
    if not isinstance(found, kind):
        raise PackageError(
            _("the package manifest lacks '{key}' or has the wrong type there").format(
                key=prefix + key
            )
        )
    return found
