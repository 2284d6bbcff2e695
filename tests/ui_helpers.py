"""Fixtures and helpers for the window tests (imported by each tests/test_ui_*.py module).

- ``no_thread_leaks`` (autouse where imported) fails a test that leaves a Python thread or a
  QThreadPool task running.
- ``open_window`` builds the real main window on a database file, shown and active, with
  QSettings isolated in the test's tmp folder; every window and workspace is closed after.
- ``dialogs`` replaces the modal ``exec()`` seam with a function that drives the real dialog
  widgets (key clicks, mouse clicks) and returns its result, so tests never block.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from readiness.services.workspace import Workspace
from readiness.ui import errors as errors_module
from readiness.ui.app_window import MainWindow
from readiness.ui.controllers import Controller
from readiness.ui.controllers import base as controller_base
from readiness.ui.settings import set_application_names


def _python_threads() -> set[threading.Thread]:
    # threads Qt started get a _DummyThread entry once Python ran in them; they are the
    # pool's, which activeThreadCount covers
    return {
        t
        for t in threading.enumerate()
        if t.is_alive() and not isinstance(t, threading._DummyThread)  # type: ignore[attr-defined]
    }


@pytest.fixture(autouse=True)
def no_thread_leaks() -> Iterator[None]:
    pool = QThreadPool.globalInstance()
    before = _python_threads()
    active_before = pool.activeThreadCount()
    yield
    deadline = time.monotonic() + 3.0
    while True:
        QCoreApplication.processEvents()
        extra = _python_threads() - before
        active = pool.activeThreadCount()
        if not extra and active <= active_before:
            return
        if time.monotonic() > deadline:
            pytest.fail(
                f"test left threads running: {sorted(t.name for t in extra)}; "
                f"thread pool active {active} (was {active_before})"
            )
        time.sleep(0.02)


class Harness:
    """A window, its controller and workspace, opened on one database file."""

    def __init__(self, window: MainWindow, controller: Controller, workspace: Workspace):
        self.window = window
        self.controller = controller
        self.workspace = workspace

    @property
    def view(self) -> Any:
        return self.window.answering

    @property
    def editor(self) -> Any:
        return self.window.answering.editor

    def state(self) -> Any:
        return self.workspace.state(self.controller.assessment_id)

    def current(self) -> str:
        return self.controller.current_question_id()

    def visible_ids(self) -> list[str]:
        return [
            self.view.visible.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
            for row in range(self.view.visible.rowCount())
        ]

    def status_text(self) -> str:
        return self.window.statusBar().currentMessage()


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "settings"
    set_application_names()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def open_window(qtbot: Any, settings_dir: Path, tmp_path: Path) -> Iterator[Callable[..., Harness]]:
    opened: list[Harness] = []

    def open_(db: Path | None = None) -> Harness:
        workspace = Workspace.open(db or tmp_path / "readiness.db")
        window = MainWindow()
        qtbot.addWidget(window)
        controller = Controller(window, workspace)
        controller.start()
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        harness = Harness(window, controller, workspace)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        for task in list(harness.controller.tasks):
            qtbot.waitUntil(lambda t=task: t.done, timeout=10_000)
        if harness.window.isVisible():
            harness.window.close()
        harness.workspace.close()


class Dialogs:
    """Queue of handlers, one per modal dialog the code under test opens."""

    def __init__(self) -> None:
        self.handlers: list[Callable[[QDialog], None]] = []
        self.seen: list[QWidget] = []
        self.messages: list[QMessageBox] = []
        self.failures: list[BaseException] = []

    def expect(self, handler: Callable[[QDialog], None]) -> None:
        self.handlers.append(handler)

    def run(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if not self.handlers:
            raise AssertionError(f"unexpected dialog {dialog.objectName()}")
        handler = self.handlers.pop(0)
        self._current = handler
        dialog.show()
        dialog.activateWindow()
        deadline = time.monotonic() + 2.0
        while QApplication.activeWindow() is not dialog and time.monotonic() < deadline:
            QApplication.processEvents()
        try:
            handler(dialog)
        except BaseException as exc:  # the controller's guard would hide it as a dialog
            self.failures.append(exc)
            dialog.reject()
            self._reactivate(dialog)
            return dialog.result()
        if dialog.isVisible():  # the handler did not press a button: cancel
            dialog.reject()
        self._reactivate(dialog)
        return dialog.result()

    @staticmethod
    def _reactivate(dialog: QDialog) -> None:
        """As a window manager does: the parent window is active again after a dialog."""
        parent = dialog.parentWidget()
        if parent is None:
            return
        window = parent.window()
        window.activateWindow()
        deadline = time.monotonic() + 2.0
        while QApplication.activeWindow() is not window and time.monotonic() < deadline:
            QApplication.processEvents()

    def message(self, box: QMessageBox) -> None:
        self.messages.append(box)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    recorder = Dialogs()
    monkeypatch.setattr(controller_base, "exec_dialog", recorder.run)
    monkeypatch.setattr(errors_module, "_exec", recorder.message)
    yield recorder
    if recorder.failures:
        raise recorder.failures[0]
    assert not recorder.handlers, "a dialog the test expected never opened"


def activate(window: QWidget) -> None:
    """Make ``window`` active again, as a window manager does when a dialog closes."""
    window.activateWindow()
    deadline = time.monotonic() + 2.0
    while QApplication.activeWindow() is not window and time.monotonic() < deadline:
        QApplication.processEvents()
