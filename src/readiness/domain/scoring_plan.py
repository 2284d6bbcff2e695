"""The scoring plan: everything about a questionnaire that does not depend on the answers.

Built once per questionnaire (DESIGN section 3 rules, worked out ahead): for every question and
every way it can be answered, the result object, what it adds to its domain's sums, the level it
caps at, its recommendation (with its priority) and whether it needs evidence. Scoring an
assessment then only looks outcomes up and adds them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from readiness.domain.conditions import And, Comparison, Condition, Lookup, Not, Or
from readiness.domain.model import Domain, Option, Question, Questionnaire, Text

PRIORITY_TOLERANCE = 1e-9
VERIFY_FROM = 0.75
"""Answers with q at or above this need evidence, or they are listed as unverified."""


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
    needs_evidence: bool = False  # an answered choice question with q >= VERIFY_FROM


@dataclass(frozen=True, slots=True)
class Recommendation:
    question: Question
    priority: float
    value: float
    capping: bool

    @property
    def text(self) -> Text:
        return self.question.recommendation or self.question.text


# The counters an outcome adds to, packed into one int (COUNT_BITS bits each) so that scoring
# adds them with one addition: relevant choice/profile questions and answered-or-N/A ones (for
# completeness), and a domain's answered, N/A and applicable choice questions.
COUNT_BITS = 20
RELEVANT, DONE, ANSWERED, NA, APPLICABLE = (1 << (COUNT_BITS * i) for i in range(5))
COUNT_MASK = (1 << COUNT_BITS) - 1


_S1, _S2, _S3, _S4 = COUNT_BITS, 2 * COUNT_BITS, 3 * COUNT_BITS, 4 * COUNT_BITS


def unpack(counts: int) -> tuple[int, int, int, int, int]:
    """(relevant, done, answered, na, applicable) from packed counts."""
    m = COUNT_MASK
    return (
        counts & m,
        (counts >> _S1) & m,
        (counts >> _S2) & m,
        (counts >> _S3) & m,
        (counts >> _S4) & m,
    )


Outcome = tuple[
    QuestionResult,  # 0 result
    "Option | None",  # 1 chosen option (for later conditions)
    int,  # 2 packed counts
    float,  # 3 domain: weight x q
    float,  # 4 domain: weight (applicable)
    float,  # 5 domain: weight (N/A)
    "int | None",  # 6 cap level
    "tuple[float, int, Recommendation] | None",  # 7 (-priority, order, recommendation)
    bool,  # 8 needs evidence
]

TEXT, SCORED, PROFILE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Step:
    """One question with every outcome it can have."""

    id: str
    kind: int  # TEXT, SCORED or PROFILE
    condition: Callable[[Callable[[str], Option | None]], bool] | None
    allow_na: bool
    not_relevant: QuestionResult
    text_answered: QuestionResult
    text_unanswered: QuestionResult
    by_option: dict[str, Outcome]
    na: Outcome
    unanswered: Outcome


@dataclass(frozen=True, slots=True)
class Plan:
    domains: tuple[tuple[Domain, tuple[Step, ...]], ...]
    near_ties: bool  # two possible priorities within PRIORITY_TOLERANCE yet different


def plan_for(questionnaire: Questionnaire) -> Plan:
    """The questionnaire's plan, built on first use and kept with it."""
    plan = questionnaire.derived.get("scoring-plan-2")
    if plan is None:
        order = itertools.count(1)
        domains = tuple(
            (domain, tuple(_step(q, domain.weight, next(order)) for q in domain.questions))
            for domain in questionnaire.domains
        )
        priorities = sorted(
            {
                -outcome[7][0]
                for _domain, steps in domains
                for step in steps
                for outcome in (*step.by_option.values(), step.unanswered)
                if outcome[7] is not None
            }
        )
        near = any(0 < b - a <= PRIORITY_TOLERANCE for a, b in itertools.pairwise(priorities))
        plan = questionnaire.derived["scoring-plan-2"] = Plan(domains, near)
    return plan  # type: ignore[return-value]


def _step(question: Question, domain_weight: float, order: int) -> Step:
    not_relevant = QuestionResult(question, Status.NOT_RELEVANT)
    condition = fast(question.relevant) if question.relevant is not None else None
    if not question.is_choice:
        dead = _outcome(QuestionResult(question, Status.UNANSWERED))
        return Step(
            question.id,
            TEXT,
            condition,
            False,
            not_relevant,
            QuestionResult(question, Status.ANSWERED),
            QuestionResult(question, Status.UNANSWERED),
            {},
            dead,
            dead,
        )
    assert question.scale is not None
    top = question.scale.max_score
    if not question.is_scored:  # profile: counted for completeness only
        by_option = {
            o.id: _outcome(
                QuestionResult(question, Status.ANSWERED, o, o.score / top), o, RELEVANT + DONE
            )
            for o in question.scale.options
        }
        unanswered = _outcome(QuestionResult(question, Status.UNANSWERED), None, RELEVANT)
        return Step(
            question.id,
            PROFILE,
            condition,
            False,
            not_relevant,
            not_relevant,
            not_relevant,
            by_option,
            unanswered,
            unanswered,
        )
    weight = question.weight
    by_option = {}
    for o in question.scale.options:
        value = o.score / top
        needs = value >= VERIFY_FROM
        result = QuestionResult(question, Status.ANSWERED, o, value, needs)
        cap = question.cap_for(o.score)
        rec = (
            _due(question, domain_weight, order, value, cap)
            if (o.score < question.recommendation_threshold)
            else None
        )
        counts = RELEVANT + DONE + ANSWERED + APPLICABLE
        by_option[o.id] = (result, o, counts, weight * value, weight, 0.0, cap, rec, needs)
    cap = question.cap_for(None)
    unanswered_result = QuestionResult(question, Status.UNANSWERED, value=0.0)
    unanswered = (
        unanswered_result,
        None,
        RELEVANT + APPLICABLE,
        0.0,
        weight,
        0.0,
        cap,
        _due(question, domain_weight, order, 0.0, cap),
        False,
    )
    na_result = QuestionResult(question, Status.NA)
    na = (na_result, None, RELEVANT + DONE + NA, 0.0, 0.0, weight, None, None, False)
    return Step(
        question.id,
        SCORED,
        condition,
        question.allow_na,
        not_relevant,
        not_relevant,
        not_relevant,
        by_option,
        na,
        unanswered,
    )


def fast(condition: Condition) -> Callable[[Lookup], bool]:
    """The condition as nested closures: no method dispatch or generator per evaluation."""
    if isinstance(condition, Comparison):
        return condition._compiled
    if isinstance(condition, Not):
        inner = fast(condition.inner)
        return lambda lookup: not inner(lookup)
    if isinstance(condition, And | Or):
        parts = [fast(part) for part in condition.parts]
        is_and = isinstance(condition, And)
        if len(parts) == 2:
            first, second = parts
            if is_and:
                return lambda lookup: first(lookup) and second(lookup)
            return lambda lookup: first(lookup) or second(lookup)
        if is_and:
            return lambda lookup: all(part(lookup) for part in parts)
        return lambda lookup: any(part(lookup) for part in parts)
    return condition.evaluate


def _outcome(result: QuestionResult, option: Option | None = None, counts: int = 0) -> Outcome:
    return (result, option, counts, 0.0, 0.0, 0.0, None, None, False)


def _due(
    question: Question, domain_weight: float, order: int, value: float, cap: int | None
) -> tuple[float, int, Recommendation]:
    capping = cap is not None
    priority = domain_weight * question.weight * (1.0 - value) * (2 if capping else 1)
    return (-priority, order, Recommendation(question, priority, value, capping))
