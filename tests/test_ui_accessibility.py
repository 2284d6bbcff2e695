"""Issue 18 (a): every page and dialog of the real window, offscreen, in the normal and the
high-contrast palette: each focusable control has an accessible name through Qt's
accessibility tree (QAccessible.queryAccessibleInterface), Tab follows the visual order, text
reaches 4.5:1 contrast (WCAG 2.1; 7:1 in high contrast) and focus is visible."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from a11y_checks import (
    contrast_problems,
    focus_indicator_problems,
    name_problems,
    order_problems,
)
from readiness.services.demo import seed
from readiness.services.workspace import Workspace
from readiness.ui.palette import AA, AAA, apply_theme, contrast_ratio
from ui_helpers import Dialogs, Harness, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


@pytest.fixture
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    """The palette for the test (param), the application's own put back after."""
    saved = QPalette(QGuiApplication.palette())
    applied = apply_theme(request.param)
    yield applied
    apply_theme("normal")
    QGuiApplication.setPalette(saved)
    QApplication.instance().setProperty("readinessHighContrast", False)


def demo_window(open_window: Any, tmp_path: Path) -> Harness:
    db = tmp_path / "demo.db"
    workspace = Workspace.open(db)
    for _step in seed(workspace):
        pass
    workspace.close()
    return open_window(db)


def pages(h: Harness) -> Iterator[tuple[str, QWidget]]:
    """Show each page in turn (the window's own way) and yield it."""
    w, c = h.window, h.controller
    w.show_welcome()
    yield "welcome", w.welcome
    c.show_assessments()
    yield "assessments", w.assessments
    first = h.workspace.assessments()[0]
    c.open_assessment(first.id)
    yield "questions", w.answering
    w.show_assessment(1)
    yield "results", w.results
    for name in ("portfolio", "partnership", "trend"):
        controller = getattr(c, name)
        controller.show()
        yield name, controller.page


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def report(kind: str, problems: dict[str, list[str]]) -> str:
    lines = [f"{where}: {p}" for where, found in problems.items() for p in found]
    return f"{len(lines)} {kind} problem(s):\n" + "\n".join(lines)


@pytest.mark.parametrize("theme", ["normal", "high"], indirect=True)
def test_every_page_names_orders_contrasts_and_shows_focus(
    theme: str, open_window: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    h = demo_window(open_window, tmp_path)
    h.window.resize(1280, 800)
    target = AAA if theme == "high" else AA
    names: dict[str, list[str]] = {}
    order: dict[str, list[str]] = {}
    contrast: dict[str, list[str]] = {}
    focus: dict[str, list[str]] = {}
    counts = []
    for page, widget in pages(h):
        settle()
        checked, names[page] = name_problems(h.window)
        chained, order[page] = order_problems(widget)
        ratios, contrast[page] = contrast_problems(h.window, target)
        shown, focus[page] = focus_indicator_problems(widget)
        counts.append(
            f"{page}: {checked} named, {chained} in Tab order, {shown} focus, "
            f"lowest contrast {min(ratios):.2f}:1"
        )
        assert checked > 0 and chained > 0
    with capsys.disabled():
        print(f"\n[{theme}] " + "; ".join(counts))
    problems = [
        report(kind, found)
        for kind, found in (
            ("name", names),
            ("tab order", order),
            ("contrast", contrast),
            ("focus indicator", focus),
        )
        if any(found.values())
    ]
    assert not problems, "\n".join(problems)


def _check_dialog(
    found: dict[str, list[str]], counts: list[str], theme: str
) -> Callable[[QDialog], None]:
    def check(dialog: QDialog) -> None:
        dialog.resize(dialog.sizeHint())
        settle()
        name = f"{len(found)}:{dialog.objectName()}"
        checked, problems = name_problems(dialog)
        chained, wrong_order = order_problems(dialog)
        _ratios, low = contrast_problems(dialog, AAA if theme == "high" else AA)
        shown, no_focus = focus_indicator_problems(dialog)
        found[name] = problems + wrong_order + low + no_focus
        counts.append(f"{name}: {checked}/{chained}/{shown}")
        dialog.reject()

    return check


@pytest.mark.parametrize("theme", ["normal", "high"], indirect=True)
def test_every_dialog_names_orders_contrasts_and_shows_focus(
    theme: str,
    open_window: Any,
    dialogs: Dialogs,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    h = demo_window(open_window, tmp_path)
    w, c = h.window, h.controller
    found: dict[str, list[str]] = {}
    counts: list[str] = []

    def opens(trigger: Callable[[], None]) -> None:
        dialogs.expect(_check_dialog(found, counts, theme))
        trigger()

    opens(w.act_new_organisation.trigger)
    opens(w.act_new_assessment.trigger)
    opens(w.act_shortcuts.trigger)
    opens(w.act_about.trigger)
    opens(w.act_trash.trigger)
    opens(w.act_remove_demo.trigger)
    c.show_assessments()
    c.assessments.select_assessment(h.workspace.assessments()[0].id)
    c.update_actions()
    opens(w.act_edit.trigger)
    opens(w.act_export_pdf.trigger)
    opens(w.act_export_xlsx.trigger)
    opens(c.exchange.act_invite.trigger)
    opens(lambda: c.exchange.import_packages([]))
    c.open_assessment(h.workspace.assessments()[0].id)
    opens(c.exchange.act_send.trigger)
    opens(c.exchange.act_keys.trigger)  # Tools > My keys (makes this machine's keys)
    opens(c.exchange.act_partners.trigger)
    with capsys.disabled():
        print(f"\n[dialogs, {theme}] named/in Tab order/focus: " + "; ".join(counts))
    assert len(found) == 14, sorted(found)
    assert not any(found.values()), report("dialog", found)


def test_the_high_contrast_palette_reaches_seven_to_one() -> None:
    """Every text role of the high-contrast palette (light and dark) on its background."""
    from readiness.ui.palette import TEXT_PAIRS, ensure_contrast, high_contrast_palette

    for dark in (False, True):
        palette = ensure_contrast(high_contrast_palette(dark), AAA)
        for text, background, _moves in TEXT_PAIRS:
            ratio = contrast_ratio(palette.color(text), palette.color(background))
            assert ratio >= AAA, (dark, text, background, ratio)


def test_ensure_contrast_raises_a_weak_pair_and_keeps_a_good_one() -> None:
    from PySide6.QtGui import QColor

    from readiness.ui.palette import ensure_contrast, readable

    grey = QColor("#9E9E9E")
    white = QColor("#FFFFFF")
    assert 2.6 < contrast_ratio(grey, white) < 2.8
    assert contrast_ratio(readable(grey, white), white) >= AA
    assert readable(QColor("#000000"), white) == QColor("#000000")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#308CC6"))
    palette.setColor(QPalette.ColorRole.HighlightedText, white)
    assert contrast_ratio(QColor("#308CC6"), white) < AA  # Fusion's own: 3.5:1
    fixed = ensure_contrast(palette)
    ratio = contrast_ratio(fixed.color(QPalette.ColorRole.Highlight), white)
    assert ratio >= AA
