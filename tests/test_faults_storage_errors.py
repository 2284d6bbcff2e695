"""Database faults reach the user as one line and never carry user data or web addresses, on
screen or in the log (issue 8, item 4; DESIGN section 4). Each fault is real: a lock another
connection holds, a read-only file or folder, damaged pages, a dropped table."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from fault_helpers import assert_no_leak, cli, cli_env, log_text
from readiness.services.workspace import Workspace
from storage_helpers import MINI, load, start

SECRET = "TLP:RED-operation-nightjar"


def make_db(folder: Path, answers: int = 1) -> tuple[Path, str]:
    db = folder / "f.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    for n in range(answers):
        workspace.answer(assessment, "trust.contact", str(n % 5))
        workspace.set_comment(assessment, "trust.contact", "c" * 3000 + str(n))
    workspace.close()
    return db, assessment


def answer_secret(env: dict[str, str], db: Path, assessment: str) -> subprocess.CompletedProcess:
    return cli(
        env, "--db", str(db), "answer", assessment, "trust.contact", "3", "--comment", SECRET
    )


def check_one_line(done: subprocess.CompletedProcess, env: dict[str, str], *words: str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "unexpected" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    assert_no_leak(done.stderr, SECRET)
    assert_no_leak(log_text(env), SECRET)


def test_missing_table(tmp_path: Path) -> None:
    db, assessment = make_db(tmp_path)
    with closing(sqlite3.connect(db)) as raw:
        raw.execute("DROP TABLE answer_history")
        raw.commit()
    env = cli_env(tmp_path)
    check_one_line(answer_secret(env, db, assessment), env, "no table 'answer_history'")
    assert "database fault missing-table" in log_text(env)


def test_damaged_pages(tmp_path: Path) -> None:
    db, assessment = make_db(tmp_path, answers=40)
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for start_at in range(3 * page, len(data), page):  # every page after the schema's
        data[start_at : start_at + page] = b"\xa5" * page
    db.write_bytes(bytes(data))
    env = cli_env(tmp_path)
    done = answer_secret(env, db, assessment)
    check_one_line(done, env, "damaged")


def test_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from readiness.cli import main
    from readiness.storage import database

    db, assessment = make_db(tmp_path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        code = main(
            ["--db", str(db), "answer", assessment, "trust.contact", "3", "--comment", SECRET]
        )
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert code == 1
    assert "busy" in err and err.count("\n") == 1, err
    assert_no_leak(err, SECRET)
    log = Path(os.environ["READINESS_LOG_DIR"]) / "readiness.log"
    assert_no_leak(log.read_text(encoding="utf-8") if log.exists() else "", SECRET)


# Read-only: as root every file is writable, so these run the command as "nobody". -------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private tmp tree that the user "nobody" can reach."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("setpriv"):
        print("SKIP read-only tests: they need root and setpriv to run a command as nobody")
        pytest.skip("needs root and setpriv to run a command as another user")
    folder = Path(tempfile.mkdtemp(prefix="readiness-ro-"))
    folder.chmod(0o777)
    probe = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
         "import readiness.cli"],
        capture_output=True, env=os.environ.copy(), timeout=60,
    )  # fmt: skip
    if probe.returncode:
        shutil.rmtree(folder)
        print("SKIP read-only tests: nobody cannot import readiness here")
        pytest.skip("the user nobody cannot run this Python and package")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-m", "readiness.cli", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    return done


def nobody_env(folder: Path) -> dict[str, str]:
    env = cli_env(folder)
    logs = folder / "logs"
    logs.mkdir(mode=0o777, exist_ok=True)
    logs.chmod(0o777)
    env["HOME"] = str(folder)
    return env


def test_read_only_file(shared_folder: Path) -> None:
    data = shared_folder / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    db, assessment = make_db(data)
    db.chmod(0o444)
    env = nobody_env(shared_folder)
    check_one_line(as_nobody(env, "--db", str(db), "answer", assessment, "trust.contact",
                             "3", "--comment", SECRET), env, "read-only")  # fmt: skip
    assert "folder" not in as_nobody(env, "--db", str(db), "answer", assessment, "x", "1").stderr


def test_read_only_folder(shared_folder: Path) -> None:
    data = shared_folder / "data"
    data.mkdir(mode=0o755)
    db, assessment = make_db(data)
    db.chmod(0o666)
    env = nobody_env(shared_folder)
    done = as_nobody(env, "--db", str(db), "answer", assessment, "trust.contact", "3",
                     "--comment", SECRET)  # fmt: skip
    check_one_line(done, env, "folder", "read-only")


# The window's error path --------------------------------------------------------------------


def test_window_shows_a_storage_error_as_one_sentence(tmp_path: Path, qtbot, monkeypatch) -> None:
    from sqlalchemy import create_engine, text

    from readiness.ui import errors as errors_module

    shown: list[str] = []
    monkeypatch.setattr(errors_module, "_exec", lambda box: shown.append(box.text()))
    db, _assessment = make_db(tmp_path)
    with closing(sqlite3.connect(db)) as raw:
        raw.execute("DROP TABLE answers")
        raw.commit()
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            connection.execute(text("UPDATE answers SET comment = :c"), {"c": SECRET})
    except Exception as exc:  # a real driver error, with the statement and its parameters
        assert SECRET in str(exc)
        errors_module.show_error(None, exc)
    finally:
        engine.dispose()
    assert len(shown) == 1
    assert "no table 'answers'" in shown[0]
    assert_no_leak(shown[0], SECRET)
    log = Path(os.environ["READINESS_LOG_DIR"]) / "readiness.log"
    assert_no_leak(log.read_text(encoding="utf-8") if log.exists() else "", SECRET)


def test_unexpected_errors_are_logged_without_their_message(tmp_path: Path) -> None:
    from readiness.logs import log_exception, log_path

    try:
        raise ValueError(f"cannot parse {SECRET}")
    except ValueError as exc:
        log_exception(exc)
    text = log_path().read_text(encoding="utf-8")
    assert "ValueError" in text and "test_unexpected_errors_are_logged" in text
    assert SECRET not in text
