"""Crash safety: a process answering in a loop is killed with SIGKILL at random moments, and
every answer it acknowledged is on disk with its last acknowledged value (DESIGN section 4:
every answer change is its own committed transaction, FULL synchronous, WAL)."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from readiness.domain.scoring import shown
from readiness.services.workspace import Workspace
from storage_helpers import choice_ids, integrity, load, python_script, query, start
from storage_helpers import write_questionnaire as write_q

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

QUESTIONS = 16
OPTIONS = ("1", "3")  # answers alternate between these, so every call is a real change
ROUNDS = 3

# The child answers question i % n with an alternating option, and acknowledges each answer on
# stdout only after Workspace.answer has returned (i.e. after the commit).
CHILD = """
import sys
from readiness.services.workspace import Workspace
db, assessment, questions, phase = sys.argv[1:5]
questions, phase = questions.split(","), int(phase)
options = ("1", "3")
workspace = Workspace.open(db)
print("ready", flush=True)
i = 0
while True:
    question = questions[i % len(questions)]
    option = options[(i // len(questions) + phase) % 2]
    workspace.answer(assessment, question, option)
    sys.stdout.write(f"{i} {question} {option}\\n")
    sys.stdout.flush()
    i += 1
"""


def attempted(i: int, questions: list[str], phase: int) -> tuple[str, str]:
    """The (question, option) the child writes at step i: the same rule as CHILD."""
    return questions[i % len(questions)], OPTIONS[(i // len(questions) + phase) % 2]


def run_and_kill(
    db: Path, assessment: str, questions: list[str], phase: int, rng: random.Random
) -> list[tuple[int, str, str]]:
    """Run the child, kill it after a random number of acks, return every complete ack line."""
    child = python_script(CHILD, str(db), assessment, ",".join(questions), str(phase))
    watchdog = threading.Timer(60, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first == "ready\n", first + child.communicate()[1]
        wanted = rng.randint(20, 60)
        lines = [child.stdout.readline() for _ in range(wanted)]
        assert all(line.endswith("\n") for line in lines), child.communicate()[1]
        time.sleep(rng.choice((0, 0, rng.uniform(0, 0.02))))  # sometimes mid-transaction
        os.kill(child.pid, signal.SIGKILL)
        # Read the rest through the same buffered reader: communicate() would read the raw
        # pipe and miss lines readline() has already buffered.
        rest = child.stdout.read()
        child.wait()
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    text = "".join(lines) + rest
    acks = []
    for line in text.split("\n")[:-1]:  # a cut last line is not an ack
        step, question, option = line.split(" ")
        acks.append((int(step), question, option))
    return acks


def test_acknowledged_answers_survive_sigkill(tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    db = tmp_path / "crash.db"
    loaded = load(write_q(tmp_path, QUESTIONS))
    workspace = Workspace.open(db)
    assessments = [start(workspace, loaded, title=f"Round {r}") for r in range(ROUNDS)]
    workspace.close()
    questions = choice_ids(QUESTIONS)

    expected_by_assessment: dict[str, dict[str, str]] = {}
    for phase, assessment in enumerate(assessments):
        acks = run_and_kill(db, assessment, questions, phase, rng)
        assert len(acks) >= 20
        # The acks are exactly the child's sequence, so the next attempted write is known.
        assert [(q, o) for _i, q, o in acks] == [
            attempted(i, questions, phase) for i in range(len(acks))
        ], f"seed {seed}"

        assert integrity(db) == "ok", f"seed {seed}"
        stored = dict(
            query(
                db,
                "SELECT question_id, option_id FROM answers WHERE assessment_id = ?",
                assessment,
            )
        )
        history = query(
            db, "SELECT COUNT(*) FROM answer_history WHERE assessment_id = ?", assessment
        )[0][0]
        # Every call changed a value, so each committed call left exactly one history row. The
        # child may have committed one more write after its last ack, but no more than that.
        assert history in (len(acks), len(acks) + 1), f"seed {seed}"
        expected = {q: o for _i, q, o in acks}
        if history == len(acks) + 1:
            next_question, next_option = attempted(len(acks), questions, phase)
            expected[next_question] = next_option
        assert stored == expected, f"seed {seed}: history {history}, acks {len(acks)}"
        expected_by_assessment[assessment] = expected

    # Earlier rounds are untouched by later kills, and each cached score matches its answers:
    # the answer, its history row and the score cache were committed together.
    workspace = Workspace.open(db)
    try:
        for assessment, expected in expected_by_assessment.items():
            state = workspace.state(assessment)
            got = {q: d.answer.option_id for q, d in state.details.items()}  # type: ignore[union-attr]
            assert got == expected, f"seed {seed}"
            assert state.summary.score == shown(state.result.overall)
            assert state.summary.completeness == pytest.approx(state.result.completeness)
    finally:
        workspace.close()
    assert integrity(db) == "ok"


def test_new_database_opens_after_its_creator_was_killed(tmp_path: Path) -> None:
    """Regression: after a crash before the first checkpoint the header of a new database
    still said application_id 0 while its tables were in the WAL, and the app refused it."""
    db = tmp_path / "new.db"
    code = (
        "import sys, time\n"
        "from readiness.services.workspace import Workspace\n"
        "w = Workspace.open(sys.argv[1])\n"
        "w.add_organisation('Saved before the crash', 'company')\n"
        "print('saved', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = python_script(code, str(db))
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "saved\n", child.communicate()[1]
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
    finally:
        if child.poll() is None:
            child.kill()
    assert db.with_name(db.name + "-wal").exists()  # the crash left the WAL behind
    workspace = Workspace.open(db)
    try:
        assert [o.name for o in workspace.organisations()] == ["Saved before the crash"]
    finally:
        workspace.close()
    assert integrity(db) == "ok"
