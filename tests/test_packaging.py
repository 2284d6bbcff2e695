"""The air-gapped packaging's own logic (DESIGN section 10): what the source imports, the glibc
check, the lock, the reproducible tarball and the checksums.

The bundle itself is built and checked by packaging/build.py and packaging/smoke_test.sh, which
.ci/run runs after this suite (the build takes minutes and needs the package index).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SRC = ROOT / "src"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"readiness_packaging_{name}", PACKAGING / name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sys.path.insert(0, str(PACKAGING))
source_imports = _load("source_imports.py")
bundle_checks = _load("bundle_checks.py")
build = _load("build.py")


def test_source_imports_find_modules_loaded_by_name_at_run_time():
    found = source_imports.candidates(SRC)
    # importlib.import_module("readiness.ui.app_main") and the COMMAND_MODULES strings
    assert "readiness.ui.app_main" in found
    assert "readiness.cli.reports" in found
    # plain imports of every kind of module: stdlib (with a C part), third-party, Qt
    assert {"sqlite3", "ctypes", "yaml", "alembic.config", "PySide6.QtWidgets"} <= found
    # the Alembic scripts, which Alembic reads as files, are part of the source too
    assert any(name.startswith("readiness.storage.migrations.versions.") for name in found)
    assert "__future__" not in found


def test_source_imports_skip_type_checking_blocks_and_resolve_relative_imports(tmp_path):
    package = tmp_path / "readiness" / "sub"
    package.mkdir(parents=True)
    (tmp_path / "readiness" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("from . import mod\nfrom .. import top\n")
    (package / "mod.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "import json\n"
        "if TYPE_CHECKING:\n    import tomllib\nelse:\n    import csv\n"
        "NAME = 'readiness.sub.mod'\nOTHER = 'readiness.not.a.module'\n"
    )
    found = source_imports.candidates(tmp_path)
    assert {"json", "csv", "readiness.sub.mod", "readiness.top", "readiness.sub"} <= found
    assert "tomllib" not in found
    assert "readiness.not.a.module" not in found


def test_qt_modules_are_the_pyside_modules_the_source_names():
    used = source_imports.qt_modules(SRC)
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert all(name.count(".") == 1 and name.startswith("PySide6.Qt") for name in used)
    assert not used & {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtNetwork"}


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils' readelf not installed")
def test_glibc_report_reads_version_needs_and_fails_above_the_floor(tmp_path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(sys.executable, bundle / "readiness")  # a real dynamically linked ELF file
    (bundle / "_internal" / "notes.txt").write_text("not an ELF file")
    report = bundle_checks.library_report(bundle)
    assert bundle_checks.version_tuple(report.glibc) >= (2, 2)
    assert report.glibc_by == ["readiness"]
    assert "libc.so.6" in report.system_libraries
    ok, _, _ = bundle_checks.check_glibc(bundle, floor="2.0")
    assert not ok
    ok, _, floor = bundle_checks.check_glibc(bundle, floor="99.0")
    assert ok and floor == "99.0"


def test_the_written_floor_is_a_version():
    floor = bundle_checks.read_floor()
    assert bundle_checks.version_tuple(floor) >= (2, 28)


def test_lock_lists_every_wheel_with_its_hash(tmp_path):
    for name in (
        "PyYAML-6.0.4-cp311-cp311-manylinux2014_x86_64.whl",
        "et_xmlfile-2.0.0-py3-none-any.whl",
    ):
        (tmp_path / name).write_bytes(name.encode())
    lock = build.write_lock(tmp_path).read_text()
    digest = hashlib.sha256(b"et_xmlfile-2.0.0-py3-none-any.whl").hexdigest()
    assert f"et-xmlfile==2.0.0 \\\n    --hash=sha256:{digest}" in lock
    assert "pyyaml==6.0.4 \\" in lock
    assert lock.index("et-xmlfile") < lock.index("pyyaml")


def _folder(tmp_path: Path, stamp: int) -> Path:
    folder = tmp_path / f"src{stamp}" / "readiness-1.0-linux-x86_64"
    (folder / "_internal").mkdir(parents=True)
    (folder / "readiness").write_text("#!/bin/sh\n")
    (folder / "readiness").chmod(0o775)
    (folder / "_internal" / "b.txt").write_text("b")
    (folder / "_internal" / "a.txt").write_text("a")
    for path in folder.rglob("*"):
        os.utime(path, (stamp, stamp))
    return folder


def test_tarball_is_the_same_bytes_whatever_the_file_times(tmp_path):
    first, second = tmp_path / "1.tar.gz", tmp_path / "2.tar.gz"
    build.pack(_folder(tmp_path, 1_000_000), first, 1_700_000_000)
    build.pack(_folder(tmp_path, 2_000_000), second, 1_700_000_000)
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == [
        "readiness-1.0-linux-x86_64",
        "readiness-1.0-linux-x86_64/_internal",
        "readiness-1.0-linux-x86_64/_internal/a.txt",
        "readiness-1.0-linux-x86_64/_internal/b.txt",
        "readiness-1.0-linux-x86_64/readiness",
    ]
    assert {m.mtime for m in members} == {1_700_000_000}
    assert members[-1].mode == 0o755 and members[2].mode == 0o644


def test_sha256sums_check_with_sha256sum(tmp_path):
    (tmp_path / "wheelhouse").mkdir()
    (tmp_path / "wheelhouse" / "x.whl").write_bytes(b"wheel")
    (tmp_path / "sbom.cdx.json").write_text("{}")
    build.write_sums(tmp_path)
    lines = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == ["sbom.cdx.json", "wheelhouse/x.whl"]
    if shutil.which("sha256sum"):
        subprocess.run(
            ["sha256sum", "--strict", "-c", "SHA256SUMS"],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )
        (tmp_path / "wheelhouse" / "x.whl").write_bytes(b"tampered")
        done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True)
        assert done.returncode != 0


sbom = _load("sbom.py")


def _fake_sbom(path: Path) -> None:
    root = {"bom-ref": "app", "name": "partnership-readiness", "version": "1.0"}
    lib = {"bom-ref": "et", "name": "et_xmlfile", "version": "2.0.0", "type": "library"}
    document = {"metadata": {"component": root}, "components": [lib], "dependencies": []}
    path.write_text(json.dumps(document))


def test_sbom_gets_wheel_hashes_and_the_files_no_wheel_brought(tmp_path):
    wheelhouse = tmp_path / "wheelhouse"
    wheelhouse.mkdir()
    (wheelhouse / "et_xmlfile-2.0.0-py3-none-any.whl").write_bytes(b"et")
    (wheelhouse / "partnership_readiness-1.0-py3-none-any.whl").write_bytes(b"app")
    bundle = tmp_path / "readiness-1.0-linux-x86_64"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "readiness").write_bytes(b"bootloader")
    (bundle / "_internal" / "libpython3.11.so.1.0").write_bytes(b"python")
    (bundle / "_internal" / "libdemo.so.1").write_bytes(b"host library")
    (bundle / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"from a wheel")
    target = tmp_path / "sbom.cdx.json"
    _fake_sbom(target)
    sbom.enrich(target, wheelhouse, bundle, "2.35", "6.0")
    data = json.loads(target.read_text())
    by_name = {c["name"]: c for c in data["components"]}
    assert by_name["et_xmlfile"]["hashes"][0]["content"] == hashlib.sha256(b"et").hexdigest()
    assert data["metadata"]["component"]["hashes"][0]["content"] == (
        hashlib.sha256(b"app").hexdigest()
    )
    assert by_name["cpython"]["hashes"][0]["content"] == hashlib.sha256(b"python").hexdigest()
    assert by_name["pyinstaller"]["version"] == "6.0"
    assert "libdemo.so.1" in by_name  # copied from the build machine: listed with its hash
    assert "libQt6Core.so.6" not in by_name  # came with a wheel, covered by that wheel
    root = next(d for d in data["dependencies"] if d["ref"] == "app")
    assert "bundle-file:_internal/libdemo.so.1" in root["dependsOn"]
    assert {"name": "readiness:bundle:glibc-needed", "value": "2.35"} in (
        data["metadata"]["properties"]
    )


def test_sbom_refuses_a_wheel_it_does_not_describe(tmp_path):
    wheelhouse = tmp_path / "wheelhouse"
    wheelhouse.mkdir()
    (wheelhouse / "stranger-1.0-py3-none-any.whl").write_bytes(b"?")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "readiness").write_bytes(b"bootloader")
    target = tmp_path / "sbom.cdx.json"
    _fake_sbom(target)
    with pytest.raises(sbom.SbomError, match=r"stranger==1\.0"):
        sbom.enrich(target, wheelhouse, bundle, "2.35", "6.0")
