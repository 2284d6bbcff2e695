"""Files the app must refuse, byte-for-byte untouched, with one clear line (DESIGN section 4);
and files it must take: a missing or empty file becomes a new database."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage.database import HEAD
from readiness.storage.recognise import APPLICATION_ID
from storage_helpers import MINI, load, pragma, query, raw, run_cli, sha256_file, side_files, start


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real readiness database with some data, closed (so checkpointed: no -wal beside it)."""
    path = tmp_path_factory.mktemp("real") / "real.db"
    workspace = Workspace.open(path)
    loaded = load(MINI)
    for n in range(12):
        assessment = start(workspace, loaded, f"Organisation {n} " + "x" * 150, f"Title {n}")
        workspace.answer(assessment, "trust.contact", str(n % 5))
        workspace.set_comment(assessment, "trust.contact", "comment " * 200)
    workspace.close()
    assert side_files(path) == []
    assert path.stat().st_size >= 8 * 4096
    return path


def text_file(path: Path, real: Path) -> None:
    path.write_text("organisation,score\nNordlicht,47.5\n", encoding="utf-8")


def random_binary(path: Path, real: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(16384))


def truncated_half(path: Path, real: Path) -> None:
    """Cut to half, on a page boundary (as a copy that stopped at a block boundary would)."""
    data = real.read_bytes()
    path.write_bytes(data[: len(data) // 2 // 4096 * 4096])


def truncated_mid_page(path: Path, real: Path) -> None:
    data = real.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1000])


def header_only(path: Path, real: Path) -> None:
    path.write_bytes(real.read_bytes()[:100])


def short_header(path: Path, real: Path) -> None:
    path.write_bytes(real.read_bytes()[:40])


def bad_page_size(path: Path, real: Path) -> None:
    data = bytearray(real.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")
    path.write_bytes(bytes(data))


def garbage_after_header(path: Path, real: Path) -> None:
    """A sound-looking header over pages of noise (e.g. a disk error, a bad sync)."""
    data = real.read_bytes()
    noise = random.Random(3).randbytes(len(data) - 100)
    path.write_bytes(data[:100] + noise)


def other_application(path: Path, real: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO foo (name) VALUES ('not ours')")
        db.commit()


def other_application_wal(path: Path, real: Path) -> None:
    """Another application's file in WAL mode (as many apps use), closed cleanly."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)")
        db.commit()
    assert side_files(path) == []


def newer_schema(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    with raw(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.commit()
    assert side_files(path) == []


def no_schema_version(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    with raw(path) as db:
        db.execute("DROP TABLE alembic_version")
        db.commit()


def directory(path: Path, real: Path) -> None:
    path.mkdir()


BAD: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    # name: (how to make it, a word the message must contain)
    "text file": (text_file, "not an SQLite file"),
    "random binary": (random_binary, "not an SQLite file"),
    "truncated to half": (truncated_half, "shorter than its header says"),
    "truncated mid-page": (truncated_mid_page, "middle of a page"),
    "only the header": (header_only, "damaged"),
    "header cut short": (short_header, "cut short"),
    "invalid page size": (bad_page_size, "invalid page size"),
    "noise after the header": (garbage_after_header, "damaged"),
    "another application": (other_application, "another application"),
    "another application, WAL": (other_application_wal, "another application"),
    "newer schema": (newer_schema, "newer version"),
    "no schema version": (no_schema_version, "damaged"),
    "a directory": (directory, "folder"),
}


def make_bad(name: str, folder: Path, real: Path) -> tuple[Path, str | None]:
    maker, _word = BAD[name]
    path = folder / "bad.db"
    maker(path, real)
    return path, sha256_file(path) if path.is_file() else None


@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_is_refused_untouched(name: str, tmp_path: Path, real_db: Path) -> None:
    path, digest = make_bad(name, tmp_path, real_db)
    with pytest.raises(UserError) as raised:
        Workspace.open(path)
    message = str(raised.value)
    assert BAD[name][1] in message and str(path) in message and "\n" not in message
    if digest is not None:
        assert sha256_file(path) == digest
    assert [p.name for p in tmp_path.iterdir() if ".backup-" in p.name] == []


# The command line is slow to start (~0.7 s), so it runs on the cases named in the brief.
CLI_CASES = [
    "text file",
    "random binary",
    "truncated to half",
    "another application",
    "newer schema",
    "a directory",
]


@pytest.mark.parametrize("name", CLI_CASES)
def test_bad_file_through_the_cli(
    name: str, tmp_path: Path, real_db: Path, readiness_cmd: list[str], cli_env: dict[str, str]
) -> None:
    path, digest = make_bad(name, tmp_path, real_db)
    before = sorted(p.name for p in tmp_path.iterdir())
    done = run_cli(readiness_cmd, cli_env, tmp_path, "--db", str(path), "org", "list")
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert BAD[name][1] in lines[0]
    if digest is not None:
        assert sha256_file(path) == digest
    # Nothing else was created (no backup, no log folder's worth of noise beside the file)
    # except possibly the side files checked below.
    after = sorted(p.name for p in tmp_path.iterdir() if p.name not in side_files(path))
    assert after == before
    assert not (tmp_path / "cli.db").exists()  # --db wins over READINESS_DB


@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_gets_no_side_files(name: str, tmp_path: Path, real_db: Path) -> None:
    """Regression: recognising a WAL-mode file read-only used to leave new -wal and -shm
    files beside a file the app then refused (now probed with immutable=1)."""
    path, _digest = make_bad(name, tmp_path, real_db)
    with pytest.raises(UserError):
        Workspace.open(path)
    assert side_files(path) == []


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_missing_or_empty_file_becomes_a_new_database(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    if kind == "empty":
        path.write_bytes(b"")
    workspace = Workspace.open(path)
    try:
        assert workspace.organisations() == []
        workspace.add_organisation("First", "company")
    finally:
        workspace.close()
    assert query(path, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert pragma(path, "application_id") == APPLICATION_ID
    assert [p.name for p in tmp_path.iterdir() if ".backup-" in p.name] == []


def test_empty_file_becomes_a_new_database_through_the_cli(
    tmp_path: Path, readiness_cmd: list[str], cli_env: dict[str, str]
) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    done = run_cli(readiness_cmd, cli_env, tmp_path, "--db", str(path), "org", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert query(path, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert pragma(path, "application_id") == APPLICATION_ID


def test_empty_sqlite_file_of_no_application_becomes_ours(tmp_path: Path) -> None:
    """An SQLite file with no tables at all holds nothing to lose: it is taken as new."""
    path = tmp_path / "blank.db"
    with raw(path) as db:
        db.execute("PRAGMA user_version = 0")
        db.execute("VACUUM")  # writes the header, so the file is not 0 bytes
    assert path.stat().st_size > 0
    Workspace.open(path).close()
    assert query(path, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_refused_file_stays_refused(tmp_path: Path, real_db: Path) -> None:
    """Refusing twice changes nothing either (no half-done state after the first attempt)."""
    path, digest = make_bad("newer schema", tmp_path, real_db)
    for _ in range(2):
        with pytest.raises(UserError, match="newer version"):
            Workspace.open(path)
    assert sha256_file(path) == digest
    assert os.path.getsize(path) == real_db.stat().st_size


def test_folder_that_cannot_be_made_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UserError, match="does not exist") as raised:
        Workspace.open(blocker / "sub" / "readiness.db")
    assert "\n" not in str(raised.value)
    assert blocker.read_text(encoding="utf-8") == "not a folder"
