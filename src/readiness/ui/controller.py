"""Wires the window to the services: lists, dialogs, answering, results, background jobs.

Views only lay widgets out; everything that reads or changes data happens here, through the
Workspace. Every edit is saved at once and followed by a fresh AssessmentState, so the question
list, the domain progress and the results always show what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QWidget

from readiness.domain.answers import AnswerDetail
from readiness.domain.model import localize
from readiness.domain.scoring import Status
from readiness.i18n import _
from readiness.services import catalog
from readiness.services.errors import UserError
from readiness.services.workspace import AssessmentState, Workspace
from readiness.ui.app_window import MainWindow
from readiness.ui.assessment_list import AssessmentRow, ItemIdRole
from readiness.ui.dialogs import (
    AboutDialog,
    AssessmentDialog,
    ExportDialog,
    OrganisationDialog,
    ShortcutsDialog,
)
from readiness.ui.errors import show_error
from readiness.ui.question_model import QuestionIdRole
from readiness.ui.settings import Settings
from readiness.ui.workers import BackgroundTask, Report, run_with_progress

SAVED_MESSAGE_MS = 2500
QUESTIONS_TAB, RESULTS_TAB = 0, 1


def _exec(dialog: QDialog) -> int:
    """Run a modal dialog (a seam: tests replace it to fill the dialog in and accept)."""
    return dialog.exec()


class Controller(QObject):
    def __init__(
        self,
        window: MainWindow,
        workspace: Workspace,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(window)
        window.build_pages()
        self.window = window
        self.workspace = workspace
        self.settings = settings or Settings()
        self.assessment_id = ""
        self.state: AssessmentState | None = None
        self.tasks: list[BackgroundTask] = []
        self._lists_stale = True
        self._results_stale = True
        self._numbers: dict[str, str] = {}
        self._syncing_domain = False
        window.location.setText(_shown_path(workspace.path) if workspace.path else "")
        window.location.setToolTip(_("Database file"))
        self._connect()

    # Guarding -----------------------------------------------------------------------------

    def _guard(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            try:
                return function(*args)
            except Exception as exc:
                show_error(self.window, exc)
                return None

        return run

    def _on(self, signal: Any, slot: Callable[..., Any]) -> None:
        signal.connect(self._guard(slot))

    def _connect(self) -> None:
        w = self.window
        on = self._on
        on(w.act_new_organisation.triggered, self.new_organisation)
        on(w.act_new_assessment.triggered, self.new_assessment)
        on(w.act_demo.triggered, self.load_demo)
        on(w.act_export_pdf.triggered, lambda: self.export("pdf"))
        on(w.act_export_xlsx.triggered, lambda: self.export("xlsx"))
        on(w.act_quit.triggered, w.close)
        on(w.act_undo.triggered, self.undo)
        on(w.act_redo.triggered, self.redo)
        on(w.act_find.triggered, self.find)
        on(w.act_view_assessments.triggered, self.show_assessments)
        on(w.act_view_questions.triggered, lambda: self.show_tab(QUESTIONS_TAB))
        on(w.act_view_results.triggered, lambda: self.show_tab(RESULTS_TAB))
        on(w.act_next.triggered, lambda: self.step(1))
        on(w.act_previous.triggered, lambda: self.step(-1))
        on(w.act_next_unanswered.triggered, self.next_unanswered)
        on(w.act_na.triggered, self.start_na)
        on(w.act_clear.triggered, self.clear_current)
        on(w.act_flag.triggered, self.toggle_flag)
        on(w.act_comment.triggered, self.focus_comment)
        for action in w.act_options:
            on(action.triggered, lambda _checked=False, a=action: self.answer_key(a.data()))
        on(w.act_shortcuts.triggered, self.show_shortcuts)
        on(w.act_about.triggered, self.show_about)
        w.closing.connect(self.save_settings)

        on(w.welcome.createOrganisation, self.new_organisation)
        on(w.welcome.loadDemo, self.load_demo)

        page = w.assessments
        on(page.new_organisation.clicked, self.new_organisation)
        on(page.new_assessment.clicked, self.new_assessment)
        on(page.open_button.clicked, self.open_selected)
        on(page.table.activated, lambda _index: self.open_selected())
        on(page.organisations.selectionModel().currentChanged, self._organisation_changed)
        on(page.table.selectionModel().currentChanged, self._assessment_changed)

        view = w.answering
        on(view.questions.selectionModel().currentChanged, self._question_changed)
        on(view.domains.selectionModel().currentChanged, self._domain_changed)
        on(view.domains.clicked, self._domain_changed)
        on(view.find.textChanged, self._find_changed)
        view.find.installEventFilter(self)
        editor = view.editor
        on(editor.optionChosen, self.answer)
        on(editor.naConfirmed, self.answer_na)
        on(editor.naRefused, self._na_refused)
        on(editor.clearRequested, self.clear_answer)
        on(editor.commentChanged, self.set_comment)
        on(editor.textAnswerChanged, self.answer_text)
        on(editor.flagToggled, self.set_flag)
        on(w.results.questionRequested, self.go_to_question)
        on(w.tabs.currentChanged, self._tab_changed)
        on(w.pages.currentChanged, lambda _i: self._tab_changed(w.tabs.currentIndex()))

    # Start and finish ----------------------------------------------------------------------

    def start(self) -> None:
        """Restore the window and reopen the last assessment of this database, if any."""
        if not self.window.restored:
            self.window.restore(self.settings)
        self.refresh_lists()
        last = self.settings.last_assessment(self.workspace.path)
        if last and self.assessment_row_exists(last):
            page = self.settings.last_page()
            tab = RESULTS_TAB if page == "results" else QUESTIONS_TAB
            if page in ("questions", "results"):
                self.open_assessment(last, tab)
            else:
                self.show_assessments()
                self._select_assessment(last)
        else:
            self.show_home()
        self._update_actions()

    def assessment_row_exists(self, assessment_id: str) -> bool:
        return self.window.assessments.assessments_model.row_of(assessment_id) >= 0 or any(
            a.id == assessment_id for a in self.workspace.assessments()
        )

    def save_settings(self) -> None:
        self.window.answering.editor.flush()
        w = self.window
        self.settings.save_window(w.saveGeometry(), w.saveState())
        for name, splitter in w.splitters().items():
            self.settings.save_splitter(name, splitter.saveState())
        if self.assessment_id:
            self.settings.set_last_assessment(self.workspace.path, self.assessment_id)
        self.settings.set_last_page(w.page_name())
        self.settings.sync()

    # Lists --------------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        page = self.window.assessments
        organisations = self.workspace.organisations()
        summaries = self.workspace.assessments()
        counts: dict[str, int] = {}
        for summary in summaries:
            counts[summary.organisation_id] = counts.get(summary.organisation_id, 0) + 1
        current_org = page.organisations.currentIndex().data(ItemIdRole) or ""
        current = page.table.currentIndex().data(ItemIdRole) or self.assessment_id
        page.organisations_model.set_organisations(organisations, counts)
        self._all_summaries = summaries
        self._labels = {s.id: self.workspace.level_label(s) for s in summaries}
        row = page.organisations_model.row_of(current_org) if current_org else 0
        page.organisations.setCurrentIndex(page.organisations_model.index(row))
        self._fill_table(current_org)
        if current:
            self._select_assessment(current)
        self._lists_stale = False

    def _fill_table(self, organisation_id: str) -> None:
        rows = [
            AssessmentRow(s, self._labels.get(s.id, ""))
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
        page.open_button.setEnabled(page.table.currentIndex().isValid())

    def _select_assessment(self, assessment_id: str) -> None:
        page = self.window.assessments
        row = page.assessments_model.row_of(assessment_id)
        if row >= 0:
            page.table.selectRow(row)

    def show_home(self) -> None:
        if self.window.assessments.organisations_model.rowCount() > 1:
            self.window.show_assessments()
        else:
            self.window.show_welcome()
        self._update_actions()

    def show_assessments(self) -> None:
        self.window.answering.editor.flush()
        self.refresh_lists()
        self.show_home()
        if self.window.pages.currentWidget() is self.window.assessments:
            self.window.assessments.table.setFocus()

    def open_selected(self) -> None:
        page = self.window.assessments
        assessment_id = page.table.currentIndex().data(ItemIdRole)
        if assessment_id:
            self.open_assessment(assessment_id)

    # Dialogs ------------------------------------------------------------------------------

    def new_organisation(self) -> None:
        dialog = OrganisationDialog(self.window)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        organisation = self.workspace.add_organisation(**values)
        self.refresh_lists()
        self.window.show_assessments()
        page = self.window.assessments
        page.organisations.setCurrentIndex(
            page.organisations_model.index(page.organisations_model.row_of(organisation.id))
        )
        self.status(_("Organisation {name} created").format(name=organisation.name))
        self.new_assessment(organisation.id)

    def new_assessment(self, organisation_id: str = "") -> None:
        organisations = self.workspace.organisations()
        if not organisations:
            self.new_organisation()
            return
        if not organisation_id:
            page = self.window.assessments
            organisation_id = page.organisations.currentIndex().data(ItemIdRole) or ""
            if not organisation_id and self.state is not None:
                organisation_id = self.state.summary.organisation_id
        dialog = AssessmentDialog(organisations, catalog.builtin(), organisation_id, self.window)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        summary = self.workspace.new_assessment(
            values["organisation_id"],
            values["questionnaire_id"],
            values["title"] or None,
            values["assessor"],
        )
        self._lists_stale = True
        self.open_assessment(summary.id)

    def show_shortcuts(self) -> None:
        _exec(ShortcutsDialog(self.window.shortcut_rows(), self.window))

    def show_about(self) -> None:
        _exec(AboutDialog(self.workspace.path, self.window))

    # Background work ----------------------------------------------------------------------

    @contextmanager
    def _job_workspace(self) -> Iterator[Workspace]:
        """A Workspace for a worker thread: its own, opened on the same file.

        While this window's connection holds the file, the storage layer may not yet
        recognise it from a second connection (see the final report: its application id
        sits in the WAL until a checkpoint). Then the worker shares the Database's engine,
        which is thread-safe; sessions are still made per call and never shared.
        """
        try:
            workspace = Workspace.open(self.workspace.path)
        except UserError:
            yield Workspace(self.workspace.database)
            return
        try:
            yield workspace
        finally:
            workspace.close()

    def load_demo(self) -> None:
        from readiness.services.demo import seed

        def job(report: Report) -> int:
            with self._job_workspace() as workspace:
                for done, total, message in seed(workspace):
                    report(done, total, message)
                return len(workspace.assessments())

        def done(count: object) -> None:
            self.refresh_lists()
            self.window.show_assessments()
            page = self.window.assessments
            if page.assessments_model.rowCount():
                page.table.selectRow(0)
            page.table.setFocus()
            self.status(_("Demo data ready: {n} assessments").format(n=count))

        self._start(_("Loading demo data…"), job, done)

    def _start(
        self, title: str, job: Callable[[Report], Any], on_success: Callable[[Any], None]
    ) -> BackgroundTask:
        task: BackgroundTask

        def ended() -> None:
            if task in self.tasks:
                self.tasks.remove(task)
            self._update_actions()
            if self._lists_stale:
                self.refresh_lists()

        task = run_with_progress(self.window, title, job, self._guard(on_success), ended)
        self.tasks.append(task)
        self._update_actions()
        return task

    def export(self, kind: str) -> None:
        if self.state is None:
            return
        from readiness.domain.report import DEFAULT_MARKING, Marking

        summary = self.state.summary
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        name = f"{summary.organisation} - {summary.title}"
        safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip()
        suggested = folder / f"{safe or 'assessment'}.{kind}"
        marking = summary.marking or DEFAULT_MARKING.value
        dialog = ExportDialog(kind, suggested, [m.value for m in Marking], marking, self.window)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        report = self.workspace.report(summary.id, values["marking"])
        path = Path(values["path"]).expanduser()

        def job(progress: Report) -> Path:
            from readiness.services.export import export_report

            options: dict[str, Any] = {"pdf": path} if kind == "pdf" else {"xlsx": path}
            export_report(report, page_size=values["page_size"], progress=progress, **options)
            return path

        def done(written: object) -> None:
            self.status(_("Exported {path}").format(path=written), 8000)

        self._start(_("Exporting {name}…").format(name=path.name), job, done)

    # Opening an assessment -----------------------------------------------------------------

    def open_assessment(
        self, assessment_id: str, tab: int = QUESTIONS_TAB, question_id: str = ""
    ) -> None:
        self.window.answering.editor.flush()
        state = self.workspace.state(assessment_id)
        self.assessment_id = state.summary.id
        self.state = state
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
        self._show_state(state)
        self.settings.set_last_assessment(self.workspace.path, state.summary.id)
        self.window.show_assessment(tab)
        target = question_id or self._first_unanswered() or self._visible_id(0)
        if target:
            self.select_question(target)
        if tab == QUESTIONS_TAB:
            view.questions.setFocus()
        else:
            self.window.results.recommendations.setFocus()
        self._update_actions()

    def _show_state(self, state: AssessmentState) -> None:
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
        answered = sum(d.answered + d.na for d in result.domains)
        relevant = sum(d.applicable + d.na for d in result.domains)
        view.progress.setText(
            _("{done} of {total} answered · {pct:.0%} complete · level {level} {label}").format(
                done=answered,
                total=relevant,
                pct=result.completeness,
                level=result.level.level,
                label=localize(result.level.label),
            )
        )
        self._numbers = numbers
        self._results_stale = True
        if w.pages.currentWidget() is w.tabs and w.tabs.currentIndex() == RESULTS_TAB:
            self._refresh_results()
        w.setWindowTitle(_("{title} — Partnership Readiness").format(title=summary.title))

    def _refresh_results(self) -> None:
        """The results page is rebuilt only while shown (answers change it constantly)."""
        if self._results_stale and self.state is not None:
            self.window.results.set_result(self.state.result, self._numbers)
            self._results_stale = False

    def _tab_changed(self, tab: int) -> None:
        if tab == RESULTS_TAB:
            self._refresh_results()
        self._update_actions()

    # Questions: selection and navigation -----------------------------------------------------

    def current_question_id(self) -> str:
        return self.window.answering.questions.currentIndex().data(QuestionIdRole) or ""

    def _visible_id(self, row: int) -> str:
        visible = self.window.answering.visible
        if 0 <= row < visible.rowCount():
            return visible.index(row, 0).data(QuestionIdRole) or ""
        return ""

    def _visible_row(self, question_id: str) -> int:
        view = self.window.answering
        source_row = view.questions_model.row_of(question_id)
        if source_row < 0:
            return -1
        index = view.visible.mapFromSource(view.questions_model.index(source_row))
        return index.row() if index.isValid() else -1

    def _first_unanswered(self, start: int = 0) -> str:
        visible = self.window.answering.visible
        count = visible.rowCount()
        for offset in range(count):
            row = (start + offset) % count
            question_id = visible.index(row, 0).data(QuestionIdRole)
            if self.window.answering.questions_model.status(question_id) is Status.UNANSWERED:
                return question_id
        return ""

    def select_question(self, question_id: str) -> bool:
        view = self.window.answering
        row = self._visible_row(question_id)
        if row < 0 and view.visible.needle():
            view.find.clear()  # the question is hidden by the find text: show everything
            row = self._visible_row(question_id)
        if row < 0:
            return False
        index = view.visible.index(row, 0)
        view.questions.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.questions.scrollTo(index)
        return True

    def _question_changed(self, *_args: object) -> None:
        self._show_current()

    def _show_current(self) -> None:
        view = self.window.answering
        state = self.state
        question_id = self.current_question_id()
        if state is None or not question_id:
            view.editor.clear()
            self._update_actions()
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
        self._update_question_actions()

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
        if self._syncing_domain or not index.isValid() or self.state is None:
            return
        view = self.window.answering
        domain_id = view.domains_model.domain_id(index.row())
        current = self.state.questionnaire.question(self.current_question_id())
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

    def step(self, delta: int) -> None:
        view = self.window.answering
        row = view.questions.currentIndex().row()
        target = max(0, min(view.visible.rowCount() - 1, row + delta))
        if target != row and target >= 0:
            self.select_question(self._visible_id(target))
        if not view.find.hasFocus():
            view.questions.setFocus()

    def next_unanswered(self) -> None:
        view = self.window.answering
        row = view.questions.currentIndex().row()
        found = self._first_unanswered(row + 1)
        if found:
            self.select_question(found)
            view.questions.setFocus()
        else:
            self.status(_("Every shown question is answered."))

    def go_to_question(self, question_id: str) -> None:
        self.window.show_assessment(QUESTIONS_TAB)
        if self.select_question(question_id):
            self.window.answering.questions.setFocus()
        else:
            self.status(_("That question is not relevant with the current answers."))

    def show_tab(self, tab: int) -> None:
        if not self.assessment_id:
            self.status(_("Open an assessment first (Ctrl+0 lists them)."))
            return
        self.window.answering.editor.flush()
        self.window.show_assessment(tab)
        if tab == QUESTIONS_TAB:
            self.window.answering.questions.setFocus()
        else:
            self.window.results.recommendations.setFocus()
            if not self.window.results.recommendations.currentIndex().isValid():
                self.window.results.select_first_recommendation()

    def find(self) -> None:
        if not self.assessment_id:
            return
        view = self.window.answering
        self.window.show_assessment(QUESTIONS_TAB)
        view.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view.find.selectAll()

    def _find_changed(self, text: str) -> None:
        view = self.window.answering
        current = self.current_question_id()
        view.visible.set_needle(text)
        if current and self._visible_row(current) >= 0:
            self.select_question(current)
        elif view.visible.rowCount():
            self.select_question(self._visible_id(0))
        else:
            view.editor.clear()
        count = view.visible.rowCount()
        if text.strip():
            self.status(_("{n} questions match").format(n=count))

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

    # Editing ------------------------------------------------------------------------------

    def _require(self) -> str:
        if not self.assessment_id:
            raise RuntimeError("no assessment is open")
        return self.assessment_id

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
        if self.current_question_id() == question_id:
            self.step(1)  # keyboard flow: on to the next question

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
        question_id = self.current_question_id()
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

    def _after_change(self, question_id: str, reshow: bool = True) -> None:
        self.state = self.workspace.state(self._require())
        self._lists_stale = True
        self._show_state(self.state)
        current = self.current_question_id()
        if not current or self._visible_row(current) < 0:
            # the current question was hidden (no longer relevant): stay near it
            if not self.select_question(question_id):
                self.select_question(self._visible_id(0))
        elif reshow:
            self._show_current()
        self.status(_("Saved"), SAVED_MESSAGE_MS)
        self._update_actions()

    # Undo / redo ---------------------------------------------------------------------------

    def undo(self) -> None:
        self._replay(undoing=True)

    def redo(self) -> None:
        self._replay(undoing=False)

    def _replay(self, undoing: bool) -> None:
        if not self.assessment_id:
            return
        self.window.answering.editor.flush()
        aid = self.assessment_id
        change = self.workspace.undo(aid) if undoing else self.workspace.redo(aid)
        if change is None:
            self.status(_("Nothing to undo") if undoing else _("Nothing to redo"))
            return
        self.state = self.workspace.state(aid)
        self._lists_stale = True
        self._show_state(self.state)
        if self.window.pages.currentWidget() is not self.window.tabs:
            self.window.show_assessment(QUESTIONS_TAB)
        if self.window.tabs.currentIndex() == QUESTIONS_TAB:
            self.select_question(change.question_id)
        number = self.window.answering.questions_model.number(change.question_id)
        self.status(
            (_("Undone: question {n}") if undoing else _("Redone: question {n}")).format(
                n=number or change.question_id
            ),
            SAVED_MESSAGE_MS,
        )
        self._show_current()
        self._update_actions()

    # Actions state --------------------------------------------------------------------------

    def _update_actions(self) -> None:
        w = self.window
        busy = bool(self.tasks)
        on_questions = w.pages.currentWidget() is w.tabs and w.tabs.currentIndex() == 0
        has_assessment = bool(self.assessment_id)
        w.act_demo.setEnabled(not busy)
        for action in (w.act_export_pdf, w.act_export_xlsx):
            action.setEnabled(has_assessment and not busy)
        undo = redo = False
        if has_assessment:
            undo, redo = self.workspace.can_undo_redo(self.assessment_id)
        w.act_undo.setEnabled(undo)
        w.act_redo.setEnabled(redo)
        w.act_find.setEnabled(has_assessment)
        w.act_view_questions.setEnabled(has_assessment)
        w.act_view_results.setEnabled(has_assessment)
        for action in w.question_actions:
            action.setEnabled(on_questions)
        self._update_question_actions()

    def _update_question_actions(self) -> None:
        w = self.window
        question = w.answering.editor.question
        options = question.scale.options if question and question.scale else ()
        for digit, action in enumerate(w.act_options):
            option = w.answering.editor.option_for_key(str(digit)) if options else None
            action.setVisible(option is not None)
            if option is not None:
                action.setText(f"&{digit}  {localize(option.label)}")
        choice = question is not None and question.is_choice
        on_questions = w.pages.currentWidget() is w.tabs and w.tabs.currentIndex() == 0
        w.act_na.setEnabled(on_questions and choice and bool(question and question.allow_na))
        state = self.state
        detail = state.details.get(question.id) if state and question else None
        w.act_flag.setChecked(bool(detail and detail.flagged))

    def status(self, message: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(message, timeout)

    def parent_widget(self) -> QWidget:
        return self.window


def _shown_path(path: Path) -> str:
    """The database path for the status bar, with the home folder written as ~."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
