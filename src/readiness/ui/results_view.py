"""The results page: level, score, what caps it, completeness, charts and the action list."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from readiness import locale_format
from readiness.domain.method import method_summary
from readiness.domain.model import localize
from readiness.domain.progress import progress
from readiness.domain.scoring import Recommendation, ScoreResult, shown
from readiness.i18n import _, ngettext
from readiness.ui.charts import ChartPanel, DomainBars, RadarChart
from readiness.ui.palette import scaled_font

QuestionIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RecommendationModel(QAbstractTableModel):
    """The prioritised recommendations as rows (#, priority, question, domain, text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Recommendation, ...] = ()
        self._numbers: dict[str, str] = {}
        self._domains: dict[str, str] = {}
        self.language: str | None = None

    def headers(self) -> list[str]:
        return ["#", _("Priority"), _("Question"), _("Domain"), _("Recommendation")]

    def set_result(self, result: ScoreResult, numbers: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = result.recommendations
        self._numbers = numbers
        self._domains = {
            d.id: localize(d.title, self.language) for d in result.questionnaire.domains
        }
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        question = rec.question
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return str(index.row() + 1)
            if column == 1:
                return locale_format.decimal(rec.priority, 2) + (" ⚠" if rec.capping else "")
            if column == 2:
                return self._numbers.get(question.id, question.id)
            if column == 3:
                return self._domains.get(question.domain_id, "")
            return localize(rec.text, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1 and rec.capping:
                return _("This question caps the level; its priority is doubled.")
            return localize(question.text, self.language)
        if role == QuestionIdRole:
            return question.id
        return None


class ResultsView(QWidget):
    questionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.language: str | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.level = QLabel()
        self.level.setObjectName("resultLevel")
        self.level.setFont(scaled_font(self.level.font(), 1.8, bold=True))
        self.level.setAccessibleName(_("Level"))
        figures = QVBoxLayout()
        self.score = QLabel()
        self.score.setObjectName("resultScore")
        self.score.setFont(scaled_font(self.score.font(), 1.15))
        self.score.setAccessibleName(_("Score"))
        self.completeness = QLabel()
        self.completeness.setObjectName("resultCompleteness")
        self.completeness.setAccessibleName(_("Completeness"))
        figures.addWidget(self.score)
        figures.addWidget(self.completeness)
        top.addWidget(self.level)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 4)
        top.addLayout(figures)
        top.addStretch(1)
        layout.addLayout(top)

        self.capped = QLabel()
        self.capped.setObjectName("resultCappedBy")
        self.capped.setWordWrap(True)
        self.capped.setTextFormat(Qt.TextFormat.RichText)
        self.capped.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.capped.setAccessibleName(_("What caps the level"))
        self.capped.linkActivated.connect(self._link)
        layout.addWidget(self.capped)

        self.method = QLabel()
        self.method.setObjectName("resultMethod")
        self.method.setWordWrap(True)
        self.method.setTextFormat(Qt.TextFormat.PlainText)
        self.method.setAccessibleName(_("How the level is set"))
        self.method.setFont(scaled_font(self.method.font(), 0.9))
        layout.addWidget(self.method)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("resultsSplitter")
        charts = QWidget()
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.radar = RadarChart()
        self.bars = DomainBars()
        self.radar_panel = ChartPanel(self.radar)
        self.bars_panel = ChartPanel(self.bars)
        charts_layout.addWidget(self.radar_panel, 1)
        charts_layout.addWidget(self.bars_panel, 1)
        splitter.addWidget(charts)

        actions = QWidget()
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Prioritised &recommendations (Enter opens the question)"))
        title.setFont(scaled_font(title.font(), 1.0, bold=True))
        self.recommendations = QTreeView()
        self.recommendations.setObjectName("recommendations")
        self.recommendations.setAccessibleName(_("Prioritised recommendations"))
        self.recommendations.setRootIsDecorated(False)
        self.recommendations.setUniformRowHeights(True)
        self.recommendations.setAlternatingRowColors(True)
        self.recommendations.setWordWrap(False)
        self.recommendations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recommendations.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model = RecommendationModel(self)
        self.recommendations.setModel(self.model)
        self.recommendations.activated.connect(self._activated)
        title.setBuddy(self.recommendations)
        actions_layout.addWidget(title)
        actions_layout.addWidget(self.recommendations)
        splitter.addWidget(actions)
        charts.setMinimumHeight(self.fontMetrics().height() * 16)
        self.recommendations.setMinimumHeight(self.fontMetrics().height() * 6)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # scaled to the real height when first shown
        self.splitter = splitter
        layout.addWidget(splitter, 1)

    def set_result(self, result: ScoreResult, numbers: dict[str, str]) -> None:
        language = self.language
        level_label = localize(result.level.label, language)
        self.level.setText(
            _("Level {level} · {label}").format(level=result.level.level, label=level_label)
        )
        self.score.setText(
            _("Score {score} of 100").format(score=locale_format.decimal(shown(result.overall)))
        )
        figures = progress(result)
        if not figures.scored:
            self.level.setText(_("Not scored yet: no question is answered"))
        self.completeness.setText(
            _("{pct} complete ({done} of {total} questions answered or N/A)").format(
                pct=locale_format.share(result.completeness), done=figures.done, total=figures.total
            )
            + ("" if result.complete else " — " + _("draft"))
        )
        capped = self._capped_text(result, numbers) + self._limits_text(result, numbers)
        self.capped.setText(capped)
        # Tab stops here only when there is a link to follow (else focus would show nothing)
        links = "<a " in capped
        self.capped.setFocusPolicy(Qt.FocusPolicy.StrongFocus if links else Qt.FocusPolicy.NoFocus)
        self.method.setText(method_summary(result.questionnaire))

        charted = [d for d in result.domains if _can_score(result, d.id)]  # not the profile
        titles = [localize(d.title, language) for d in charted]
        scores = [d.score for d in charted]
        self.radar.set_scores(titles, scores)
        self.bars.set_scores(titles, scores)
        self.radar_panel.refresh()
        self.bars_panel.refresh()

        self.model.set_result(result, numbers)
        header = self.recommendations.header()
        header.setStretchLastSection(True)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _capped_text(self, result: ScoreResult, numbers: dict[str, str]) -> str:
        language = self.language
        questionnaire = result.questionnaire
        if not result.capped_by:
            return html.escape(_("No critical question caps the level."))
        if result.level.level < result.uncapped_level.level:
            head = _("The level is capped at {level} (the score alone reaches {uncapped}) by:")
        else:
            head = _("Critical questions below their threshold:")
        head = head.format(level=result.level.level, uncapped=result.uncapped_level.level)
        items = []
        for qid in result.capped_by:
            question = questionnaire.question(qid)
            text = localize(question.text, language) if question else qid
            cap = getattr(getattr(question, "critical", None), "cap_level", None)
            caps = " " + _("(caps at level {n})").format(n=cap) if cap is not None else ""
            items.append(
                f'<li><a href="question:{html.escape(qid)}">{html.escape(numbers.get(qid, ""))} '
                f"{html.escape(text)}</a>{html.escape(caps)}</li>"
            )
        return f"<b>{html.escape(head)}</b><ul style='margin:0'>{''.join(items)}</ul>"

    def _limits_text(self, result: ScoreResult, numbers: dict[str, str]) -> str:
        """The weakest-domain limit, low-confidence domains and unverified claims (section 3)."""
        language = self.language
        titles = {d.id: localize(d.title, language) for d in result.questionnaire.domains}
        lines: list[str] = []  # HTML, escaped
        if result.limited_by_domains:
            names = ", ".join(titles.get(d, d) for d in result.limited_by_domains)
            lines.append(
                html.escape(
                    ngettext(
                        "The weakest domain limits the level: {names}.",
                        "The weakest domains limit the level: {names}.",
                        len(result.limited_by_domains),
                    ).format(names=names)
                )
            )
        low = [titles.get(d.id, d.id) for d in result.domains if d.low_confidence]
        if low:
            lines.append(
                html.escape(
                    _("Low confidence (over a third N/A): {names}.").format(names=", ".join(low))
                )
            )
        if result.unverified:
            links = ", ".join(
                f'<a href="question:{html.escape(qid)}">{html.escape(numbers.get(qid, qid))}</a>'
                for qid in result.unverified
            )
            head = _("Unverified claims (no evidence from the last 24 months): {n}").format(
                n=len(result.unverified)
            )
            lines.append(f"{html.escape(head)} — {links}")
        return "".join(f"<p style='margin:2px 0'>{line}</p>" for line in lines)

    def _link(self, link: str) -> None:
        if link.startswith("question:"):
            self.questionRequested.emit(link.removeprefix("question:"))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        qid = index.data(QuestionIdRole)
        if qid:
            self.questionRequested.emit(qid)

    def select_first_recommendation(self) -> None:
        if self.model.rowCount():
            self.recommendations.setCurrentIndex(self.model.index(0, 0))


def _can_score(result: ScoreResult, domain_id: str) -> bool:
    """A domain that can have a score: not a profile domain (only profile questions)."""
    domain = result.questionnaire.domain(domain_id)
    if domain is None:
        return True
    return any(q.is_scored for q in domain.questions) or not any(
        q.is_choice for q in domain.questions
    )
