"""The assessments page: organisations on the left, their assessments on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.ui.assessment_list import AssessmentRow, ItemIdRole, counts_of, labels_and_titles
from readiness.ui.controllers.base import PageController
from readiness.ui.snapshot_labels import labels_of

if TYPE_CHECKING:
    from readiness.ui.controllers.app import Controller


class AssessmentsController(PageController):
    name = "assessments"

    def __init__(self, app: Controller) -> None:
        super().__init__(app)
        self._all_summaries: list = []
        self._labels: dict[str, str] = {}
        self._titles: dict[str, str] = {}

    def connect(self) -> None:
        page = self.window.assessments
        actions = self.app.actions
        on = self.on
        on(page.new_organisation.clicked, actions.new_organisation)
        on(page.new_assessment.clicked, actions.new_assessment)
        on(page.open_button.clicked, self.open_selected)
        on(page.table.activated, lambda _index: self.open_selected())
        on(page.organisations.selectionModel().currentChanged, self._organisation_changed)
        on(page.table.selectionModel().currentChanged, self._assessment_changed)

    def refresh_lists(self) -> None:
        """Re-read organisations and assessments; keep the current selections."""
        page = self.window.assessments
        workspace = self.workspace
        organisations = workspace.organisations()
        summaries = workspace.assessments()
        current_org = page.organisations.currentIndex().data(ItemIdRole) or ""
        current = page.table.currentIndex().data(ItemIdRole) or self.app.assessment_id
        page.organisations_model.set_organisations(organisations, counts_of(summaries))
        self._all_summaries = summaries
        self._labels, self._titles = labels_and_titles(
            summaries,
            lambda s: labels_of(
                s.snapshot_sha256, lambda: workspace.questionnaire_of(s).questionnaire
            ),
        )
        row = page.organisations_model.row_of(current_org) if current_org else 0
        page.organisations.setCurrentIndex(page.organisations_model.index(row))
        self._fill_table(current_org)
        if current:
            self.select_assessment(current)
        self.app.lists_stale = False

    def _fill_table(self, organisation_id: str) -> None:
        rows = [
            AssessmentRow(s, self._labels.get(s.id, ""), self._titles.get(s.id, ""))
            for s in self._all_summaries
            if not organisation_id or s.organisation_id == organisation_id
        ]
        self.window.assessments.assessments_model.set_rows(rows)
        self._assessment_changed()

    def _organisation_changed(self, *_args: object) -> None:
        page = self.window.assessments
        organisation_id = page.organisations.currentIndex().data(ItemIdRole) or ""
        self._fill_table(organisation_id)
        if page.assessments_model.rowCount():
            page.table.selectRow(0)

    def _assessment_changed(self, *_args: object) -> None:
        page = self.window.assessments
        page.open_button.setEnabled(bool(self.app.selected_assessment_id()))
        self.app.update_actions()  # every action follows the selection (issue 9 item 1)

    def select_assessment(self, assessment_id: str) -> None:
        page = self.window.assessments
        row = page.assessments_model.row_of(assessment_id)
        if row >= 0:
            page.table.selectRow(row)

    def select_organisation(self, organisation_id: str) -> None:
        page = self.window.assessments
        page.organisations.setCurrentIndex(
            page.organisations_model.index(page.organisations_model.row_of(organisation_id))
        )

    def current_organisation_id(self) -> str:
        return self.window.assessments.organisations.currentIndex().data(ItemIdRole) or ""

    def row_exists(self, assessment_id: str) -> bool:
        return self.window.assessments.assessments_model.row_of(assessment_id) >= 0 or any(
            a.id == assessment_id for a in self.workspace.assessments()
        )

    def show_home(self) -> None:
        """The assessments page once there is an organisation, else the welcome page."""
        if self.window.assessments.organisations_model.rowCount() > 1:
            self.window.show_assessments()
        else:
            self.window.show_welcome()
        self.app.update_actions()

    def show_assessments(self) -> None:
        self.window.answering.editor.flush()
        self.refresh_lists()
        self.show_home()
        if self.window.pages.currentWidget() is self.window.assessments:
            self.window.assessments.table.setFocus()

    def open_selected(self) -> None:
        assessment_id = self.app.selected_assessment_id()
        if assessment_id:
            self.app.answering.open_assessment(assessment_id)

    def select_first(self) -> None:
        page = self.window.assessments
        if page.assessments_model.rowCount():
            page.table.selectRow(0)
        page.table.setFocus()
