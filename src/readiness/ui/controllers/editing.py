"""Answering edits: options by key, N/A with its justification, clear, comment, text, flag, and
undo/redo. Every edit is saved at once and followed by a fresh AssessmentState."""

from __future__ import annotations

from PySide6.QtCore import Qt

from readiness.domain.answers import Evidence
from readiness.domain.model import localize
from readiness.i18n import _
from readiness.ui.controllers.base import QUESTIONS_TAB, SAVED_MESSAGE_MS, PageController


class EditingController(PageController):
    name = "editing"

    def connect(self) -> None:
        w = self.window
        on = self.on
        on(w.act_undo.triggered, self.undo)
        on(w.act_redo.triggered, self.redo)
        on(w.act_na.triggered, self.start_na)
        on(w.act_clear.triggered, self.clear_current)
        on(w.act_flag.triggered, self.toggle_flag)
        on(w.act_comment.triggered, self.focus_comment)
        on(w.act_evidence.triggered, self.focus_evidence)
        for action in w.act_options:
            on(action.triggered, lambda _checked=False, a=action: self.answer_key(a.data()))
        editor = w.answering.editor
        on(editor.optionChosen, self.answer)
        on(editor.naConfirmed, self.answer_na)
        on(editor.naRefused, self._na_refused)
        on(editor.clearRequested, self.clear_answer)
        on(editor.commentChanged, self.set_comment)
        on(editor.textAnswerChanged, self.answer_text)
        on(editor.flagToggled, self.set_flag)
        on(editor.evidence.saved, self.set_evidence)
        on(editor.evidence.removed, self.remove_evidence)
        on(editor.evidence.refused, self.status)

    # Edits -------------------------------------------------------------------------------------

    def _require(self) -> str:
        if not self.app.assessment_id:
            raise RuntimeError("no assessment is open")
        return self.app.assessment_id

    def answer_key(self, key: str) -> None:
        editor = self.window.answering.editor
        question = editor.question
        if question is None or not question.is_choice:
            return
        option = editor.option_for_key(key)
        if option is None:
            self.status(_("This question has no option {key}.").format(key=key))
            return
        question_id = question.id
        self.answer(question_id, option.id)
        if self.app.answering.current_question_id() == question_id:
            self.app.answering.step(1)  # keyboard flow: on to the next question

    def answer(self, question_id: str, option_id: str) -> None:
        self.workspace.answer(self._require(), question_id, option_id)
        self._after_change(question_id)

    def answer_na(self, question_id: str, justification: str) -> None:
        self.workspace.answer_na(self._require(), question_id, justification)
        self._after_change(question_id)
        self.window.answering.questions.setFocus()

    def _na_refused(self, _question_id: str) -> None:
        self.status(_("N/A needs a justification: say why the question does not apply."))

    def clear_answer(self, question_id: str) -> None:
        self.workspace.clear_answer(self._require(), question_id)
        self._after_change(question_id)

    def clear_current(self) -> None:
        question_id = self.app.answering.current_question_id()
        if question_id:
            self.clear_answer(question_id)

    def set_comment(self, question_id: str, comment: str) -> None:
        self.workspace.set_comment(self._require(), question_id, comment)
        self._after_change(question_id, reshow=False)

    def answer_text(self, question_id: str, text: str) -> None:
        if text.strip():
            self.workspace.answer_text(self._require(), question_id, text)
        else:
            self.workspace.clear_answer(self._require(), question_id)
        self._after_change(question_id, reshow=False)

    def set_flag(self, question_id: str, flagged: bool) -> None:
        self.workspace.set_flag(self._require(), question_id, flagged)
        self._after_change(question_id)

    def set_evidence(self, question_id: str, evidence: Evidence) -> None:
        self.workspace.change_answer(self._require(), question_id, evidence=evidence)
        self._after_change(question_id)

    def remove_evidence(self, question_id: str) -> None:
        self.workspace.change_answer(self._require(), question_id, clear_evidence=True)
        self._after_change(question_id)

    def toggle_flag(self) -> None:
        self.window.answering.editor.toggle_flag()

    def start_na(self) -> None:
        editor = self.window.answering.editor
        question = editor.question
        if question is not None and question.is_choice and not question.allow_na:
            self.status(_("This question cannot be answered N/A."))
            return
        editor.start_na()

    def focus_comment(self) -> None:
        editor = self.window.answering.editor
        if editor.question is not None:
            editor.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_evidence(self) -> None:
        editor = self.window.answering.editor
        if editor.question is not None and editor.evidence.isVisible():
            editor.evidence.focus()

    def _after_change(self, question_id: str, reshow: bool = True) -> None:
        app, answering = self.app, self.app.answering
        app.records.forget_delete()
        app.state = self.workspace.state(self._require())
        app.lists_stale = True
        answering.show_state(app.state)
        current = answering.current_question_id()
        if not current or answering.visible_row(current) < 0:
            # the current question was hidden (no longer relevant): stay near it
            if not answering.select_question(question_id):
                answering.select_question(answering.visible_id(0))
        elif reshow:
            answering.show_current()
        self.status(_("Saved"), SAVED_MESSAGE_MS)
        app.update_actions()

    # Undo / redo -------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.app.records.undo_delete():  # right after a delete, Undo restores (issue 9)
            return
        self._replay(undoing=True)

    def redo(self) -> None:
        self._replay(undoing=False)

    def _replay(self, undoing: bool) -> None:
        app, answering, w = self.app, self.app.answering, self.window
        if not app.assessment_id:
            return
        w.answering.editor.flush()
        aid = app.assessment_id
        change = self.workspace.undo(aid) if undoing else self.workspace.redo(aid)
        if change is None:
            self.status(_("Nothing to undo") if undoing else _("Nothing to redo"))
            return
        app.state = self.workspace.state(aid)
        app.lists_stale = True
        answering.show_state(app.state)
        if w.pages.currentWidget() is not w.tabs:
            w.show_assessment(QUESTIONS_TAB)
        if w.tabs.currentIndex() == QUESTIONS_TAB:
            answering.select_question(change.question_id)
        number = w.answering.questions_model.number(change.question_id)
        self.status(
            (_("Undone: question {n}") if undoing else _("Redone: question {n}")).format(
                n=number or change.question_id
            ),
            SAVED_MESSAGE_MS,
        )
        answering.show_current()
        app.update_actions()

    # Actions state -----------------------------------------------------------------------------

    def update_actions(self) -> None:
        w = self.window
        aid = self.app.assessment_id
        undo = redo = False
        if aid:
            undo, redo = self.workspace.can_undo_redo(aid)
        w.act_undo.setEnabled(undo)
        w.act_redo.setEnabled(redo)
        on_questions = self.app.on_questions()
        for action in w.question_actions:
            action.setEnabled(on_questions)
        self.update_question_actions()

    def update_question_actions(self) -> None:
        """Option actions named after the current question's options; N/A and flag state."""
        w = self.window
        question = w.answering.editor.question
        options = question.scale.options if question and question.scale else ()
        for digit, action in enumerate(w.act_options):
            option = w.answering.editor.option_for_key(str(digit)) if options else None
            action.setVisible(option is not None)
            if option is not None:
                action.setText(f"&{digit}  {localize(option.label)}")
        choice = question is not None and question.is_choice
        w.act_na.setEnabled(
            self.app.on_questions() and choice and bool(question and question.allow_na)
        )
        state = self.app.state
        detail = state.details.get(question.id) if state and question else None
        w.act_flag.setChecked(bool(detail and detail.flagged))
