"""Window-level actions: new organisation or assessment, demo data, page switching, help.

These belong to no single page: the File, View and Help menus, and the settings saved when the
window closes.
"""

from __future__ import annotations

from readiness.i18n import _
from readiness.services import library
from readiness.ui.controllers import base
from readiness.ui.controllers.base import QUESTIONS_TAB, RESULTS_TAB, PageController
from readiness.ui.dialogs import AboutDialog, AssessmentDialog, OrganisationDialog, ShortcutsDialog
from readiness.ui.workers import Report


class WindowActions(PageController):
    name = "window"

    def connect(self) -> None:
        w = self.window
        app = self.app
        on = self.on
        on(w.act_new_organisation.triggered, self.new_organisation)
        on(w.act_new_assessment.triggered, self.new_assessment)
        on(w.act_demo.triggered, self.load_demo)
        on(w.act_quit.triggered, w.close)
        on(w.act_view_assessments.triggered, app.assessments.show_assessments)
        on(w.act_view_questions.triggered, lambda: self.show_tab(QUESTIONS_TAB))
        on(w.act_view_results.triggered, lambda: self.show_tab(RESULTS_TAB))
        on(w.act_shortcuts.triggered, self.show_shortcuts)
        on(w.act_about.triggered, self.show_about)
        w.closing.connect(app.save_settings)

    def update_actions(self) -> None:
        w = self.window
        has_assessment = bool(self.app.assessment_id)
        w.act_demo.setEnabled(not self.app.tasks)
        w.act_view_questions.setEnabled(has_assessment)
        w.act_view_results.setEnabled(has_assessment)

    # File ------------------------------------------------------------------------------------

    def new_organisation(self) -> None:
        dialog = OrganisationDialog(self.window)
        if not base.accepted(dialog):
            return
        organisation = self.workspace.add_organisation(**dialog.values())
        lists = self.app.assessments
        lists.refresh_lists()
        self.window.show_assessments()
        lists.select_organisation(organisation.id)
        self.status(_("Organisation {name} created").format(name=organisation.name))
        self.new_assessment(organisation.id)

    def new_assessment(self, organisation_id: str = "") -> None:
        organisations = self.workspace.organisations()
        if not organisations:
            self.new_organisation()
            return
        if not organisation_id:
            organisation_id = self.app.assessments.current_organisation_id()
            if not organisation_id and self.app.state is not None:
                organisation_id = self.app.state.summary.organisation_id
        dialog = AssessmentDialog(
            organisations, library.available(self.workspace), organisation_id, self.window
        )
        if not base.accepted(dialog):
            return
        values = dialog.values()
        summary = self.workspace.new_assessment(
            values["organisation_id"],
            values["questionnaire_id"],
            values["title"] or None,
            values["assessor"],
        )
        self.app.lists_stale = True
        self.app.answering.open_assessment(summary.id)

    def load_demo(self) -> None:
        from readiness.services.demo import demo_assessment_count, seed

        def job(report: Report) -> int:
            with self.app.job_workspace() as workspace:
                for done, total, message in seed(workspace):
                    report(done, total, message)
                return demo_assessment_count(workspace)

        def done(count: object) -> None:
            self.app.assessments.refresh_lists()
            self.window.show_assessments()
            self.app.assessments.select_first()
            self.status(_("Demo data ready: {n} demo assessment(s)").format(n=count))

        self.app.run_task(_("Loading demo data…"), job, done)

    # View and help -----------------------------------------------------------------------------

    def show_tab(self, tab: int) -> None:
        """The open assessment's questions or results tab (a hint when none is open)."""
        if not self.app.assessment_id:
            self.status(_("Open an assessment first (Ctrl+0 lists them)."))
            return
        self.window.answering.editor.flush()
        self.window.show_assessment(tab)
        if tab == QUESTIONS_TAB:
            self.window.answering.questions.setFocus()
        else:
            self.app.results.focus()

    def show_shortcuts(self) -> None:
        base.exec_dialog(ShortcutsDialog(self.window.shortcut_rows(), self.window))

    def show_about(self) -> None:
        base.exec_dialog(AboutDialog(self.workspace.path, self.window))
