"""Long jobs off the GUI thread, with progress in a QProgressDialog.

A job is a plain function ``job(report) -> result`` where ``report(done, total, message)``
tells how far it got (and raises :class:`Cancelled` once the user pressed Cancel). It runs on
the global QThreadPool; results, progress and errors come back as queued signals, so slots
always run on the GUI thread. Jobs that touch the database open their own Workspace on the
same file: SQLAlchemy sessions are not shared across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from readiness.i18n import _
from readiness.ui.errors import show_error

Report = Callable[[int, int, str], None]
Job = Callable[[Report], Any]


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until it ended (see BackgroundTask)
        self._job = job
        self._signals = signals
        self._cancel = cancel

    def _report(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self._signals.progressed.emit(done, total, message)

    def run(self) -> None:
        try:
            result = self._job(self._report)
        except BaseException as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._signals.ended.emit()


class BackgroundTask(QObject):
    """One job on the thread pool; emits progressed/succeeded/failed on the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    _running: set[BackgroundTask] = set()  # noqa: RUF012 - keeps tasks alive while they run

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self.progressed)
        self._signals.succeeded.connect(self.succeeded)
        self._signals.failed.connect(self.failed)
        self._signals.ended.connect(self._on_ended)
        self._runnable = _Runnable(job, self._signals, self._cancel)
        self.done = False
        self.started = False

    def start(self) -> None:
        self.started = True
        BackgroundTask._running.add(self)
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        self._cancel.set()

    def _on_ended(self) -> None:
        self.done = True
        BackgroundTask._running.discard(self)
        self.ended.emit()


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Job,
    on_success: Callable[[Any], None],
    on_end: Callable[[], None] | None = None,
) -> BackgroundTask:
    """Run ``job`` in the background behind a window-modal progress dialog with Cancel."""
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60)
    task = BackgroundTask(job, parent)

    def progressed(done: int, total: int, message: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if message:
            dialog.setLabelText(message)

    def failed(exc: object) -> None:
        dialog.close()
        if isinstance(exc, Cancelled):
            return
        show_error(parent, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))

    def succeeded(result: object) -> None:
        dialog.close()
        on_success(result)

    def ended() -> None:
        dialog.deleteLater()
        if on_end is not None:
            on_end()

    dialog.canceled.connect(task.cancel)
    task.progressed.connect(progressed)
    task.failed.connect(failed)
    task.succeeded.connect(succeeded)
    task.ended.connect(ended)
    dialog.show()
    task.start()
    return task
