"""Trend lines over time (the Trend page): one line per series, 0–100, markers for changes.

``set_series(points, series, marks)``: ``points`` are the x labels in order (e.g. dates),
``series`` pairs a name with one value per point (None leaves a gap), and ``marks`` are
(point index, label) pairs drawn as dashed vertical lines (e.g. a questionnaire version change).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from readiness.i18n import _
from readiness.ui.charts.base import ChartWidget, Table, number, series_colour


class TrendChart(ChartWidget):
    def __init__(self, title: str = "", name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, name or _("Trend chart"), parent)
        self.points: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.marks: list[tuple[int, str]] = []

    def set_series(
        self,
        points: list[str],
        series: list[tuple[str, list[float | None]]],
        marks: list[tuple[int, str]] | None = None,
    ) -> None:
        self.points = list(points)
        self.series = [(name, list(values)) for name, values in series]
        self.marks = list(marks or [])
        self.update()

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(painter.font())
        legend_h = metrics.height() + 4 if self.series else 0.0
        left = area.left() + metrics.horizontalAdvance("100") + 6
        plot = QRectF(
            left,
            area.top() + metrics.height() / 2,
            max(10.0, area.right() - left - 8),
            max(10.0, area.height() - 2 * metrics.height() - legend_h - 6),
        )
        grid = QPen(self.grid(), 1)
        grid.setCosmetic(True)
        for tick in range(0, 101, 20):
            y = plot.bottom() - plot.height() * tick / 100
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.ink())
            painter.drawText(
                QRectF(
                    area.left(), y - metrics.height() / 2, left - area.left() - 4, metrics.height()
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(tick),
            )
        n = len(self.points)
        if n == 0:
            return

        def x_of(i: int) -> float:
            return plot.center().x() if n == 1 else plot.left() + plot.width() * i / (n - 1)

        step = max(1, int(n * (metrics.averageCharWidth() * 12) / plot.width()) + 1)
        painter.setPen(self.ink())
        for i, label in enumerate(self.points):
            if i % step and i != n - 1:
                continue
            w = metrics.horizontalAdvance(label)
            x = min(max(x_of(i) - w / 2, area.left()), area.right() - w)
            painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 3), label)
        mark_pen = QPen(self.grid().darker(250), 1, Qt.PenStyle.DashLine)
        mark_pen.setCosmetic(True)
        for index, label in self.marks:
            if 0 <= index < n:
                x = x_of(index)
                painter.setPen(mark_pen)
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(self.ink())
                painter.drawText(QPointF(x + 3, plot.top() + metrics.ascent()), label)
        for k, (_name, values) in enumerate(self.series):
            colour = series_colour(k)
            pen = QPen(colour, 2.5 if k == 0 else 1.6)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            path = QPainterPath()
            drawing = False
            dots: list[QPointF] = []
            for i, value in enumerate(values[:n]):
                if value is None:
                    drawing = False
                    continue
                point = QPointF(
                    x_of(i), plot.bottom() - plot.height() * max(0.0, min(100.0, value)) / 100
                )
                dots.append(point)
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            radius = 3.2 if k == 0 else 2.4
            for point in dots:
                painter.drawEllipse(point, radius, radius)
        # legend
        x = plot.left()
        y = area.bottom() - metrics.descent()
        for k, (name, _values) in enumerate(self.series):
            colour = series_colour(k)
            painter.fillRect(QRectF(x, y - metrics.ascent() / 2 - 2, 14, 4), colour)
            painter.setPen(self.ink())
            painter.drawText(QPointF(x + 18, y), name)
            x += 18 + metrics.horizontalAdvance(name) + 14

    def table(self) -> Table:
        marks = {index: label for index, label in self.marks}
        headers = [_("Point"), *[name for name, _values in self.series]]
        if marks:
            headers.append(_("Note"))
        rows = []
        for i, point in enumerate(self.points):
            row = [
                point,
                *[number(values[i]) if i < len(values) else "—" for _n, values in self.series],
            ]
            if marks:
                row.append(marks.get(i, ""))
            rows.append(row)
        return headers, rows
