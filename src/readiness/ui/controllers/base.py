"""What every page controller shares: the window, the workspace, guarded signal wiring.

A page controller wires one page's signals to the services; the page (a view) only lays out
widgets. Controllers reach one another through the window-level :class:`Controller`
(``self.app``), which also holds the state they share: the open assessment and its
:class:`AssessmentState`, running background tasks, and whether the lists are stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from readiness.ui.errors import show_error

if TYPE_CHECKING:
    from readiness.services.workspace import Workspace
    from readiness.ui.app_window import MainWindow
    from readiness.ui.controllers.app import Controller

SAVED_MESSAGE_MS = 2500
QUESTIONS_TAB, RESULTS_TAB = 0, 1


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog (a seam: tests replace it to fill the dialog in and accept).

    Call it as ``base.exec_dialog(...)`` (module attribute) so a test's replacement is seen.
    """
    return dialog.exec()


def accepted(dialog: QDialog) -> bool:
    """Run ``dialog`` through :func:`exec_dialog`; True when the user accepted it."""
    return exec_dialog(dialog) == QDialog.DialogCode.Accepted


def guarded(parent: Any, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` wrapped so an exception becomes one clear message box, never a crash."""

    def run(*args: Any) -> Any:
        try:
            return function(*args)
        except Exception as exc:
            show_error(parent, exc)
            return None

    return run


class PageController(QObject):
    """Base of one page's controller.

    Subclasses set ``name`` (the page name used by the window and in settings), connect their
    page's signals in :meth:`connect` and enable or disable their actions in
    :meth:`update_actions`. Everything that reads or changes data goes through the Workspace.
    """

    name = ""

    def __init__(self, app: Controller) -> None:
        super().__init__(app)
        self.app = app

    @property
    def window(self) -> MainWindow:
        return self.app.window

    @property
    def workspace(self) -> Workspace:
        return self.app.workspace

    def on(self, signal: Any, slot: Callable[..., Any]) -> None:
        """Connect ``signal`` to ``slot``; an error in the slot is shown, not raised."""
        signal.connect(guarded(self.window, slot))

    def status(self, message: str, timeout: int = 5000) -> None:
        self.app.status(message, timeout)

    def connect(self) -> None:
        """Connect the page's signals and the actions it owns."""

    def update_actions(self) -> None:
        """Enable and disable the actions this controller owns, from the current state."""
