"""A company and a defence unit compared by mirror topic, exactly as DESIGN section 9.

Both built-in questionnaires tag questions with *topics* (``contact_24_7``, ``nda_mou``...);
a topic tagged on both sides pairs what the company says it offers with what the unit says it
counts on. The gap is ``company − unit`` on a 0–100 scale: a large negative gap means the unit
assumes more than the company has in place, a large positive one the reverse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from readiness.domain.answers import Answers
from readiness.domain.model import Question, Questionnaire
from readiness.domain.scoring import QuestionResult, Status, evaluate_relevance, shown
from readiness.i18n import _

MISMATCH_GAP = 50.0
"""A topic is a mismatch when the shown ``|gap|`` is at least this (DESIGN section 9)."""

COMPANY = "company"
UNIT = "defence_unit"


class ComparisonError(ValueError):
    """The two assessments are not one company-audience and one defence-unit-audience."""


@dataclass(frozen=True, slots=True)
class TopicSide:
    """One side of a topic: its questions (questionnaire order) and their value 0–100 or None.

    ``value`` is full precision; None when no question with the topic is relevant, non-N/A
    and a choice question.
    """

    questions: tuple[str, ...]
    value: float | None
    results: tuple[QuestionResult, ...] = ()


@dataclass(frozen=True, slots=True)
class TopicComparison:
    topic: str
    company: TopicSide
    unit: TopicSide

    @property
    def gap(self) -> float | None:
        """``company − unit`` in full precision; None when either side has no value."""
        if self.company.value is None or self.unit.value is None:
            return None
        return self.company.value - self.unit.value

    @property
    def shown_gap(self) -> float | None:
        gap = self.gap
        return None if gap is None else shown(gap)

    @property
    def mismatch(self) -> bool:
        """``|gap| ≥ 50``, judged on the gap as shown (one decimal), like levels are."""
        gap = self.shown_gap
        return gap is not None and abs(gap) >= MISMATCH_GAP


@dataclass(frozen=True, slots=True)
class Comparison:
    """Every paired topic, sorted by shown ``|gap|`` descending, then topic; null gaps last."""

    company: Questionnaire
    unit: Questionnaire
    topics: tuple[TopicComparison, ...]

    @property
    def paired(self) -> int:
        return len(self.topics)

    @property
    def compared(self) -> int:
        return sum(1 for t in self.topics if t.gap is not None)

    @property
    def mismatches(self) -> int:
        return sum(1 for t in self.topics if t.mismatch)

    @property
    def mean_abs_gap(self) -> float | None:
        """Mean of ``|gap|`` (full precision) over compared topics; None when there are none."""
        gaps = [abs(t.gap) for t in self.topics if t.gap is not None]
        return sum(gaps) / len(gaps) if gaps else None


def topic_questions(questionnaire: Questionnaire) -> dict[str, tuple[Question, ...]]:
    """Every topic of a questionnaire and the questions tagged with it, in questionnaire order."""
    cached = questionnaire.derived.get("topic-questions")
    if cached is None:
        found: dict[str, list[Question]] = {}
        for question in questionnaire.questions():
            for topic in question.topics:
                found.setdefault(topic, []).append(question)
        cached = {topic: tuple(qs) for topic, qs in found.items()}
        questionnaire.derived["topic-questions"] = cached
    return cached  # type: ignore[return-value]


def topic_value(questions: Iterable[Question], results: dict[str, QuestionResult]) -> TopicSide:
    """``100 × Σ(weight × q) / Σ(weight)`` over the relevant, non-N/A choice questions.

    Unanswered questions count 0; N/A, irrelevant, profile and text questions are left out.
    """
    questions = tuple(questions)
    weighted = total = 0.0
    for question in questions:
        result = results[question.id]
        if not question.is_scored or result.status in (Status.NA, Status.NOT_RELEVANT):
            continue
        weighted += question.weight * (result.value or 0.0)
        total += question.weight
    return TopicSide(
        tuple(q.id for q in questions),
        100.0 * weighted / total if total else None,
        tuple(results[q.id] for q in questions),
    )


def compare(
    first: Questionnaire, first_answers: Answers, second: Questionnaire, second_answers: Answers
) -> Comparison:
    """Compare two assessments given in either order.

    Raises ComparisonError unless one questionnaire's audience is ``company`` and the other's
    ``defence_unit``.
    """
    audiences = {first.audience, second.audience}
    if audiences != {COMPANY, UNIT}:
        raise ComparisonError(
            _(
                "compare needs one company and one defence-unit assessment, "
                "not '{first}' and '{second}'"
            ).format(first=first.audience, second=second.audience)
        )
    if first.audience == UNIT:
        first, first_answers, second, second_answers = second, second_answers, first, first_answers
    company_topics = topic_questions(first)
    unit_topics = topic_questions(second)
    company_results = evaluate_relevance(first, first_answers)
    unit_results = evaluate_relevance(second, second_answers)
    topics = [
        TopicComparison(
            topic,
            topic_value(company_topics[topic], company_results),
            topic_value(unit_topics[topic], unit_results),
        )
        for topic in company_topics
        if topic in unit_topics
    ]
    topics.sort(key=_order)
    return Comparison(first, second, tuple(topics))


def _order(topic: TopicComparison) -> tuple[int, float, str]:
    gap = topic.shown_gap
    return (1, 0.0, topic.topic) if gap is None else (0, -abs(gap), topic.topic)
