"""The Trend page: one organisation's assessments over time, overall and per domain, with the
questionnaire version changes marked (DESIGN section 9). "Show as table" swaps the chart for a
plain table of the same figures."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.i18n import _, ngettext
from readiness.services.portfolio import Trend
from readiness.ui.overview_charts import Series, TrendChart


class TrendPage(QWidget):
    organisationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendPage")
        self.trend: Trend | None = None
        self.organisation = QComboBox()
        self.organisation.setObjectName("trendOrganisation")
        o_label = QLabel(_("&Organisation"))
        o_label.setBuddy(self.organisation)
        self.series = QComboBox()
        self.series.setObjectName("trendSeries")
        s_label = QLabel(_("&Questionnaire"))
        s_label.setBuddy(self.series)
        self.as_table = QCheckBox(_("Show as &table"))
        self.as_table.setObjectName("trendAsTable")
        for combo in (self.organisation, self.series):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        top = QHBoxLayout()
        for widget, stretch in (
            (o_label, 0),
            (self.organisation, 2),
            (s_label, 0),
            (self.series, 2),
            (self.as_table, 0),
        ):
            top.addWidget(widget, stretch)
        self.chart = TrendChart()
        self.twin = QTableWidget(0, 0)
        self.twin.setObjectName("trendTable")
        self.twin.setAccessibleName(_("Scores over time as a table"))
        self.twin.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.twin.setTabKeyNavigation(False)
        self.twin.verticalHeader().hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.twin)
        self.caption = QLabel()
        self.caption.setObjectName("trendCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.caption)
        self.organisation.activated.connect(
            lambda _i: self.organisationChosen.emit(self.organisation.currentData() or "")
        )
        self.series.currentIndexChanged.connect(self._show_series)
        self.as_table.toggled.connect(self._toggle)
        self.chart.currentChanged.connect(self._point_changed)

    def set_organisations(self, items: list[tuple[str, str]]) -> None:
        chosen = self.organisation.currentData()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        for item_id, label in items:
            self.organisation.addItem(label, item_id)
        self.organisation.setCurrentIndex(max(self.organisation.findData(chosen), 0))
        self.organisation.blockSignals(False)

    def show_trend(self, trend: Trend) -> None:
        self.trend = trend
        self.organisation.setCurrentIndex(max(self.organisation.findData(trend.organisation.id), 0))
        self.series.blockSignals(True)
        self.series.clear()
        for series in trend.series:
            self.series.addItem(series.questionnaire)
        self.series.blockSignals(False)
        self._show_series(0)

    def _show_series(self, index: int) -> None:
        trend = self.trend
        if trend is None or not 0 <= index < len(trend.series):
            self.chart.set_data([], [], [])
            self.twin.setRowCount(0)
            self.caption.setText(_("No assessments yet for this organisation."))
            return
        series = trend.series[index]
        points = series.points
        latest = points[-1]
        domains = trend.domain_titles[(latest.questionnaire, latest.version)]
        labels = [f"{locale_format.day(p.updated.date())}\n{p.version}" for p in points]
        lines = [Series(_("Overall"), [p.score for p in points])]
        lines += [Series(d.title, [p.domains.get(d.id) for p in points]) for d in domains]
        self.chart.set_data(labels, lines, list(series.version_changes()))
        headers = [_("Date"), _("Version"), _("Status"), _("Overall")] + [d.title for d in domains]
        self.twin.setColumnCount(len(headers))
        self.twin.setHorizontalHeaderLabels(headers)
        self.twin.setRowCount(len(points))
        for row, point in enumerate(points):
            values = [
                locale_format.day(point.updated.date()),
                point.version,
                _("completed") if point.status == "completed" else _("draft"),
                locale_format.decimal(point.score),
            ]
            values += [
                "–"
                if point.domains.get(d.id) is None
                else locale_format.decimal(point.domains[d.id])
                for d in domains
            ]
            for column, text in enumerate(values):
                self.twin.setItem(row, column, QTableWidgetItem(text))
        self.twin.resizeColumnsToContents()
        changes = len(series.version_changes())
        assessments = ngettext(
            "{n} assessment of {org}", "{n} assessments of {org}", len(points)
        ).format(n=len(points), org=trend.organisation.name)
        versions = ngettext(
            "{changes} questionnaire version change (dashed line)",
            "{changes} questionnaire version changes (dashed lines)",
            changes,
        ).format(changes=changes)
        self.caption.setText(
            _("{assessments}; {versions}. Domains are those of the latest version.").format(
                assessments=assessments, versions=versions
            )
        )

    def _point_changed(self, index: int) -> None:
        if 0 <= index < self.twin.rowCount():
            self.twin.selectRow(index)

    def _toggle(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        (self.twin if on else self.chart).setFocus()
