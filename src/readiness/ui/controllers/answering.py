"""The questions tab: opening an assessment, the question list, domains, find, navigation.

Edits (answers, N/A, comments, flags) are wired in ``editing.py``; this controller shows what
is stored: after every change the app hands it a fresh AssessmentState (:meth:`show_state`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent

from readiness import locale_format
from readiness.domain.answers import AnswerDetail
from readiness.domain.model import localize
from readiness.domain.scoring import ScoreResult, Status
from readiness.i18n import _, ngettext
from readiness.services.state import AssessmentState
from readiness.ui.controllers.base import QUESTIONS_TAB, PageController
from readiness.ui.question_model import QuestionIdRole

if TYPE_CHECKING:
    from readiness.ui.controllers.app import Controller


class AnsweringController(PageController):
    name = "questions"

    def __init__(self, app: Controller) -> None:
        super().__init__(app)
        self._syncing_domain = False

    def connect(self) -> None:
        view = self.window.answering
        w = self.window
        on = self.on
        on(w.act_next.triggered, lambda: self.step(1))
        on(w.act_previous.triggered, lambda: self.step(-1))
        on(w.act_next_unanswered.triggered, self.next_unanswered)
        on(w.act_find.triggered, self.find)
        on(view.back.clicked, lambda: self.app.assessments.show_assessments())
        on(view.questions.selectionModel().currentChanged, self._question_changed)
        on(view.domains.selectionModel().currentChanged, self._domain_changed)
        on(view.domains.clicked, self._domain_changed)
        on(view.find.textChanged, self._find_changed)
        on(view.review_only.toggled, view.visible.set_to_review_only)
        view.find.installEventFilter(self)

    def update_actions(self) -> None:
        self.window.act_find.setEnabled(bool(self.app.assessment_id))

    # Opening and showing ---------------------------------------------------------------------

    def open_assessment(
        self, assessment_id: str, tab: int = QUESTIONS_TAB, question_id: str = ""
    ) -> None:
        """Show ``assessment_id`` on ``tab``, at ``question_id`` or the first unanswered one."""
        app = self.app
        self.window.answering.editor.flush()
        state = self.workspace.state(assessment_id)
        app.assessment_id = state.summary.id
        app.state = state
        view = self.window.answering
        questionnaire = state.questionnaire
        view.find.blockSignals(True)
        view.find.clear()
        view.find.blockSignals(False)
        view.visible.set_needle("")
        view.questions_model.set_questionnaire(questionnaire)
        view.domains_model.set_questionnaire(questionnaire)
        view.fit_domains()
        view.editor.clear()
        self.app.exchange.show_origin(state.summary.id)  # read-only banner (DESIGN 8)
        self.show_state(state)
        app.settings.set_last_assessment(self.workspace.path, state.summary.id)
        self.window.show_assessment(tab)
        target = question_id or self.first_unanswered() or self.visible_id(0)
        if target:
            self.select_question(target)
        if tab == QUESTIONS_TAB:
            view.questions.setFocus()
        else:
            self.window.results.recommendations.setFocus()
        app.update_actions()

    def show_state(self, state: AssessmentState) -> None:
        """Statuses, domain progress, heading and progress line from ``state``."""
        summary = state.summary
        w = self.window
        view = w.answering
        view.questions_model.set_state(state.result, state.details)
        view.visible.refresh()
        view.domains_model.set_result(state.result)
        view.heading.setText(
            f"{summary.organisation} — {summary.title}  ({summary.questionnaire_id} "
            f"{summary.questionnaire_version})"
        )
        result = state.result
        numbers = {q.id: view.questions_model.number(q.id) for q in state.questionnaire.questions()}
        view.progress.setText(progress_line(result))
        self._show_review(summary.id)
        self.app.results.mark_stale(numbers)
        self.app.update_title()

    def _show_review(self, assessment_id: str) -> None:
        """The upgrade bar: answers carried to review, and the note of what was dropped."""
        from readiness.services.upgrade import review_state

        view = self.window.answering
        review = review_state(self.workspace, assessment_id)
        view.questions_model.set_to_review(review.to_review)
        if review.upgraded_from is None:
            view.review_bar.hide()
            view.review_only.setChecked(False)
            return
        text = _("Upgraded draft: {n} carried answer(s) to review (marked ↻).").format(
            n=len(review.to_review)
        )
        if review.note:
            text += " " + review.note
        view.review_label.setText(text)
        view.review_bar.show()
        if not review.to_review and view.review_only.isChecked():
            view.review_only.setChecked(False)

    def show_current(self) -> None:
        """The current question in the editor (or an empty editor)."""
        view = self.window.answering
        state = self.app.state
        question_id = self.current_question_id()
        if state is None or not question_id:
            view.editor.clear()
            self.app.update_actions()
            return
        question = state.questionnaire.question(question_id)
        assert question is not None
        detail = state.details.get(question_id, AnswerDetail())
        status = state.result.questions[question_id].status
        domain = state.questionnaire.domain(question.domain_id)
        where = _("Question {number} · {domain} · {id}").format(
            number=view.questions_model.number(question_id),
            domain=localize(domain.title) if domain else "",
            id=question_id,
        )
        view.editor.show_question(question, detail, status, where)
        self._sync_domain(question.domain_id)
        self.app.editing.update_question_actions()

    # Selection -------------------------------------------------------------------------------

    def current_question_id(self) -> str:
        return self.window.answering.questions.currentIndex().data(QuestionIdRole) or ""

    def visible_id(self, row: int) -> str:
        visible = self.window.answering.visible
        if 0 <= row < visible.rowCount():
            return visible.index(row, 0).data(QuestionIdRole) or ""
        return ""

    def visible_row(self, question_id: str) -> int:
        view = self.window.answering
        source_row = view.questions_model.row_of(question_id)
        if source_row < 0:
            return -1
        index = view.visible.mapFromSource(view.questions_model.index(source_row))
        return index.row() if index.isValid() else -1

    def first_unanswered(self, start: int = 0) -> str:
        visible = self.window.answering.visible
        count = visible.rowCount()
        for offset in range(count):
            row = (start + offset) % count
            question_id = visible.index(row, 0).data(QuestionIdRole)
            if self.window.answering.questions_model.status(question_id) is Status.UNANSWERED:
                return question_id
        return ""

    def select_question(self, question_id: str) -> bool:
        """Make ``question_id`` current (clearing a find text that hides it); False if hidden."""
        view = self.window.answering
        row = self.visible_row(question_id)
        if row < 0 and view.visible.needle():
            view.find.clear()  # the question is hidden by the find text: show everything
            row = self.visible_row(question_id)
        if row < 0:
            return False
        index = view.visible.index(row, 0)
        view.questions.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.questions.scrollTo(index)
        return True

    def _question_changed(self, *_args: object) -> None:
        self.show_current()

    def _sync_domain(self, domain_id: str) -> None:
        view = self.window.answering
        row = view.domains_model.row_of(domain_id)
        if row < 0 or view.domains.currentIndex().row() == row:
            return
        self._syncing_domain = True
        try:
            view.domains.selectionModel().setCurrentIndex(
                view.domains_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._syncing_domain = False

    def _domain_changed(self, index: QModelIndex | QPersistentModelIndex, *_args: object) -> None:
        state = self.app.state
        if self._syncing_domain or not index.isValid() or state is None:
            return
        view = self.window.answering
        domain_id = view.domains_model.domain_id(index.row())
        current = state.questionnaire.question(self.current_question_id())
        if current is not None and current.domain_id == domain_id:
            return
        for row in range(view.visible.rowCount()):
            candidate = view.visible.index(row, 0)
            if (
                view.questions_model.question(view.visible.mapToSource(candidate).row()).domain_id
                == domain_id
            ):  # type: ignore[union-attr]
                self.select_question(candidate.data(QuestionIdRole))
                return
        self.status(_("No question of this domain is shown."))

    # Navigation and find ---------------------------------------------------------------------

    def step(self, delta: int) -> None:
        view = self.window.answering
        row = view.questions.currentIndex().row()
        target = max(0, min(view.visible.rowCount() - 1, row + delta))
        if target != row and target >= 0:
            self.select_question(self.visible_id(target))
        if not view.find.hasFocus():
            view.questions.setFocus()

    def next_unanswered(self) -> None:
        view = self.window.answering
        row = view.questions.currentIndex().row()
        found = self.first_unanswered(row + 1)
        if found:
            self.select_question(found)
            view.questions.setFocus()
        else:
            self.status(_("Every shown question is answered."))

    def find(self) -> None:
        if not self.app.assessment_id:
            return
        view = self.window.answering
        self.window.show_assessment(QUESTIONS_TAB)
        view.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view.find.selectAll()

    def _find_changed(self, text: str) -> None:
        view = self.window.answering
        current = self.current_question_id()
        view.visible.set_needle(text)
        if current and self.visible_row(current) >= 0:
            self.select_question(current)
        elif view.visible.rowCount():
            self.select_question(self.visible_id(0))
        else:
            view.editor.clear()
        count = view.visible.rowCount()
        if text.strip():
            self.status(
                ngettext("{n} question matches", "{n} questions match", count).format(n=count)
            )
        else:
            self.window.statusBar().clearMessage()  # no stale filter message (issue 9 item 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.window.answering
        if watched is view.find and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                view.find.clear()
                view.questions.setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                view.questions.setFocus()
                return True
        return super().eventFilter(watched, event)


def progress_line(result: ScoreResult) -> str:
    """ "12 of 33 answered · 36% complete · level 2 Developing" from the one progress source;
    "not scored yet" while nothing is answered, and any empty free-text question named."""
    from readiness.domain.progress import progress

    figures = progress(result)
    line = _("{done} of {total} answered · {pct} complete").format(
        done=figures.done, total=figures.total, pct=locale_format.share(result.completeness)
    )
    if figures.scored:
        line += " · " + _("level {level} {label}").format(
            level=result.level.level, label=localize(result.level.label)
        )
    else:
        line += " · " + _("not scored yet")
    if figures.text_open:
        line += " · " + _("{n} free-text question(s) empty").format(n=figures.text_open)
    return line
