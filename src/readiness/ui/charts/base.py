"""What every chart widget shares: palette, crisp painting, and the "show as table" twin.

Charts are plain QWidgets painted with QPainter in logical (device-independent) coordinates
with floating-point geometry, so Qt renders them sharp at any device pixel ratio and size. Each
chart also gives its figures as a table (:meth:`ChartWidget.table`), and :class:`ChartPanel`
shows either the chart or that table, switched from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.reports.content import ramp_colour
from readiness.ui.palette import (  # re-exported for the chart modules
    ACCENT,
    NEGATIVE,  # noqa: F401
    NO_SCORE,
    POSITIVE,  # noqa: F401
    is_high_contrast,
    series_colour,  # noqa: F401
    text_on,  # noqa: F401
)

# Colours come from ui/palette.py (the report's accent and ramp) or the widget's palette.

Index = QModelIndex | QPersistentModelIndex
Table = tuple[list[str], list[list[str]]]


def score_colour(score: float | None) -> QColor:
    """Ramp colour for a 0–100 score (red low, green high); grey for no score."""
    if score is None:
        return QColor(NO_SCORE)
    return QColor(ramp_colour(score / 100.0))


def number(value: float | None, digits: int = 1) -> str:
    """A chart value in the language's form (``47.5``, ``47,5``); ``—`` for none."""
    return "—" if value is None else locale_format.decimal(value, digits)


def short(title: str, limit: int = 24) -> str:
    """Shorten at a word boundary, with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-– ")
    return (cut or title[: limit - 1]) + "…"


class ChartWidget(QWidget):
    """Base chart: antialiased painting in logical coordinates, a title, a table twin.

    Subclasses implement :meth:`paint_chart` (``area`` is the rectangle below the title) and
    :meth:`table` (column headers and rows of text, the same figures the chart shows).
    """

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    # colours that follow the widget's palette (light and dark themes)
    def ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def muted(self) -> QColor:
        """Secondary text (tick labels): the palette's placeholder colour, 4.5:1 or more."""
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def accent(self) -> QColor:
        """The report's navy, or the text colour in high contrast."""
        return QColor(self.ink()) if is_high_contrast() else QColor(ACCENT)

    def grid(self) -> QColor:
        colour = QColor(self.ink())
        colour.setAlphaF(0.22)
        return colour

    def small_font(self, scale: float = 0.9, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * scale))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect()).adjusted(6, 4, -6, -6)
        top = rect.top()
        if self.title:
            font = self.small_font(1.0, bold=True)
            painter.setFont(font)
            painter.setPen(self.ink())
            height = QFontMetricsF(font).height()
            painter.drawText(
                QRectF(rect.left(), top, rect.width(), height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                self.title,
            )
            top += height + 4
        area = QRectF(rect.left(), top, rect.width(), max(0.0, rect.bottom() - top))
        painter.setFont(self.small_font())
        self.paint_chart(painter, area)
        painter.end()

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def table(self) -> Table:
        raise NotImplementedError


class ChartTableModel(QAbstractTableModel):
    """Read-only rows of text, for a chart's table twin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.headers, self.rows = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]


class ChartPanel(QWidget):
    """A chart and its table twin: a check box ("Show as table") switches between them."""

    def __init__(self, chart: ChartWidget, parent: QWidget | None = None) -> None:
        from readiness.i18n import _

        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"{chart.objectName()}Panel")
        self.model = ChartTableModel(self)
        self.table_view = QTableView()
        self.table_view.setObjectName(f"{chart.objectName()}Table")
        self.table_view.setAccessibleName(_("{chart} as a table").format(chart=chart.title))
        self.table_view.setModel(self.model)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.verticalHeader().hide()
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table_view)
        self.as_table = QCheckBox(_("Show as table"))
        self.as_table.setObjectName(f"{chart.objectName()}AsTable")
        self.as_table.setAccessibleName(
            _("Show {chart} as a table").format(chart=chart.title or chart.accessibleName())
        )
        self.as_table.toggled.connect(self.show_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.as_table)

    def show_table(self, shown: bool = True) -> None:
        if shown:
            self.model.set_table(self.chart.table())
        self.stack.setCurrentIndex(1 if shown else 0)
        if self.as_table.isChecked() != shown:
            self.as_table.setChecked(shown)

    def refresh(self) -> None:
        """Call after the chart's data changed: the table (if shown) and the chart repaint."""
        if self.stack.currentIndex() == 1:
            self.model.set_table(self.chart.table())
        self.chart.update()
