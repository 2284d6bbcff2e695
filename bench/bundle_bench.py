"""Air-gapped bundle benchmark: build time, sizes, and start-up of the bundle vs the installed app.

Run from the repository root (needs network for the build, like packaging/build.py)::

    python -m bench.bundle_bench [--runs 9] [--no-build]

In one run: times ``python packaging/build.py`` (skipped with ``--no-build``, which reuses
dist/), measures the bundle folder and the tarball, unpacks the tarball into a temporary
folder, and then times, in fresh processes interleaved round by round, the unpacked bundle's
``readiness`` against the same version installed from the wheelhouse into a virtual environment
(``build/packaging/venv``, which build.py leaves behind): ``--version``, ``assessment list
--json`` on a database with the demo data, and ``gui`` until the window's first paint and until
its data is shown (``READINESS_BENCH_EXIT_ON_SHOW=1``, offscreen). Prints a markdown report.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
INSTALLED = ROOT / "build" / "packaging" / "venv" / "bin" / "readiness"
SHOWN, READY = "READINESS_WINDOW_SHOWN", "READINESS_WINDOW_READY"


def _version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    assert match, "no version in pyproject.toml"
    return match[1]


def _size(folder: Path) -> int:
    """Bytes of every regular file under ``folder`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _build() -> tuple[float, str]:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "packaging/build.py"], cwd=ROOT, capture_output=True, text=True
    )
    seconds = time.monotonic() - start
    if done.returncode:
        raise SystemExit(f"build failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    steps = next((line for line in done.stdout.splitlines() if line.startswith("build times")), "")
    return seconds, steps


def _env(folder: Path, gui: bool) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "LANG": "C.UTF-8"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if gui:
        env["READINESS_BENCH_EXIT_ON_SHOW"] = "1"
    return env


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to exit, to the window shown, to the data shown) of one fresh process."""
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    end = time.time() - start
    if done.returncode:
        raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr[-800:]}")
    marks = {
        line.split()[0]: float(line.split()[1]) - start
        for line in done.stdout.splitlines()
        if line.startswith((SHOWN, READY))
    }
    return end, marks.get(SHOWN, end), marks.get(READY, end)


def run(runs: int, build: bool) -> str:
    version = _version()
    name = f"readiness-{version}-linux-x86_64"
    build_seconds, steps = _build() if build else (None, "")
    tarball = DIST / f"{name}.tar.gz"
    lines = [f"Bundle {name}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs", ""]
    if build_seconds is not None:
        lines.append(
            f"- build (`python packaging/build.py`, network, pip cache warm): "
            f"{build_seconds:.0f} s ({steps.removeprefix('build times: ')})"
        )
    lines += [
        f"- bundle folder unpacked: {_size(DIST / name) / 1e6:.0f} MB (target ≤ 250 MB)",
        f"- tarball: {tarball.stat().st_size / 1e6:.0f} MB (target ≤ 100 MB)",
        f"- wheelhouse: {_size(DIST / 'wheelhouse') / 1e6:.0f} MB",
    ]
    with tempfile.TemporaryDirectory(prefix="readiness-bundle-bench-") as tmp:
        folder = Path(tmp)
        start = time.monotonic()
        with tarfile.open(tarball) as tar:
            tar.extractall(folder, filter="tar")
        lines.append(f"- unpacking the tarball: {time.monotonic() - start:.1f} s")
        bundle = str(folder / name / "readiness")
        db = folder / "demo.db"
        demo = [str(INSTALLED), "--db", str(db), "demo"]
        subprocess.run(demo, check=True, env=_env(folder, False), capture_output=True)
        cases: dict[str, tuple[str, list[str], bool]] = {}
        for label, exe in (("bundle", bundle), ("installed", str(INSTALLED))):
            cases[f"{label}: --version"] = (label, [exe, "--version"], False)
            cases[f"{label}: assessment list --json"] = (
                label, [exe, "--db", str(db), "assessment", "list", "--json"], False,
            )  # fmt: skip
            cases[f"{label}: gui"] = (label, [exe, "--db", str(db), "gui"], True)
        homes = {}
        for case in cases:
            homes[case] = folder / re.sub(r"\W+", "-", case)
            homes[case].mkdir()
        samples: dict[str, list[tuple[float, float, float]]] = {case: [] for case in cases}
        for case, (_, command, gui) in cases.items():  # warm the file cache, not timed
            _time(command, _env(homes[case], gui))
        for index in range(runs):
            order = list(cases)
            order = order[index % len(order) :] + order[: index % len(order)]
            for case in order:
                _, command, gui = cases[case]
                samples[case].append(_time(command, _env(homes[case], gui)))
    lines += [
        "",
        f"Start-up, fresh processes, median of {runs} interleaved runs (offscreen):",
        "",
        "| command | bundle | installed app | bundle / installed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for what, index, label in (
        ("--version", 0, "--version (to exit)"),
        ("assessment list --json", 0, "assessment list --json, demo data (to exit)"),
        ("gui", 1, "gui: window shown"),
        ("gui", 2, "gui: data shown"),
    ):
        bundle_median = statistics.median(s[index] for s in samples[f"bundle: {what}"])
        installed_median = statistics.median(s[index] for s in samples[f"installed: {what}"])
        lines.append(
            f"| {label} | {bundle_median * 1000:.0f} ms | {installed_median * 1000:.0f} ms "
            f"| {bundle_median / installed_median:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per case")
    parser.add_argument("--no-build", action="store_true", help="reuse dist/ as it is")
    args = parser.parse_args(argv)
    if not INSTALLED.exists() and args.no_build:
        parser.error(f"{INSTALLED} missing: run python packaging/build.py first")
    print(run(max(3, args.runs), not args.no_build))
    return 0


if __name__ == "__main__":
    sys.exit(main())
