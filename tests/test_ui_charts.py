"""The QPainter charts (ui/charts/): what they draw, at 1× and 2× scale, and their table twins."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget

from readiness.ui.charts import (
    ChartPanel,
    DivergingBars,
    DomainBars,
    HeatmapDelegate,
    HeatValueRole,
    RadarChart,
    TrendChart,
    score_colour,
)
from readiness.ui.charts.base import ACCENT, NEGATIVE, POSITIVE, series_colour

TITLES = ["Trust", "Legal readiness", "Exercises", "Incentives", "Structures"]


def render(widget: QWidget, width: int, height: int, scale: float = 1.0) -> QImage:
    widget.resize(width, height)
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    widget.render(image)
    return image


def count(image: QImage, colour: QColor, tolerance: int = 6, rows: range | None = None) -> int:
    """Pixels within ``tolerance`` of ``colour`` (in rows ``rows``)."""
    found = 0
    for y in rows or range(image.height()):
        for x in range(0, image.width()):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) <= tolerance
                and abs(pixel.green() - colour.green()) <= tolerance
                and abs(pixel.blue() - colour.blue()) <= tolerance
            ):
                found += 1
    return found


def widths(image: QImage, colour: QColor) -> list[int]:
    """Per row, the number of pixels of ``colour`` (rows with none left out)."""
    out = []
    for y in range(image.height()):
        n = count(image, colour, rows=range(y, y + 1))
        if n:
            out.append(n)
    return out


def test_bars_length_follows_the_score_and_scales_crisply(qtbot: Any) -> None:
    bars = DomainBars()
    qtbot.addWidget(bars)
    bars.set_scores(["Low", "High"], [25.0, 100.0])
    low, high = score_colour(25.0), score_colour(100.0)
    one = render(bars, 400, 200)
    two = render(bars, 400, 200, 2.0)
    low1, high1 = max(widths(one, low)), max(widths(one, high))
    assert high1 == pytest.approx(4 * low1, rel=0.1)  # 100 is four times 25
    # at twice the pixel density the same bar has twice the pixels, edges still solid colour
    assert max(widths(two, high)) == pytest.approx(2 * high1, abs=3)
    assert count(two, high) > 3.5 * count(one, high)


def test_bars_with_no_score_draw_no_bar_and_say_so_in_the_table(qtbot: Any) -> None:
    bars = DomainBars()
    qtbot.addWidget(bars)
    bars.set_scores(["Only"], [None])
    image = render(bars, 300, 120)
    assert count(image, score_colour(50.0)) == 0
    _headers, rows = bars.table()
    assert rows == [["1", "Only", "—"]]


def test_radar_fills_in_accent_and_grows_with_scores(qtbot: Any) -> None:
    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.set_scores(TITLES, [20.0] * 5)
    small = render(radar, 400, 400)
    radar.set_scores(TITLES, [100.0] * 5)
    large = render(radar, 400, 400)
    fill = QColor(ACCENT)
    # the translucent fill over white: lighter than the accent, same hue
    blend = QColor(
        round(255 + (fill.red() - 255) * 60 / 255),
        round(255 + (fill.green() - 255) * 60 / 255),
        round(255 + (fill.blue() - 255) * 60 / 255),
    )
    assert count(large, blend, 8) > 10 * count(small, blend, 8) > 0
    assert radar.table()[1][1] == ["2", "Legal readiness", "100.0"]


def test_chart_panel_switches_to_the_table_from_the_keyboard(qtbot: Any) -> None:
    bars = DomainBars()
    panel = ChartPanel(bars)
    qtbot.addWidget(panel)
    bars.set_scores(TITLES, [10.0, 20.0, None, 40.0, 50.0])
    panel.refresh()
    panel.show()
    qtbot.waitExposed(panel)
    panel.as_table.setFocus()
    qtbot.keyClick(panel.as_table, Qt.Key.Key_Space)
    assert panel.stack.currentWidget() is panel.table_view
    model = panel.table_view.model()
    assert model.rowCount() == 5
    assert [model.index(r, 2).data() for r in range(5)] == ["10.0", "20.0", "—", "40.0", "50.0"]
    bars.set_scores(TITLES[:2], [70.0, 80.0])
    panel.refresh()  # the shown table follows the data
    assert model.rowCount() == 2
    qtbot.keyClick(panel.as_table, Qt.Key.Key_Space)
    assert panel.stack.currentWidget() is bars


def test_heatmap_cells_show_colour_and_number(qtbot: Any) -> None:
    model = QStandardItemModel(1, 3)
    for column, value in enumerate([15.0, 55.0, None]):
        item = QStandardItem("—" if value is None else f"{value:.0f}")
        item.setData(value, HeatValueRole)
        model.setItem(0, column, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(HeatmapDelegate(view))
    view.resize(400, 120)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    for column, value in enumerate([15.0, 55.0]):
        rect = view.visualRect(model.index(0, column))
        cell = image.copy(rect.adjusted(2, 2, -2, -2))
        colour = score_colour(value)
        assert count(cell, colour) > cell.width() * cell.height() * 0.6
        # the number is drawn on it: some pixels are not the fill colour
        assert count(cell, colour) < cell.width() * cell.height()


def test_diverging_bars_grow_right_for_positive_and_left_for_negative(qtbot: Any) -> None:
    chart = DivergingBars("Mirror topics", left_caption="Unit", right_caption="Company")
    qtbot.addWidget(chart)
    chart.set_rows(["Fuel 24/7", "Liaison"], [-50.0, 25.0])
    image = render(chart, 500, 160)
    middle = image.width() // 2
    red = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y) == NEGATIVE
    ]
    green = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y) == POSITIVE
    ]
    assert red and green
    assert max(red) <= max(green) and min(green) >= min(red)
    assert sum(1 for x in red) > sum(1 for x in green)  # 50 is longer than 25
    assert min(green) > middle * 0.7 and max(red) < image.width() * 0.8
    assert chart.table()[1] == [["Fuel 24/7", "-50"], ["Liaison", "25"]]


def test_trend_draws_each_series_and_marks_version_changes(qtbot: Any) -> None:
    chart = TrendChart("Trend")
    qtbot.addWidget(chart)
    chart.set_series(
        ["2025-01", "2025-06", "2026-01"],
        [("Overall", [40.0, None, 70.0]), ("Trust", [30.0, 50.0, 60.0])],
        [(2, "v2")],
    )
    image = render(chart, 500, 300, 2.0)
    assert count(image, series_colour(0), 10) > 50
    assert count(image, series_colour(1), 10) > 50
    headers, rows = chart.table()
    assert headers == ["Point", "Overall", "Trust", "Note"]
    assert rows[1] == ["2025-06", "—", "50.0", ""]
    assert rows[2] == ["2026-01", "70.0", "60.0", "v2"]


def test_the_window_needs_only_qt_essentials(tmp_path: Any) -> None:
    """No QtCharts or other PySide6-Addons module: the window and every page build on
    QtCore, QtGui and QtWidgets alone (the dependency on PySide6-Addons is gone)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from readiness.ui.app_window import MainWindow\n"
        "import readiness.ui.controllers, readiness.ui.charts\n"
        "w = MainWindow(); w.build_pages()\n"
        "w.results.radar.set_scores(['a', 'b', 'c'], [10.0, 50.0, None]); w.results.grab()\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(eval(done.stdout.strip().splitlines()[-1]))
    assert loaded <= {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}, loaded
