"""Errors on screen: one clear sentence in a message box, details in the log, no traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from readiness.i18n import _
from readiness.services.errors import UserError


def log_exception(exc: BaseException) -> Any:
    """readiness.logs.log_exception, imported when first needed (it is not needed to start)."""
    from readiness.logs import log_exception as log

    return log(exc)


def sentence(text: str) -> str:
    """Services phrase messages for a command line ("error: ..."); a dialog wants a sentence."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def _exec(box: QMessageBox) -> None:
    """Show a modal box (a seam: tests replace it to record instead of block)."""
    box.exec()


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    details: str = "",
) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    if details:
        box.setInformativeText(details)
    box.setAccessibleName(title)
    _exec(box)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A UserError as its message; anything else as a short notice, logged with its trace."""
    from readiness.services.guard import storage_user_error

    if (translated := storage_user_error(exc)) is not None:
        exc = translated
    if isinstance(exc, UserError):
        message_box(parent, _("Partnership Readiness"), sentence(str(exc)))
        return
    where = log_exception(exc)
    message_box(  # never the message: it may quote user data (DESIGN section 4)
        parent,
        _("Unexpected error"),
        _("Something went wrong: {kind}").format(kind=type(exc).__name__),
        QMessageBox.Icon.Critical,
        _("The details were written to the log file {path}.").format(path=where),
    )


def guarded(parent: Callable[[], QWidget | None]) -> Callable[[Callable[..., Any]], Any]:
    """Decorate a slot so any error it raises is shown (and logged), never propagated."""

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception as exc:
                show_error(parent(), exc)
                return None

        run.__name__ = function.__name__
        run.__doc__ = function.__doc__
        return run

    return wrap


def excepthook(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    """sys.excepthook for the window: log and show a dialog instead of printing a trace."""
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None and trace is not None:
        exc = exc.with_traceback(trace)
    try:
        show_error(QApplication.activeWindow(), exc)
    except Exception:  # the dialog itself failed: at least keep the log entry
        log_exception(exc)


def install_excepthook() -> None:
    sys.excepthook = excepthook
