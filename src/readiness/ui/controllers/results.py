"""The results tab: rebuilt only while shown (answers change it constantly)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.i18n import _
from readiness.ui.controllers.base import QUESTIONS_TAB, RESULTS_TAB, PageController

if TYPE_CHECKING:
    from readiness.ui.controllers.app import Controller


class ResultsController(PageController):
    name = "results"

    def __init__(self, app: Controller) -> None:
        super().__init__(app)
        self.stale = True
        self.numbers: dict[str, str] = {}

    def connect(self) -> None:
        w = self.window
        self.on(w.results.questionRequested, self.go_to_question)
        self.on(w.tabs.currentChanged, self._tab_changed)
        self.on(w.pages.currentChanged, lambda _i: self._tab_changed(w.tabs.currentIndex()))

    def mark_stale(self, numbers: dict[str, str]) -> None:
        """New results with question ``numbers``; shown now if the tab is on screen."""
        self.numbers = numbers
        self.stale = True
        w = self.window
        if w.pages.currentWidget() is w.tabs and w.tabs.currentIndex() == RESULTS_TAB:
            self.refresh()

    def refresh(self) -> None:
        state = self.app.state
        if self.stale and state is not None:
            self.window.results.set_result(state.result, self.numbers)
            self.stale = False

    def _tab_changed(self, tab: int) -> None:
        if tab == RESULTS_TAB:
            self.refresh()
        self.app.update_actions()

    def go_to_question(self, question_id: str) -> None:
        self.window.show_assessment(QUESTIONS_TAB)
        if self.app.answering.select_question(question_id):
            self.window.answering.questions.setFocus()
        else:
            self.status(_("That question is not relevant with the current answers."))

    def focus(self) -> None:
        results = self.window.results
        results.recommendations.setFocus()
        if not results.recommendations.currentIndex().isValid():
            results.select_first_recommendation()
