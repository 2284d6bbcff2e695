"""Real faults for the data-safety tests (issue 8): a small full disk, a read-only file system,
and the command line run in a subprocess with its own log folder.

A full disk is a real 2 MB tmpfs; where the machine does not allow mounting (not root, no
CAP_SYS_ADMIN, a container without mount rights), the tests that need one skip and say why.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SMALL_DISK = "2m"


def _mount(folder: Path, options: str) -> str | None:
    """Mount a tmpfs on ``folder``; None on success, else why it could not be done."""
    if os.name != "posix" or not Path("/proc/mounts").exists():
        return "needs Linux (tmpfs)"
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot run mount: {exc}"
    if done.returncode != 0:
        return f"mount not permitted here: {done.stderr.strip() or done.returncode}"
    return None


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=20, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own 2 MB tmpfs (a disk that really fills up)."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    reason = _mount(folder, f"size={SMALL_DISK}")
    if reason:
        print(f"SKIP small_disk: {reason}")
        pytest.skip(f"a full-disk test needs a 2 MB tmpfs; {reason}")
    try:
        yield folder
    finally:
        _unmount(folder)


def remount_read_only(folder: Path) -> None:
    """Make the tmpfs at ``folder`` read-only (everything on it, folder and files alike)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, timeout=20)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of ``folder`` with one file, leaving about ``leave`` bytes free."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with filler.open("wb") as handle:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                handle.write(chunk[: max(4096, min(len(chunk), free - leave))])
                handle.flush()
            except OSError:
                break
    return filler


def cli(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``readiness ARGS`` in a subprocess; never a traceback on stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", *args],
        capture_output=True,
        env=env,
        timeout=timeout,
    )
    result = subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["READINESS_LOG_DIR"] = str(tmp_path / "logs")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("READINESS_DB", None)
    env.pop("READINESS_DATABASE_URL", None)
    return env


def log_text(env: dict[str, str]) -> str:
    path = Path(env["READINESS_LOG_DIR"]) / "readiness.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


LEAKS = ("[SQL", "[parameters", "sqlalche.me", "http://", "https://", "Traceback")


def assert_no_leak(text: str, *secrets: str) -> None:
    """Nothing of the user's own text, no SQL, no driver details, no web address in ``text``."""
    for marker in (*LEAKS, *secrets):
        assert marker not in text, f"{marker!r} leaked: {text[-2000:]}"
