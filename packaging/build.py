"""Build everything an air-gapped machine needs into dist/ (DESIGN section 10).

    python packaging/build.py

Needs a Linux x86_64 machine with network access to the package index, Python 3.11 (the
wheelhouse is for the Python that runs this script) and binutils (`readelf`). Writes:

    dist/readiness-VERSION-linux-x86_64/         one-folder PyInstaller bundle (no Python needed)
    dist/readiness-VERSION-linux-x86_64.tar.gz   that folder, packed reproducibly
    dist/wheelhouse/                             every wheel, and requirements.lock with hashes
    dist/sbom.cdx.json                           CycloneDX SBOM of what the bundle and wheels hold
    dist/SHA256SUMS                              over every file above

Steps: build the application's wheel; download every dependency wheel at the versions pinned in
packaging/constraints.txt; write the lock; install the lock into a fresh environment with
--no-index (the offline install an administrator will do); describe that environment in the
SBOM; run PyInstaller on packaging/readiness.spec in it; check the bundle (glibc floor, every
imported module present); pack; checksum. Intermediate files go to build/packaging/.
SOURCE_DATE_EPOCH (default: the last commit's time) and PYTHONHASHSEED=0 make the wheel, the
bundle's archives and the tarball the same from run to run where the tools allow.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "packaging"
DIST_NAME = "partnership-readiness"

sys.path.insert(0, str(HERE))
import bundle_checks  # noqa: E402
import sbom as sbom_module  # noqa: E402
from sbom import sha256, wheel_name_version  # noqa: E402


class BuildError(Exception):
    """A step failed; the message says which and why."""


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def bundle_name(version: str) -> str:
    return f"readiness-{version}-linux-x86_64"


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the time of the last commit, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    done = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    return (
        int(done.stdout.strip())
        if done.returncode == 0 and done.stdout.strip()
        else int(time.time())
    )


def run(command: list[str | Path], env: dict[str, str], what: str) -> None:
    print(f"  $ {' '.join(str(part) for part in command)}", flush=True)
    done = subprocess.run([str(part) for part in command], env=env, cwd=ROOT)
    if done.returncode:
        raise BuildError(f"{what} failed (exit {done.returncode})")


def tool_pins() -> dict[str, str]:
    """``{"pyinstaller": "pyinstaller==X", ...}`` from packaging/build-tools.txt."""
    pins = {}
    for line in (HERE / "build-tools.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins[re.split(r"[=<>!~ ]", line, maxsplit=1)[0].lower()] = line
    return pins


def write_lock(wheelhouse: Path) -> Path:
    """requirements.lock: one ``name==version --hash=sha256:...`` per wheel, sorted by name."""
    lines = [
        "# Every wheel in this folder, with its SHA-256 (written by packaging/build.py).",
        "# pip install --no-index --find-links wheelhouse --require-hashes "
        "-r wheelhouse/requirements.lock",
    ]
    for wheel in sorted(wheelhouse.glob("*.whl"), key=wheel_name_version):
        name, version = wheel_name_version(wheel)
        lines.append(f"{name}=={version} \\\n    --hash=sha256:{sha256(wheel)}")
    lock = wheelhouse / "requirements.lock"
    lock.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lock


def venv_python(folder: Path) -> Path:
    return folder / "bin" / "python"


def make_venv(folder: Path, env: dict[str, str], with_pip: bool = True) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    command: list[str | Path] = [sys.executable, "-m", "venv", folder]
    if not with_pip:
        command.insert(3, "--without-pip")
    run(command, env, f"creating {folder.name}")
    return venv_python(folder)


def validate_sbom(tools_python: Path, sbom: Path, env: dict[str, str]) -> None:
    code = (
        "import sys\n"
        "from cyclonedx.schema import SchemaVersion\n"
        "from cyclonedx.validation.json import JsonStrictValidator\n"
        "problem = JsonStrictValidator(SchemaVersion.V1_6).validate_str(open(sys.argv[1]).read())\n"
        "sys.exit(f'invalid SBOM: {problem}' if problem else 0)\n"
    )
    run([tools_python, "-c", code, sbom], env, "validating the SBOM")


def pack(folder: Path, target: Path, epoch: int) -> None:
    """A tar.gz of ``folder`` that is the same bytes for the same files: sorted entries, fixed
    times and owners, no gzip time stamp."""

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
        info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
        return info

    paths = sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix())
    with (
        target.open("wb") as raw,
        gzip.GzipFile("", "wb", 6, raw, mtime=epoch) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.add(folder, folder.name, recursive=False, filter=normalise)
        for path in paths:
            arcname = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            tar.add(path, arcname, recursive=False, filter=normalise)


def write_sums(dist: Path) -> Path:
    """SHA256SUMS in `sha256sum -c` form over every file in dist/ (sorted)."""
    files = sorted(
        (p for p in dist.rglob("*") if p.is_file() and p.name != "SHA256SUMS"),
        key=lambda p: p.relative_to(dist).as_posix(),
    )
    sums = dist / "SHA256SUMS"
    sums.write_text(
        "".join(f"{sha256(p)}  {p.relative_to(dist).as_posix()}\n" for p in files),
        encoding="utf-8",
    )
    return sums


def build_info(bundle: Path, version: str, report: bundle_checks.LibraryReport, floor: str) -> None:
    """BUILD-INFO.txt in the bundle: what it is and what it needs from the system."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    lines = [
        f"Partnership Readiness {version}, Linux x86_64 one-folder bundle",
        f"source commit: {commit or 'unknown'}",
        f"needs glibc >= {report.glibc} (checked at build time against the floor {floor})",
    ]
    if report.glibcxx:
        lines.append(f"needs the system libstdc++ with GLIBCXX_{report.glibcxx}")
    lines += [
        "system libraries it loads (the window needs the X11 or Wayland ones):",
        *(f"  {soname}" for soname in report.system_libraries),
        "",
    ]
    (bundle / "BUILD-INFO.txt").write_text("\n".join(lines), encoding="utf-8")


def build(keep_venvs: bool = False) -> dict[str, float]:
    """Run every step; returns seconds per step. Raises BuildError."""
    timings: dict[str, float] = {}
    clock = time.monotonic()

    def step(name: str) -> None:
        nonlocal clock
        now = time.monotonic()
        timings[name] = now - clock
        clock = now
        print(f"== {name}: {timings[name]:.0f} s", flush=True)

    version = project_version()
    epoch = source_date_epoch()
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0")
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)  # build from the wheel, never from a source tree on the path
    if shutil.which("readelf") is None:
        raise BuildError("readelf not found: install binutils")
    name = bundle_name(version)
    shutil.rmtree(DIST, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    wheelhouse = DIST / "wheelhouse"
    wheelhouse.mkdir(parents=True)
    pip: list[str | Path] = [sys.executable, "-m", "pip"]

    run([*pip, "wheel", "--no-deps", "--wheel-dir", wheelhouse, ROOT], env, "building the wheel")
    app_wheel = next(wheelhouse.glob("partnership_readiness-*.whl"))
    run(
        [*pip, "download", "--only-binary=:all:", "--dest", wheelhouse,
         "--constraint", HERE / "constraints.txt", app_wheel],
        env, "downloading the dependency wheels",
    )  # fmt: skip
    lock = write_lock(wheelhouse)
    step("wheel and wheelhouse")

    tools = make_venv(WORK / "tools", env)
    pins = tool_pins()
    run([tools, "-m", "pip", "install", "--quiet", pins["cyclonedx-bom"]], env, "installing tools")
    venv = make_venv(WORK / "venv", env, with_pip=False)
    tool_pip: list[str | Path] = [tools, "-m", "pip", "--python", venv, "install", "--quiet"]
    offline = ["--no-index", "--find-links", wheelhouse]
    run([*tool_pip, *offline, "--require-hashes", "-r", lock], env, "installing the lock")
    run([*tool_pip, *offline, DIST_NAME], env, "installing the application from the wheelhouse")
    step("environments")

    sbom = DIST / "sbom.cdx.json"
    run(
        [tools.parent / "cyclonedx-py", "environment", "--pyproject", ROOT / "pyproject.toml",
         "--mc-type", "application", "--output-reproducible", "--of", "JSON", "--sv", "1.6",
         "-o", sbom, venv],
        env, "writing the SBOM",
    )  # fmt: skip
    step("SBOM")

    run([*tool_pip, pins["pyinstaller"]], env, "installing PyInstaller")
    pyi = WORK / "pyinstaller"
    run(
        [venv, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", pyi / "dist", "--workpath", pyi / "work", HERE / "readiness.spec"],
        env, "PyInstaller",
    )  # fmt: skip
    bundle = DIST / name
    shutil.move(pyi / "dist" / name, bundle)
    step("PyInstaller bundle")

    ok, report, floor = bundle_checks.check_glibc(bundle)
    print(f"glibc needed: {report.glibc} (floor {floor}) by {', '.join(report.glibc_by)}")
    if not ok:
        raise BuildError(
            f"the bundle needs glibc {report.glibc}, newer than the floor {floor} in "
            f"packaging/glibc-floor.txt (needed by {', '.join(report.glibc_by)})"
        )
    run([venv, HERE / "bundle_checks.py", "imports", bundle], env, "checking bundled modules")
    build_info(bundle, version, report, floor)
    pyinstaller_version = pins["pyinstaller"].split("==")[-1]
    try:
        sbom_module.enrich(sbom, wheelhouse, bundle, report.glibc, pyinstaller_version)
    except sbom_module.SbomError as exc:
        raise BuildError(str(exc)) from exc
    validate_sbom(tools, sbom, env)
    step("checks")

    pack(bundle, DIST / f"{name}.tar.gz", epoch)
    write_sums(DIST)
    step("tarball and checksums")
    if not keep_venvs:
        shutil.rmtree(WORK / "tools", ignore_errors=True)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep-venvs", action="store_true", help="keep build/packaging/tools for inspection"
    )
    args = parser.parse_args(argv)
    start = time.monotonic()
    try:
        timings = build(args.keep_venvs)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    total = time.monotonic() - start
    print("build times: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    print(f"build finished in {total:.0f} s; outputs in {DIST.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
