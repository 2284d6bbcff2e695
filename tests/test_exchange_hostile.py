"""Hostile packages (DESIGN section 8): each is refused with one clear line, the database stays
byte-identical, nothing is extracted to disk and reading stops at the size caps."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from exchange_helpers import MEMBERS, Side, make_side, resign, rezip, unzip
from readiness.exchange import archive, encryption, signing
from readiness.exchange.errors import PackageError


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A company that sends and a unit that receives, with one good package of each kind."""
    root = tmp_path_factory.mktemp("hostile")
    os.environ["READINESS_LOG_DIR"] = str(root / "logs")
    unit = make_side(root / "unit", "unit")
    company = make_side(root / "company", "company")
    company.ok("keys", "trust", str(unit.card(root / "unit.card")))
    org = company.ok("org", "add", "Nordwind", "--kind", "company")
    assessment = company.ok(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness"
    )
    company.ok("answer", assessment, "trust.contact-24-7", "3")
    plain, sealed = root / "plain.readiness", root / "sealed.readiness"
    company.ok("package", "export", assessment, "-o", str(plain))
    company.ok("package", "export", assessment, "-o", str(sealed), "--to", str(root / "unit.card"))
    other = make_side(root / "other", "other")
    return {
        "root": root,
        "unit": unit,
        "company": company,
        "other": other,
        "plain": plain.read_bytes(),
        "sealed": sealed.read_bytes(),
    }


def _members(world: dict) -> dict[str, bytes]:
    return unzip(world["plain"])


def _zip_of(members: dict[str, bytes]) -> bytes:
    return rezip(list(members.items()))


def not_a_zip(world: dict) -> bytes:
    return b"PK\x03\x04 this is not really a zip file at all" * 10


def zip_bomb(world: dict) -> bytes:
    members = _members(world)
    members["questionnaire.yaml"] = b"\0" * (60 * 1024 * 1024)  # deflates to ~60 KiB
    return _zip_of(members)


def ten_thousand_members(world: dict) -> bytes:
    return rezip([(f"m{i}.json", b"{}") for i in range(10_000)])


def parent_path(world: dict) -> bytes:
    members = _members(world)
    return rezip([*members.items(), ("../escape.json", b"{}")])


def absolute_path(world: dict) -> bytes:
    members = _members(world)
    items = list(members.items())
    items[2] = ("/tmp/assessment.json", items[2][1])
    return rezip(items)


def duplicate_member(world: dict) -> bytes:
    members = _members(world)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return rezip([*members.items(), ("assessment.json", members["assessment.json"])])


def extra_member(world: dict) -> bytes:
    return rezip([*_members(world).items(), ("notes.txt", b"hello")])


def hash_differs(world: dict) -> bytes:
    members = _members(world)
    data = members["assessment.json"]
    members["assessment.json"] = data.replace(b'"3"', b'"4"')
    assert members["assessment.json"] != data and len(members["assessment.json"]) == len(data)
    return _zip_of(members)


def size_differs(world: dict) -> bytes:
    members = _members(world)
    members["assessment.json"] += b" "
    return _zip_of(members)


def manifest_edited(world: dict) -> bytes:
    members = _members(world)
    members["manifest.json"] = members["manifest.json"].replace(b"TLP:AMBER+STRICT", b"TLP:CLEAR")
    return _zip_of(members)


def signed_by_another_key(world: dict) -> bytes:
    members = _members(world)
    other_key = world["other"].keys / "signing.key"
    members["manifest.json.minisig"] = signing.sign(
        other_key.read_bytes(), members["manifest.json"], "x"
    )
    return _zip_of(members)


def for_another_recipient(world: dict) -> bytes:
    recipient = json.loads(world["other"].ok("keys", "--json"))["encryption"]["recipient"]
    return encryption.encrypt(world["plain"], [recipient])


def truncated_age(world: dict) -> bytes:
    return world["sealed"][: len(world["sealed"]) // 2]


def newer_format(world: dict) -> bytes:
    members = resign(
        _members(world), world["company"].keys / "signing.key", format="readiness-package/2"
    )
    return _zip_of(members)


def known_questionnaire_other_content(world: dict) -> bytes:
    members = _members(world)
    text = members["questionnaire.yaml"]
    members["questionnaire.yaml"] = text.replace(b"Absent", b"Missing", 1)
    assert members["questionnaire.yaml"] != text
    manifest = json.loads(members["manifest.json"])
    import hashlib

    questionnaire = dict(manifest["questionnaire"])
    questionnaire["sha256"] = hashlib.sha256(members["questionnaire.yaml"]).hexdigest()
    return _zip_of(
        resign(members, world["company"].keys / "signing.key", questionnaire=questionnaire)
    )


def lone_surrogate(world: dict) -> bytes:
    members = _members(world)
    members["assessment.json"] = members["assessment.json"].replace(
        b'"title": "', b'"title": "\\ud800', 1
    )
    return _zip_of(resign(members, world["company"].keys / "signing.key"))


def over_20_mib(world: dict) -> bytes:
    return world["plain"] + os.urandom(21 * 1024 * 1024)


HOSTILE: dict[str, tuple[Callable[[dict], bytes], str]] = {
    "not a zip": (not_a_zip, "neither a zip nor an age file"),
    "zip bomb": (zip_bomb, "50 MiB"),
    "10,000 members": (ten_thousand_members, "10000 members"),
    "../ name": (parent_path, "path-like name"),
    "absolute name": (absolute_path, "path-like name"),
    "duplicate member": (duplicate_member, "twice"),
    "extra member": (extra_member, "does not belong"),
    "hash differs": (hash_differs, "content of 'assessment.json' differs"),
    "size differs": (size_differs, "size of 'assessment.json' differs"),
    "manifest edited after signing": (manifest_edited, "bad signature"),
    "signature by another key": (signed_by_another_key, "bad signature"),
    "age file for another recipient": (for_another_recipient, "encrypted to someone else"),
    "truncated age file": (truncated_age, "truncated"),
    "newer package format": (newer_format, "newer version"),
    "known questionnaire, other content": (known_questionnaire_other_content, "differs from"),
    "over 20 MiB": (over_20_mib, "20 MiB"),
    "text that is not Unicode": (lone_surrogate, "not valid Unicode"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_package_is_refused(
    world: dict, case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build, expected = HOSTILE[case]
    package = tmp_path / "hostile.readiness"
    package.write_bytes(build(world))
    unit: Side = world["unit"]
    unit.ok("assessment", "list")  # open once: the database exists before we look at it

    def no_extract(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a package member was extracted to disk")

    monkeypatch.setattr(zipfile.ZipFile, "extract", no_extract)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", no_extract)
    before, files_before = unit.db_state(), sorted(p.name for p in tmp_path.iterdir())
    result = unit.run("package", "import", "--json", str(package))
    assert result.code == 1
    [row] = result.json()
    assert row["outcome"] == "refused" and expected in row["reason"], row
    assert "\n" not in row["reason"] and str(tmp_path) not in row["reason"]
    text = unit.run("package", "import", str(package))
    assert text.code == 1 and text.out == ""
    assert len(text.err.strip().splitlines()) == 1 and "Traceback" not in text.err
    assert unit.db_state() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_the_good_packages_are_accepted(world: dict, tmp_path: Path) -> None:
    """The hostile cases start from packages that import: the refusals are the tampering's."""
    other: Side = world["other"]
    for name in ("plain",):
        package = tmp_path / f"{name}.readiness"
        package.write_bytes(world[name])
        assert [
            r["outcome"] for r in other.run("package", "import", "--json", str(package)).json()
        ] == ["created"]
    assert list(unzip(world["plain"])) == list(MEMBERS)


class _Endless(io.RawIOBase):
    """A file that never ends, counting what is read from it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = b"\0" * size
        self.given += size
        return size


class _EndlessPath:
    name = "endless.readiness"

    def __init__(self) -> None:
        self.stream = _Endless()

    def open(self, _mode: str) -> io.RawIOBase:
        return self.stream


def test_reading_stops_at_the_file_cap() -> None:
    """The 20 MiB cap is applied while reading: an endless file is read no further than it."""
    path = _EndlessPath()
    with pytest.raises(PackageError, match="20 MiB"):
        archive.read_capped(path)  # type: ignore[arg-type]
    assert path.stream.given <= archive.MAX_FILE_BYTES + 1
