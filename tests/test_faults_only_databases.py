"""Only databases are databases (issue 8, item 6; DESIGN section 4): URLs that forget, junk
URLs, missing drivers, ignored options, another application's empty file, devices, missing
folders and an empty --db are each refused with one line, touching nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env
from storage_helpers import sha256_file, side_files


def refused(done, *words: str) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1, done.stderr
    assert "unexpected" not in done.stderr and "sqlalche.me" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    return done.stderr


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("sqlite://", ["in-memory"]),
        ("sqlite:///", ["in-memory"]),
        ("sqlite:///:memory:", ["in-memory"]),
        ("sqlite:///file:x?mode=memory&uri=true", ["in-memory"]),
        ("not a url at all", ["not a database URL"]),
        ("postgresql+pg8000://user:s3cret@localhost/readiness", ["driver", "pg8000", "install"]),
        ("postgresql://user:s3cret@127.0.0.1:9/readiness", ["database server"]),
        ("nosuchdb://host/x", ["cannot use", "nosuchdb"]),
        ("sqlite:///{tmp}/ro.db?mode=ro", ["options", "mode"]),
        ("sqlite:///{tmp}/x.db?foo=bar", ["options", "foo"]),
    ],
)
def test_database_urls(tmp_path: Path, url: str, words: list[str]) -> None:
    env = cli_env(tmp_path)
    env["READINESS_DATABASE_URL"] = url.replace("{tmp}", str(tmp_path))
    message = refused(cli(env, "org", "add", "Nordlicht", "--kind", "company"), *words)
    assert "s3cret" not in message
    assert not (tmp_path / "ro.db").exists() and not (tmp_path / "x.db").exists()


def test_another_applications_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as db:
        db.execute("PRAGMA application_id = 1234")
        db.commit()
    before = sha256_file(other)
    refused(cli(cli_env(tmp_path), "--db", str(other), "org", "list"), "another application")
    assert sha256_file(other) == before
    assert side_files(other) == []


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_devices_are_refused(tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    refused(cli(cli_env(tmp_path), "--db", device, "org", "list"), "not a regular file")
    assert not Path(device + "-journal").exists() and not Path(device + "-wal").exists()


def test_missing_folders_are_not_created(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.db"
    refused(cli(cli_env(tmp_path), "--db", str(target), "org", "list"), "does not exist")
    assert not (tmp_path / "no").exists()


def test_empty_db_option_is_an_error(tmp_path: Path) -> None:
    refused(cli(cli_env(tmp_path), "--db", "", "org", "list"), "--db")
