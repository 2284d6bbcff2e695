"""Scores, level, critical caps, completeness and recommendations, exactly as DESIGN section 3."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from readiness.domain.answers import Answers, ChoiceAnswer, NotApplicable
from readiness.domain.model import Level, Option, Question, Questionnaire, Text

PRIORITY_TOLERANCE = 1e-9


def shown(score: float) -> float:
    """The score as users see it (one decimal); levels are judged on this figure."""
    return round(score + 0.0, 1)


class Status(StrEnum):
    ANSWERED = "answered"
    NA = "na"
    UNANSWERED = "unanswered"
    NOT_RELEVANT = "not_relevant"


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: Question
    status: Status
    option: Option | None = None
    value: float | None = None  # option score / scale maximum, 0 when unanswered


@dataclass(frozen=True, slots=True)
class DomainResult:
    id: str
    title: Text
    weight: float
    score: float | None
    answered: int
    na: int
    applicable: int


@dataclass(frozen=True, slots=True)
class Recommendation:
    question: Question
    priority: float
    value: float
    capping: bool

    @property
    def text(self) -> Text:
        return self.question.recommendation or self.question.text


@dataclass(frozen=True)
class ScoreResult:
    questionnaire: Questionnaire
    overall: float
    level: Level
    uncapped_level: Level
    capped_by: tuple[str, ...]
    completeness: float
    domains: tuple[DomainResult, ...]
    recommendations: tuple[Recommendation, ...]
    questions: dict[str, QuestionResult]

    @property
    def complete(self) -> bool:
        return self.completeness >= 1.0

    def domain(self, domain_id: str) -> DomainResult | None:
        return next((d for d in self.domains if d.id == domain_id), None)


def evaluate_relevance(questionnaire: Questionnaire, answers: Answers) -> dict[str, QuestionResult]:
    """Walk the questions in order: conditions only look back, so one pass decides relevance."""
    results: dict[str, QuestionResult] = {}
    chosen: dict[str, Option] = {}
    lookup = chosen.get
    for question in questionnaire.questions():
        if question.relevant is not None and not question.relevant.evaluate(lookup):
            results[question.id] = QuestionResult(question, Status.NOT_RELEVANT)
            continue
        answer = answers.get(question.id)
        if not question.is_choice:
            status = Status.ANSWERED if answer is not None else Status.UNANSWERED
            results[question.id] = QuestionResult(question, status)
            continue
        assert question.scale is not None
        if isinstance(answer, ChoiceAnswer):
            option = question.scale.option(answer.option_id)
            if option is not None:
                chosen[question.id] = option
                value = option.score / question.scale.max_score
                results[question.id] = QuestionResult(question, Status.ANSWERED, option, value)
                continue
        if isinstance(answer, NotApplicable) and question.allow_na:
            results[question.id] = QuestionResult(question, Status.NA)
            continue
        results[question.id] = QuestionResult(question, Status.UNANSWERED, value=0.0)
    return results


def score(questionnaire: Questionnaire, answers: Answers) -> ScoreResult:
    results = evaluate_relevance(questionnaire, answers)

    domains: list[DomainResult] = []
    relevant_choice = answered_or_na = 0
    for domain in questionnaire.domains:
        weighted = total_weight = 0.0
        answered = na = applicable = 0
        for question in domain.questions:
            result = results[question.id]
            if not question.is_choice or result.status is Status.NOT_RELEVANT:
                continue
            relevant_choice += 1
            if result.status is Status.NA:
                na += 1
                answered_or_na += 1
                continue
            applicable += 1
            if result.status is Status.ANSWERED:
                answered += 1
                answered_or_na += 1
            weighted += question.weight * (result.value or 0.0)
            total_weight += question.weight
        domain_score = 100.0 * weighted / total_weight if total_weight else None
        domains.append(
            DomainResult(
                domain.id, domain.title, domain.weight, domain_score, answered, na, applicable
            )
        )

    scored = [d for d in domains if d.score is not None]
    weights = sum(d.weight for d in scored)
    overall = 0.0
    if weights:
        overall = sum(d.weight * (d.score or 0.0) for d in scored) / weights
    uncapped = questionnaire.level_for(shown(overall))

    capped_by: list[str] = []
    level = uncapped
    for question in questionnaire.questions():
        result = results[question.id]
        if question.critical is None or result.status in (Status.NOT_RELEVANT, Status.NA):
            continue
        if result.option is None or result.option.score < question.critical.below:
            capped_by.append(question.id)
            cap = questionnaire.level(question.critical.cap_level)
            if cap is not None and cap.level < level.level:
                level = cap

    completeness = answered_or_na / relevant_choice if relevant_choice else 1.0
    recommendations = _recommendations(questionnaire, results, set(capped_by))
    return ScoreResult(
        questionnaire=questionnaire,
        overall=overall,
        level=level,
        uncapped_level=uncapped,
        capped_by=tuple(capped_by),
        completeness=completeness,
        domains=tuple(domains),
        recommendations=recommendations,
        questions=results,
    )


def _recommendations(
    questionnaire: Questionnaire, results: dict[str, QuestionResult], capping: set[str]
) -> tuple[Recommendation, ...]:
    due: list[tuple[int, Recommendation]] = []
    for order, question in enumerate(questionnaire.questions()):
        result = results[question.id]
        if not question.is_choice or result.status not in (Status.ANSWERED, Status.UNANSWERED):
            continue
        if result.option is not None and result.option.score >= question.recommendation_threshold:
            continue
        domain = questionnaire.domain(question.domain_id)
        assert domain is not None
        value = result.value or 0.0
        priority = domain.weight * question.weight * (1.0 - value)
        if question.id in capping:
            priority *= 2
        due.append((order, Recommendation(question, priority, value, question.id in capping)))

    def compare(a: tuple[int, Recommendation], b: tuple[int, Recommendation]) -> int:
        difference = b[1].priority - a[1].priority
        if abs(difference) > PRIORITY_TOLERANCE:
            return 1 if difference > 0 else -1
        return a[0] - b[0]

    due.sort(key=functools.cmp_to_key(compare))
    return tuple(rec for _, rec in due)
