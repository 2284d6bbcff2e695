"""The Qt application: QApplication, the window, then the Workspace (started by launch.py).

The window is shown (with "Opening the database…") before the services are loaded: importing
SQLAlchemy and opening, recognising and migrating the database take several times longer than
Qt needs to paint a window, so they run on a worker thread while the window is already up and
responsive. When the Workspace is ready, the controller fills the window in.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from readiness.i18n import _
from readiness.ui.launch import BENCH_ENV, PREVIEW_MARKER, READY_MARKER, SHOWN_MARKER

PAINT_WAIT_MS = 300


def run(db: str | Path | None = None) -> int:
    """Show the window on database ``db`` and run the event loop; returns the exit code."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from readiness.ui import language
    from readiness.ui.app_window import MainWindow
    from readiness.ui.errors import install_excepthook
    from readiness.ui.settings import Settings, set_application_names
    from readiness.ui.workers import BackgroundTask

    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    settings = Settings()
    language.apply_saved_language(settings)
    language.install_qt_translations(app)
    app.setApplicationDisplayName(_("Partnership Readiness"))
    install_excepthook()
    bench = bool(os.environ.get(BENCH_ENV))

    from readiness.ui.palette import apply_theme

    apply_theme(settings.theme())  # View > Contrast; "system" follows the desktop
    window = MainWindow()
    window.view_menu.addSeparator()
    window.view_menu.addMenu(language.language_menu(window, settings))
    window.restore(settings)
    window.show_loading()
    window.setEnabled(False)  # nothing to act on until the database is open
    if bench:
        _print_after_paint(app, window, SHOWN_MARKER, quit_after=False)
    window.show()

    state: dict[str, Any] = {"code": 0, "workspace": None, "controller": None}
    task = BackgroundTask(lambda _report: _open_workspace(db, settings))

    def opened(workspace: object) -> None:
        from readiness.ui.controllers import Controller

        state["workspace"] = workspace
        window.statusBar().clearMessage()  # "Opening the database…" of the preview
        window.setEnabled(True)
        controller = Controller(window, workspace, settings)  # type: ignore[arg-type]
        state["controller"] = controller
        controller.start()
        if bench:
            _print_after_paint(app, window, READY_MARKER, quit_after=True)
            window.update()

    def failed(exc: object) -> None:
        from readiness.services.errors import UserError
        from readiness.ui.errors import message_box, sentence, show_error

        state["code"] = 1
        if isinstance(exc, UserError):
            print(_("error: {message}").format(message=exc), file=sys.stderr)
            if not bench:
                message_box(window, _("Partnership Readiness"), sentence(str(exc)))
        elif isinstance(exc, BaseException):
            show_error(None if bench else window, exc)
        app.exit(1)

    task.succeeded.connect(opened)
    task.failed.connect(failed)

    # start opening once the window has painted: the import work would otherwise compete
    # with the first paint for the interpreter lock (and at the latest after a moment, for a
    # window that does not paint, e.g. one restored minimised)
    def start_once() -> None:
        if not task.started:
            task.start()

    def preview_then_open() -> None:
        # the list (or welcome) page with its data, read without SQLAlchemy; the Workspace
        # starts opening once that has painted
        if not task.started and _preview(window, db, settings):
            if bench:
                _print_after_paint(app, window, PREVIEW_MARKER, quit_after=False)
            _after_first_paint(app, window, start_once)
            window.update()
            QTimer.singleShot(PAINT_WAIT_MS, start_once)
        else:
            start_once()

    _after_first_paint(app, window, preview_then_open)
    QTimer.singleShot(PAINT_WAIT_MS, start_once)
    try:
        code = app.exec()
    finally:
        while task.started and not task.done:  # never leave the opener running
            app.processEvents()
            time.sleep(0.01)
        workspace = state["workspace"]
        if workspace is not None:
            workspace.close()
    language.restart_if_asked()
    return state["code"] or code


def _preview(window: Any, db: str | Path | None, settings: Any) -> bool:
    """``startup_preview.show_preview``; a failure there only means no preview (logged)."""
    from readiness.ui.startup_preview import show_preview

    try:
        return show_preview(window, db, settings)
    except Exception as exc:  # the Workspace opens next and reports real problems
        from readiness.logs import log_exception

        log_exception(exc)
        return False


def _open_workspace(db: str | Path | None, settings: object) -> object:
    """On the worker thread: import the services, open the database, warm the caches."""
    from readiness.services.workspace import Workspace
    from readiness.ui.settings import Settings

    workspace = Workspace.open(db)
    try:
        summaries = workspace.assessments()
        for summary in summaries:
            workspace.level_label(summary)  # parses each questionnaire snapshot once
        assert isinstance(settings, Settings)
        last = settings.last_assessment(workspace.path)
        if last and any(s.id == last for s in summaries):
            workspace.state(last)
    except Exception:
        workspace.close()
        raise
    return workspace


def _after_first_paint(app: Any, window: Any, then: Any, *args: Any) -> None:
    """Call ``then(*args, seconds)`` (from the event loop) once the window has painted for the
    next time; ``seconds`` is the ``time.time()`` of that paint when ``then`` wants it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    class NextPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                app.removeEventFilter(self)
                painted = time.time()
                QTimer.singleShot(0, lambda: then(*args, painted) if args else then())
            return False

    app.installEventFilter(NextPaint(app))


def _print_after_paint(app: Any, window: Any, marker: str, quit_after: bool) -> None:
    """For bench/startup_bench.py: print a timestamp at the window's next paint."""
    from PySide6.QtCore import QTimer

    def stamp(_marker: str, painted: float) -> None:  # the time of the paint, not of now
        print(f"{marker} {painted:.6f}", flush=True)
        if quit_after:
            QTimer.singleShot(0, app.quit)

    _after_first_paint(app, window, stamp, marker)
