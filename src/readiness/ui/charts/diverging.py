"""Diverging bars around zero (the Partnership page: company − unit, per mirror topic).

A positive value (the company offers more than the unit counts on) grows right in green, a
negative one left in red; the number is always written beside the bar. :class:`DivergingBars`
is a whole chart (one row per topic); :func:`paint_diverging_bar` draws one bar into any
rectangle, for a table delegate.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from readiness.i18n import _
from readiness.ui.charts.base import NEGATIVE, POSITIVE, ChartWidget, Table, number


def _ink() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Text)


def paint_diverging_bar(
    painter: QPainter,
    rect: QRectF,
    value: float | None,
    span: float = 100.0,
    axis: QColor | None = None,
    text: str | None = None,
    ink: QColor | None = None,
) -> None:
    """A bar from the centre of ``rect`` for ``value`` in −span..span, with its number.

    ``value`` None draws only the centre line and "—". The number goes outside the bar's end,
    on the side it grows to.
    """
    painter.save()
    metrics = QFontMetricsF(painter.font())
    label = number(value, 0) if text is None else text
    room = metrics.horizontalAdvance("−100") + 6
    inner = QRectF(rect.left() + room, rect.top(), max(4.0, rect.width() - 2 * room), rect.height())
    centre = inner.center().x()
    bar_h = max(2.0, min(rect.height() * 0.6, metrics.height() * 1.2))
    top = rect.center().y() - bar_h / 2
    if value is not None:
        share = max(-1.0, min(1.0, value / span)) if span else 0.0
        width = inner.width() / 2 * abs(share)
        colour = POSITIVE if value >= 0 else NEGATIVE
        bar = (
            QRectF(centre, top, width, bar_h)
            if value >= 0
            else QRectF(centre - width, top, width, bar_h)
        )
        painter.fillRect(bar, colour)
        painter.setPen(ink or _ink())
        if value >= 0:
            box = QRectF(bar.right() + 3, rect.top(), room, rect.height())
            align = Qt.AlignmentFlag.AlignLeft
        else:
            box = QRectF(bar.left() - room - 3, rect.top(), room, rect.height())
            align = Qt.AlignmentFlag.AlignRight
        shown = label.replace("-", "−")
        painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, shown)
    else:
        painter.setPen(ink or _ink())
        painter.drawText(
            QRectF(centre + 3, rect.top(), room, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    pen = QPen(axis or QApplication.palette().color(QPalette.ColorRole.PlaceholderText), 1)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawLine(QPointF(centre, rect.top()), QPointF(centre, rect.bottom()))
    painter.restore()


class DivergingBars(ChartWidget):
    """One row per item: its label left, a bar for ``value`` (−span..span) right of it."""

    def __init__(
        self,
        title: str = "",
        name: str = "",
        left_caption: str = "",
        right_caption: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, name or _("Diverging bar chart"), parent)
        self.left_caption = left_caption
        self.right_caption = right_caption
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.span = 100.0

    def set_rows(self, labels: list[str], values: list[float | None], span: float = 100.0) -> None:
        self.labels = list(labels)
        self.values = list(values)
        self.span = span
        self.update()

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetricsF(painter.font())
        top = area.top()
        if self.left_caption or self.right_caption:
            painter.setPen(self.ink())
            half = area.width() / 2
            label_w = area.width() * 0.38
            bars = QRectF(area.left() + label_w, top, area.width() - label_w, metrics.height())
            half = bars.width() / 2
            painter.drawText(
                QRectF(bars.left(), top, half - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight,
                self.left_caption,
            )
            painter.drawText(
                QRectF(bars.center().x() + 4, top, half - 4, metrics.height()),
                Qt.AlignmentFlag.AlignLeft,
                self.right_caption,
            )
            top += metrics.height() + 2
        n = len(self.labels)
        if n == 0:
            return
        row_h = min((area.bottom() - top) / n, metrics.height() * 2.4)
        label_w = area.width() * 0.38
        for k, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            y = top + row_h * k
            painter.setPen(self.ink())
            painter.drawText(
                QRectF(area.left(), y, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
            )
            paint_diverging_bar(
                painter,
                QRectF(area.left() + label_w, y, area.width() - label_w, row_h),
                value,
                self.span,
                self.grid().darker(200),
                ink=self.ink(),
            )

    def table(self) -> Table:
        rows = [[label, number(v, 0)] for label, v in zip(self.labels, self.values, strict=True)]
        return [_("Item"), _("Difference")], rows
