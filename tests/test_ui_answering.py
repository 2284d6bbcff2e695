"""The answering view end to end: keyboard answers, N/A, conditions, undo/redo, persistence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from readiness.domain.answers import ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.scoring import Status
from ui_helpers import Dialogs, Harness, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def company_assessment(open_window: Any, db: Path | None = None) -> Harness:
    harness = open_window(db)
    workspace = harness.workspace
    organisation = workspace.add_organisation("Testwerk GmbH", "company", "Energy", "DE")
    summary = workspace.new_assessment(organisation.id, "company-readiness", "Test run", "Me")
    harness.controller.refresh_lists()
    harness.controller.open_assessment(summary.id)
    return harness


def past_the_profile(harness: Harness) -> Harness:
    """On the first scored question: the profile questions (1.1.0) come first."""
    go_to(harness, "governance.crisis-executive")
    return harness


def go_to(harness: Harness, question_id: str) -> None:
    assert harness.controller.select_question(question_id), question_id
    harness.view.questions.setFocus()


def test_digits_answer_and_advance(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    assert h.current() == "profile.sector"  # the profile comes first, then the scored ones
    past_the_profile(h)
    first = h.current()
    assert first == "governance.crisis-executive"
    assert h.view.questions.hasFocus()
    qtbot.keyClick(h.view.questions, "3")
    assert h.state().details[first].answer == ChoiceAnswer("3")
    assert h.current() == "governance.board-briefing"  # the keyboard flow moves on
    assert h.status_text() == "Saved"
    # the editor shows this question's anchor texts next to the option labels
    assert "Never briefed" in h.editor._rows[0].anchor.text()
    assert h.editor._rows[4].radio.text().startswith("4")
    qtbot.keyClick(h.view.questions, "1")
    assert h.state().details["governance.board-briefing"].answer == ChoiceAnswer("1")
    # the list marks answered questions; domain progress counts them
    model = h.view.questions_model
    assert model.status(first) is Status.ANSWERED
    assert h.view.domains_model.index(1).data(Qt.ItemDataRole.UserRole + 5) == (2, 7)
    # keyboard navigation: Alt+Up / K back, Alt+Down / J forward
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Up, ALT)
    assert h.current() == "governance.board-briefing"
    qtbot.keyClick(h.view.questions, "k")
    assert h.current() == first
    qtbot.keyClick(h.view.questions, "j")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Down, ALT)
    assert h.current() == "governance.baseline-map"
    # Ctrl+U: next unanswered, wrapping round to the start
    go_to(h, "governance.crisis-executive")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_U, CTRL)
    assert h.current() == "governance.baseline-map"


def test_mouse_answer_flag_and_clear(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    go_to(h, "trust.tlp")
    radio = h.editor._rows[2].radio  # click its indicator: the column is as wide as the
    # longest option label seen so far (a profile question's), wider than this label
    at = QPoint(radio.height() // 2, radio.height() // 2)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=at)
    assert h.state().details["trust.tlp"].answer == ChoiceAnswer("2")
    assert h.current() == "trust.tlp"  # the mouse does not move on
    qtbot.mouseClick(h.editor._rows[3].anchor, Qt.MouseButton.LeftButton)  # anchor text too
    assert h.state().details["trust.tlp"].answer == ChoiceAnswer("3")
    qtbot.mouseClick(h.editor.flag, Qt.MouseButton.LeftButton)
    assert h.state().details["trust.tlp"].flagged
    qtbot.keyClick(h.view.questions, Qt.Key.Key_R, CTRL)  # keyboard toggles it back
    assert not h.state().details["trust.tlp"].flagged
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Delete)
    assert h.state().details["trust.tlp"].answer is None
    qtbot.mouseClick(h.editor._rows[1].radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(h.editor.clear_button, Qt.MouseButton.LeftButton)
    assert h.state().details["trust.tlp"].answer is None


def test_na_needs_a_justification(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    go_to(h, "security.critical-roles")
    assert h.editor.question.allow_na
    qtbot.keyClick(h.view.questions, Qt.Key.Key_N, ALT)
    assert h.editor.na_reason.hasFocus()
    assert not h.editor.na_confirm.isEnabled()
    qtbot.keyClick(h.editor.na_reason, Qt.Key.Key_Return)  # refused while empty
    assert "security.critical-roles" not in h.state().details
    assert "justification" in h.status_text()
    qtbot.keyClicks(h.editor.na_reason, "   ")
    assert not h.editor.na_confirm.isEnabled()
    qtbot.keyClick(h.editor.na_reason, Qt.Key.Key_Return)
    assert "security.critical-roles" not in h.state().details
    qtbot.keyClicks(h.editor.na_reason, "No defence customers yet")
    assert h.editor.na_confirm.isEnabled()
    qtbot.keyClick(h.editor.na_reason, Qt.Key.Key_Return)
    detail = h.state().details["security.critical-roles"]
    assert detail.answer == NotApplicable("No defence customers yet")
    assert h.view.questions_model.status("security.critical-roles") is Status.NA
    assert h.view.questions.hasFocus()
    # a question that does not allow N/A: the controls are disabled, the key does nothing
    go_to(h, "governance.crisis-executive")
    assert not h.editor.question.allow_na
    assert not h.editor.na_radio.isEnabled() and not h.editor.na_reason.isEnabled()
    assert not h.window.act_na.isEnabled()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_N, ALT)
    assert "governance.crisis-executive" not in h.state().details
    # by mouse: the N/A radio, a typed reason, the Confirm button
    go_to(h, "security.reservists")
    qtbot.mouseClick(h.editor.na_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(h.editor.na_reason, "Handled by the parent company")
    qtbot.mouseClick(h.editor.na_confirm, Qt.MouseButton.LeftButton)
    assert h.state().details["security.reservists"].answer == NotApplicable(
        "Handled by the parent company"
    )


def test_conditional_question_appears_and_disappears(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    rules = "trust.isac-sharing-rules"
    assert rules not in h.visible_ids()
    go_to(h, "trust.isac")
    qtbot.keyClick(h.view.questions, "1")
    assert rules not in h.visible_ids()
    assert h.current() == "trust.sharing-matrix"
    go_to(h, "trust.isac")
    qtbot.keyClick(h.view.questions, "2")
    assert rules in h.visible_ids()
    assert h.current() == rules  # the new question is next in the keyboard flow
    assert h.state().result.questions[rules].status is Status.UNANSWERED
    qtbot.keyClick(h.view.questions, "3")
    go_to(h, "trust.isac")
    qtbot.keyClick(h.view.questions, "0")
    assert rules not in h.visible_ids()
    assert h.state().result.questions[rules].status is Status.NOT_RELEVANT
    # the hidden answer is kept and comes back with the question
    go_to(h, "trust.isac")
    qtbot.keyClick(h.view.questions, "4")
    assert rules in h.visible_ids()
    assert h.state().details[rules].answer == ChoiceAnswer("3")


def test_undo_redo_moves_to_the_question(open_window: Any, qtbot: Any) -> None:
    h = past_the_profile(company_assessment(open_window))
    undo, redo = h.window.act_undo, h.window.act_redo
    assert not undo.isEnabled() and not redo.isEnabled()
    qtbot.keyClick(h.view.questions, "2")  # governance.crisis-executive
    qtbot.keyClick(h.view.questions, "3")  # governance.board-briefing
    assert undo.isEnabled()
    go_to(h, "trust.tlp")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Z, CTRL)
    assert h.current() == "governance.board-briefing"
    assert h.state().details["governance.board-briefing"].answer is None
    assert redo.isEnabled()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Z, CTRL)
    assert h.current() == "governance.crisis-executive"
    assert h.state().details["governance.crisis-executive"].answer is None
    assert not undo.isEnabled()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Z, CTRL | SHIFT)
    assert h.state().details["governance.crisis-executive"].answer == ChoiceAnswer("2")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Y, CTRL)
    assert h.current() == "governance.board-briefing"
    assert h.state().details["governance.board-briefing"].answer == ChoiceAnswer("3")
    assert not redo.isEnabled()
    # the menu entries work too
    h.window.act_undo.trigger()
    assert h.state().details["governance.board-briefing"].answer is None
    # undo of a change that hid a question brings it back
    go_to(h, "trust.isac")
    qtbot.keyClick(h.view.questions, "3")
    assert "trust.isac-sharing-rules" in h.visible_ids()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_Z, CTRL)
    assert "trust.isac-sharing-rules" not in h.visible_ids()
    assert h.current() == "trust.isac"


def test_find_filters_the_question_list(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    total = len(h.visible_ids())
    qtbot.keyClick(h.view.questions, Qt.Key.Key_F, CTRL)
    assert h.view.find.hasFocus()
    qtbot.keyClicks(h.view.find, "TLP")
    shown = h.visible_ids()
    assert 0 < len(shown) < total
    assert "trust.tlp" in shown
    assert h.current() in shown
    # digits typed in the find box stay text (no answer given)
    qtbot.keyClicks(h.view.find, "2")
    assert h.view.find.text() == "TLP2"
    assert h.state().details == {}
    qtbot.keyClick(h.view.find, Qt.Key.Key_Backspace)
    qtbot.keyClick(h.view.find, Qt.Key.Key_Return)  # Enter goes to the list
    assert h.view.questions.hasFocus()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(h.view.find, Qt.Key.Key_Escape)  # Escape clears and returns
    assert h.view.find.text() == ""
    assert len(h.visible_ids()) == total
    assert h.view.questions.hasFocus()
    # a question id or number finds it too
    h.view.find.setText("3.3")  # domain 1 is the company profile
    assert h.visible_ids()[0] == "trust.isac"


def test_comment_text_answer_and_reopen(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    db = tmp_path / "persist.db"
    h = past_the_profile(company_assessment(open_window, db))
    assessment_id = h.controller.assessment_id
    qtbot.keyClick(h.view.questions, "4")  # governance.crisis-executive
    go_to(h, "trust.contact-24-7")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_M, CTRL)
    assert h.editor.comment.hasFocus()
    qtbot.keyClicks(h.editor.comment, "Duty officer; tested in May")
    qtbot.keyClick(h.editor.comment, Qt.Key.Key_Tab)  # focus out saves at once
    assert h.state().details["trust.contact-24-7"].comment == "Duty officer; tested in May"
    go_to(h, "trust.contact-24-7")
    qtbot.keyClick(h.view.questions, "2")
    go_to(h, "legal.nda-mou")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_R, CTRL)
    go_to(h, "security.critical-roles")
    qtbot.keyClick(h.view.questions, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(h.editor.na_reason, "No cleared work")
    qtbot.keyClick(h.editor.na_reason, Qt.Key.Key_Enter)
    text_question = next(q.id for q in h.state().questionnaire.questions() if not q.is_choice)
    go_to(h, text_question)
    assert h.editor.text_answer.isVisible() and not h.editor.options_box.isVisible()
    h.editor.text_answer.setFocus()
    qtbot.keyClicks(h.editor.text_answer, "Compensation is unclear")
    qtbot.waitUntil(  # the debounce saves while typing pauses
        lambda: text_question in h.state().details, timeout=3000
    )
    assert h.state().details[text_question].answer == TextAnswer("Compensation is unclear")
    h.editor.comment.setFocus()
    qtbot.keyClicks(h.editor.comment, "pending")  # saved when the window closes
    h.window.close()
    h.workspace.close()

    again = open_window(db)
    assert again.controller.assessment_id == assessment_id  # the last assessment reopens
    assert again.window.tabs.isVisible()
    state = again.state()
    details = state.details
    assert details["governance.crisis-executive"].answer == ChoiceAnswer("4")
    assert details["trust.contact-24-7"].answer == ChoiceAnswer("2")
    assert details["trust.contact-24-7"].comment == "Duty officer; tested in May"
    assert details["legal.nda-mou"].flagged
    assert details["security.critical-roles"].answer == NotApplicable("No cleared work")
    assert details[text_question].answer == TextAnswer("Compensation is unclear")
    assert details[text_question].comment == "pending"
    go_to(again, "trust.contact-24-7")
    assert again.editor._rows[2].radio.isChecked()
    assert again.editor.comment.toPlainText() == "Duty officer; tested in May"
    go_to(again, "legal.nda-mou")
    assert again.editor.flag.isChecked()
    go_to(again, "security.critical-roles")
    assert again.editor.na_radio.isChecked()
    assert again.editor.na_reason.text() == "No cleared work"


def test_every_question_four_reaches_level_5(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    profile = [q.id for q in h.state().questionnaire.questions() if q.is_choice and not q.is_scored]
    for _ in profile:  # the profile questions come first: "1" is an option of each of them
        qtbot.keyClick(h.view.questions, "1")
    assert all(qid in h.state().details for qid in profile)
    for _ in range(80):  # more presses than questions: the last ones land on the text question
        qtbot.keyClick(h.view.questions, "4")
    result = h.state().result
    assert result.completeness == 1.0
    assert result.level.level == 5
    qtbot.keyClick(h.view.questions, Qt.Key.Key_2, CTRL)
    assert h.window.results.isVisible()
    assert h.window.results.level.text() == "Level 5 · Partnership-tested"
    assert h.window.results.score.text() == "Score 100.0 of 100"
    assert "No critical question caps" in h.window.results.capped.text()
    assert h.window.results.model.rowCount() == 0
    scored = [d for d in result.domains if d.score is not None]  # the profile is not charted
    assert len(scored) == len(result.domains) - 1
    assert h.window.results.radar.scores == [100.0] * len(scored)
    assert h.window.results.bars.scores == [100.0] * len(scored)
    assert "unverified" in h.window.results.capped.text().lower()  # no evidence given
    assert "weakest domain" in h.window.results.method.text()
    qtbot.keyClick(h.window.results.recommendations, Qt.Key.Key_1, CTRL)
    assert h.view.isVisible()


@pytest.mark.parametrize("flow", ["keyboard", "mouse"])
def test_results_recommendation_jumps_to_question(
    open_window: Any, qtbot: Any, dialogs: Dialogs, flow: str
) -> None:
    h = company_assessment(open_window)
    qtbot.keyClick(h.view.questions, "0")  # crisis-executive 0: critical, caps the level
    h.window.act_view_results.trigger()
    results = h.window.results
    assert results.isVisible()
    assert "capped" in results.capped.text() or "caps at level" in results.capped.text()
    assert "governance.crisis-executive" in results.capped.text()
    first = results.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.UserRole + 1) == "governance.crisis-executive"
    if flow == "keyboard":
        assert results.recommendations.hasFocus()
        results.recommendations.setCurrentIndex(results.model.index(1, 0))
        target = results.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
        qtbot.keyClick(results.recommendations, Qt.Key.Key_Return)
    else:
        target = "governance.crisis-executive"
        rect = results.recommendations.visualRect(first)
        qtbot.mouseClick(
            results.recommendations.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
        qtbot.mouseDClick(
            results.recommendations.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert h.view.isVisible()
    assert h.current() == target
    # and the capped-by link
    h.window.act_view_results.trigger()
    results._link("question:governance.crisis-executive")
    assert h.current() == "governance.crisis-executive"
    assert QApplication.focusWidget() is h.view.questions
