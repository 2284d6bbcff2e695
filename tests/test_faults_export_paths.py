"""Export never writes over the database, through a link or into a device; an interrupted or
failing export leaves nothing behind (issue 8, item 2; DESIGN sections 5 and 6). Real files,
real links, a real FIFO, real signals and a real full disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env, fill, small_disk
from readiness.services.workspace import Workspace
from storage_helpers import MINI, integrity, load, sha256_file, start

__all__ = ["small_disk"]


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "work.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.answer(assessment, "trust.contact", "3")
    workspace.close()
    return db, assessment


def export(tmp_path: Path, db: Path, assessment: str, *args: str) -> subprocess.CompletedProcess:
    return cli(cli_env(tmp_path), "--db", str(db), "export", assessment, *args)


def refused(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def parts(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.part")]


@pytest.mark.parametrize("kind", ["--pdf", "--xlsx"])
@pytest.mark.parametrize("name", ["work.db", "work.db-wal", "work.db-shm", "link.db", "hard.db"])
def test_the_open_database_is_never_overwritten(
    seeded: tuple[Path, str], tmp_path: Path, kind: str, name: str
) -> None:
    db, assessment = seeded
    (tmp_path / "link.db").symlink_to(db)
    os.link(db, tmp_path / "hard.db")
    before = sha256_file(db)
    done = export(tmp_path, db, assessment, kind, str(tmp_path / name))
    refused(done, "open database")
    assert sha256_file(db) == before and integrity(db) == "ok"
    assert (tmp_path / "link.db").is_symlink()


def test_another_database_is_not_a_report(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, assessment = seeded
    other = tmp_path / "other.db"
    Workspace.open(other).close()
    before = sha256_file(other)
    refused(export(tmp_path, db, assessment, "--xlsx", str(other)), "is a database")
    assert sha256_file(other) == before


def test_a_link_is_followed_and_kept(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, assessment = seeded
    real = tmp_path / "reports" / "real.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    done = export(tmp_path, db, assessment, "--pdf", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"%PDF")
    assert parts(tmp_path) == []


def test_devices_pipes_and_dash_are_refused(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, assessment = seeded
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "to-fifo.pdf").symlink_to(fifo)
    for target in (str(fifo), str(tmp_path / "to-fifo.pdf")):
        refused(export(tmp_path, db, assessment, "--pdf", target), "not a regular file")
    assert fifo.is_fifo() and not fifo.is_symlink()
    work = tmp_path / "cwd"
    work.mkdir()
    command = [sys.executable, "-m", "readiness.cli", "--db", str(db), "export", assessment]
    done = subprocess.run(
        [*command, "--pdf", "-"],
        capture_output=True, text=True, env=cli_env(tmp_path), cwd=work, timeout=120,
    )  # fmt: skip
    refused(done, "not a file name")
    assert list(work.iterdir()) == []


def test_trailing_slash_is_a_folder(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, assessment = seeded
    refused(export(tmp_path, db, assessment, "--pdf", str(tmp_path / "out") + "/"), "folder")
    assert not (tmp_path / "out").exists()


def test_a_254_character_name_works(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, assessment = seeded
    name = "r" * 249 + ".xlsx"
    assert len(name) == 254
    done = export(tmp_path, db, assessment, "--xlsx", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / name).read_bytes()[:2] == b"PK"
    assert parts(tmp_path) == []


SLOW_EXPORT = """
import os, sys, time
from pathlib import Path
from readiness.services import export
from readiness.services.workspace import Workspace

workspace = Workspace.open(sys.argv[1])
report = workspace.report(sys.argv[2])
real_fsync = os.fsync

def slow_fsync(fd):  # the temporary file exists now: stop here until a signal comes
    print("writing", flush=True)
    time.sleep(30)
    real_fsync(fd)

export.os.fsync = slow_fsync
export.export_report(report, xlsx=Path(sys.argv[3]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_during_export_leaves_no_part_file(
    seeded: tuple[Path, str], tmp_path: Path, signum: int
) -> None:
    db, assessment = seeded
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(db), assessment, str(out / "r.xlsx")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(tmp_path),
    )  # fmt: skip
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "writing"
        assert len(parts(out)) == 1  # the temporary file is there
        process.send_signal(signum)
        code = process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert code == 128 + signum
    assert list(out.iterdir()) == []


def test_xlsx_on_a_full_disk_is_one_line(
    seeded: tuple[Path, str], small_disk: Path, tmp_path: Path
) -> None:
    db, assessment = seeded
    fill(small_disk, leave=4096)
    time.sleep(0.1)
    done = export(tmp_path, db, assessment, "--xlsx", str(small_disk / "r.xlsx"), "--pdf",
                  str(tmp_path / "r.pdf"))  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert "No space left" in done.stderr
    assert "ZipFile" not in done.stderr and "Exception ignored" not in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")  # the other format was written
    assert done.stdout.strip() == str(tmp_path / "r.pdf")


def test_dev_stdout_redirected_to_a_file_is_refused(
    seeded: tuple[Path, str], tmp_path: Path
) -> None:
    """With stdout redirected to a file, /dev/stdout resolves to a regular file: replacing it
    would swap the file under the shell's redirection (the rest of the output is lost)."""
    db, assessment = seeded
    captured = tmp_path / "captured.txt"
    command = [sys.executable, "-m", "readiness.cli", "--db", str(db), "export", assessment]
    with captured.open("wb") as stdout:
        inode = os.fstat(stdout.fileno()).st_ino
        done = subprocess.run(
            [*command, "--pdf", "/dev/stdout"],
            stdout=stdout, stderr=subprocess.PIPE, env=cli_env(tmp_path), timeout=120,
        )  # fmt: skip
    assert done.returncode == 1
    assert b"open stream" in done.stderr
    assert captured.stat().st_ino == inode and captured.read_bytes() == b""
