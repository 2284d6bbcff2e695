"""Scores, level, critical caps, completeness and recommendations, exactly as DESIGN section 3."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from readiness.domain.answers import Answers, ChoiceAnswer, NotApplicable
from readiness.domain.conditions import Condition
from readiness.domain.model import Domain, Level, Option, Question, Questionnaire, Text

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


@dataclass(frozen=True, slots=True)
class _Step:
    """One question with every result it can have, built once per questionnaire."""

    question: Question
    condition: Condition | None
    is_choice: bool
    allow_na: bool
    not_relevant: QuestionResult
    na: QuestionResult
    unanswered: QuestionResult
    answered: dict[str, QuestionResult]  # by option id; for a text question, key ""


def _plan(questionnaire: Questionnaire) -> tuple[tuple[Domain, tuple[_Step, ...]], ...]:
    plan = questionnaire.derived.get("scoring-plan")
    if plan is None:
        plan = tuple(
            (domain, tuple(_step(q) for q in domain.questions)) for domain in questionnaire.domains
        )
        questionnaire.derived["scoring-plan"] = plan
    return plan  # type: ignore[return-value]


def _step(question: Question) -> _Step:
    if question.is_choice:
        assert question.scale is not None
        top = question.scale.max_score
        answered = {
            o.id: QuestionResult(question, Status.ANSWERED, o, o.score / top)
            for o in question.scale.options
        }
        unanswered = QuestionResult(question, Status.UNANSWERED, value=0.0)
    else:
        answered = {"": QuestionResult(question, Status.ANSWERED)}
        unanswered = QuestionResult(question, Status.UNANSWERED)
    return _Step(
        question,
        question.relevant,
        question.is_choice,
        question.allow_na,
        QuestionResult(question, Status.NOT_RELEVANT),
        QuestionResult(question, Status.NA),
        unanswered,
        answered,
    )


def evaluate_relevance(questionnaire: Questionnaire, answers: Answers) -> dict[str, QuestionResult]:
    """Walk the questions in order: conditions only look back, so one pass decides relevance."""
    results: dict[str, QuestionResult] = {}
    chosen: dict[str, Option] = {}
    lookup = chosen.get
    for _domain, steps in _plan(questionnaire):
        for step in steps:
            qid = step.question.id
            if step.condition is not None and not step.condition.evaluate(lookup):
                results[qid] = step.not_relevant
                continue
            answer = answers.get(qid)
            if not step.is_choice:
                results[qid] = step.unanswered if answer is None else step.answered[""]
            elif type(answer) is ChoiceAnswer and answer.option_id in step.answered:
                result = step.answered[answer.option_id]
                chosen[qid] = result.option  # type: ignore[assignment]
                results[qid] = result
            elif type(answer) is NotApplicable and step.allow_na:
                results[qid] = step.na
            else:
                results[qid] = step.unanswered
    return results


def score(questionnaire: Questionnaire, answers: Answers) -> ScoreResult:
    results = evaluate_relevance(questionnaire, answers)

    domains: list[DomainResult] = []
    capped_by: list[str] = []
    due: list[tuple[int, Question, float, QuestionResult]] = []
    relevant_choice = answered_or_na = 0
    order = 0
    for domain, steps in _plan(questionnaire):
        weighted = total_weight = 0.0
        answered = na = applicable = 0
        for step in steps:
            order += 1
            if not step.is_choice:
                continue
            question = step.question
            result = results[question.id]
            status = result.status
            if status is Status.NOT_RELEVANT:
                continue
            if status is Status.NA:
                na += 1
                continue
            applicable += 1
            option = result.option
            if option is not None:
                answered += 1
            weighted += question.weight * (result.value or 0.0)
            total_weight += question.weight
            critical = question.critical
            if critical is not None and (option is None or option.score < critical.below):
                capped_by.append(question.id)
            if option is None or option.score < question.recommendation_threshold:
                due.append((order, question, domain.weight * question.weight, result))
        relevant_choice += applicable + na
        answered_or_na += answered + na
        domain_score = 100.0 * weighted / total_weight if total_weight else None
        domains.append(
            DomainResult(
                domain.id, domain.title, domain.weight, domain_score, answered, na, applicable
            )
        )

    weights = sum(d.weight for d in domains if d.score is not None)
    overall = 0.0
    if weights:
        overall = sum(d.weight * d.score for d in domains if d.score is not None) / weights
    uncapped = questionnaire.level_for(shown(overall))
    level = uncapped
    for question_id in capped_by:
        critical = questionnaire.question(question_id).critical  # type: ignore[union-attr]
        cap = questionnaire.level(critical.cap_level)  # type: ignore[union-attr]
        if cap is not None and cap.level < level.level:
            level = cap

    completeness = answered_or_na / relevant_choice if relevant_choice else 1.0
    return ScoreResult(
        questionnaire=questionnaire,
        overall=overall,
        level=level,
        uncapped_level=uncapped,
        capped_by=tuple(capped_by),
        completeness=completeness,
        domains=tuple(domains),
        recommendations=_recommendations(due, set(capped_by)),
        questions=results,
    )


def _recommendations(
    due: list[tuple[int, Question, float, QuestionResult]], capping: set[str]
) -> tuple[Recommendation, ...]:
    ranked: list[tuple[int, Recommendation]] = []
    for order, question, weight, result in due:
        value = result.value or 0.0
        is_capping = question.id in capping
        priority = weight * (1.0 - value) * (2 if is_capping else 1)
        ranked.append((order, Recommendation(question, priority, value, is_capping)))
    ranked.sort(key=lambda item: (-item[1].priority, item[0]))
    near_tie = any(
        0 < ranked[i][1].priority - ranked[i + 1][1].priority <= PRIORITY_TOLERANCE
        for i in range(len(ranked) - 1)
    )
    if near_tie:  # priorities within the tolerance count as equal: order decides
        ranked.sort(key=functools.cmp_to_key(_compare))
    return tuple(rec for _, rec in ranked)


def _compare(a: tuple[int, Recommendation], b: tuple[int, Recommendation]) -> int:
    difference = b[1].priority - a[1].priority
    if abs(difference) > PRIORITY_TOLERANCE:
        return 1 if difference > 0 else -1
    return a[0] - b[0]
