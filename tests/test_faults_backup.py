"""The backup taken before a migration is real or absent (issue 8, item 5; DESIGN section 4):
a hot rollback journal, a full disk and a read-only folder, each real."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from fault_helpers import fill, remount_read_only, small_disk
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import dump, integrity, query
from test_storage_migrations import build_0001

__all__ = ["small_disk"]


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".backup-" in p.name)


HOT_JOURNAL = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA cache_size = 1")  # spill changed pages into the file at once
db.execute("BEGIN")
db.execute("UPDATE answers SET comment = 'never committed ' || id")
db.execute("INSERT INTO organisations SELECT id || '-x', name, kind, sector, country, created_at"
           " FROM organisations")
os._exit(0)  # a crash: the journal stays beside the file, hot
"""


def test_hot_journal_is_rolled_back_and_backed_up(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    build_0001(db)
    with closing(sqlite3.connect(db)) as raw:
        raw.execute("PRAGMA journal_mode = DELETE")
    before = dump(db)
    subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(db)], check=True, timeout=60)
    assert db.with_name("old.db-journal").exists()

    Workspace.open(db).close()
    (backup,) = backups(tmp_path)
    assert backup.stat().st_size > 0
    assert integrity(backup) == "ok"
    assert dump(backup) == before  # the uncommitted change was rolled back, not copied
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_full_disk_leaves_no_backup_and_the_file_as_it_was(
    small_disk: Path, tmp_path: Path
) -> None:
    db = small_disk / "old.db"
    build_0001(db)
    with closing(sqlite3.connect(db)) as raw:  # make it big enough not to fit twice
        raw.execute("CREATE TABLE padding (x BLOB)")
        raw.execute("INSERT INTO padding VALUES (zeroblob(600000))")
        raw.commit()
    before = dump(db)
    filler = fill(small_disk, leave=300_000)
    with pytest.raises(UserError) as raised:
        Workspace.open(db)
    message = str(raised.value)
    assert "back up" in message and "\n" not in message, message
    assert "unexpected" not in message
    assert backups(small_disk) == []
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin", "old.db"]
    assert dump(db) == before
    assert query(db, "SELECT version_num FROM alembic_version") == [("0001",)]
    filler.unlink()


def test_read_only_folder_leaves_no_backup(small_disk: Path) -> None:
    db = small_disk / "old.db"
    build_0001(db)
    before = dump(db)
    remount_read_only(small_disk)
    with pytest.raises(UserError) as raised:
        Workspace.open(db)
    message = str(raised.value)
    assert "\n" not in message and "unexpected" not in message
    assert "read-only" in message or "back up" in message, message
    assert backups(small_disk) == []
    assert dump(db) == before
