"""Qt models for the answering view: every question (with its status) and the domains.

The models hold plain references to the questionnaire and the latest ScoreResult; rows are
painted lazily, so a 1,000-question questionnaire costs nothing until a row is shown.
Questions that are not relevant (their condition is false) are hidden by VisibleQuestions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from readiness.domain.answers import AnswerDetail
from readiness.domain.model import Question, Questionnaire, localize
from readiness.domain.scoring import ScoreResult, Status
from readiness.i18n import _

Index = QModelIndex | QPersistentModelIndex
QuestionIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
SearchTextRole = Qt.ItemDataRole.UserRole + 3
DomainIdRole = Qt.ItemDataRole.UserRole + 4
ProgressRole = Qt.ItemDataRole.UserRole + 5

STATUS_MARK = {
    Status.ANSWERED: "✓",
    Status.NA: "–",
    Status.UNANSWERED: "○",
    Status.NOT_RELEVANT: " ",
}


def status_label(status: Status) -> str:
    return {
        Status.ANSWERED: _("answered"),
        Status.NA: _("not applicable"),
        Status.UNANSWERED: _("unanswered"),
        Status.NOT_RELEVANT: _("not relevant"),
    }[status]


class QuestionListModel(QAbstractListModel):
    """One row per question of the questionnaire, in questionnaire order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._numbers: list[str] = []
        self._search: list[str] = []
        self._rows: dict[str, int] = {}
        self._result: ScoreResult | None = None
        self._details: dict[str, AnswerDetail] = {}
        self._to_review: frozenset[str] = frozenset()
        self.language: str | None = None

    def set_questionnaire(self, questionnaire: Questionnaire) -> None:
        self.beginResetModel()
        self._questions = []
        self._numbers = []
        for d_number, domain in enumerate(questionnaire.domains, start=1):
            for q_number, question in enumerate(domain.questions, start=1):
                self._questions.append(question)
                self._numbers.append(f"{d_number}.{q_number}")
        self._rows = {q.id: row for row, q in enumerate(self._questions)}
        self._search = [
            f"{n} {q.id} {localize(q.text, self.language)}".casefold()
            for n, q in zip(self._numbers, self._questions, strict=True)
        ]
        self._result = None
        self._details = {}
        self.endResetModel()

    def set_state(self, result: ScoreResult, details: dict[str, AnswerDetail]) -> None:
        self._result = result
        self._details = details
        if self._questions:
            self.dataChanged.emit(self.index(0), self.index(len(self._questions) - 1))

    def set_to_review(self, question_ids: set[str] | frozenset[str]) -> None:
        """Questions whose answer an upgrade carried over and nobody has touched since."""
        self._to_review = frozenset(question_ids)
        if self._questions:
            self.dataChanged.emit(self.index(0), self.index(len(self._questions) - 1))

    def to_review(self, question_id: str) -> bool:
        return question_id in self._to_review

    def question(self, row: int) -> Question | None:
        return self._questions[row] if 0 <= row < len(self._questions) else None

    def number(self, question_id: str) -> str:
        row = self._rows.get(question_id)
        return self._numbers[row] if row is not None else ""

    def row_of(self, question_id: str) -> int:
        return self._rows.get(question_id, -1)

    def status(self, question_id: str) -> Status:
        if self._result is None:
            return Status.UNANSWERED
        found = self._result.questions.get(question_id)
        return found.status if found else Status.UNANSWERED

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        question = self._questions[row]
        if role == Qt.ItemDataRole.DisplayRole:
            detail = self._details.get(question.id)
            flag = "⚑ " if detail is not None and detail.flagged else ""
            carried = "↻ " if question.id in self._to_review else ""
            mark = STATUS_MARK[self.status(question.id)]
            text = localize(question.text, self.language)
            return f"{mark}  {self._numbers[row]}  {carried}{flag}{text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            status = status_label(self.status(question.id))
            return f"{localize(question.text, self.language)}\n({status})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            detail = self._details.get(question.id)
            flagged = detail is not None and detail.flagged
            return _("Question {number}, {status}: {text}").format(
                number=self._numbers[row],
                status=status_label(self.status(question.id))
                + (", " + _("flagged for review") if flagged else "")
                + (", " + _("carried — to review") if question.id in self._to_review else ""),
                text=localize(question.text, self.language),
            )
        if role == QuestionIdRole:
            return question.id
        if role == StatusRole:
            return self.status(question.id)
        if role == SearchTextRole:
            return self._search[row]
        if role == DomainIdRole:
            return question.domain_id
        return None


class VisibleQuestions(QSortFilterProxyModel):
    """Hides questions that are not relevant, and those not matching the find text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._to_review_only = False

    def set_to_review_only(self, only: bool) -> None:
        """Show only answers carried by an upgrade and not yet reviewed."""
        if only != self._to_review_only:
            self._change_filter(lambda: setattr(self, "_to_review_only", only))

    def to_review_only(self) -> bool:
        return self._to_review_only

    def set_needle(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._change_filter(lambda: setattr(self, "_needle", needle))

    def needle(self) -> str:
        return self._needle

    def refresh(self) -> None:
        self._change_filter(lambda: None)

    def _change_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QuestionListModel)
        question = model.question(source_row)
        if question is None or model.status(question.id) is Status.NOT_RELEVANT:
            return False
        if self._to_review_only and not model.to_review(question.id):
            return False
        if not self._needle:
            return True
        return self._needle in model.data(model.index(source_row), SearchTextRole)


class DomainListModel(QAbstractListModel):
    """One row per domain with its progress: (answered + N/A) of relevant choice questions."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._questionnaire: Questionnaire | None = None
        self._progress: list[tuple[int, int]] = []
        self.language: str | None = None

    def set_questionnaire(self, questionnaire: Questionnaire) -> None:
        self.beginResetModel()
        self._questionnaire = questionnaire
        self._progress = [(0, 0)] * len(questionnaire.domains)
        self.endResetModel()

    def set_result(self, result: ScoreResult) -> None:
        if self._questionnaire is None:
            return
        from readiness.domain.progress import progress as domain_progress

        progress = []
        for domain in self._questionnaire.domains:  # the header's counts, per domain (issue 9)
            figures = domain_progress(result, domain.id)
            progress.append((figures.done, figures.total))
        self._progress = progress
        if progress:
            self.dataChanged.emit(self.index(0), self.index(len(progress) - 1))

    def domain_id(self, row: int) -> str:
        if self._questionnaire is None or not 0 <= row < len(self._questionnaire.domains):
            return ""
        return self._questionnaire.domains[row].id

    def row_of(self, domain_id: str) -> int:
        if self._questionnaire is None:
            return -1
        for row, domain in enumerate(self._questionnaire.domains):
            if domain.id == domain_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._questionnaire is None:
            return 0
        return len(self._questionnaire.domains)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._questionnaire is None:
            return None
        domain = self._questionnaire.domains[index.row()]
        done, relevant = self._progress[index.row()]
        title = localize(domain.title, self.language)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {title}"
        if role == ProgressRole:
            return (done, relevant)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("{title}: {done} of {total} answered").format(
                title=title, done=done, total=relevant
            )
        if role == DomainIdRole:
            return domain.id
        return None
