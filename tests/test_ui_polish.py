"""Issue 9 item 8: window polish seen on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from readiness.services.demo import seed
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["Dialogs", "dialogs", "no_thread_leaks", "open_window", "settings_dir"]


def seeded(open_window: Any) -> Any:
    h = open_window()
    list(seed(h.workspace))
    h.controller.refresh_lists()
    h.controller.show_assessments()
    return h


def test_shortcuts_list_keys_a_person_can_press(open_window: Any) -> None:
    h = open_window()
    rows = {label: keys for _menu, label, keys in h.window.shortcut_rows()}
    assert rows["Undo"] == "Ctrl+Z, Alt+Backspace"
    for keys in rows.values():
        for key in keys.split(", "):
            assert key not in ("Undo", "Redo", "Cut", "Copy", "Paste", "Find")
            assert not (key.startswith("F") and key[1:].isdigit() and int(key[1:]) > 12)


def test_assessment_table_title_date_questionnaire_title_and_sorting(open_window: Any) -> None:
    h = seeded(open_window)
    page = h.window.assessments
    model = page.assessments_model
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    title = model.COLUMNS.index("title")
    assert widths[title] == max(widths), (widths, page.table.width())  # not "Firs…"
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Last change" in names
    questionnaire = model.COLUMNS.index("questionnaire")
    cells = [model.data(model.index(r, questionnaire)) for r in range(model.rowCount())]
    assert any(c.startswith("Partnership readiness") for c in cells), cells
    assert not any(c.startswith("company-readiness") for c in cells)
    score = model.COLUMNS.index("score")
    page.table.sortByColumn(score, Qt.SortOrder.DescendingOrder)
    scores = [float(model.data(model.index(r, score))) for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    first = model.summary(0).id
    h.controller.assessments.select_assessment(first)
    assert h.controller.selected_assessment_id() == first  # selection follows the sort


def test_find_counts_in_good_english_and_clears_its_message(open_window: Any, qtbot: Any) -> None:
    h = seeded(open_window)
    nordlicht = next(a for a in h.workspace.assessments() if a.organisation.startswith("Nord"))
    h.controller.open_assessment(nordlicht.id)
    find = h.window.answering.find
    find.setText("trust.contact-24-7")
    assert h.status_text() == "1 question matches"
    find.setText("")
    assert h.status_text() == ""


def test_a_way_back_to_the_list_from_the_answering_page(open_window: Any, qtbot: Any) -> None:
    h = seeded(open_window)
    nordlicht = next(a for a in h.workspace.assessments() if a.organisation.startswith("Nord"))
    h.controller.open_assessment(nordlicht.id)
    back = h.window.answering.back
    assert back.isVisible()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert h.window.page_name() == "assessments"
