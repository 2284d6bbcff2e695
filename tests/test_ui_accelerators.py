"""Keyboard accelerators in every language (issue 15): within the menu bar and within each menu,
no two entries share an Alt letter, so Alt+letter runs a command instead of cycling between
two. French words move the ``&``: this checks the catalogue's choices on the real window."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from readiness import i18n
from readiness.services.demo import seed
from readiness.ui import language as ui_language
from readiness.ui.settings import Settings
from ui_helpers import no_thread_leaks, open_window, settings_dir

__all__ = ["no_thread_leaks", "open_window", "settings_dir"]


def accelerator(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), lower-cased."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(actions: list[QAction], where: str) -> list[str]:
    """Entries of one menu (or the menu bar) that share an accelerator, then each sub-menu's."""
    by_letter: dict[str, list[str]] = {}
    problems = []
    for action in actions:
        if action.isSeparator():
            continue
        if (letter := accelerator(action.text())) is not None:
            by_letter.setdefault(letter, []).append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            problems += clashes(menu.actions(), f"{where} > {action.text()}")
    problems += [f"{where}: {texts}" for texts in by_letter.values() if len(texts) > 1]
    return problems


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_two_entries_of_a_menu_share_an_accelerator(
    lang: str, open_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_LANG", lang)
    i18n.reset_language()
    h = open_window(tmp_path / "demo.db")
    assert i18n.current_language() == lang
    h.window.view_menu.addMenu(ui_language.language_menu(h.window, Settings()))
    for _step in seed(h.workspace):
        pass
    h.controller.refresh_lists()
    bar = h.window.menuBar()
    problems = clashes(bar.actions(), "menu bar")
    # the Edit menu names what is selected: check it with an assessment open too
    first = h.workspace.assessments()[0]
    h.controller.open_assessment(first.id)
    QApplication.processEvents()
    problems += clashes(bar.actions(), "menu bar, assessment open")
    assert problems == []
    assert all(accelerator(a.text()) for a in bar.actions() if a.text())
