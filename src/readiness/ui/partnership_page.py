"""The Partnership page: a company and a defence unit side by side by mirror topic (DESIGN 9).

Choose a stored partnership, or any company and unit assessment. Each topic is a diverging bar
(company − unit), mismatches first; the current topic's questions and answers from both sides
stand below, side by side. "Show as table" swaps the chart for a plain table. A partnership has
a note, kept literally.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.domain.overview_report import TopicQuestion, TopicView
from readiness.i18n import _
from readiness.ui.overview_charts import Bar, DivergingBars, gap_text


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user and questionnaire text, literally
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _value(value: float | None) -> str:
    return "–" if value is None else locale_format.decimal(value)


class PartnershipPage(QWidget):
    partnershipChosen = Signal(str)
    compareRequested = Signal(str, str)
    noteSaveRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnershipPage")
        self.views: tuple[TopicView, ...] = ()
        self.partnership_id = ""

        self.partnerships = QComboBox()
        self.partnerships.setObjectName("partnershipChoice")
        p_label = QLabel(_("&Partnership"))
        p_label.setBuddy(self.partnerships)
        self.company = QComboBox()
        self.company.setObjectName("compareCompany")
        c_label = QLabel(_("or &company assessment"))
        c_label.setBuddy(self.company)
        self.unit = QComboBox()
        self.unit.setObjectName("compareUnit")
        u_label = QLabel(_("and &unit assessment"))
        u_label.setBuddy(self.unit)
        self.compare_button = QPushButton(_("Co&mpare"))
        self.compare_button.setObjectName("compareButton")
        for combo in (self.partnerships, self.company, self.unit):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        # one chooser a row: the page fits a 640-pixel-wide window (QT_SCALE_FACTOR 2, issue 18)
        top = QGridLayout()
        top.addWidget(p_label, 0, 0)
        top.addWidget(self.partnerships, 0, 1)
        top.addWidget(c_label, 1, 0)
        top.addWidget(self.company, 1, 1)
        top.addWidget(u_label, 2, 0)
        top.addWidget(self.unit, 2, 1)
        top.addWidget(self.compare_button, 2, 2)
        top.setColumnStretch(1, 1)

        self.summary = _plain()
        self.summary.setObjectName("partnershipSummary")
        self.as_table = QCheckBox(_("Show as &table"))
        self.as_table.setObjectName("partnershipAsTable")

        self.bars = DivergingBars()
        self.twin = QTableWidget(0, 5)
        self.twin.setObjectName("partnershipTable")
        self.twin.setAccessibleName(_("Mirror topics as a table"))
        self.twin.setHorizontalHeaderLabels(
            [_("Topic"), _("Company"), _("Unit"), _("Gap"), _("Mismatch")]
        )
        self.twin.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.twin.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.twin.setTabKeyNavigation(False)
        self.twin.verticalHeader().hide()
        self.twin.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        scroll = QScrollArea()
        scroll.setObjectName("partnershipChartScroll")
        scroll.setAccessibleName(_("Mirror topics chart"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart inside takes focus
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.bars)
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(scroll)
        self.chart_stack.addWidget(self.twin)
        chart_label = QLabel(_("&Topics, largest gaps first (arrow keys move)"))
        chart_label.setWordWrap(True)  # two lines in a narrow window rather than clipped
        chart_label.setBuddy(self.bars)

        self.topic_title = _plain()
        self.topic_title.setObjectName("topicTitle")
        font = self.topic_title.font()
        font.setBold(True)
        self.topic_title.setFont(font)
        self.topic_sentence = _plain()
        self.topic_sentence.setObjectName("topicSentence")
        self.company_box = QGroupBox(_("Company"))
        self.company_text = _plain()
        self.company_text.setObjectName("companyAnswers")
        QVBoxLayout(self.company_box).addWidget(self.company_text)
        self.unit_box = QGroupBox(_("Defence unit"))
        self.unit_text = _plain()
        self.unit_text.setObjectName("unitAnswers")
        QVBoxLayout(self.unit_box).addWidget(self.unit_text)
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.addWidget(self.topic_title, 0, 0, 1, 2)
        grid.addWidget(self.topic_sentence, 1, 0, 1, 2)
        grid.addWidget(self.company_box, 2, 0)
        grid.addWidget(self.unit_box, 2, 1)
        grid.setRowStretch(3, 1)

        self.note = QPlainTextEdit()
        self.note.setObjectName("partnershipNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 5)
        self.note.setPlaceholderText(_("A note on this partnership (kept as typed)"))
        note_label = QLabel(_("&Note"))
        note_label.setBuddy(self.note)
        self.save_note = QPushButton(_("&Save note"))
        self.save_note.setObjectName("saveNoteButton")
        note_row = QHBoxLayout()
        note_row.addWidget(note_label)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.save_note, 0, Qt.AlignmentFlag.AlignTop)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(chart_label, 1)
        heading.addWidget(self.as_table)
        left_layout.addLayout(heading)
        left_layout.addWidget(self.chart_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        detail_scroll = QScrollArea()  # long answers scroll, never cut off (large text)
        detail_scroll.setObjectName("topicDetailScroll")
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        detail_scroll.setWidget(detail)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 500])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(note_row)

        self.partnerships.activated.connect(self._partnership_activated)
        self.compare_button.clicked.connect(self._compare_clicked)
        self.as_table.toggled.connect(self._toggle_table)
        self.bars.currentChanged.connect(self._show_topic)
        self.bars.currentChanged.connect(  # keep the current topic in view
            lambda row: scroll.ensureVisible(
                0,
                self.bars.top() + row * self.bars.row_height() + self.bars.row_height() // 2,
                0,
                self.bars.row_height(),
            )
        )
        self.twin.currentCellChanged.connect(lambda row, *_: self.bars.set_current(row))
        self.save_note.clicked.connect(
            lambda: self.noteSaveRequested.emit(self.partnership_id, self.note.toPlainText())
        )

    # Filling -----------------------------------------------------------------------------

    def set_choices(
        self,
        partnerships: list[tuple[str, str]],
        companies: list[tuple[str, str]],
        units: list[tuple[str, str]],
    ) -> None:
        """(id, label) lists for the three choosers; the current choices are kept."""
        for combo, items, empty in (
            (self.partnerships, partnerships, _("(choose a partnership)")),
            (self.company, companies, ""),
            (self.unit, units, ""),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if empty:
                combo.addItem(empty, "")
            for item_id, label in items:
                combo.addItem(label, item_id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
        self.compare_button.setEnabled(bool(companies and units))

    def show_comparison(
        self, views: tuple[TopicView, ...], summary: str, partnership_id: str, note: str
    ) -> None:
        """Show a comparison; the note is editable only for a stored partnership."""
        self.views = views
        self.partnership_id = partnership_id
        self.summary.setText(summary)
        self.note.setPlainText(note)
        self.note.setEnabled(bool(partnership_id))
        self.save_note.setEnabled(bool(partnership_id))
        self.bars.set_bars([Bar(v.label, v.shown_gap, v.mismatch) for v in views])
        self.twin.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = [
                view.label,
                _value(view.company_value),
                _value(view.unit_value),
                gap_text(view.shown_gap),
                _("yes") if view.mismatch else _("no"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.twin.setItem(row, column, item)
        self._show_topic(self.bars.current())

    def select_pair(self, company_assessment: str, unit_assessment: str) -> None:
        """Show which two assessments are compared in the two choosers."""
        self.company.setCurrentIndex(max(self.company.findData(company_assessment), 0))
        self.unit.setCurrentIndex(max(self.unit.findData(unit_assessment), 0))

    def select_partnership(self, partnership_id: str) -> None:
        self.partnerships.setCurrentIndex(max(self.partnerships.findData(partnership_id), 0))

    # Internals ---------------------------------------------------------------------------

    def _partnership_activated(self, _index: int) -> None:
        chosen = self.partnerships.currentData()
        if chosen:
            self.partnershipChosen.emit(chosen)

    def _compare_clicked(self) -> None:
        company, unit = self.company.currentData(), self.unit.currentData()
        if company and unit:
            self.partnerships.setCurrentIndex(0)
            self.compareRequested.emit(company, unit)

    def _toggle_table(self, on: bool) -> None:
        self.chart_stack.setCurrentIndex(1 if on else 0)
        (self.twin if on else self.bars).setFocus()
        if on and self.bars.current() >= 0:
            self.twin.selectRow(self.bars.current())

    def _show_topic(self, index: int) -> None:
        if not 0 <= index < len(self.views):
            self.topic_title.setText(_("No paired topic."))
            self.topic_sentence.setText("")
            self.company_text.setText("")
            self.unit_text.setText("")
            return
        view = self.views[index]
        self.topic_title.setText(
            _("{topic}: company {company}, unit {unit}, gap {gap}{mismatch}").format(
                topic=view.label,
                company=_value(view.company_value),
                unit=_value(view.unit_value),
                gap=gap_text(view.shown_gap),
                mismatch=_(" — mismatch") if view.mismatch else "",
            )
        )
        self.topic_sentence.setText(view.sentence)
        self.company_text.setText(_describe(view.company))
        self.unit_text.setText(_describe(view.unit))
        if self.twin.currentRow() != index:
            self.twin.selectRow(index)


def _describe(items: tuple[TopicQuestion, ...]) -> str:
    parts = []
    for item in items:
        counted = "" if item.counted else _(" (not counted)")
        parts.append(f"{item.question_id}: {item.text}\n→ {item.answer}{counted}")
    return "\n\n".join(parts) or _("No question on this topic.")
