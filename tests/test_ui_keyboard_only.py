"""Issue 18 (b): a whole assessment with the keyboard alone — create the organisation and the
assessment, answer every question (one N/A with its justification, one with evidence), read
the results and export the PDF — with QTest key clicks sent to whatever has the focus, as a
keyboard does, and not one mouse event in the application (counted by an event filter)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from readiness.domain.answers import ChoiceAnswer, NotApplicable, TextAnswer
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
}


class MouseCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE_EVENTS:
            self.seen.append(f"{event.type().name} on {watched.objectName() or watched}")
        return False


class Keyboard:
    """Keys go where the focus is, as from a real keyboard."""

    def __init__(self, qtbot: Any, fallback: QWidget) -> None:
        self.qtbot = qtbot
        self.fallback = fallback

    def target(self) -> QWidget:
        return QApplication.focusWidget() or QApplication.activeWindow() or self.fallback

    def press(
        self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.target(), text)

    def tab_to(self, widget: QWidget, limit: int = 40) -> None:
        for _ in range(limit):
            if widget.hasFocus():
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.objectName()}")


def test_a_whole_assessment_without_the_mouse(
    open_window: Any, qtbot: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    counter = MouseCounter()
    QApplication.instance().installEventFilter(counter)
    try:
        run_assessment(open_window, qtbot, dialogs, tmp_path)
    finally:
        QApplication.instance().removeEventFilter(counter)
    assert counter.seen == [], counter.seen[:5]


def run_assessment(open_window: Any, qtbot: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    h = open_window()
    keys = Keyboard(qtbot, h.window)
    w = h.window
    assert w.welcome.isVisible()

    def organisation(dialog: QDialog) -> None:
        keys.type("Kaleva Telecom Oy")  # the name field has the focus
        keys.press(Qt.Key.Key_Return)  # Enter = Create

    def assessment(dialog: QDialog) -> None:
        keys.tab_to(dialog.title)
        keys.type("Keyboard run")
        keys.press(Qt.Key.Key_Return)

    dialogs.expect(organisation)
    dialogs.expect(assessment)
    w.welcome.create_button.setFocus()  # where the welcome page puts it
    keys.press(Qt.Key.Key_Return)
    [summary] = h.workspace.assessments()
    assert summary.title == "Keyboard run"
    assert w.answering.isVisible()

    editor = w.answering.editor
    na_done = evidence_done = False
    for _step in range(400):
        state = h.state()
        question = editor.question
        if state.result.complete or question is None:
            break
        qid = question.id
        if not question.is_choice:
            keys.tab_to(editor.text_answer)
            keys.type("Answered from the keyboard")
            keys.press(Qt.Key.Key_U, CTRL)  # next unanswered (saves the text)
            assert isinstance(h.state().details[qid].answer, TextAnswer)
            continue
        options = [o.id for o in question.scale.options]
        if question.is_scored and question.allow_na and not na_done:
            keys.press(Qt.Key.Key_N, ALT)  # Not applicable…: the justification field
            assert editor.na_reason.hasFocus()
            keys.type("Handled by the parent company")
            keys.press(Qt.Key.Key_Return)
            assert h.state().details[qid].answer == NotApplicable("Handled by the parent company")
            na_done = True
            keys.press(Qt.Key.Key_U, CTRL)
            continue
        if options[-1].isdigit() and len(options[-1]) == 1:
            keys.press(options[-1])  # the digit answers and moves on
        else:  # a profile choice such as "other": Tab to its radio button, Space
            rows = [row for row in editor._rows if row.option is not None]
            keys.tab_to(rows[0].radio)
            keys.press(Qt.Key.Key_Space)
            options = [rows[0].option.id]
        assert h.state().details[qid].answer == ChoiceAnswer(options[-1])
        if not options[-1].isdigit():
            keys.press(Qt.Key.Key_U, CTRL)
            continue
        if question.is_scored and not evidence_done:
            keys.press(Qt.Key.Key_K)  # back to it
            assert editor.question.id == qid
            keys.press(Qt.Key.Key_B, CTRL)  # Evidence: the kind, then the reference
            keys.press(Qt.Key.Key_Tab)
            assert editor.evidence.reference.hasFocus()
            keys.type("AAR 2026-03 p.4")
            keys.press(Qt.Key.Key_Return)
            assert h.state().details[qid].evidence.reference == "AAR 2026-03 p.4"
            evidence_done = True
            keys.press(Qt.Key.Key_U, CTRL)
    state = h.state()
    assert state.result.complete and na_done and evidence_done

    keys.press(Qt.Key.Key_2, CTRL)  # Results
    assert w.results.isVisible()
    assert w.results.level.text().startswith("Level")
    target = tmp_path / "keyboard-run.pdf"

    def export(dialog: QDialog) -> None:
        keys.tab_to(dialog.path)
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type(str(target))
        keys.press(Qt.Key.Key_Return)

    dialogs.expect(export)
    keys.press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: not h.controller.tasks, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")
