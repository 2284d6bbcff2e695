"""Domain charts for the results page: a radar (polar) chart and horizontal bars, 0–100."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPolarChart,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from readiness.i18n import _

ACCENT = QColor(31, 119, 180)


def _short(title: str, limit: int = 24) -> str:
    """Shorten at a word boundary (charts elide long labels to "…" on their own)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-– ")
    return (cut or title[: limit - 1]) + "…"


def radar_points(scores: list[float]) -> list[tuple[float, float]]:
    """(angle, radius) points of a closed radar polygon, domains centred in their sectors.

    Domain k sits at angle k + 0.5 on a 0..n angular axis. Straight segments cannot wrap
    past the axis end, so the polygon is closed at angle 0 (= n) with the radius where the
    chord from the last domain to the first crosses it.
    """
    n = len(scores)
    if n == 0:
        return []
    if n == 1:
        return [(0.0, scores[0]), (0.5, scores[0]), (1.0, scores[0])]
    last, first = scores[-1], scores[0]
    half = math.pi / n  # angle between a domain and the axis start
    crossing = 0.0 if last + first == 0 else math.cos(half) * 2 * last * first / (last + first)
    points = [(0.0, crossing)]
    points += [(k + 0.5, value) for k, value in enumerate(scores)]
    points.append((float(n), crossing))
    return points


class _View(QChartView):
    def __init__(self, chart: QChart, name: str, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().hide()


class RadarChart(_View):
    """Domains round the circle (category labels), score 0–100 outwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.polar = QPolarChart()
        super().__init__(self.polar, _("Radar chart of the domain scores"), parent)
        self.polar.setTitle(_("Domain profile"))
        self.radial = QValueAxis()
        self.radial.setRange(0, 100)
        self.radial.setTickCount(6)
        self.radial.setLabelFormat("%d")
        self.angular = QCategoryAxis()
        self.angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        self.polar.addAxis(self.radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        self.polar.addAxis(self.angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        self.line = QLineSeries()
        self.line.setName(_("Score"))
        self.area = QAreaSeries(self.line)
        fill = QColor(ACCENT)
        fill.setAlpha(70)
        self.area.setBrush(fill)
        self.area.setPen(QPen(Qt.PenStyle.NoPen))  # its border would include the centre line
        self.outline = QLineSeries()
        self.outline.setPen(QPen(ACCENT, 2))
        self.outline.setPointsVisible(False)
        for series in (self.area, self.outline):
            self.polar.addSeries(series)
            series.attachAxis(self.radial)
            series.attachAxis(self.angular)
        self.categories: list[str] = []

    def set_scores(self, titles: list[str], scores: list[float | None]) -> None:
        values = [0.0 if s is None else max(0.0, min(100.0, s)) for s in scores]
        for label in list(self.angular.categoriesLabels()):
            self.angular.remove(label)
        n = max(len(titles), 1)
        self.angular.setStartValue(0)
        self.categories = []
        for k, title in enumerate(titles):
            # category labels must be unique; the domain number keeps them so
            label = f"{k + 1}. {_short(title)}"
            self.angular.append(label, k + 1)
            self.categories.append(label)
        self.angular.setRange(0, n)
        points = [QPointF(a, r) for a, r in radar_points(values)]
        self.line.replace(points)
        # the outline skips the closing points on the axis start so no marker sits there
        self.outline.replace(points)


class DomainBars(_View):
    """One horizontal bar per domain (top to bottom in questionnaire order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.bar_chart = QChart()
        super().__init__(self.bar_chart, _("Bar chart of the domain scores"), parent)
        self.bar_chart.setTitle(_("Score by domain"))
        self.series = QHorizontalBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsFormat("@value")
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        self.set = QBarSet(_("Score"))
        self.set.setColor(ACCENT)
        self.set.setLabelColor(QColor("white"))
        self.series.append(self.set)
        self.bar_chart.addSeries(self.series)
        self.categories_axis = QBarCategoryAxis()
        self.values_axis = QValueAxis()
        self.values_axis.setRange(0, 100)
        self.values_axis.setTickCount(6)
        self.values_axis.setLabelFormat("%d")
        self.bar_chart.addAxis(self.categories_axis, Qt.AlignmentFlag.AlignLeft)
        self.bar_chart.addAxis(self.values_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories_axis)
        self.series.attachAxis(self.values_axis)
        self.series.setBarWidth(0.7)

    def set_scores(self, titles: list[str], scores: list[float | None]) -> None:
        # horizontal bars grow upwards from the first category: reverse for top-down order
        labels = [f"{k + 1}. {_short(t, 20)}" for k, t in enumerate(titles)]
        values = [0.0 if s is None else round(s, 1) for s in scores]
        self.categories_axis.clear()
        self.categories_axis.append(list(reversed(labels)))
        if self.set.count():
            self.set.remove(0, self.set.count())
        self.set.append(list(reversed(values)))
