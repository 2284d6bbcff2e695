"""The home page: organisations on the left, their assessments in a table on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.i18n import _
from readiness.ui.assessment_list import AssessmentTableModel, OrganisationListModel

TITLE_COLUMN = 1


class AssessmentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentsPage")
        self.organisations_model = OrganisationListModel(self)
        self.assessments_model = AssessmentTableModel(self)

        self.organisations = QListView()
        self.organisations.setObjectName("organisationList")
        self.organisations.setAccessibleName(_("Organisations"))
        self.organisations.setModel(self.organisations_model)
        self.organisations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        organisations_label = QLabel(_("&Organisations"))
        organisations_label.setBuddy(self.organisations)

        self.table = QTableView()
        self.table.setObjectName("assessmentTable")
        self.table.setAccessibleName(_("Assessments"))
        self.table.setModel(self.assessments_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        char = self.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(char * 6)
        header.setSectionsClickable(True)
        self.table.setSortingEnabled(True)  # the model sorts in place (issue 9 item 8)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, chars in ((0, 16), (2, 14), (6, 11)):  # organisation, questionnaire, level
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            # never narrower than its own title with the sort arrow (longer words in French)
            header.resizeSection(column, max(char * chars, self._title_room(column)))
        # the title gets the room left, but never less than its own title: in a narrow window
        # (or a long French header) the table scrolls sideways rather than clip it
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._fit_title_column)
        self.table.viewport().installEventFilter(self)
        assessments_label = QLabel(_("&Assessments — Enter or double-click opens one"))
        assessments_label.setBuddy(self.table)

        self.new_organisation = QPushButton(_("New &organisation…"))
        self.new_organisation.setObjectName("newOrganisationButton")
        self.new_assessment = QPushButton(_("New a&ssessment…"))
        self.new_assessment.setObjectName("newAssessmentButton")
        self.open_button = QPushButton(_("O&pen"))
        self.open_button.setObjectName("openAssessmentButton")
        self.open_button.setEnabled(False)
        for button in (self.new_organisation, self.new_assessment, self.open_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(organisations_label)
        left_layout.addWidget(self.organisations)
        left_layout.addWidget(self.new_organisation)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(assessments_label)
        right_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_assessment)
        buttons.addWidget(self.open_button)
        right_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("assessmentsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _fit_title_column(self, column: int = -1, *_sizes: int) -> None:
        if column == TITLE_COLUMN:
            return
        header = self.table.horizontalHeader()
        others = [header.sectionSize(c) for c in range(header.count()) if c != TITLE_COLUMN]
        room = self.table.viewport().width() - sum(others)
        # the widest column (titles are what a person reads first), and never a clipped title
        widest = max([*others, self._title_room(TITLE_COLUMN)])
        header.resizeSection(TITLE_COLUMN, max(room, widest))

    def _title_room(self, column: int) -> int:
        """Width a column needs for its header title and the sort arrow (pixels)."""
        header = self.table.horizontalHeader()
        title = str(self.assessments_model.headerData(column, Qt.Orientation.Horizontal) or "")
        style, metric = header.style(), QStyle.PixelMetric
        margin = style.pixelMetric(metric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(metric.PM_HeaderMarkSize, None, header)
        return header.fontMetrics().horizontalAdvance(title) + 3 * margin + arrow + 2

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title_column()
        return super().eventFilter(watched, event)
