"""The Portfolio, Partnership and Trend pages (DESIGN section 9) on a real window and database,
driven from the keyboard: colour plus number in every heatmap cell, filters, Enter opens,
mismatches first with both sides' answers, a table twin for each chart, the note saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from readiness.services import partnerships
from readiness.services.demo import seed
from readiness.services.workspace import Workspace
from ui_helpers import Harness, no_thread_leaks, open_window, settings_dir

__all__ = ["no_thread_leaks", "open_window", "settings_dir"]

CTRL = Qt.KeyboardModifier.ControlModifier


def demo_window(open_window: Any, tmp_path: Path) -> Harness:
    db = tmp_path / "demo.db"
    workspace = Workspace.open(db)
    for _step in seed(workspace):
        pass
    workspace.close()
    return open_window(db)


def test_portfolio_heatmap_filters_and_enter_opens(
    open_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    h = demo_window(open_window, tmp_path)
    qtbot.keyClick(h.window, Qt.Key.Key_3, CTRL)
    page = h.controller.portfolio.page
    assert h.window.page_name() == "portfolio"
    assert page.table.hasFocus()
    table = page.table
    model = table.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Baltic Freight Logistics", "Nordlicht Energie AG"]  # sorted by name
    nordlicht = next(a for a in h.workspace.assessments() if a.organisation.startswith("Nord"))
    overall = model.index(1, 5)
    assert overall.data() == f"{nordlicht.score:.1f}"  # the number...
    assert isinstance(overall.data(Qt.ItemDataRole.BackgroundRole), QColor)  # ...and its colour
    page.plain.setChecked(True)
    assert overall.data(Qt.ItemDataRole.BackgroundRole) is None
    assert overall.data() == f"{nordlicht.score:.1f}"
    # Filter by status from the keyboard: only the completed Nordlicht row stays.
    page.status.setFocus()
    qtbot.keyClick(page.status, Qt.Key.Key_Down)
    assert page.status.currentData() == "completed"
    assert model.rowCount() == 1 and model.index(0, 0).data() == "Nordlicht Energie AG"
    # Sort by the overall column, then Enter opens the row's assessment.
    page.status.setCurrentIndex(0)
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Nordlicht Energie AG"
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    opened = h.workspace.assessment(h.controller.assessment_id)
    assert opened.organisation == "Nordlicht Energie AG"
    # The other questionnaire's table: the CIMIC unit.
    qtbot.keyClick(h.window, Qt.Key.Key_3, CTRL)
    page.questionnaire.setCurrentIndex(page.questionnaire.findData("defence-unit-readiness"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["CIMIC Group North"]


def test_partnership_page_mismatches_first_table_twin_and_note(
    open_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    h = demo_window(open_window, tmp_path)
    qtbot.keyClick(h.window, Qt.Key.Key_4, CTRL)
    page = h.controller.partnership.page
    assert h.window.page_name() == "partnership"
    assert page.bars.hasFocus()
    assert "3 mismatches" in page.summary.text()
    labels = [bar.label for bar in page.bars.bars]
    assert [bar.mismatch for bar in page.bars.bars[:4]] == [True, True, True, False]
    assert labels[1] == "Standby and framework contracts"
    qtbot.keyClick(page.bars, Qt.Key.Key_Down)  # keyboard moves the current topic
    assert page.bars.current() == 1
    assert "Standby and framework contracts" in page.topic_title.text()
    assert "4 — All critical needs covered" in page.unit_text.text()
    assert "1 — Informal understanding" in page.company_text.text()
    assert "counts on more than" in page.topic_sentence.text()
    # The table twin shows the same figures and follows the current topic.
    page.as_table.setChecked(True)
    assert page.twin.hasFocus()
    assert page.twin.currentRow() == 1
    assert [page.twin.item(1, c).text() for c in range(5)] == [
        "Standby and framework contracts",
        "25.0",
        "100.0",
        "-75.0",
        "yes",
    ]
    # The note: typed literally, saved with the button, read back from the database.
    note = "<b>call</b> =1+1 before March"
    page.note.setFocus()
    page.note.selectAll()
    qtbot.keyClicks(page.note, note)
    qtbot.mouseClick(page.save_note, Qt.MouseButton.LeftButton)
    (record,) = partnerships.records(h.workspace)
    assert record.note == note
    assert h.status_text() == "Note saved."


def test_partnership_page_compares_any_pair(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    h = demo_window(open_window, tmp_path)
    h.controller.partnership.show()
    page = h.controller.partnership.page
    page.company.setCurrentIndex(page.company.findText("Baltic", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.summary.text().startswith("Baltic Freight Logistics")
    assert not page.note.isEnabled()  # no stored partnership for this pair
    pair = partnerships.compare_assessments(
        h.workspace, page.company.currentData(), page.unit.currentData()
    )
    assert pair.company.summary.organisation == "Baltic Freight Logistics"
    assert page.bars.count() == pair.comparison.paired > 10


def test_trend_page_with_table_twin(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    h = demo_window(open_window, tmp_path)
    nordlicht = next(o for o in h.workspace.organisations() if o.name.startswith("Nordlicht"))
    h.workspace.new_assessment(nordlicht.id, "company-readiness", "Second look")
    qtbot.keyClick(h.window, Qt.Key.Key_5, CTRL)
    page = h.controller.trend.page
    page.organisation.setCurrentIndex(page.organisation.findData(nordlicht.id))
    page.organisation.activated.emit(page.organisation.currentIndex())
    assert page.chart.count() == 2
    first = next(
        a
        for a in h.workspace.assessments()
        if a.title != "Second look" and a.organisation_id == nordlicht.id
    )
    assert page.chart.series[0].values[0] == first.score  # overall, oldest first
    assert page.chart.changes == []  # same questionnaire version
    qtbot.keyClick(page.chart, Qt.Key.Key_Left)
    assert page.chart.current() == 0
    page.as_table.setChecked(True)
    assert page.twin.rowCount() == 2 and page.twin.item(0, 3).text() == f"{first.score:.1f}"
    assert page.twin.item(1, 2).text() == "draft"
