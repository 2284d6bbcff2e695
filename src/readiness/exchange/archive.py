"""The zip inside a ``.readiness`` file: written with exactly four members, read entirely in
memory with every structural check made before any member is decompressed.

Reading never extracts to disk and stops at the caps of DESIGN section 8: 20 MiB for the file,
50 MiB uncompressed, exactly the four known member names, no folders, duplicates or paths.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from readiness.exchange.errors import PackageError
from readiness.i18n import _

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
ASSESSMENT = "assessment.json"
QUESTIONNAIRE = "questionnaire.yaml"
MEMBERS = (MANIFEST, SIGNATURE, ASSESSMENT, QUESTIONNAIRE)
CONTENT_MEMBERS = (ASSESSMENT, QUESTIONNAIRE)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_SIGNATURE_BYTES = 4096
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def write_zip(members: dict[str, bytes]) -> bytes:
    """The zip of exactly the four members, in the order of ``MEMBERS``."""
    assert tuple(members) == MEMBERS, "a package has exactly the four members, in order"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in MEMBERS:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def read_capped(path: Path) -> bytes:
    """A package file's bytes, refusing (PackageError) a file over 20 MiB without reading it."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError as exc:
        raise PackageError(_("{path} is a folder, not a package").format(path=path.name)) from exc
    except FileNotFoundError as exc:
        raise PackageError(_("file not found: {path}").format(path=path)) from exc
    except OSError as exc:
        raise PackageError(
            _("cannot read {path}: {reason}").format(path=path.name, reason=exc.strerror)
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(_("the file is over 20 MiB, more than any package can be"))
    return data


def _shown(name: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in name)
    return printable if len(printable) <= 60 else printable[:57] + "..."


def read_zip(data: bytes) -> dict[str, bytes]:
    """The four members of a package zip, each checked for name, count and size caps."""
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(_("the package is over 20 MiB, more than any package can be"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise PackageError(_("not a package: neither a zip nor an age file")) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > len(MEMBERS) * 4:
            raise PackageError(
                _("the package has {count} members; a package has exactly {n}").format(
                    count=len(infos), n=len(MEMBERS)
                )
            )
        seen: set[str] = set()
        for info in infos:
            name = info.filename
            if "/" in name or "\\" in name or ".." in name or ":" in name or not name:
                raise PackageError(
                    _("the package has a member with a path-like name '{name}'").format(
                        name=_shown(name)
                    )
                )
            if name in seen:
                raise PackageError(
                    _("the package has member '{name}' twice").format(name=_shown(name))
                )
            seen.add(name)
            if name not in MEMBERS:
                raise PackageError(
                    _("the package has a member that does not belong: '{name}'").format(
                        name=_shown(name)
                    )
                )
            if info.flag_bits & 0x1:
                raise PackageError(_("the package has a password-protected member"))
        missing = [name for name in MEMBERS if name not in seen]
        if missing:
            raise PackageError(_("the package lacks member '{name}'").format(name=missing[0]))
        total = sum(info.file_size for info in infos)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise PackageError(_("the package would be over 50 MiB uncompressed"))
        caps = {MANIFEST: MAX_MANIFEST_BYTES, SIGNATURE: MAX_SIGNATURE_BYTES}
        members: dict[str, bytes] = {}
        for info in infos:
            cap = caps.get(info.filename, MAX_UNCOMPRESSED_BYTES)
            if info.file_size > cap:
                raise PackageError(
                    _("the package member '{name}' is too large").format(name=info.filename)
                )
            members[info.filename] = _read_member(archive, info, cap)
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(min(info.file_size, cap) + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError) as exc:
        raise PackageError(
            _("the package member '{name}' is damaged").format(name=info.filename)
        ) from exc
    if len(data) != info.file_size:
        raise PackageError(_("the package member '{name}' is damaged").format(name=info.filename))
    return data
