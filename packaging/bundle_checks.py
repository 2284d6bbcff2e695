"""Checks on a built bundle: the glibc it needs, the system libraries it needs, the modules in it.

Run by build.py (a failed check fails the build) and by smoke_test.sh. DESIGN section 10.

    python packaging/bundle_checks.py glibc BUNDLE      # prints the report, exit 1 above the floor
    python packaging/bundle_checks.py imports BUNDLE    # exit 1 if a module src/ imports is missing

``glibc`` needs binutils' ``readelf``; ``imports`` needs PyInstaller (to read the bundle's
archive) and must run in the environment the bundle was built from.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOOR_FILE = HERE / "glibc-floor.txt"
_NEEDS = re.compile(r"Name: (GLIBC_|GLIBCXX_)([0-9.]+)")
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def version_tuple(text: str) -> tuple[int, ...]:
    """``"2.34"`` -> ``(2, 34)``."""
    return tuple(int(part) for part in text.split("."))


def read_floor(path: Path = FLOOR_FILE) -> str:
    """The glibc floor written in packaging/glibc-floor.txt (first non-comment line)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            return line
    raise ValueError(f"{path}: no glibc version in it")


def elf_files(bundle: Path) -> list[Path]:
    """Every ELF file (executable or shared library) in the bundle, sorted."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


@dataclass
class LibraryReport:
    """What the bundle's ELF files ask of the system (versions as ``"2.34"`` strings)."""

    glibc: str = "0"
    glibc_by: list[str] = field(default_factory=list)  # bundle paths needing ``glibc``
    glibcxx: str | None = None  # newest GLIBCXX_ needed from a system libstdc++, if any
    system_libraries: list[str] = field(default_factory=list)  # sonames not in the bundle


def library_report(bundle: Path) -> LibraryReport:
    """Read every ELF file's version needs and NEEDED entries with ``readelf -d -V``."""
    report = LibraryReport()
    bundled = {path.name for path in bundle.rglob("*")}
    needed: set[str] = set()
    glibcxx = "0"
    for path in elf_files(bundle):
        out = subprocess.run(
            ["readelf", "-d", "-V", "-W", str(path)], capture_output=True, text=True, check=True
        ).stdout
        needed.update(_NEEDED.findall(out))
        for kind, ver in _NEEDS.findall(out):
            if kind == "GLIBCXX_":
                glibcxx = max(glibcxx, ver, key=version_tuple)
                continue
            relative = str(path.relative_to(bundle))
            if version_tuple(ver) > version_tuple(report.glibc):
                report.glibc, report.glibc_by = ver, [relative]
            elif ver == report.glibc and relative not in report.glibc_by:
                report.glibc_by.append(relative)
    report.system_libraries = sorted(needed - bundled)
    if glibcxx != "0" and "libstdc++.so.6" not in bundled:
        report.glibcxx = glibcxx
    return report


def check_glibc(bundle: Path, floor: str | None = None) -> tuple[bool, LibraryReport, str]:
    """(within the floor?, the report, the floor)."""
    floor = floor or read_floor()
    report = library_report(bundle)
    return version_tuple(report.glibc) <= version_tuple(floor), report, floor


def bundled_modules(bundle: Path) -> set[str]:
    """Every module the bundle can import: its PYZ archive, base_library.zip, extensions."""
    import zipfile

    from PyInstaller.archive.readers import CArchiveReader

    executable = bundle / "readiness"
    internal = bundle / "_internal"
    archive = CArchiveReader(str(executable))
    names: set[str] = set(sys.builtin_module_names)
    for entry_name in archive.toc:
        if entry_name.endswith(".pyz"):
            names.update(archive.open_embedded_archive(entry_name).toc)
        elif "/" not in entry_name:
            names.add(entry_name)  # bootstrap modules (struct, ...) kept beside the PYZ
    for pyz in internal.glob("*.pyz"):  # PYZ beside the executable (newer PyInstallers)
        from PyInstaller.archive.readers import ZlibArchiveReader

        names.update(ZlibArchiveReader(str(pyz)).toc)
    base = internal / "base_library.zip"
    if base.exists():
        with zipfile.ZipFile(base) as zipped:
            for member in zipped.namelist():
                if member.endswith(".pyc"):
                    parts = member[: -len(".pyc")].split("/")
                    if parts[-1] == "__init__":
                        parts.pop()
                    names.add(".".join(parts))
    for path in internal.rglob("*.so"):
        relative = path.relative_to(internal)
        parts = list(relative.parts)
        if parts[0] in ("lib-dynload", "python3.11") or parts[0].startswith("python3"):
            parts = parts[1:]
            if parts and parts[0] == "lib-dynload":
                parts = parts[1:]
        if not parts:
            continue
        parts[-1] = parts[-1].split(".", 1)[0]
        names.add(".".join(parts))
    return names


def missing_modules(bundle: Path, src: Path = ROOT / "src") -> list[str]:
    """Modules the source imports (see source_imports.py) that are not in the bundle.

    A ``from m import n`` where ``m.n`` is not a module of this environment is an attribute,
    not a module, and is not asked for.
    """
    sys.path.insert(0, str(HERE))
    import source_imports

    inside = bundled_modules(bundle)
    missing = []
    internal = bundle / "_internal"
    for name in sorted(source_imports.candidates(src)):
        if name in inside or (internal / f"{name.replace('.', '/')}.py").is_file():
            continue  # in the archive, or a source file read at run time (Alembic scripts)
        if "." in name and not _is_module(name):
            continue  # ``from m import n`` where n is an attribute (m is checked on its own)
        missing.append(name)
    return missing


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("glibc", "imports"):
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[1])
    if argv[0] == "glibc":
        ok, report, floor = check_glibc(bundle)
        print(f"glibc needed: {report.glibc} (floor {floor}), by: {', '.join(report.glibc_by)}")
        if report.glibcxx:
            print(f"libstdc++ needed from the system: GLIBCXX_{report.glibcxx}")
        print(f"system libraries needed: {' '.join(report.system_libraries)}")
        if not ok:
            print(f"error: the bundle needs glibc {report.glibc}, newer than the floor {floor}")
        return 0 if ok else 1
    missing = missing_modules(bundle)
    for name in missing:
        print(f"error: {name} is imported by src/ but is not in the bundle", file=sys.stderr)
    if not missing:
        print("every module src/ imports is in the bundle")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
