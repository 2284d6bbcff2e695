"""Faults around the command line's quick sqlite3 paths and answers files (issue 17), found by
trying to break them: evidence an answers file cannot give is named, not dropped; another
assessment's answers are not applied without a word; a saved answer is never reported as failed;
a locked file is waited for once; a closed stdout, or a stored text that is not UTF-8, gives one
line and no traceback or stored value."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import demo_database


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("breaker") / "demo.db")


def copy_of(source: Path, target: Path, journal: str = "WAL") -> Path:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute(f"PRAGMA journal_mode = {journal}")
    return target


def first_company_assessment(path: Path) -> tuple[str, str, list[str]]:
    """(assessment id, another company assessment id, scored question ids)."""
    workspace = Workspace.open(path)
    try:
        company = [a for a in workspace.assessments() if a.questionnaire_id == "company-readiness"]
        questionnaire = workspace.questionnaire_of(company[0]).questionnaire
        scored = [q.id for d in questionnaire.domains for q in d.questions if q.is_scored]
        return company[0].id, company[1].id, scored
    finally:
        workspace.close()


def stored(path: Path, assessment_id: str, question_id: str) -> tuple[object, ...] | None:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT option_id, comment, evidence_kind, evidence_reference, evidence_date"
            " FROM answers WHERE assessment_id = ? AND question_id = ?",
            (assessment_id, question_id),
        ).fetchone()


def history_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM answer_history").fetchone()[0]


# 1. answers file: evidence that cannot be read is dropped silently --------------------------


@pytest.mark.parametrize(
    "evidence",
    [
        '{kind: document, reference: "", date: 2026-01-01}',  # CLI: "evidence needs a reference"
        '{kind: record, reference: "Minutes 12"}',  # no date
        "{kind: record, date: 2026-02-02}",  # no reference
    ],
)
def test_answers_file_evidence_that_does_not_read_is_reported_not_dropped(
    demo_db: Path, tmp_path: Path, evidence: str
) -> None:
    from readiness.services.answers_batch import apply_answers_file

    path = copy_of(demo_db, tmp_path / "ev.db")
    assessment_id, _other, scored = first_company_assessment(path)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        f"questionnaire: company-readiness\nanswers:\n  {scored[0]}: "
        f'{{option: "3", evidence: {evidence}}}\n',
        encoding="utf-8",
    )
    before = history_count(path)
    workspace = Workspace.open(path)
    try:
        with pytest.raises(UserError):  # was: saved, the evidence silently left out
            apply_answers_file(workspace, assessment_id, answers)
    finally:
        workspace.close()
    assert history_count(path) == before


# 2. answers file: another assessment's `assessment show --json` is applied silently -------


def test_show_json_of_another_assessment_is_not_applied_silently(
    demo_db: Path, tmp_path: Path
) -> None:
    from readiness.cli import assessments as _cli  # noqa: F401  (the same JSON as the CLI)
    from readiness.services.answers_batch import apply_answers_file
    from readiness.services.results import details_json

    path = copy_of(demo_db, tmp_path / "other.db")
    target, other, _scored = first_company_assessment(path)
    workspace = Workspace.open(path)
    try:
        state = workspace.state(other)
        shown = {
            "id": state.summary.id,
            "questionnaire": "company-readiness",
            "answers": details_json(state.details),
        }
        answers = tmp_path / "other.json"
        answers.write_text(json.dumps(shown), encoding="utf-8")
        # the file names assessment `other` in its "id"; applying it to `target` overwrote
        # ~50 of target's answers (another organisation's) with no question asked
        with pytest.raises(UserError, match="remove its 'id' line"):
            apply_answers_file(workspace, target, answers)
    finally:
        workspace.close()


# 3. quick answer: committed, then reported as failed ---------------------------------------


def test_quick_answer_never_reports_a_failure_after_committing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After COMMIT the quick path re-read the state under BEGIN IMMEDIATE (a write lock it
    does not need): another writer taking the lock in between made it wait the busy timeout
    and say "the database is busy ... try again" although the answer was saved."""
    from readiness.services.quick import quick_change_answer
    from readiness.storage import quick_write

    path = copy_of(demo_db, tmp_path / "race.db")
    assessment_id, _other, scored = first_company_assessment(path)
    monkeypatch.setattr(quick_write, "BUSY_TIMEOUT_S", 0.3)
    holder = sqlite3.connect(path, isolation_level=None)
    original = quick_write.QuickWriter.commit

    def commit_then_someone_writes(self: quick_write.QuickWriter) -> None:
        original(self)
        holder.execute("BEGIN IMMEDIATE")  # e.g. the window saving a comment

    monkeypatch.setattr(quick_write.QuickWriter, "commit", commit_then_someone_writes)
    try:
        try:
            quick_change_answer(path, assessment_id, scored[0], {"option": "0"})
            failed = False
        except UserError:
            failed = True
    finally:
        holder.close()
    saved = stored(path, assessment_id, scored[0])
    assert saved is not None and saved[0] == "0"  # the change is on disk...
    assert not failed  # ...and the user is not told it failed


# 4. an exclusive lock: the quick path waits the whole busy timeout, then hands over --------


def test_a_locked_file_is_waited_for_once(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A DELETE-journal file with another program's exclusive lock: `assessment list`,
    `assessment show`, `answer` and the window's preview waited the busy timeout (15 s) in
    QuickReader.open, then handed over to the Workspace, which waited 15 s more, and the
    window's thread was frozen for the first 15 s."""
    from readiness.services.quick import open_quick
    from readiness.storage import quick_read

    path = copy_of(demo_db, tmp_path / "locked.db", journal="DELETE")
    monkeypatch.setattr(quick_read, "BUSY_TIMEOUT_S", 1.0)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE assessments SET title = title")
        started = time.monotonic()
        try:
            view = open_quick(path)
        except UserError:
            view = None  # one line at once would be fine
        waited = time.monotonic() - started
    finally:
        holder.close()
    # either it reads, or it says "busy" itself, but it must not spend the timeout and then
    # leave the Workspace to spend it again
    assert not (view is None and waited >= 1.0), f"waited {waited:.1f}s then handed over"


# 5. fast exit with stdout closed: a traceback (and rc 1 after the answer is saved) ----------


def test_a_closed_stdout_gives_no_traceback(demo_db: Path, tmp_path: Path) -> None:
    """`readiness ... >&-`: Python starts with sys.stdout None; fast_exit called None.flush()
    and printed a traceback after `answer` had saved."""
    import os
    import subprocess
    import sys

    path = copy_of(demo_db, tmp_path / "closed.db")
    assessment_id, _other, scored = first_company_assessment(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "readiness.cli",
            "--db",
            str(path),
            "answer",
            assessment_id,
            scored[0],
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=lambda: os.close(1),
        timeout=120,
    )
    saved = stored(path, assessment_id, scored[0])
    assert saved is not None and saved[0] == "0"
    assert "Traceback" not in done.stderr, done.stderr


def test_stored_text_that_is_not_utf8_is_named_without_its_value(
    demo_db: Path, tmp_path: Path
) -> None:
    """sqlite3's decode error quotes the stored bytes: the line names the column only."""
    import os
    import subprocess
    import sys

    path = copy_of(demo_db, tmp_path / "latin1.db")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE assessments SET title = CAST(X'53E97269657573' AS TEXT)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "READINESS_DB": str(path)}
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "assessment", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"error: {path} holds text that is not valid UTF-8 in column 'title': it was changed "
        "by another program"
    ]
    assert "rieus" not in done.stderr and "rieus" not in log_text(env)


def log_text(env: dict[str, str]) -> str:
    """Everything the command logged (READINESS_LOG_DIR, as conftest sets it)."""
    folder = Path(env["READINESS_LOG_DIR"])
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.glob("*.log*"))


def test_an_id_with_terminal_controls_is_shown_not_obeyed(demo_db: Path, tmp_path: Path) -> None:
    """An error line quotes what was typed: escape sequences and bidi overrides are written as
    escapes, so the terminal shows them instead of colouring or reordering the line."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "READINESS_DB": str(demo_db)}
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "answer", "\x1b[31mdead\u202e", "2.1", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "\x1b" not in done.stderr and "\u202e" not in done.stderr
    assert "\\x1b[31mdead\\u202e" in done.stderr


def test_a_database_given_as_an_answers_file_is_named_for_what_it_is(
    demo_db: Path, tmp_path: Path
) -> None:
    """It used to be called 'UTF-16 text' (its header has NUL bytes)."""
    import os
    import subprocess
    import sys

    path = copy_of(demo_db, tmp_path / "answers.db")
    assessment_id, _other, _scored = first_company_assessment(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "READINESS_DB": str(path)}
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "answer", assessment_id, "--file", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "this is an SQLite database, not a YAML text file" in done.stderr


def test_a_score_cache_that_is_not_a_number_is_computed_again(
    demo_db: Path, tmp_path: Path
) -> None:
    """SQLite columns take any value: a file changed by another program may hold text where a
    score belongs. It used to reach the list (the window crashed drawing it); the Workspace now
    recomputes such caches when it opens, and the quick path leaves the file to it."""
    from readiness.services.quick import open_quick

    path = copy_of(demo_db, tmp_path / "textscore.db")
    workspace = Workspace.open(path)
    try:
        expected = {a.id: (a.score, a.level, a.completeness) for a in workspace.assessments()}
    finally:
        workspace.close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE assessments SET score = 'abc', level = '2x'")
    assert open_quick(path) is None
    workspace = Workspace.open(path)
    try:
        got = {a.id: (a.score, a.level, a.completeness) for a in workspace.assessments()}
    finally:
        workspace.close()
    assert got == expected
    view = open_quick(path)  # repaired: the quick path reads it again
    assert view is not None
    view.close()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_that_cannot_be_written_is_one_line_and_the_answer_stays_saved(
    demo_db: Path, tmp_path: Path
) -> None:
    """`readiness answer ... > /dev/full`: the answer is saved, then printing fails; it used to
    say 'unexpected OSError'."""
    import os
    import subprocess
    import sys

    path = copy_of(demo_db, tmp_path / "full-output.db")
    assessment_id, _other, scored = first_company_assessment(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "READINESS_DB": str(path)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "readiness.cli", "answer", assessment_id, scored[0], "0"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: the output could not be written (No space left on device); anything saved "
        "stays saved"
    ]
    saved = stored(path, assessment_id, scored[0])
    assert saved is not None and saved[0] == "0"
