"""Completing the CycloneDX SBOM that cyclonedx-py writes (DESIGN section 10).

cyclonedx-py describes the Python packages of the environment the bundle is built from. This
module adds what it cannot see: each wheel's SHA-256 (so the SBOM ties to the wheelhouse), and
the parts of the bundle that no wheel brought, namely the CPython runtime, PyInstaller's
bootloader and the shared libraries PyInstaller copied from the build machine (named by their
Debian package where dpkg knows the file). Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

_WHEEL = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$")


class SbomError(Exception):
    """The SBOM does not describe what was built."""


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def normalise(name: str) -> str:
    """PEP 503 name: ``"PySide6_Essentials"`` -> ``"pyside6-essentials"``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_name_version(path: Path) -> tuple[str, str]:
    """(normalised name, version) from a wheel's file name; ValueError if it is not one."""
    match = _WHEEL.match(path.name)
    if not match:
        raise ValueError(f"{path.name}: not a wheel file name")
    return normalise(match["name"]), match["version"]


def _debian_packages(sonames: list[str]) -> dict[str, tuple[str, str, Path]]:
    """{soname: (package, version, system path)} for the sonames a Debian package ships.

    One ``dpkg -S`` and one ``dpkg-query`` for all of them (each call reads dpkg's whole
    database); empty where dpkg is missing.
    """
    if not sonames or not shutil.which("dpkg"):
        return {}
    done = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in sonames)], capture_output=True, text=True
    )
    owners: dict[str, tuple[str, Path]] = {}
    for line in done.stdout.splitlines():
        if ": " not in line or line.startswith("diversion"):
            continue
        package, path = line.split(": ", 1)
        system_path = Path(path.strip())
        if system_path.name in sonames and system_path.name not in owners:
            owners[system_path.name] = (package.split(",")[0].split(":")[0], system_path)
    packages = sorted({package for package, _ in owners.values()})
    versions: dict[str, str] = {}
    if packages:
        query = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package} ${Version}\n", *packages],
            capture_output=True,
            text=True,
        )
        for line in query.stdout.splitlines():
            package, _, version = line.partition(" ")
            versions.setdefault(package, version)
    return {
        soname: (package, versions.get(package, ""), path)
        for soname, (package, path) in owners.items()
    }


def _file_component(bundle: Path, path: Path, found: tuple[str, str, Path] | None) -> dict:
    relative = path.relative_to(bundle).as_posix()
    component: dict = {
        "type": "library",
        "bom-ref": f"bundle-file:{relative}",
        "name": path.name,
        "hashes": [{"alg": "SHA-256", "content": sha256(path)}],
        "properties": [{"name": "readiness:bundle-path", "value": relative}],
    }
    if found:
        package, version, system_path = found
        component["version"] = version
        component["purl"] = f"pkg:deb/debian/{package}@{version.replace(':', '%3A')}?arch=amd64"
        component["description"] = f"from the build machine's Debian package {package}"
        same = system_path.exists() and sha256(system_path.resolve()) == sha256(path)
        component["properties"].append(
            {"name": "readiness:identical-to-package-file", "value": "yes" if same else "no"}
        )
    else:
        component["description"] = "from the build machine (no package manager record)"
    return component


def bundle_components(bundle: Path, pyinstaller_version: str) -> list[dict]:
    """Components for the bundle's files that no wheel brought."""
    internal = bundle / "_internal"
    python = ".".join(str(part) for part in sys.version_info[:3])
    runtime = sorted(internal.glob("libpython*.so*"))
    components = [
        {
            "type": "application",
            "bom-ref": "bundle:cpython",
            "name": "cpython",
            "version": python,
            "purl": f"pkg:generic/cpython@{python}",
            "description": "Python runtime of the bundle (libpython, standard library, "
            "lib-dynload extension modules), copied from the build machine",
            "hashes": [{"alg": "SHA-256", "content": sha256(runtime[0])}] if runtime else [],
        },
        {
            "type": "application",
            "bom-ref": "bundle:pyinstaller-bootloader",
            "name": "pyinstaller",
            "version": pyinstaller_version,
            "purl": f"pkg:pypi/pyinstaller@{pyinstaller_version}",
            "description": "PyInstaller bootloader: the bundle's `readiness` executable",
            "hashes": [{"alg": "SHA-256", "content": sha256(bundle / "readiness")}],
        },
    ]
    copied = [
        path
        for path in sorted(internal.iterdir())
        if path.is_file()
        and not path.is_symlink()
        and ".so" in path.name
        and not path.name.startswith("libpython")
    ]
    owners = _debian_packages([path.name for path in copied])
    components.extend(_file_component(bundle, path, owners.get(path.name)) for path in copied)
    return components


def enrich(sbom: Path, wheelhouse: Path, bundle: Path, glibc: str, pyinstaller: str) -> None:
    """Add wheel hashes and the bundle's other contents to ``sbom`` in place.

    Raises SbomError when a wheel of the wheelhouse has no component.
    """
    data = json.loads(sbom.read_text(encoding="utf-8"))
    wheels = {wheel_name_version(w): w for w in wheelhouse.glob("*.whl")}
    covered = set()
    for component in [data["metadata"].get("component", {}), *data.get("components", [])]:
        key = (normalise(component.get("name", "")), component.get("version"))
        if key in wheels:
            covered.add(key)
            component["hashes"] = [{"alg": "SHA-256", "content": sha256(wheels[key])}]
    if set(wheels) - covered:
        missing = ", ".join(f"{n}=={v}" for n, v in sorted(set(wheels) - covered))
        raise SbomError(f"SBOM has no component for the wheels {missing}")
    extra = bundle_components(bundle, pyinstaller)
    data.setdefault("components", []).extend(extra)
    root = data["metadata"].get("component", {}).get("bom-ref")
    if root:
        for entry in data.setdefault("dependencies", []):
            if entry.get("ref") == root:
                entry.setdefault("dependsOn", []).extend(c["bom-ref"] for c in extra)
                break
        else:
            data["dependencies"].append({"ref": root, "dependsOn": [c["bom-ref"] for c in extra]})
        data["dependencies"].extend({"ref": c["bom-ref"]} for c in extra)
    data["metadata"].setdefault("properties", []).extend(
        [
            {"name": "readiness:bundle", "value": bundle.name},
            {"name": "readiness:bundle:glibc-needed", "value": glibc},
            {
                "name": "readiness:wheelhouse-python",
                "value": f"cp{sys.version_info[0]}{sys.version_info[1]}-linux-x86_64",
            },
        ]
    )
    sbom.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
