"""Small QPainter charts for the overview pages (DESIGN section 9): diverging bars for a
partnership's mirror topics and lines over time for a trend. Not QtCharts.

Both take focus and move a current item with the arrow keys (``currentChanged(int)``), draw
every number beside its mark (never colour alone) and have a plain table twin on their page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from readiness import locale_format
from readiness.i18n import _
from readiness.ui.palette import ACCENT as AXIS
from readiness.ui.palette import (
    MISMATCH,
    NEUTRAL,
    SERIES,
    current_row_colour,
    grid_colour,
    is_high_contrast,
)

LINE_COLOURS = [QColor(c) for c in SERIES]


def gap_text(gap: float | None) -> str:
    if gap is None:
        return "–"
    if round(gap, 1) == 0:
        return locale_format.decimal(0.0)
    return ("+" if gap > 0 else "") + locale_format.decimal(gap)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    gap: float | None
    mismatch: bool


class _Navigable(QWidget):
    """A focusable chart with a current item moved by Up/Down (or Left/Right) and the mouse."""

    currentChanged = Signal(int)
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._current = -1

    def count(self) -> int:
        return 0

    def _axis(self) -> QColor:
        """The axis and focus outline: the accent, or the text colour in high contrast."""
        return QColor(self.palette().color(QPalette.ColorRole.Text)) if is_high_contrast() else AXIS

    def _line(self, number: int) -> QColor:
        if is_high_contrast():
            return QColor(self.palette().color(QPalette.ColorRole.Text))
        return LINE_COLOURS[number % len(LINE_COLOURS)]

    def current(self) -> int:
        return self._current

    def set_current(self, index: int) -> None:
        index = -1 if self.count() == 0 else max(0, min(index, self.count() - 1))
        if index != self._current:
            self._current = index
            self.update()
            self.currentChanged.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }.get(Qt.Key(key))
        if step is not None:
            self.set_current(max(self._current, 0) + step if self._current >= 0 else 0)
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(self.count() - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current >= 0:
            self.activated.emit(self._current)
        else:
            super().keyPressEvent(event)


class DivergingBars(_Navigable):
    """One row per topic: a bar from the centre, left when the unit counts on more than the
    company has (gap < 0), right when the company has more; the gap printed at its end."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergingBars")
        self.setAccessibleName(_("Mirror topics as diverging bars; arrow keys move"))
        self.bars: list[Bar] = []

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self._current = -1
        self.updateGeometry()
        self.update()
        self.set_current(0)

    def count(self) -> int:
        return len(self.bars)

    def row_height(self) -> int:
        """A topic's row: 24 px, taller when the text is large (system font, issue 18)."""
        return max(self.ROW, self.fontMetrics().lineSpacing() + 8)

    def top(self) -> int:
        """Where the first row starts, below the two captions (30 px at the usual size)."""
        return self.fontMetrics().lineSpacing() + 14

    def sizeHint(self) -> QSize:
        return QSize(560, self.top() + 10 + self.row_height() * max(len(self.bars), 3))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.top() + 10 + self.row_height() * max(len(self.bars), 1))

    def _row_rect(self, index: int) -> QRectF:
        row = self.row_height()
        return QRectF(0, self.top() + index * row, self.width(), row)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = int((event.position().y() - self.top()) // self.row_height())
        if 0 <= index < len(self.bars):
            self.set_current(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        label_w = min(width * 0.38, 260.0)
        centre = label_w + (width - label_w) / 2
        half = (width - label_w) / 2 - 44
        base = self.font()
        bold = QFont(base)
        bold.setBold(True)
        muted = self.palette().placeholderText().color()
        text_colour = self.palette().text().color()
        painter.setPen(muted)
        metrics = painter.fontMetrics()
        caption_h = self.top() - 10
        left_caption = QRectF(label_w, 4, centre - label_w - 6, caption_h)
        right_caption = QRectF(centre + 6, 4, width - centre - 6, caption_h)
        # elided with "…" when narrow (large text), never cut mid-letter
        painter.drawText(
            left_caption,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                _("← the unit counts on more"),
                Qt.TextElideMode.ElideLeft,
                int(left_caption.width()),
            ),
        )
        painter.drawText(
            right_caption,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                _("the company has more →"),
                Qt.TextElideMode.ElideRight,
                int(right_caption.width()),
            ),
        )
        top = self.top()
        bottom = top + self.row_height() * len(self.bars)
        value_w = QFontMetricsF(bold).horizontalAdvance("−100.0 ⚠") + 6
        painter.setPen(QPen(grid_colour(self.palette()), 1, Qt.PenStyle.DashLine))
        for mark in (-100, -50, 50, 100):
            x = centre + half * mark / 100
            painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
        for index, bar in enumerate(self.bars):
            row = self._row_rect(index)
            if index == self._current:
                painter.fillRect(row, current_row_colour(self.palette()))
                if self.hasFocus():
                    painter.setPen(QPen(self._axis(), 1, Qt.PenStyle.DotLine))
                    painter.drawRect(row.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setFont(bold if bar.mismatch else base)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(4, row.top(), label_w - 8, row.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(
                    bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8)
                ),
            )
            if bar.gap is None:
                painter.setPen(muted)
                painter.drawText(
                    row.adjusted(label_w, 0, 0, 0),
                    Qt.AlignmentFlag.AlignCenter,
                    _("not comparable"),
                )
                continue
            length = half * min(abs(bar.gap), 100) / 100
            left = centre - length if bar.gap < 0 else centre
            colour = MISMATCH if bar.mismatch else NEUTRAL
            if is_high_contrast():
                colour = text_colour
            painter.fillRect(
                QRectF(left, row.top() + 5, max(length, 1.0), row.height() - 10), colour
            )
            painter.setPen(text_colour)
            # a mismatch is said in text too: the bold label and a warning sign by the gap
            label = gap_text(bar.gap) + (" ⚠" if bar.mismatch else "")
            if bar.gap < 0:
                box = QRectF(left - value_w - 4, row.top(), value_w, row.height())
                align = Qt.AlignmentFlag.AlignRight
            else:
                box = QRectF(left + length + 4, row.top(), value_w, row.height())
                align = Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(self._axis(), 2))
        painter.drawLine(QPointF(centre, top - 2), QPointF(centre, bottom))
        painter.end()


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: list[float | None]


class TrendChart(_Navigable):
    """Lines over the assessments of one organisation (oldest left): the overall score thick,
    each domain thin; a dashed vertical line where the questionnaire version changes. The
    current point's values are printed beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setAccessibleName(_("Scores over time; arrow keys move between assessments"))
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.changes: list[int] = []

    def set_data(self, labels: list[str], series: list[Series], changes: list[int]) -> None:
        self.labels, self.series, self.changes = labels, series, changes
        self._current = -1
        self.update()
        self.set_current(len(labels) - 1)

    def count(self) -> int:
        return len(self.labels)

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 200)

    def _plot(self) -> QRectF:
        """The plot area; the margins for the axis numbers, the two-line dates below and the
        legend right follow the font (large system text, issue 18)."""
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("100") + 14
        legend = max(250, metrics.averageCharWidth() * 34)
        below = 2 * metrics.lineSpacing() + 12
        return QRectF(
            left, 16, max(self.width() - left - legend, 100), max(self.height() - 16 - below, 80)
        )

    def _x(self, plot: QRectF, index: int) -> float:
        if len(self.labels) <= 1:
            return plot.center().x()
        return plot.left() + plot.width() * index / (len(self.labels) - 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        plot = self._plot()
        if not self.labels:
            return
        distances = [abs(self._x(plot, i) - event.position().x()) for i in range(len(self.labels))]
        self.set_current(distances.index(min(distances)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        muted = self.palette().placeholderText().color()
        text_colour = self.palette().text().color()
        line = float(self.fontMetrics().lineSpacing())
        for level in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * level / 100
            painter.setPen(QPen(grid_colour(self.palette()), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - line / 2, plot.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(level),
            )
        if not self.labels:
            painter.setPen(muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No assessments yet"))
            painter.end()
            return
        for index in self.changes:
            x = (self._x(plot, index - 1) + self._x(plot, index)) / 2
            painter.setPen(QPen(MISMATCH, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawText(
                QRectF(x + 3, plot.top(), 120, 16), Qt.AlignmentFlag.AlignLeft, _("new version")
            )
        if self._current >= 0:
            x = self._x(plot, self._current)
            painter.fillRect(
                QRectF(x - 10, plot.top(), 20, plot.height()), current_row_colour(self.palette())
            )
        for number, series in enumerate(self.series):
            colour = self._line(number)
            painter.setPen(QPen(colour, 3 if number == 0 else 1.4))
            previous: QPointF | None = None
            for index, value in enumerate(series.values):
                if value is None:
                    previous = None
                    continue
                point = QPointF(self._x(plot, index), plot.bottom() - plot.height() * value / 100)
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.drawEllipse(point, 3, 3)
                previous = point
        painter.setPen(text_colour)
        for index, label in enumerate(self.labels):
            x = self._x(plot, index)
            painter.drawText(
                QRectF(x - 60, plot.bottom() + 4, 120, 2 * line + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        # Legend with the current point's values: colour plus name plus number.
        legend_x = plot.right() + 12
        legend_w = self.width() - legend_x - 22
        for number, series in enumerate(self.series):
            y = plot.top() + number * (line + 2)
            colour = self._line(number)
            painter.fillRect(QRectF(legend_x, y + line / 2 - 2, 14, 4 if number else 6), colour)
            value = series.values[self._current] if self._current >= 0 else None
            shown = "–" if value is None else locale_format.decimal(value)
            painter.setPen(text_colour)
            text = painter.fontMetrics().elidedText(
                f"{shown}  {series.label}", Qt.TextElideMode.ElideRight, int(legend_w)
            )
            painter.drawText(
                QRectF(legend_x + 18, y, legend_w + 2, line), Qt.AlignmentFlag.AlignLeft, text
            )
        if self.hasFocus() and self._current >= 0:
            painter.setPen(QPen(self._axis(), 1, Qt.PenStyle.DotLine))
            x = self._x(plot, self._current)
            painter.drawRect(QRectF(x - 10, plot.top(), 20, plot.height()))
        painter.end()
