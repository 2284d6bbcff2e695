"""The window's language (DESIGN section 11): the remembered choice, Qt's own translations and
View > Language.

Order for the window: ``--lang``, ``READINESS_LANG``, then the language last chosen in
View > Language (remembered in the settings), then the system locale, then English. Qt's own
dialogs and buttons (file dialogs, message box buttons, context menus) follow through Qt's
``qtbase_LANG.qm`` from the PySide6 wheel. Changing the language restarts the window, which the
window offers: text already on screen was translated when it was built.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QProcess, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from readiness import i18n
from readiness.i18n import _

if TYPE_CHECKING:
    from readiness.ui.settings import Settings

_installed: list[QTranslator] = []
_restart: list[list[str]] = []


def apply_saved_language(settings: Settings) -> None:
    """Use the language remembered by View > Language unless ``--lang`` or ``READINESS_LANG``
    chose one (they come first); with no choice and no locale variable, the system's user
    interface language as Qt knows it (Windows, macOS)."""
    saved = settings.language()
    if saved in i18n.available_languages() and i18n.language_source() in ("locale", "default"):
        i18n.set_language(saved, source="settings")
    elif i18n.language_source() == "default":
        # no locale variable (a Windows or macOS desktop): ask Qt for the system's languages
        for name in QLocale.system().uiLanguages():
            if (found := i18n.normalise(name)) is not None:
                i18n.set_language(found, source="locale")
                break


def qt_translations_file(language: str) -> str:
    """Path of Qt's own ``qtbase_LANG.qm`` in the PySide6 installation ('' when absent)."""
    from pathlib import Path

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    path = folder / f"qtbase_{language}.qm"
    return str(path) if path.is_file() else ""


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Load Qt's translations for the language in use; the default QLocale follows too (dates
    and numbers in Qt's own widgets). Returns the installed translator (None in English or when
    the PySide6 installation lacks the file)."""
    language = i18n.current_language()
    QLocale.setDefault(QLocale(language))
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == i18n.SOURCE_LANGUAGE or not (path := qt_translations_file(language)):
        return None
    translator = QTranslator(app)
    if not translator.load(path):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def language_menu(window: QWidget, settings: Settings) -> QMenu:
    """View > Language: one checkable entry per language, each named in its own language."""
    menu = QMenu(_("&Language"), window)
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code in i18n.available_languages():
        action = QAction(i18n.LANGUAGE_NAMES[code], menu)
        action.setCheckable(True)
        action.setChecked(code == i18n.current_language())
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: choose_language(window, settings, action.data()))
    return menu


def choose_language(window: QWidget, settings: Settings, language: str) -> bool:
    """Remember ``language`` and offer to restart the window in it; True when a restart was
    asked (the window then closes and :func:`restart_if_asked` starts the new one)."""
    settings.set_language(language)
    settings.sync()
    if language == i18n.current_language():
        return False
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Language"))
    box.setText(_("The window changes language when it restarts."))
    box.setInformativeText(
        _("Restart now? Your answers are already saved. The new language also applies to "
          "reports exported after the restart.")
    )  # fmt: skip
    restart = box.addButton(_("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restart)
    box.exec()
    if box.clickedButton() is not restart:
        return False
    _restart[:] = [restart_command(language)]
    window.close()
    return True


def restart_command(language: str, argv: list[str] | None = None) -> list[str]:
    """The command that starts this program again in ``language``: the same arguments with
    ``--lang`` replaced (so it wins over ``READINESS_LANG`` for the restarted window)."""
    args = list(sys.argv[1:] if argv is None else argv)
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if not arg.startswith("--lang="):
            kept.append(arg)
    program = (
        [sys.executable]
        if getattr(sys, "frozen", False)
        else [sys.executable, "-m", "readiness.cli"]
    )
    return [*program, "--lang", language, *kept]


def restart_if_asked() -> None:
    """After the event loop ends: start the window again when View > Language asked for it."""
    if _restart:
        command = _restart.pop()
        QProcess.startDetached(command[0], command[1:])
