"""``readiness answer`` through sqlite3 (issue 17) writes exactly what the Workspace writes.

The same edits go through both paths into two copies of the same real SQLite file; every row of
answers, answer_history and assessments must then agree (ids included; only the clock differs).
Where the quick path must not decide (an imported assessment, a file not in WAL mode, another
schema), it writes nothing and says None.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from readiness.services.quick import quick_change_answer
from readiness.services.workspace import Workspace
from storage_helpers import demo_database

EDITS: list[dict[str, Any]] = [
    {"option": "2", "comment": "after the March drill ✓"},
    {"option": "2"},  # no change: no history entry
    {"flagged": True},
    {"evidence": "exercise:AAR 2026-03 p.4@2026-03-20"},
    {"option": "4", "flagged": False},
    {"comment": ""},
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("quickwrite") / "demo.db")


def copy_of(source: Path, target: Path) -> Path:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute("PRAGMA journal_mode = WAL")
    return target


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that an answer change touches, without the clock columns."""
    with closing(sqlite3.connect(path)) as connection, connection:
        return {
            "answers": connection.execute(
                "SELECT id, assessment_id, question_id, option_id, na_justification, text,"
                " comment, flagged, to_review, evidence_kind, evidence_reference, evidence_date"
                " FROM answers ORDER BY id"
            ).fetchall(),
            "history": connection.execute(
                "SELECT id, assessment_id, question_id, action, target_id, before, after"
                " FROM answer_history ORDER BY id"
            ).fetchall(),
            "assessments": connection.execute(
                "SELECT id, status, score, level, completeness, domain_scores FROM assessments"
                " ORDER BY id"
            ).fetchall(),
        }


def targets(path: Path) -> list[tuple[str, str, str]]:
    """(assessment id, scored question id, an N/A-able question id or '') per assessment."""
    workspace = Workspace.open(path)
    try:
        found = []
        for summary in workspace.assessments():
            questionnaire = workspace.questionnaire_of(summary).questionnaire
            scored = [q for d in questionnaire.domains for q in d.questions if q.is_scored]
            na = next((q.id for q in scored if q.allow_na), "")
            found.append((summary.id, scored[1].id, na))
        return found
    finally:
        workspace.close()


def test_both_paths_write_the_same_rows(demo_db: Path, tmp_path: Path) -> None:
    full, quick = copy_of(demo_db, tmp_path / "full.db"), copy_of(demo_db, tmp_path / "quick.db")
    plan = targets(demo_db)
    with (
        closing(sqlite3.connect(full)) as a,
        closing(sqlite3.connect(quick)) as b,
        a,
        b,
    ):  # a user reopened one
        for connection in (a, b):
            connection.execute(  # a complete one: it must stay a draft
                "UPDATE assessments SET status = 'draft' WHERE id ="
                " (SELECT id FROM assessments WHERE completeness = 1 ORDER BY id LIMIT 1)"
            )
    workspace = Workspace.open(full)
    try:
        for assessment_id, question_id, na_question in plan:
            edits = [*EDITS, {"na": "not our sector"}] if na_question else EDITS
            for fields in edits:
                question = na_question if "na" in fields else question_id
                workspace.change_answer(assessment_id, question, **fields)
                saved = quick_change_answer(quick, assessment_id[:8], question, fields)
                assert saved is not None
                state, saved_question = saved
                assert saved_question == question
                assert state.summary.id == assessment_id
    finally:
        workspace.close()
    expected, got = rows(full), rows(quick)
    assert got == expected
    assert [a[1] for a in got["assessments"]].count("draft") >= 1
    assert len(got["history"]) > len(rows(demo_db)["history"])
    with (
        closing(sqlite3.connect(quick)) as connection,
        connection,
    ):  # the last change time is the history's
        for assessment_id, *_rest in plan:
            last = connection.execute(
                "SELECT max(at) FROM answer_history WHERE assessment_id = ?", (assessment_id,)
            ).fetchone()[0]
            updated = connection.execute(
                "SELECT updated_at FROM assessments WHERE id = ?", (assessment_id,)
            ).fetchone()[0]
            assert updated == last


def test_the_workspace_undoes_a_quick_change(demo_db: Path, tmp_path: Path) -> None:
    path = copy_of(demo_db, tmp_path / "undo.db")
    assessment_id, question_id, _na = targets(path)[0]
    before = Workspace.open(path)
    try:
        old = before.state(assessment_id).details.get(question_id)
    finally:
        before.close()
    assert quick_change_answer(path, assessment_id, question_id, {"option": "0"}) is not None
    workspace = Workspace.open(path)
    try:
        assert workspace.state(assessment_id).details[question_id].answer.option_id == "0"
        workspace.undo(assessment_id)
        assert workspace.state(assessment_id).details.get(question_id) == old
    finally:
        workspace.close()


def test_the_quick_path_writes_nothing_where_the_workspace_must_decide(
    demo_db: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_db, tmp_path / "origin.db")
    assessment_id, question_id, _na = targets(path)[0]
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO assessment_origins (assessment_id, kind, signer_key_id, signer_name,"
            " signer_public_key, package_id, revision, content_sha256, package_created,"
            " imported_at) VALUES (?, 'assessment', 'K', 'N', 'P', 'X', 1, 'S', '', '2026-01-01')",
            (assessment_id,),
        )
    untouched = rows(path)
    assert quick_change_answer(path, assessment_id, question_id, {"option": "0"}) is None
    assert rows(path) == untouched
    rollback = copy_of(demo_db, tmp_path / "rollback.db")
    with closing(sqlite3.connect(rollback)) as connection, connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    assert quick_change_answer(rollback, assessment_id, question_id, {"option": "0"}) is None
    assert quick_change_answer(tmp_path / "none.db", assessment_id, question_id, {}) is None
    assert not (tmp_path / "none.db").exists()


def test_cli_answer_imports_no_sqlalchemy_and_says_what_the_full_path_says(
    demo_db: Path, tmp_path: Path, readiness_cmd: list[str], cli_env: dict[str, str]
) -> None:
    fast_db, full_db = copy_of(demo_db, tmp_path / "a.db"), copy_of(demo_db, tmp_path / "b.db")
    assessment_id, question_id, _na = targets(demo_db)[0]

    def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd[:1], "-X", "importtime", *readiness_cmd[1:], *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    fast_env = dict(cli_env, READINESS_DB=str(fast_db))
    full_env = {k: v for k, v in cli_env.items() if k != "READINESS_DB"}
    full_env["READINESS_DATABASE_URL"] = f"sqlite:///{full_db}"
    for args in (
        ("answer", assessment_id[:6], question_id, "1", "--comment", "é", "--flag"),
        ("answer", assessment_id, "2.1", "--evidence", "document:Plan v3@2026-01-05"),
        ("answer", assessment_id, "9.9", "1"),  # unknown question: the same one line
        ("answer", assessment_id, question_id, "--text", "free"),  # wrong kind of answer
    ):
        fast, full = run(fast_env, *args), run(full_env, *args)
        assert (fast.returncode, fast.stdout) == (full.returncode, full.stdout)
        errors = [line for line in fast.stderr.splitlines() if not line.startswith("import")]
        full_errors = [line for line in full.stderr.splitlines() if not line.startswith("import")]
        assert errors == full_errors
        assert "sqlalchemy" not in fast.stderr
    assert rows(fast_db) == rows(full_db)
    shown = json.loads(
        subprocess.run(
            [*readiness_cmd, "assessment", "show", assessment_id, "--json"],
            capture_output=True,
            text=True,
            env=fast_env,
            timeout=120,
        ).stdout
    )
    assert shown["answers"][question_id]["comment"] == "é"


def test_a_busy_database_is_one_line_and_nothing_is_saved(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock past the busy timeout: the same one line as the
    Workspace gives, at once (not a second wait through the Workspace), nothing written."""
    from readiness.services.errors import UserError
    from readiness.storage import quick_write

    path = copy_of(demo_db, tmp_path / "busy.db")
    assessment_id, question_id, _na = targets(path)[0]
    untouched = rows(path)
    monkeypatch.setattr(quick_write, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(UserError) as raised:
            quick_change_answer(path, assessment_id, question_id, {"option": "0"})
    finally:
        holder.close()
    assert str(raised.value) == (
        "the database is busy: another program is writing to it; try again"
    )
    assert rows(path) == untouched
