"""Qt models over the organisation list and the assessment summaries (thin adapters)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from readiness import locale_format
from readiness.domain.figures import shown
from readiness.domain.model import localize
from readiness.domain.records import AssessmentSummary, Organisation, OrganisationKind, Status
from readiness.i18n import _

if TYPE_CHECKING:
    from readiness.ui.snapshot_labels import SnapshotLabels

ItemIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: OrganisationKind) -> str:
    return {
        OrganisationKind.COMPANY: _("Company"),
        OrganisationKind.DEFENCE_UNIT: _("Defence unit"),
        OrganisationKind.OTHER: _("Other"),
    }[kind]


def status_label(status: Status) -> str:
    """The same words as the command line and the reports: draft, completed (issue 9)."""
    return {Status.DRAFT: _("Draft"), Status.COMPLETED: _("Completed")}[status]


class OrganisationListModel(QAbstractListModel):
    """Row 0 is "All organisations"; then one row per organisation."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._organisations: list[Organisation] = []
        self._counts: dict[str, int] = {}

    def set_organisations(self, organisations: list[Organisation], counts: dict[str, int]) -> None:
        self.beginResetModel()
        self._organisations = list(organisations)
        self._counts = dict(counts)
        self.endResetModel()

    def organisation(self, row: int) -> Organisation | None:
        return self._organisations[row - 1] if 1 <= row <= len(self._organisations) else None

    def row_of(self, organisation_id: str) -> int:
        for row, organisation in enumerate(self._organisations, start=1):
            if organisation.id == organisation_id:
                return row
        return 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._organisations) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        organisation = self.organisation(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if organisation is None:
                return _("All organisations ({n})").format(n=sum(self._counts.values()))
            return f"{organisation.name} ({self._counts.get(organisation.id, 0)})"
        if role == Qt.ItemDataRole.ToolTipRole and organisation is not None:
            parts = [kind_label(organisation.kind), organisation.sector, organisation.country]
            return " · ".join(p for p in parts if p)
        if role == ItemIdRole:
            return organisation.id if organisation else ""
        return None


@dataclass(frozen=True)
class AssessmentRow:
    summary: AssessmentSummary
    level_label: str
    questionnaire_title: str = ""


class AssessmentTableModel(QAbstractTableModel):
    COLUMNS = (
        "organisation",
        "title",
        "questionnaire",
        "status",
        "complete",
        "score",
        "level",
        "updated",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AssessmentRow] = []

    def headers(self) -> list[str]:
        return [
            _("Organisation"),
            _("Assessment"),
            _("Questionnaire"),
            _("Status"),
            _("Complete"),
            _("Score"),
            _("Level"),
            _("Last change"),
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in place (no proxy: row numbers stay this model's own)."""
        name = self.COLUMNS[column] if 0 <= column < len(self.COLUMNS) else "organisation"

        def key(row: AssessmentRow) -> Any:
            summary = row.summary
            return {
                "organisation": summary.organisation.casefold(),
                "title": summary.title.casefold(),
                "questionnaire": row.questionnaire_title.casefold(),
                "status": summary.status.value,
                "complete": summary.completeness,
                "score": summary.score,
                "level": summary.level,
                "updated": summary.updated_at,
            }[name]

        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        order = getattr(self, "_order", None)
        if order is not None:
            self.sort(*order)

    def summary(self, row: int) -> AssessmentSummary | None:
        return self._rows[row].summary if 0 <= row < len(self._rows) else None

    def row_of(self, assessment_id: str) -> int:
        for row, item in enumerate(self._rows):
            if item.summary.id == assessment_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        summary = item.summary
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "organisation": summary.organisation,
                "title": summary.title,
                "questionnaire": f"{item.questionnaire_title or summary.questionnaire_id} "
                f"{summary.questionnaire_version}",
                "updated": locale_format.day(summary.updated_at.astimezone().date()),
                "status": status_label(summary.status),
                "complete": locale_format.share(summary.completeness),
                "score": locale_format.decimal(shown(summary.score)),
                "level": _("not scored yet")
                if summary.completeness == 0 and summary.score == 0
                else f"{summary.level} · {item.level_label}"
                if item.level_label
                else str(summary.level),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("complete", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{title} — assessor: {assessor}; last change {when}").format(
                title=summary.title,
                assessor=summary.assessor or "—",
                when=locale_format.moment(summary.updated_at.astimezone()),
            )
        if role == ItemIdRole:
            return summary.id
        return None


def counts_of(summaries: list[AssessmentSummary]) -> dict[str, int]:
    """Assessments per organisation id, for the organisation list."""
    counts: dict[str, int] = {}
    for summary in summaries:
        counts[summary.organisation_id] = counts.get(summary.organisation_id, 0) + 1
    return counts


def labels_and_titles(
    summaries: list[AssessmentSummary],
    labels_of: Callable[[AssessmentSummary], SnapshotLabels | None],
) -> tuple[dict[str, str], dict[str, str]]:
    """Each assessment's level label and questionnaire title, in the language in use, by id."""
    labels: dict[str, str] = {}
    titles: dict[str, str] = {}
    for summary in summaries:
        found = labels_of(summary)
        if found is not None:
            labels[summary.id] = found.level_label(summary.level)
            titles[summary.id] = localize(found.title)
    return labels, titles
