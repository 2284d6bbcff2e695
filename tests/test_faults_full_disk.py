"""A full disk never locks the user out, and never half-applies a change (issue 8, items 1 and 3;
DESIGN section 4). Every test runs on a real 2 MB tmpfs that really fills up."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

from fault_helpers import assert_no_leak, cli, cli_env, fill, log_text, small_disk
from readiness.storage.database import REVISIONS
from readiness.storage.recognise import FileState, recognise
from storage_helpers import MINI, integrity, load, side_files, start

__all__ = ["small_disk"]  # the fixture, imported for pytest


def header_says_more_than_the_file(path: Path) -> bool:
    header = path.read_bytes()[:100]
    page_size = struct.unpack(">H", header[16:18])[0]
    pages = struct.unpack(">I", header[28:32])[0]
    return pages * page_size > path.stat().st_size


def test_full_disk_during_demo_never_locks_the_user_out(small_disk: Path, tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    db = small_disk / "s.db"
    # demo writes in one transaction (issue 9): leave it too little room to commit
    assert cli(env, "--db", str(db), "org", "add", "Ours", "--kind", "company").returncode == 0
    fill(small_disk, leave=60_000)
    failed = cli(env, "--db", str(db), "demo")
    assert failed.returncode == 1
    assert "disk" in failed.stderr and "is full" in failed.stderr, failed.stderr
    assert failed.stderr.count("\n") == 1, failed.stderr
    wal = db.with_name("s.db-wal")
    print("header says more pages than the file holds:", header_says_more_than_the_file(db))

    listed = cli(env, "--db", str(db), "assessment", "list")
    assert listed.returncode == 0, listed.stderr
    assert "damaged" not in listed.stderr
    assert "No assessments yet" in listed.stdout  # the demo is all or nothing
    assert "Ours" in cli(env, "--db", str(db), "org", "list").stdout  # what came before stays

    # Copied elsewhere with its log (but without the shared-memory index): still ours, and
    # recognising it creates nothing beside it.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copyfile(db, copy / "s.db")
    if wal.exists():
        shutil.copyfile(wal, copy / "s.db-wal")
    assert recognise(copy / "s.db", REVISIONS).state is FileState.OURS
    assert side_files(copy / "s.db") == (["s.db-wal"] if wal.exists() else [])
    copied = cli(env, "--db", str(copy / "s.db"), "assessment", "list")
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout == listed.stdout
    assert integrity(copy / "s.db") == "ok"


def test_file_without_its_log_is_still_truncated(small_disk: Path, tmp_path: Path) -> None:
    """The log is what makes a short file whole: copied without it, the file is refused."""
    env = cli_env(tmp_path)
    db = small_disk / "s.db"
    assert cli(env, "--db", str(db), "org", "add", "Ours", "--kind", "company").returncode == 0
    fill(small_disk, leave=60_000)
    assert cli(env, "--db", str(db), "demo").returncode == 1
    if not header_says_more_than_the_file(db):
        return  # the disk filled before the main file was extended: nothing to refuse
    alone = tmp_path / "alone.db"
    shutil.copyfile(db, alone)
    refused = cli(env, "--db", str(alone), "assessment", "list")
    assert refused.returncode == 1
    assert "truncated" in refused.stderr


def test_disk_filling_during_answers_never_locks_the_user_out(
    small_disk: Path, tmp_path: Path
) -> None:
    from readiness.services.workspace import Workspace

    env = cli_env(tmp_path)
    db = small_disk / "a.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.close()
    filler = fill(small_disk, leave=200_000)

    secret = "TLP-RED-comment-"
    failures = 0
    for n in range(60):
        done = cli(
            env, "--db", str(db), "answer", assessment, "trust.contact", str(n % 5),
            "--comment", secret + str(n) + "x" * 30_000,
        )  # fmt: skip
        if done.returncode:
            failures += 1
            assert "is full" in done.stderr, done.stderr
            assert done.stderr.count("\n") == 1
            assert_no_leak(done.stderr, secret)
            if failures == 3:
                break
    assert failures, "the disk never filled up"
    assert_no_leak(log_text(env), secret)

    shown = cli(env, "--db", str(db), "assessment", "show", assessment, "--json")
    assert shown.returncode == 0, shown.stderr
    filler.unlink()
    again = cli(env, "--db", str(db), "answer", assessment, "trust.contact", "4")
    assert again.returncode == 0, again.stderr
    assert integrity(db) == "ok"


def test_full_disk_changes_neither_option_nor_comment(small_disk: Path, tmp_path: Path) -> None:
    from readiness.services.workspace import Workspace

    env = cli_env(tmp_path)
    db = small_disk / "b.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.answer(assessment, "trust.contact", "1")
    workspace.close()
    filler = fill(small_disk, leave=0)
    done = cli(
        env, "--db", str(db), "answer", assessment, "trust.contact", "4",
        "--comment", "y" * 100_000,
    )  # fmt: skip
    assert done.returncode == 1
    assert "is full" in done.stderr
    filler.unlink()
    workspace = Workspace.open(db)
    try:
        detail = workspace.state(assessment).details["trust.contact"]
        assert detail.answer is not None and detail.answer.option_id == "1"  # type: ignore[union-attr]
        assert detail.comment == ""
    finally:
        workspace.close()
