"""Two app instances on one database at once (DESIGN sections 4 and 12): both succeed, nothing is
lost, no 'database is locked', and the file stays sound."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from backends import Backend
from readiness.domain.scoring import shown
from readiness.services.workspace import Workspace
from readiness.storage.database import HEAD
from readiness.storage.recognise import APPLICATION_ID
from storage_helpers import choice_ids, integrity, load, python_script, query, start
from storage_helpers import write_questionnaire as write_q

QUESTIONS = 12
CALLS = 60
WRITES = CALLS + CALLS // 10  # answers plus comments

# Opens the database, says "ready", waits for "go" on stdin, then makes CALLS answer calls
# (alternating options, so the same process never repeats a value) plus a comment every tenth
# call, and reports as JSON how many calls changed something and which errors it met.
CHILD = """
import json, sys, traceback
from readiness.services.workspace import Workspace
from readiness.services.errors import UserError
db, assessment, questions, phase, calls = (
    sys.argv[1], sys.argv[2], sys.argv[3].split(","), int(sys.argv[4]), int(sys.argv[5])
)
errors, changes = [], 0
try:
    workspace = Workspace.open(db or None)  # "": READINESS_DATABASE_URL (a server)
except Exception as exc:
    errors.append(repr(exc))
print("ready", flush=True)
sys.stdin.readline()
for i in range(calls if not errors else 0):
    question = questions[i % len(questions)]
    option = str((i // len(questions) + phase) % 2 * 2 + 1)  # "1" or "3"
    try:
        changes += workspace.answer(assessment, question, option) is not None
        if i % 10 == 9:
            changes += workspace.set_comment(assessment, question, f"p{phase} c{i}") is not None
    except Exception as exc:
        errors.append(repr(exc))
print(json.dumps({"changes": changes, "errors": errors}), flush=True)
"""


def run_together(db: Backend, jobs: list[tuple[str, list[str], int]]) -> list[dict]:
    """Start one child per (assessment, questions, phase), release them at once, collect."""
    where = str(db.path) if db.path else ""
    env = db.env(dict(os.environ))
    children = [
        python_script(
            CHILD, where, assessment, ",".join(questions), str(phase), str(CALLS), env=env
        )
        for assessment, questions, phase in jobs
    ]
    watchdogs = [threading.Timer(90, child.kill) for child in children]
    for watchdog in watchdogs:
        watchdog.start()
    try:
        for child in children:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line == "ready\n", line + child.communicate()[1]
        for child in children:  # both are waiting on stdin: release them together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = []
        for child in children:
            out, err = child.communicate()
            assert child.returncode == 0, err
            assert "locked" not in err and "Traceback" not in err, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for watchdog in watchdogs:
            watchdog.cancel()
        for child in children:
            if child.poll() is None:
                child.kill()
    return results


def history_count(db: Backend, assessment: str) -> int:
    return db.query("SELECT COUNT(*) FROM answer_history WHERE assessment_id = ?", assessment)[0][0]


def check_consistent(db: Backend, assessment: str, questions: list[str]) -> None:
    """Every question answered, and the cached score equals a fresh rescoring of the answers."""
    workspace = Workspace.open(db.target)
    try:
        state = workspace.state(assessment)
        assert sorted(state.details) == sorted(questions)
        assert all(d.answer is not None for d in state.details.values())
        assert state.summary.score == shown(state.result.overall)
        assert state.summary.completeness == pytest.approx(state.result.completeness)
    finally:
        workspace.close()


def sound(db: Backend) -> bool:
    return db.path is None or integrity(db.path) == "ok"


@pytest.fixture
def db_with_two(tmp_path: Path, backend: Backend) -> tuple[Backend, list[str]]:
    db = backend
    loaded = load(write_q(tmp_path, QUESTIONS))
    workspace = Workspace.open(db.target)
    ids = [start(workspace, loaded, title="A"), start(workspace, loaded, "Other org", "B")]
    workspace.close()
    return db, ids


def test_two_processes_on_different_assessments(db_with_two: tuple[Backend, list[str]]) -> None:
    db, (first, second) = db_with_two
    questions = choice_ids(QUESTIONS)
    results = run_together(db, [(first, questions, 0), (second, questions, 1)])
    for result in results:
        assert result["errors"] == []
        assert result["changes"] == WRITES  # alone on its assessment: every call is a change
    for assessment in (first, second):
        assert history_count(db, assessment) == WRITES
        check_consistent(db, assessment, questions)
    assert sound(db)


def test_two_processes_on_the_same_assessment(db_with_two: tuple[Backend, list[str]]) -> None:
    db, (first, _second) = db_with_two
    questions = choice_ids(QUESTIONS)
    # Same questions, opposite phases: they overwrite each other's values all the time.
    results = run_together(db, [(first, questions, 0), (first, questions, 1)])
    for result in results:
        assert result["errors"] == []
    # A call that found the other process had already written its value changed nothing and
    # left no history row; every other call left exactly one.
    assert history_count(db, first) == sum(r["changes"] for r in results)
    assert sum(r["changes"] for r in results) > WRITES
    check_consistent(db, first, questions)
    assert history_count(db, _second) == 0
    assert sound(db)


def test_second_instance_opens_a_new_database_the_first_still_holds(tmp_path: Path) -> None:
    """The window has just created the database and is still open; the CLI opens it too.

    Regression: recognise() used to read application_id from the main file's raw header,
    stale while page 1 is only in the WAL, and refused the file as another application's."""
    db = tmp_path / "new.db"
    first = Workspace.open(db)
    try:
        first.add_organisation("Created by the first instance", "company")
        second = Workspace.open(db)
        try:
            assert [o.name for o in second.organisations()] == ["Created by the first instance"]
        finally:
            second.close()
    finally:
        first.close()


def test_two_processes_create_a_new_database_at_once(tmp_path: Path) -> None:
    """First start of two instances on a missing file: both migrate it, neither fails.
    (A race: with the stale-header bug above it failed about one run in twelve.)"""
    db = tmp_path / "fresh.db"
    code = (
        "import sys\n"
        "from readiness.services.workspace import Workspace\n"
        "sys.stdin.readline()\n"
        "w = Workspace.open(sys.argv[1])\n"
        "w.add_organisation('Org ' + sys.argv[2], 'company')\n"
        "print('done', flush=True)\n"
    )
    children = [python_script(code, str(db), str(n)) for n in range(2)]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=90)
        assert child.returncode == 0 and out == "done\n", err
    assert query(db, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert query(db, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert sorted(r[0] for r in query(db, "SELECT name FROM organisations")) == ["Org 0", "Org 1"]
    assert integrity(db) == "ok"
