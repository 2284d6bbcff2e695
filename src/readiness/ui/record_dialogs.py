"""Dialogs for editing records, confirming permanent removals and the trash (issue 9 item 2).

Views only: they lay widgets out and emit what the user asked for; the records controller
(ui/controllers/records.py) does it through the services.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.domain.records import AssessmentSummary, Organisation, Status
from readiness.domain.trash import TrashItem, TrashKind
from readiness.i18n import _
from readiness.ui.a11y import Dialog
from readiness.ui.assessment_list import status_label
from readiness.ui.dialogs import OrganisationDialog

ItemKindRole = Qt.ItemDataRole.UserRole + 2


class EditOrganisationDialog(OrganisationDialog):
    """The new-organisation form, filled in with ``organisation`` and saving instead."""

    def __init__(self, organisation: Organisation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editOrganisationDialog")
        self.setWindowTitle(_("Edit organisation"))
        self.name.setText(organisation.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(organisation.kind.value)))
        self.sector.setText(organisation.sector)
        self.country.setText(organisation.country)
        self.ok.setText(_("Save"))


class EditAssessmentDialog(Dialog):
    """Title, assessor and status (draft or completed) of one assessment."""

    def __init__(self, summary: AssessmentSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editAssessmentDialog")
        self.setWindowTitle(_("Edit assessment"))
        self.title = QLineEdit(summary.title)
        self.title.setObjectName("editAssessmentTitle")
        self.title.setAccessibleName(_("Title"))
        self.title.setMaxLength(300)
        self.assessor = QLineEdit(summary.assessor)
        self.assessor.setObjectName("editAssessmentAssessor")
        self.assessor.setAccessibleName(_("Assessor"))
        self.assessor.setMaxLength(200)
        self.status = QComboBox()
        self.status.setObjectName("editAssessmentStatus")
        self.status.setAccessibleName(_("Status"))
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(summary.status.value))
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Assessor:"), self.assessor)
        form.addRow(_("&Status:"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.title.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def values(self) -> dict[str, str]:
        return {
            "title": self.title.text().strip(),
            "assessor": self.assessor.text().strip(),
            "status": str(self.status.currentData()),
        }


class ConfirmDialog(Dialog):
    """A question with a destructive OK button named for what it does."""

    def __init__(self, title: str, text: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setWindowTitle(title)
        self.text = QLabel(text)
        self.text.setObjectName("confirmText")
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox()
        # made in the order they are laid out: Tab then follows what is seen (issue 18)
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 55)


class TrashDialog(Dialog):
    """What the trash holds; Restore brings the selected item back, Empty trash removes all."""

    restoreRequested = Signal(str, str)  # kind, id
    emptyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(_("Trash"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName(_("Deleted organisations and assessments"))
        self.table.setHorizontalHeaderLabels(
            [_("Deleted"), _("What"), _("Organisation"), _("Contents")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(_("The trash is empty."))
        self.restore = QPushButton(_("&Restore"))
        self.restore.setObjectName("trashRestore")
        self.empty = QPushButton(_("&Empty trash…"))
        self.empty.setObjectName("trashEmpty")
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        self.restore.clicked.connect(self._restore)
        self.empty.clicked.connect(self.emptyRequested)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore)
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.height() * 22)

    def set_items(self, items: Sequence[TrashItem]) -> None:
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            if item.kind is TrashKind.ORGANISATION:
                what = _("Organisation: {name}").format(name=item.name)
                contents = _("{n} assessment(s), {answers} answer(s)").format(
                    n=item.assessments, answers=item.answers
                )
            else:
                what = _("Assessment: {title}").format(title=item.name)
                contents = _("{answers} answer(s)").format(answers=item.answers)
            cells = [
                locale_format.moment(item.deleted_at.astimezone()),
                what,
                item.organisation,
                contents,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                cell.setData(ItemKindRole, item.kind.value)
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not items)
        self.empty.setEnabled(bool(items))
        if items:
            self.table.selectRow(0)
        self._selection_changed()

    def _selected(self) -> tuple[str, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), 0)
        return str(cell.data(ItemKindRole)), str(cell.data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        self.restore.setEnabled(self._selected() is not None)

    def _restore(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.restoreRequested.emit(*selected)
