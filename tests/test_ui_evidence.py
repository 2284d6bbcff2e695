"""The evidence form in the answering view: keyboard first, saved at once, removable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from readiness.domain.evidence import parse_evidence

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]
from test_ui_answering import CTRL, company_assessment, go_to
from ui_helpers import dialogs, no_thread_leaks, open_window, settings_dir


def test_evidence_by_keyboard_then_removed(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    go_to(h, "trust.tlp")
    qtbot.keyClick(h.view.questions, "4")
    go_to(h, "trust.tlp")
    form = h.editor.evidence
    assert form.isVisible()
    assert "Unverified" in form.state.text()  # a 4 with nothing behind it
    assert "trust.tlp" in h.state().result.unverified
    qtbot.keyClick(h.view.questions, Qt.Key.Key_B, CTRL)
    assert form.kind.hasFocus()
    qtbot.keyClick(form.kind, Qt.Key.Key_Down)  # Document -> Record
    qtbot.keyClick(form.kind, Qt.Key.Key_Tab)
    assert form.reference.hasFocus()
    qtbot.keyClicks(form.reference, "Alerting-chain log")
    qtbot.keyClick(form.reference, Qt.Key.Key_Tab)
    form.day.selectAll()
    qtbot.keyClicks(form.day, "2026-10-14")
    qtbot.keyClick(form.day, Qt.Key.Key_Return)
    detail = h.state().details["trust.tlp"]
    assert detail.evidence == parse_evidence("record:Alerting-chain log@2026-10-14")
    assert detail.answer is not None  # the answer stays
    assert "Saved evidence" in form.state.text()
    qtbot.mouseClick(form.remove_button, Qt.MouseButton.LeftButton)
    assert h.state().details["trust.tlp"].evidence is None


def test_bad_evidence_date_is_said_not_saved(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    go_to(h, "trust.tlp")
    form = h.editor.evidence
    form.reference.setText("Minutes")
    form.day.setText("14/10/2026")
    qtbot.keyClick(form.day, Qt.Key.Key_Return)
    assert "trust.tlp" not in h.state().details
    assert "YYYY-MM-DD" in h.status_text()


def test_no_evidence_form_on_text_questions(open_window: Any, qtbot: Any) -> None:
    h = company_assessment(open_window)
    go_to(h, "incentives.main-obstacle")
    assert not h.editor.evidence.isVisible()
