"""Heatmap cells for tables (the Portfolio page): the score's ramp colour plus the number.

Never colour alone: the cell always shows its text. Use :class:`HeatmapDelegate` on a table
view whose model returns the 0–100 score (float, or None) for :data:`HeatValueRole` and the
text to show for ``DisplayRole``; or call :func:`paint_heat_cell` from your own delegate.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from readiness.ui.charts.base import score_colour, text_on
from readiness.ui.palette import ACCENT

HeatValueRole = Qt.ItemDataRole.UserRole + 40


def paint_heat_cell(
    painter: QPainter,
    rect: QRectF,
    value: float | None,
    text: str,
    selected: bool = False,
    focus_colour: QColor | None = None,
) -> None:
    """Fill ``rect`` with the ramp colour of ``value`` (0–100; None: a light grey) and draw
    ``text`` centred in black or white, whichever reads better; a frame when ``selected``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    fill = score_colour(value)  # NO_SCORE grey for None
    inner = QRectF(rect).adjusted(1, 1, -1, -1)
    painter.fillRect(inner, fill)
    painter.setPen(text_on(fill))
    painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, text)
    if selected:
        pen = QPen(focus_colour or ACCENT, 2)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(inner.adjusted(1, 1, -1, -1))
    painter.restore()


class HeatmapDelegate(QStyledItemDelegate):
    """Paints cells that have a :data:`HeatValueRole` as heat cells; others as usual."""

    def __init__(self, parent: QWidget | None = None, role: int = HeatValueRole) -> None:
        super().__init__(parent)
        self.role = role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(self.role)
        if value is None and index.data(Qt.ItemDataRole.DisplayRole) in (None, ""):
            super().paint(painter, option, index)
            return
        if not isinstance(value, int | float):
            value = None
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        highlight = option.palette.color(QPalette.ColorRole.Highlight)  # type: ignore[attr-defined]
        paint_heat_cell(
            painter,
            QRectF(option.rect),
            value,
            text,
            selected,
            highlight,  # type: ignore[attr-defined]
        )
