"""Domain scores on the results page: a radar and horizontal bars, 0–100, painted with QPainter.

Both take ``set_scores(titles, scores)`` (domain titles in questionnaire order; ``None`` for a
domain with no score, drawn as 0 and listed as "—" in the table twin).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from readiness.i18n import _
from readiness.ui.charts.base import (
    ChartWidget,
    Table,
    number,
    score_colour,
    short,
    text_on,
)

RINGS = (20, 40, 60, 80, 100)


def radar_vertex(k: int, n: int, value: float, centre: QPointF, radius: float) -> QPointF:
    """Domain ``k`` of ``n`` at score ``value`` (0–100): clockwise from the top."""
    angle = -math.pi / 2 + 2 * math.pi * k / max(n, 1)
    r = radius * max(0.0, min(100.0, value)) / 100.0
    return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))


class _ScoreChart(ChartWidget):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, name, parent)
        self.titles: list[str] = []
        self.scores: list[float | None] = []

    def set_scores(self, titles: list[str], scores: list[float | None]) -> None:
        self.titles = list(titles)
        self.scores = list(scores)
        self.update()

    def values(self) -> list[float]:
        return [0.0 if s is None else max(0.0, min(100.0, s)) for s in self.scores]

    def table(self) -> Table:
        rows = [
            [str(k + 1), title, number(score)]
            for k, (title, score) in enumerate(zip(self.titles, self.scores, strict=True))
        ]
        return [_("No."), _("Domain"), _("Score")], rows


class RadarChart(_ScoreChart):
    """Domains round the circle (numbered labels), score 0–100 outwards, rings every 20."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Domain profile"), _("Radar chart of the domain scores"), parent)

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        n = len(self.titles)
        if n == 0:
            return
        metrics = QFontMetricsF(painter.font())
        min_label = metrics.averageCharWidth() * 12
        radius = max(
            10.0,
            min(area.width() / 2 - min_label - 8, area.height() / 2 - 2.2 * metrics.height()),
        )
        label_w = max(min_label, area.width() / 2 - radius - 10)
        centre = area.center()
        grid = QPen(self.grid(), 1)
        grid.setCosmetic(True)
        painter.setPen(grid)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in RINGS:
            painter.drawPolygon(
                QPolygonF([radar_vertex(k, n, ring, centre, radius) for k in range(n)])
            )
        for k in range(n):
            painter.drawLine(centre, radar_vertex(k, n, 100, centre, radius))
        # ring values up the first spoke
        painter.setPen(self.muted())  # text: 4.5:1 at least, from the palette
        for ring in RINGS[:-1]:
            point = radar_vertex(0, n, ring, centre, radius)
            painter.drawText(QPointF(point.x() + 3, point.y() + metrics.ascent() / 2), str(ring))

        values = self.values()
        shape = QPolygonF([radar_vertex(k, n, v, centre, radius) for k, v in enumerate(values)])
        accent = self.accent()
        fill = QColor(accent)
        fill.setAlpha(60)
        outline = QPen(accent, 2)
        outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(outline)
        painter.setBrush(QBrush(fill))
        painter.drawPolygon(shape)
        dot = max(2.5, radius / 40)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
        for k, score in enumerate(self.scores):
            painter.setBrush(score_colour(score))
            painter.drawEllipse(shape[k], dot, dot)

        painter.setPen(self.ink())
        for k, title in enumerate(self.titles):
            tip = radar_vertex(k, n, 100, centre, radius + 6)
            text = metrics.elidedText(
                f"{k + 1}. {short(title, 40)}", Qt.TextElideMode.ElideRight, label_w
            )
            width = metrics.horizontalAdvance(text)
            dx = tip.x() - centre.x()
            if abs(dx) < radius * 0.15:
                x = tip.x() - width / 2
            elif dx > 0:
                x = tip.x()
            else:
                x = tip.x() - width
            dy = tip.y() - centre.y()
            if dy > radius * 0.3:
                y = tip.y() + metrics.ascent()
            elif dy < -radius * 0.3:
                y = tip.y() - metrics.descent()
            else:
                y = tip.y() + (metrics.ascent() - metrics.descent()) / 2
            painter.drawText(QPointF(x, y), text)


class DomainBars(_ScoreChart):
    """One horizontal bar per domain, top to bottom in questionnaire order, in the level ramp."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Score by domain"), _("Bar chart of the domain scores"), parent)

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        n = len(self.titles)
        if n == 0:
            return
        metrics = QFontMetricsF(painter.font())
        labels = [f"{k + 1}. {short(t, 40)}" for k, t in enumerate(self.titles)]
        label_w = min(area.width() * 0.42, max(metrics.horizontalAdvance(t) for t in labels) + 8)
        axis_h = metrics.height() + 4
        left = area.left() + label_w
        width = max(10.0, area.right() - left - 4)
        plot = QRectF(left, area.top(), width, max(10.0, area.height() - axis_h))
        row_h = plot.height() / n
        bar_h = max(2.0, min(row_h * 0.7, metrics.height() * 2.2))

        grid = QPen(self.grid(), 1)
        grid.setCosmetic(True)
        for tick in range(0, 101, 20):
            x = plot.left() + plot.width() * tick / 100
            painter.setPen(grid)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(self.ink())
            painter.drawText(
                QRectF(x - 20, plot.bottom() + 2, 40, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(tick),
            )
        for k, (label, value) in enumerate(zip(labels, self.values(), strict=True)):
            y = plot.top() + row_h * k + (row_h - bar_h) / 2
            painter.setPen(self.ink())
            painter.drawText(
                QRectF(area.left(), plot.top() + row_h * k, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
            )
            colour = score_colour(self.scores[k])
            bar = QRectF(plot.left(), y, plot.width() * value / 100, bar_h)
            path = QPainterPath()
            path.addRect(bar)
            painter.fillPath(path, colour)
            text = number(self.scores[k])
            text_w = metrics.horizontalAdvance(text) + 8
            inside = bar.width() > text_w
            painter.setPen(text_on(colour) if inside else self.ink())
            box = (
                QRectF(bar.right() - text_w, y, text_w - 4, bar_h)
                if inside
                else QRectF(bar.right() + 4, y, text_w, bar_h)
            )
            align = Qt.AlignmentFlag.AlignVCenter
            align |= Qt.AlignmentFlag.AlignRight if inside else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, align, text)
