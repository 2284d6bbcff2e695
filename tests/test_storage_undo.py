"""Undo and redo through the Workspace, over the append-only answer history in a real file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backends import Backend
from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.scoring import shown
from readiness.services.workspace import Workspace
from storage_helpers import MINI, load, start


class Session:
    """A workspace on one assessment, checking after every step that the history only grew
    (no row rewritten or deleted) and that the cached score matches the answers."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.workspace = Workspace.open(db.target)
        self.assessment = start(self.workspace, load(MINI))
        self.rows: list[tuple] = []

    def reopen(self) -> None:
        self.workspace.close()
        self.workspace = Workspace.open(self.db.target)

    def check(self) -> None:
        rows = self.db.query("SELECT * FROM answer_history ORDER BY id")
        assert rows[: len(self.rows)] == self.rows, "a history row was changed or deleted"
        assert len(rows) >= len(self.rows)
        self.rows = rows
        state = self.workspace.state(self.assessment)
        assert state.summary.score == shown(state.result.overall)
        assert state.summary.completeness == pytest.approx(state.result.completeness)

    def details(self) -> dict[str, AnswerDetail]:
        return self.workspace.state(self.assessment).details

    def option(self, question: str) -> str | None:
        answer = self.details().get(question, AnswerDetail()).answer
        return answer.option_id if isinstance(answer, ChoiceAnswer) else None

    def flags(self) -> tuple[bool, bool]:
        return self.workspace.can_undo_redo(self.assessment)

    def answer(self, question: str, option: str) -> None:
        self.workspace.answer(self.assessment, question, option)
        self.check()

    def undo(self) -> None:
        assert self.workspace.undo(self.assessment) is not None
        self.check()

    def redo(self) -> None:
        assert self.workspace.redo(self.assessment) is not None
        self.check()


@pytest.fixture
def s(backend: Backend) -> Iterator[Session]:
    session = Session(backend)
    yield session
    session.workspace.close()


def test_nothing_to_undo_or_redo_at_first(s: Session) -> None:
    assert s.flags() == (False, False)
    assert s.workspace.undo(s.assessment) is None
    assert s.workspace.redo(s.assessment) is None
    assert s.db.count("answer_history") == 0


def test_undo_and_redo_walk_back_and_forth(s: Session) -> None:
    s.answer("trust.contact", "1")
    s.answer("trust.contact", "3")
    s.answer("trust.isac", "2")
    assert s.flags() == (True, False)
    s.undo()
    assert (s.option("trust.contact"), s.option("trust.isac")) == ("3", None)
    assert s.flags() == (True, True)
    s.undo()
    assert s.option("trust.contact") == "1"
    s.undo()
    assert s.option("trust.contact") is None
    assert s.flags() == (False, True)
    assert s.workspace.undo(s.assessment) is None  # nothing left
    s.redo()
    s.redo()
    assert s.option("trust.contact") == "3"
    s.redo()
    assert s.option("trust.isac") == "2"
    assert s.flags() == (True, False)
    assert s.workspace.redo(s.assessment) is None
    # Every step was appended: 3 edits, 3 undos, 3 redos.
    assert [r[3] for r in s.rows] == ["edit"] * 3 + ["undo"] * 3 + ["redo"] * 3


def test_new_edit_clears_redo(s: Session) -> None:
    s.answer("trust.contact", "1")
    s.answer("trust.contact", "2")
    s.undo()
    assert s.flags() == (True, True)
    s.answer("trust.isac", "4")
    assert s.flags() == (True, False)
    assert s.workspace.redo(s.assessment) is None
    s.undo()  # undoes the new edit, not the abandoned one
    assert (s.option("trust.contact"), s.option("trust.isac")) == ("1", None)
    s.undo()
    assert s.option("trust.contact") is None
    assert s.flags() == (False, True)


def test_repeating_the_same_value_is_no_edit(s: Session) -> None:
    s.answer("trust.contact", "2")
    s.undo()
    assert s.workspace.answer(s.assessment, "trust.contact", "0") is not None
    assert s.workspace.answer(s.assessment, "trust.contact", "0") is None
    s.check()
    assert [r[3] for r in s.rows] == ["edit", "undo", "edit"]


def test_undo_comment_flag_na_and_text(s: Session) -> None:
    s.answer("trust.contact", "2")
    s.workspace.set_comment(s.assessment, "trust.contact", "<b>&amp;</b> =1+1 ✓\nline 2")
    s.workspace.set_flag(s.assessment, "trust.contact", True)
    s.workspace.answer_na(s.assessment, "trust.isac", "Не применимо 🛰")
    s.workspace.answer_text(s.assessment, "trust.notes", "first\nsecond")
    s.check()
    full = s.details()
    assert full["trust.contact"] == AnswerDetail(
        ChoiceAnswer("2"), "<b>&amp;</b> =1+1 ✓\nline 2", True
    )
    assert full["trust.isac"].answer == NotApplicable("Не применимо 🛰")
    assert full["trust.notes"].answer == TextAnswer("first\nsecond")

    s.undo()  # text
    assert "trust.notes" not in s.details() or s.details()["trust.notes"].answer is None
    s.undo()  # N/A
    assert s.details()["trust.isac"].answer is None
    s.undo()  # flag: answer and comment stay
    assert s.details()["trust.contact"] == AnswerDetail(
        ChoiceAnswer("2"), "<b>&amp;</b> =1+1 ✓\nline 2", False
    )
    s.undo()  # comment: the answer stays
    assert s.details()["trust.contact"] == AnswerDetail(ChoiceAnswer("2"), "", False)
    s.redo()
    s.redo()
    assert s.details()["trust.contact"] == full["trust.contact"]


def test_clear_answer_keeps_comment_and_undoes(s: Session) -> None:
    s.answer("trust.contact", "4")
    s.workspace.set_comment(s.assessment, "trust.contact", "keep me")
    s.workspace.clear_answer(s.assessment, "trust.contact")
    s.check()
    assert s.details()["trust.contact"] == AnswerDetail(None, "keep me", False)
    s.undo()
    assert s.details()["trust.contact"] == AnswerDetail(ChoiceAnswer("4"), "keep me", False)


def test_undo_redo_survive_reopening(s: Session) -> None:
    s.answer("trust.contact", "1")
    s.answer("trust.contact", "2")
    s.answer("trust.contact", "3")
    s.undo()
    s.reopen()
    assert s.flags() == (True, True)
    assert s.option("trust.contact") == "2"
    s.undo()
    s.reopen()
    assert s.option("trust.contact") == "1"
    s.redo()
    s.reopen()
    s.redo()
    assert s.option("trust.contact") == "3"
    assert s.flags() == (True, False)
    history = s.workspace.history(s.assessment, "trust.contact")
    assert [c.after.answer for c in history] == [
        ChoiceAnswer(o) for o in ("1", "2", "3", "2", "1", "2", "3")
    ]


def test_undo_is_per_assessment(s: Session) -> None:
    other = start(s.workspace, load(MINI), "Other org", "Other")
    s.answer("trust.contact", "1")
    s.workspace.answer(other, "trust.contact", "4")
    s.undo()  # undoes this assessment's edit, not the later one in the other assessment
    assert s.option("trust.contact") is None
    assert s.workspace.state(other).details["trust.contact"].answer == ChoiceAnswer("4")
    assert s.workspace.can_undo_redo(other) == (True, False)


def test_undo_changes_the_cached_score_and_status(s: Session) -> None:
    s.answer("trust.contact", "4")
    s.answer("trust.isac", "4")
    s.answer("legal.nda", "4")
    summary = s.workspace.assessment(s.assessment)
    assert (summary.score, summary.status.value) == (100.0, "completed")
    s.undo()
    summary = s.workspace.assessment(s.assessment)
    assert summary.status.value == "draft" and summary.score < 100.0
    assert [a.score for a in s.workspace.assessments()] == [summary.score]


def test_long_random_walk_matches_a_model(s: Session) -> None:
    """Edits, undos and redos at random against a plain list model of the two stacks."""
    import random

    rng = random.Random(1234)
    questions = ["trust.contact", "trust.isac", "legal.nda"]
    state: dict[str, str | None] = dict.fromkeys(questions)
    undo: list[tuple[str, str | None, str | None]] = []
    redo: list[tuple[str, str | None, str | None]] = []
    for _ in range(80):
        move = rng.random()
        if move < 0.5:
            question, option = rng.choice(questions), str(rng.randrange(5))
            changed = s.workspace.answer(s.assessment, question, option)
            if state[question] != option:
                assert changed is not None
                undo.append((question, state[question], option))
                redo.clear()
                state[question] = option
            else:
                assert changed is None
        elif move < 0.8:
            done = s.workspace.undo(s.assessment)
            assert (done is None) == (not undo)
            if undo:
                question, before, after = undo.pop()
                redo.append((question, before, after))
                state[question] = before
        else:
            done = s.workspace.redo(s.assessment)
            assert (done is None) == (not redo)
            if redo:
                question, before, after = redo.pop()
                undo.append((question, before, after))
                state[question] = after
        assert {q: s.option(q) for q in questions} == state
        assert s.flags() == (bool(undo), bool(redo))
    s.check()
