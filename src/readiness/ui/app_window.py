"""The main window: menus and actions, and the pages (welcome, assessments, assessment).

It only lays out widgets and owns the actions; the controllers in ui/controllers/ decide what
they do. Pages are registered by name with :meth:`MainWindow.add_page`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from readiness.i18n import _
from readiness.ui.settings import Settings

if TYPE_CHECKING:
    from readiness.ui.answering_view import AnsweringView
    from readiness.ui.assessments_page import AssessmentsPage
    from readiness.ui.results_view import ResultsView
    from readiness.ui.welcome_page import WelcomePage

Keys = QKeySequence.StandardKey | str | list[QKeySequence.StandardKey | str]

MAX_OPTION_KEYS = 10


class MainWindow(QMainWindow):
    """Menus and a loading page at once; the real pages are built by :meth:`build_pages`.

    Building them (and importing their modules, charts included) waits until the data is
    there, so the window itself appears as fast as a bare Qt window.
    """

    closing = Signal()
    welcome: WelcomePage
    assessments: AssessmentsPage
    answering: AnsweringView
    results: ResultsView
    tabs: QTabWidget

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(_("Partnership Readiness"))
        self.setAccessibleName(_("Partnership Readiness"))
        self.loading = QLabel(_("Opening the database…"))
        self.loading.setObjectName("loadingPage")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)
        self.setCentralWidget(self.pages)
        self.location = QLabel()
        self.location.setObjectName("statusLocation")
        self.statusBar().addPermanentWidget(self.location)
        self.restored = False
        self.first_built = False
        self.built = False
        self.page_widgets: dict[str, QWidget] = {}
        self._settings: Settings | None = None
        self._build_actions()
        self._build_menus()

    def build_first_pages(self) -> None:
        """The welcome and assessments pages only: what the start-up preview shows."""
        if self.first_built:
            return
        from readiness.ui.assessments_page import AssessmentsPage
        from readiness.ui.welcome_page import WelcomePage

        self.welcome = WelcomePage()
        self.assessments = AssessmentsPage()
        self.add_page("welcome", self.welcome)
        self.add_page("assessments", self.assessments)
        self.first_built = True

    def build_pages(self) -> None:
        if self.built:
            return
        self.build_first_pages()
        from readiness.ui.answering_view import AnsweringView
        from readiness.ui.results_view import ResultsView

        self.answering = AnsweringView()
        self.results = ResultsView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("assessmentTabs")
        self.tabs.addTab(self.answering, _("&Questions"))
        # the results scroll when the window is short (large text, QT_SCALE_FACTOR 2; issue 18)
        self.results_scroll = QScrollArea()
        self.results_scroll.setObjectName("resultsScroll")
        self.results_scroll.setWidgetResizable(True)
        self.results_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.results_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results_scroll.setWidget(self.results)
        self.tabs.addTab(self.results_scroll, _("&Results"))
        self.tabs.setTabToolTip(0, _("Answer the questions (Ctrl+1)"))
        self.tabs.setTabToolTip(1, _("Level, charts and recommendations (Ctrl+2)"))
        self.add_page("assessment", self.tabs)
        self.built = True
        if self._settings is not None:
            self._restore_splitters(self._settings)

    # Actions ------------------------------------------------------------------------------

    def _action(
        self, text: str, keys: Keys | None = None, tip: str = "", name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            sequences: list[QKeySequence] = []
            for key in keys if isinstance(keys, list) else [keys]:
                if isinstance(key, QKeySequence.StandardKey):
                    sequences.extend(QKeySequence.keyBindings(key))
                else:
                    sequences.append(QKeySequence(key))
            unique = list({s.toString(): s for s in sequences if not s.isEmpty()}.values())
            action.setShortcuts(unique)  # a sequence twice would make the action ambiguous
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = ", ".join(readable_keys(action.shortcuts()))
        plain = text.replace("&", "")
        tip = tip or plain.rstrip("…")
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.setStatusTip(tip)
        if name:
            action.setObjectName(name)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new_organisation = a(
            _("New &organisation…"), "Ctrl+Shift+N", name="actNewOrganisation"
        )
        self.act_new_assessment = a(
            _("&New assessment…"), QKeySequence.StandardKey.New, name="actNewAssessment"
        )
        self.act_demo = a(_("Load &demo data"), name="actDemo")
        self.act_export_pdf = a(_("Export &PDF…"), "Ctrl+E", name="actExportPdf")
        self.act_export_xlsx = a(_("Export &Excel…"), "Ctrl+Shift+E", name="actExportXlsx")
        self.act_quit = a(_("&Quit"), [QKeySequence.StandardKey.Quit, "Ctrl+Q"], name="actQuit")
        self.act_undo = a(_("&Undo"), QKeySequence.StandardKey.Undo, name="actUndo")
        self.act_redo = a(
            _("&Redo"), [QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"], name="actRedo"
        )
        self.act_find = a(_("&Find question…"), QKeySequence.StandardKey.Find, name="actFind")
        self.act_view_assessments = a(_("&Assessments"), "Ctrl+0", name="actViewAssessments")
        self.act_view_questions = a(_("&Questions"), "Ctrl+1", name="actViewQuestions")
        self.act_view_results = a(_("&Results"), "Ctrl+2", name="actViewResults")
        # Portfolio, partnership and trend pages (DESIGN section 9)
        self.act_view_portfolio = a(_("&Portfolio"), "Ctrl+3", name="actViewPortfolio")
        self.act_view_partnership = a(_("Partners&hip"), "Ctrl+4", name="actViewPartnership")
        self.act_view_trend = a(_("&Trend"), "Ctrl+5", name="actViewTrend")
        self.act_next = a(_("&Next question"), ["Alt+Down", "J"], name="actNext")
        self.act_previous = a(_("&Previous question"), ["Alt+Up", "K"], name="actPrevious")
        self.act_next_unanswered = a(_("Next &unanswered"), "Ctrl+U", name="actNextUnanswered")
        self.act_na = a(
            _("Not &applicable…"), "Alt+N", _("Mark N/A and type the justification"), "actNa"
        )
        self.act_clear = a(_("&Clear answer"), QKeySequence.StandardKey.Delete, name="actClear")
        self.act_flag = a(_("&Flag for review"), "Ctrl+R", name="actFlag")
        self.act_flag.setCheckable(True)
        self.act_comment = a(_("Co&mment"), "Ctrl+M", _("Edit the comment"), "actComment")
        self.act_evidence = a(_("E&vidence"), "Ctrl+B", _("Edit the evidence"), "actEvidence")
        self.act_options: list[QAction] = []
        for digit in range(MAX_OPTION_KEYS):
            action = a(_("Option {n}").format(n=digit), str(digit), name=f"actOption{digit}")
            action.setData(str(digit))
            self.act_options.append(action)
        # Records and the trash (issue 9): act on what the visible page has selected.
        self.act_open = a(_("&Open"), name="actOpen")
        self.act_edit = a(_("&Edit…"), "F2", _("Edit the selected item"), "actEdit")
        self.act_delete = a(
            _("&Delete"), tip=_("Move the selected item to the trash"), name="actDelete"
        )
        self.act_trash = a(_("Tra&sh…"), tip=_("Deleted items: restore or empty"), name="actTrash")
        self.act_empty_trash = a(_("E&mpty trash…"), name="actEmptyTrash")
        self.act_remove_demo = a(_("&Remove demo data…"), name="actRemoveDemo")
        self.act_shortcuts = a(
            _("&Keyboard shortcuts"), QKeySequence.StandardKey.HelpContents, name="actShortcuts"
        )
        self.act_about = a(_("&About Partnership Readiness"), name="actAbout")
        self.question_actions = [
            self.act_next,
            self.act_previous,
            self.act_next_unanswered,
            self.act_na,
            self.act_clear,
            self.act_flag,
            self.act_comment,
            self.act_evidence,
            *self.act_options,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        self.file_menu.addActions([self.act_new_organisation, self.act_new_assessment])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_demo, self.act_remove_demo, self.act_empty_trash])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_export_pdf, self.act_export_xlsx])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = bar.addMenu(_("&Edit"))
        self.edit_menu.addActions([self.act_undo, self.act_redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.act_edit, self.act_delete])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_find)
        self.view_menu = bar.addMenu(_("&View"))
        self.view_menu.addActions(
            [self.act_view_assessments, self.act_view_questions, self.act_view_results]
        )
        self.view_menu.addSeparator()
        self.view_menu.addActions(
            [self.act_view_portfolio, self.act_view_partnership, self.act_view_trend]
        )
        self.view_menu.addAction(self.act_trash)
        self.question_menu = bar.addMenu(_("&Question"))
        self.question_menu.addActions(self.act_options)
        self.question_menu.addSeparator()
        self.question_menu.addActions(
            [self.act_na, self.act_clear, self.act_flag, self.act_comment, self.act_evidence]
        )
        self.question_menu.addSeparator()
        self.question_menu.addActions([self.act_next, self.act_previous, self.act_next_unanswered])
        self.help_menu = bar.addMenu(_("&Help"))
        self.help_menu.addActions([self.act_shortcuts, self.act_about])

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for menu in (
            self.file_menu,
            self.edit_menu,
            self.view_menu,
            self.question_menu,
            self.help_menu,
        ):
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible() or not action.shortcuts():
                    continue
                keys = ", ".join(readable_keys(action.shortcuts()))
                if not keys:
                    continue
                rows.append((menu.title().replace("&", ""), action.text().replace("&", ""), keys))
        return rows

    # Pages --------------------------------------------------------------------------------

    def show_loading(self, message: str = "") -> None:
        if message:
            self.loading.setText(message)
        self.pages.setCurrentWidget(self.loading)

    def restore(self, settings: Settings) -> None:
        """Size and layout as last time (or a size that suits the font on first run)."""
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            metrics = self.fontMetrics()
            self.resize(metrics.averageCharWidth() * 160, metrics.height() * 48)
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)
        self._settings = settings
        if self.built:
            self._restore_splitters(settings)
        self.restored = True

    def _restore_splitters(self, settings: Settings) -> None:
        for name, splitter in self.splitters().items():
            saved = settings.splitter(name)
            if saved is not None:
                splitter.restoreState(saved)

    def splitters(self) -> dict[str, QSplitter]:
        if not self.built:
            return {}
        return {
            "assessments": self.assessments.splitter,
            "answering": self.answering.splitter,
            "results": self.results.splitter,
        }

    def add_page(self, name: str, widget: QWidget) -> None:
        """Register ``widget`` as the page called ``name`` (shown by :meth:`show_page`, saved in
        the settings as the last page)."""
        self.pages.addWidget(widget)
        self.page_widgets[name] = widget

    def show_page(self, name: str) -> None:
        self.pages.setCurrentWidget(self.page_widgets[name])

    def show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)

    def show_assessments(self) -> None:
        self.pages.setCurrentWidget(self.assessments)

    def show_assessment(self, tab: int = 0) -> None:
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(tab)

    def page_name(self) -> str:
        current = self.pages.currentWidget()
        if not self.built or current is self.loading:
            return ""
        if current is self.tabs:
            return "results" if self.tabs.currentIndex() == 1 else "questions"
        for name, widget in self.page_widgets.items():
            if widget is current:
                return name
        return ""

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def readable_keys(sequences: list[QKeySequence]) -> list[str]:
    """The key sequences a person can press, as text: no special keys most keyboards lack
    (F13 and up, the bare "Undo"/"Redo"/"Copy" keys), which Qt's standard bindings list
    (issue 9 item 8: not "Ctrl+Z, F14, Undo")."""
    shown = []
    for sequence in sequences:
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        last = text.split("+")[-1]
        if last.startswith("F") and last[1:].isdigit() and int(last[1:]) > 12:
            continue
        function_key = text.startswith("F") and text[1:].isdigit()
        common = text in ("Del", "Delete", "Esc", "Home", "End", "Ins")
        if "+" not in text and len(text) > 1 and not function_key and not common:
            continue  # a bare named key such as "Undo" or "Cut"
        shown.append(text)
    return shown
