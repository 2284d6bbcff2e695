"""The window's language: Qt's own dialogs in French, View > Language, the remembered choice and
the restart the window offers (DESIGN section 11)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMessageBox

from readiness import i18n
from readiness.ui import language
from readiness.ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path, qapp) -> Settings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return Settings()


@pytest.fixture
def english_again(qapp):
    yield
    i18n.reset_language()
    language.install_qt_translations(qapp)


def test_qt_translations_for_french_ship_with_pyside6():
    path = language.qt_translations_file("fr")
    assert path.endswith("qtbase_fr.qm")
    assert Path(path).stat().st_size > 1000


def test_qt_own_buttons_are_french_once_the_language_is_french(qapp, english_again):
    i18n.set_language("fr")
    assert language.install_qt_translations(qapp) is not None
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text().replace("&", "") for b in box.buttons()] == ["Annuler"]
    i18n.set_language("en")
    assert language.install_qt_translations(qapp) is None  # and the French one is removed
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text().replace("&", "") for b in box.buttons()] == ["Cancel"]


def test_the_remembered_choice_comes_after_lang_and_the_environment(settings, monkeypatch):
    settings.set_language("fr")
    monkeypatch.delenv("READINESS_LANG")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    i18n.reset_language()
    language.apply_saved_language(settings)
    assert (i18n.current_language(), i18n.language_source()) == ("fr", "settings")

    monkeypatch.setenv("READINESS_LANG", "en")
    i18n.reset_language()
    language.apply_saved_language(settings)
    assert (i18n.current_language(), i18n.language_source()) == ("en", "environment")

    i18n.set_language("en")  # --lang en
    language.apply_saved_language(settings)
    assert i18n.current_language() == "en"


def test_view_language_offers_a_restart_in_the_chosen_language(qtbot, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = language.language_menu(window, settings)
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["English", "Français"]
    assert actions["English"].isChecked() and not actions["Français"].isChecked()
    window.show()

    def press_restart() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        restart = next(b for b in box.buttons() if "Restart" in b.text())
        restart.click()

    QTimer.singleShot(0, press_restart)
    actions["Français"].trigger()
    assert settings.language() == "fr"
    command = language._restart.pop()
    assert command[:4] == [sys.executable, "-m", "readiness.cli", "--lang"]
    assert command[4] == "fr"
    assert not window.isVisible()  # closed; the event loop's end starts the new window


def test_later_keeps_the_window_and_remembers_the_choice(qtbot, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()

    def press_later() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if "Later" in b.text()).click()

    QTimer.singleShot(0, press_later)
    assert language.choose_language(window, settings, "fr") is False
    assert settings.language() == "fr"
    assert window.isVisible()
    assert not language._restart


def test_the_restart_replaces_lang_and_keeps_the_other_arguments():
    command = language.restart_command("fr", ["--db", "x.db", "--lang", "en", "gui"])
    assert command[-5:] == ["--lang", "fr", "--db", "x.db", "gui"]
    command = language.restart_command("en", ["--lang=fr"])
    assert command[-2:] == ["--lang", "en"]


def test_with_no_locale_variable_the_window_asks_qt_for_the_system_language(settings, monkeypatch):
    """Windows and macOS desktops set no LANG: Qt knows the user's interface languages."""

    class SystemLocale:
        @staticmethod
        def system():
            return SystemLocale()

        def uiLanguages(self):
            return ["de-DE", "fr-FR", "en-US"]

    for name in ("READINESS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda environ=None: None)
    monkeypatch.setattr(language, "QLocale", SystemLocale)
    i18n.reset_language()
    assert i18n.language_source() == "default"
    language.apply_saved_language(settings)
    assert (i18n.current_language(), i18n.language_source()) == ("fr", "locale")
