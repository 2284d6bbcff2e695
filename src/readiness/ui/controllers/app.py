"""The window's controller: builds one controller per page and holds what they share.

To add a page (e.g. Portfolio): lay it out in a view module under ``ui/`` and register it in
``MainWindow.build_pages`` with ``add_page(name, widget)``; add its actions to the window
(``_build_actions`` and a menu); write a :class:`PageController` subclass in this package that
connects them; and list it in :attr:`Controller.PAGES`. It is reachable from the other
controllers as ``app.<attribute>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject

from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import AssessmentState, Workspace
from readiness.ui import a11y
from readiness.ui.app_window import MainWindow
from readiness.ui.assessment_list import ItemIdRole
from readiness.ui.controllers.answering import AnsweringController
from readiness.ui.controllers.appearance import AppearanceController
from readiness.ui.controllers.assessments import AssessmentsController
from readiness.ui.controllers.base import QUESTIONS_TAB, RESULTS_TAB, PageController, guarded
from readiness.ui.controllers.editing import EditingController
from readiness.ui.controllers.exchange import ExchangeController
from readiness.ui.controllers.export import ExportController
from readiness.ui.controllers.library import LibraryController
from readiness.ui.controllers.partnership import PartnershipController
from readiness.ui.controllers.portfolio import PortfolioController
from readiness.ui.controllers.records import RecordsController
from readiness.ui.controllers.results import ResultsController
from readiness.ui.controllers.trend import TrendController
from readiness.ui.controllers.welcome import WelcomeController
from readiness.ui.controllers.window_actions import WindowActions
from readiness.ui.settings import Settings
from readiness.ui.workers import BackgroundTask, Report, run_with_progress


class Controller(QObject):
    """Wires ``window`` to ``workspace``: one :class:`PageController` per page, plus the
    window-level actions. Shared state: ``assessment_id`` ("" when none is open), ``state``
    (its AssessmentState), ``tasks`` (running background tasks) and ``lists_stale``."""

    #: attribute name -> controller class, in connection order
    PAGES: ClassVar[dict[str, type[PageController]]] = {
        "actions": WindowActions,
        "welcome": WelcomeController,
        "assessments": AssessmentsController,
        "answering": AnsweringController,
        "editing": EditingController,
        "results": ResultsController,
        "export": ExportController,
        "library": LibraryController,
        "exchange": ExchangeController,
        "portfolio": PortfolioController,
        "partnership": PartnershipController,
        "trend": TrendController,
        "records": RecordsController,
        "appearance": AppearanceController,
    }

    actions: WindowActions
    welcome: WelcomeController
    assessments: AssessmentsController
    answering: AnsweringController
    editing: EditingController
    results: ResultsController
    export: ExportController
    library: LibraryController
    exchange: ExchangeController
    portfolio: PortfolioController
    partnership: PartnershipController
    trend: TrendController
    records: RecordsController
    appearance: AppearanceController

    def __init__(
        self, window: MainWindow, workspace: Workspace, settings: Settings | None = None
    ) -> None:
        super().__init__(window)
        window.build_pages()
        self.window = window
        self.workspace = workspace
        self.settings = settings or Settings()
        self.assessment_id = ""
        self.state: AssessmentState | None = None
        self.tasks: list[BackgroundTask] = []
        self.lists_stale = True
        self.controllers: list[PageController] = []
        for attribute, cls in self.PAGES.items():
            controller = cls(self)
            setattr(self, attribute, controller)
            self.controllers.append(controller)
        for controller in self.controllers:
            controller.connect()
        a11y.prepare(window)  # names and a visual Tab order on every page (issue 18)
        self.focus_ring = a11y.follow_focus(window)
        window.location.setText(shown_path(workspace.path) if workspace.path else "")
        window.location.setToolTip(_("Database file"))

    # Start and finish --------------------------------------------------------------------------

    def start(self) -> None:
        """Restore the window and reopen the last assessment of this database, if any."""
        if not self.window.restored:
            self.window.restore(self.settings)
        lists = self.assessments
        lists.refresh_lists()
        last = self.settings.last_assessment(self.workspace.path)
        if last and lists.row_exists(last):
            page = self.settings.last_page()
            tab = RESULTS_TAB if page == "results" else QUESTIONS_TAB
            if page in ("questions", "results"):
                self.answering.open_assessment(last, tab)
            else:
                lists.show_assessments()
                lists.select_assessment(last)
        else:
            lists.show_home()
        self.update_actions()

    def save_settings(self) -> None:
        w = self.window
        w.answering.editor.flush()
        self.settings.save_window(w.saveGeometry(), w.saveState())
        for name, splitter in w.splitters().items():
            self.settings.save_splitter(name, splitter.saveState())
        if self.assessment_id:
            self.settings.set_last_assessment(self.workspace.path, self.assessment_id)
        self.settings.set_last_page(w.page_name())
        self.settings.sync()

    # Shared services for the page controllers --------------------------------------------------

    def status(self, message: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(message, timeout)

    def on_questions(self) -> bool:
        w = self.window
        return w.pages.currentWidget() is w.tabs and w.tabs.currentIndex() == QUESTIONS_TAB

    def update_actions(self) -> None:
        """Every controller enables or disables its actions from the current state."""
        for controller in self.controllers:
            controller.update_actions()
        self.update_title()

    def selected_assessment_id(self) -> str:
        """The assessment the visible page shows or has selected, "" when none (issue 9 item 1).

        On the assessments page: the selected row, never the assessment opened earlier; on the
        assessment's tabs: that assessment; elsewhere: none.
        """
        w = self.window
        if not w.built:
            return ""
        current = w.pages.currentWidget()
        if current is w.assessments:
            rows = w.assessments.table.selectionModel().selectedRows()
            return str(rows[0].data(ItemIdRole) or "") if rows else ""
        if current is w.tabs:
            return self.assessment_id
        return ""

    def update_title(self) -> None:
        """The window title names the page, and on an assessment's tabs the assessment."""
        w = self.window
        app_name = _("Partnership Readiness")
        page = w.page_name()
        if page in ("questions", "results") and self.state is not None:
            summary = self.state.summary
            w.setWindowTitle(f"{summary.title} — {summary.organisation} — {app_name}")
        elif page == "assessments":
            w.setWindowTitle(_("Assessments — {app}").format(app=app_name))
        else:
            w.setWindowTitle(app_name)

    @contextmanager
    def job_workspace(self) -> Iterator[Workspace]:
        """A Workspace for a worker thread: its own, opened on the same file.

        While this window's connection holds the file, the storage layer may not yet
        recognise it from a second connection (its application id sits in the WAL until a
        checkpoint). Then the worker shares the Database's engine, which is thread-safe;
        sessions are still made per call and never shared.
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

    def run_task(
        self, title: str, job: Callable[[Report], Any], on_success: Callable[[Any], None]
    ) -> BackgroundTask:
        """Run ``job`` on a worker thread behind a progress dialog; ``on_success(result)``."""
        task: BackgroundTask

        def ended() -> None:
            if task in self.tasks:
                self.tasks.remove(task)
            self.update_actions()
            if self.lists_stale:
                self.assessments.refresh_lists()

        task = run_with_progress(self.window, title, job, guarded(self.window, on_success), ended)
        self.tasks.append(task)
        self.update_actions()
        return task

    # Shortcuts used by tests and scripts -------------------------------------------------------

    def refresh_lists(self) -> None:
        self.assessments.refresh_lists()

    def show_assessments(self) -> None:
        self.assessments.show_assessments()

    def open_assessment(
        self, assessment_id: str, tab: int = QUESTIONS_TAB, question_id: str = ""
    ) -> None:
        self.answering.open_assessment(assessment_id, tab, question_id)

    def select_question(self, question_id: str) -> bool:
        return self.answering.select_question(question_id)

    def current_question_id(self) -> str:
        return self.answering.current_question_id()


def shown_path(path: Path) -> str:
    """The database path for the status bar, with the home folder written as ~."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
