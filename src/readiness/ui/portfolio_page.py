"""The Portfolio page: a heatmap table, organisations × domains (DESIGN section 9).

Each cell shows its score and a red-to-green background (never colour alone); "Plain table"
drops the colours. Filters by questionnaire, kind, sector and status; columns sort by click or
keyboard (the header), and Enter or a double-click opens the row's assessment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.domain.portfolio import PortfolioTable, ScoredAssessment
from readiness.domain.records import OrganisationKind
from readiness.i18n import _
from readiness.reports.content import ramp_colour
from readiness.ui.assessment_list import kind_label
from readiness.ui.palette import NO_SCORE, is_high_contrast, text_on

SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
ALL = ""
Index = QModelIndex | QPersistentModelIndex


def status_word(status: str) -> str:
    return _("completed") if status == "completed" else _("draft")


def kind_word(kind: str) -> str:
    """An organisation kind (``company``, ``defence_unit``, ``other``) as the window names it."""
    try:
        return kind_label(OrganisationKind(kind))
    except ValueError:
        return kind.replace("_", " ")


def heat_colour(value: float | None) -> QColor:
    """A cell's background: the report's ramp colour of a 0–100 score; grey for none."""
    return QColor(NO_SCORE) if value is None else QColor(ramp_colour(value / 100))


class PortfolioModel(QAbstractTableModel):
    """Rows of one questionnaire's portfolio table; numeric columns sort by value."""

    FIXED = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: PortfolioTable | None = None
        self.rows: tuple[ScoredAssessment, ...] = ()
        self.coloured = True

    def set_table(self, table: PortfolioTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.rows = table.rows if table else ()
        self.endResetModel()

    def set_coloured(self, coloured: bool) -> None:
        self.coloured = coloured
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 99))

    def shows_colours(self) -> bool:
        """Heat colours, unless "Plain table" is on or the palette is high contrast (the
        ramp's middle reaches 4.6:1, not 7:1, with black or white text)."""
        return self.coloured and not is_high_contrast()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return self.FIXED + len(self.table.domains)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation != Qt.Orientation.Horizontal or role not in shown:
            return None
        fixed = [_("Organisation"), _("Kind"), _("Sector"), _("Country"), _("Status"), _("Overall")]
        if section < self.FIXED:
            return fixed[section]
        assert self.table is not None
        return self.table.domains[section - self.FIXED].title

    def value(self, row: ScoredAssessment, column: int) -> float | None:
        if column == 5:
            return row.score
        if column >= self.FIXED and self.table is not None:
            return row.domains.get(self.table.domains[column - self.FIXED].id)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        numeric = column >= 5
        if role == IdRole:
            return row.assessment_id
        if role == Qt.ItemDataRole.DisplayRole:
            if numeric:
                value = self.value(row, column)
                return "–" if value is None else locale_format.decimal(value)
            return [
                row.organisation,
                kind_word(row.kind),
                row.sector,
                row.country,
                status_word(row.status),
            ][column]
        if role == SortRole:
            if numeric:
                value = self.value(row, column)
                return -1.0 if value is None else value
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and numeric and self.shows_colours():
            value = self.value(row, column)
            return heat_colour(value)
        if role == Qt.ItemDataRole.ForegroundRole and numeric and self.shows_colours():
            return text_on(heat_colour(self.value(row, column)))  # 4.6:1 at least (WCAG)
        if role == Qt.ItemDataRole.ToolTipRole and numeric:
            return _("{organisation}: {column} {value}").format(
                organisation=row.organisation,
                column=self.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                ),
                value=self.data(index),
            )
        return None


class PortfolioFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = self.sector = self.status = ALL
        self.setSortRole(SortRole)

    def set_filters(self, kind: str, sector: str, status: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.kind, self.sector, self.status = kind, sector, status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.kind, self.sector, self.status = kind, sector, status
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PortfolioModel)
        row = model.rows[source_row]
        return (
            (not self.kind or row.kind == self.kind)
            and (not self.sector or row.sector == self.sector)
            and (not self.status or row.status == self.status)
        )


def _combo(name: str, label: str) -> tuple[QComboBox, QLabel]:
    combo = QComboBox()
    combo.setObjectName(name)
    # Narrow windows: the combo may be narrower than its longest entry.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    caption = QLabel(label)
    caption.setBuddy(combo)
    return combo, caption


class PortfolioPage(QWidget):
    openRequested = Signal(str)
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioPage")
        self.tables: tuple[PortfolioTable, ...] = ()
        self.table_model = PortfolioModel(self)
        self.proxy = PortfolioFilter(self)
        self.proxy.setSourceModel(self.table_model)

        self.questionnaire, q_label = _combo("portfolioQuestionnaire", _("&Questionnaire"))
        self.kind, k_label = _combo("portfolioKind", _("&Kind"))
        self.sector, s_label = _combo("portfolioSector", _("S&ector"))
        self.status, st_label = _combo("portfolioStatus", _("Stat&us"))
        self.plain = QCheckBox(_("&Plain table (no colours)"))
        self.plain.setObjectName("portfolioPlain")

        self.table = QTableView()
        self.table.setObjectName("portfolioTable")
        self.table.setAccessibleName(_("Portfolio: organisations by domain"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # One cell at a time: a selected row would hide its colours.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.horizontalHeader().setAccessibleName(_("Portfolio columns"))
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setResizeContentsPrecision(60)  # not every row
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table_label = QLabel(
            _("&Latest assessment of each organisation — Enter opens it; click a header to sort")
        )
        table_label.setBuddy(self.table)
        self.summary = QLabel()
        self.summary.setObjectName("portfolioSummary")

        filters = QGridLayout()
        pairs = (
            (q_label, self.questionnaire),
            (k_label, self.kind),
            (s_label, self.sector),
            (st_label, self.status),
        )
        for number, (caption, combo) in enumerate(pairs):
            row, column = divmod(number, 2)
            filters.addWidget(caption, row, column * 2)
            filters.addWidget(combo, row, column * 2 + 1)
            filters.setColumnStretch(column * 2 + 1, 1)
        filters.addWidget(self.plain, 0, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        self.questionnaire.currentIndexChanged.connect(self._questionnaire_changed)
        for combo in (self.kind, self.sector, self.status):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.plain.toggled.connect(lambda on: self.table_model.set_coloured(not on))
        self.table.activated.connect(self._activated)

    # Filling -----------------------------------------------------------------------------

    def show_tables(self, tables: tuple[PortfolioTable, ...]) -> None:
        """Show new figures, keeping the chosen questionnaire and filters where possible."""
        self.tables = tables
        chosen = self.questionnaire.currentData() or ""
        self.questionnaire.blockSignals(True)
        self.questionnaire.clear()
        for table in tables:
            self.questionnaire.addItem(
                f"{table.questionnaire} {table.version}", table.questionnaire
            )
        found = self.questionnaire.findData(chosen)
        self.questionnaire.setCurrentIndex(max(found, 0))
        self.questionnaire.blockSignals(False)
        self._questionnaire_changed()

    def current_table(self) -> PortfolioTable | None:
        index = self.questionnaire.currentIndex()
        return self.tables[index] if 0 <= index < len(self.tables) else None

    def _questionnaire_changed(self, *_args: object) -> None:
        table = self.current_table()
        rows = table.rows if table else ()
        self._refill(self.kind, _("All kinds"), sorted({r.kind for r in rows}), kind_word)
        self._refill(self.sector, _("All sectors"), sorted({r.sector for r in rows if r.sector}))
        self._refill(self.status, _("Any status"), ["completed", "draft"], status_word)
        self.table_model.set_table(table)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(PortfolioModel.FIXED - 1, self.table_model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), 110))
        self._apply_filters()

    @staticmethod
    def _refill(combo: QComboBox, everything: str, values: list[str], word: Any = str) -> None:
        chosen = combo.currentData() or ALL
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for value in values:
            combo.addItem(word(value), value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def _apply_filters(self, *_args: object) -> None:
        self.proxy.set_filters(
            self.kind.currentData() or ALL,
            self.sector.currentData() or ALL,
            self.status.currentData() or ALL,
        )
        shown, total = self.proxy.rowCount(), self.table_model.rowCount()
        self.summary.setText(
            _("{shown} of {total} organisations shown").format(shown=shown, total=total)
            if self.tables
            else _("No assessments yet: create one, or load the demo data (File menu).")
        )
        if shown and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.filtersChanged.emit()

    def _activated(self, index: QModelIndex) -> None:
        assessment = index.data(IdRole)
        if assessment:
            self.openRequested.emit(assessment)
