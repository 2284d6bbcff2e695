"""Scores, levels, caps, limits, completeness, unverified claims and recommendations.

Exactly as DESIGN section 3: domain scores and levels, the weakest-domain limit, critical tiers,
low-confidence domains, evidence and the unverified list. What does not depend on the answers
is worked out once per questionnaire (``scoring_plan``).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from readiness.domain.answers import (
    EVIDENCE_VALID_DAYS,
    Answers,
    ChoiceAnswer,
    Evidence,
    NotApplicable,
)
from readiness.domain.figures import shown
from readiness.domain.model import Level, Option, Questionnaire, Text
from readiness.domain.scoring_plan import (
    PRIORITY_TOLERANCE,
    TEXT,
    VERIFY_FROM,
    QuestionResult,
    Recommendation,
    Status,
    plan_for,
    unpack,
)

__all__ = [
    "PRIORITY_TOLERANCE",
    "VERIFY_FROM",
    "DomainResult",
    "QuestionResult",
    "Recommendation",
    "ScoreResult",
    "Status",
    "evaluate_relevance",
    "score",
    "shown",
    "verified",
]


@dataclass(frozen=True, slots=True)
class DomainResult:
    id: str
    title: Text
    weight: float
    score: float | None
    answered: int
    na: int
    applicable: int
    level: Level | None = None  # the level table applied to the shown score; None: no score
    low_confidence: bool = False  # N/A weight above a third of its relevant choice weight


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
    limited_by_domains: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    as_of: date | None = None

    @property
    def complete(self) -> bool:
        return self.completeness >= 1.0

    def domain(self, domain_id: str) -> DomainResult | None:
        return next((d for d in self.domains if d.id == domain_id), None)


def evaluate_relevance(questionnaire: Questionnaire, answers: Answers) -> dict[str, QuestionResult]:
    """Each question's result: conditions only look back, so one pass decides relevance."""
    return score(questionnaire, answers).questions


def verified(evidence: Evidence | None, as_of: date) -> bool:
    """Whether ``evidence`` is dated within EVIDENCE_VALID_DAYS before ``as_of`` (inclusive)."""
    if evidence is None:
        return False
    age = (as_of - evidence.date).days
    return 0 <= age <= EVIDENCE_VALID_DAYS


def score(
    questionnaire: Questionnaire,
    answers: Answers,
    evidence: Mapping[str, Evidence] | None = None,
    as_of: date | None = None,
) -> ScoreResult:
    """Score ``answers`` against ``questionnaire`` (DESIGN section 3).

    ``evidence`` maps question ids to the evidence behind their answers; ``as_of`` is the date
    the evidence rule is judged on (default: today). Evidence never changes a score or level:
    it only decides which claims are listed as ``unverified``.
    """
    plan = plan_for(questionnaire)
    results: dict[str, QuestionResult] = {}
    chosen: dict[str, Option] = {}
    lookup = chosen.get
    get = answers.get
    capped_by: list[str] = []
    caps: list[int] = []
    needing: list[str] = []
    due: list[tuple[float, int, Recommendation]] = []
    domains: list[DomainResult] = []
    level_for = questionnaire.level_for
    all_counts = 0
    for domain, steps in plan.domains:
        weighted = total_weight = na_weight = 0.0
        counts = 0
        for step in steps:
            qid = step.id
            condition = step.condition
            if condition is not None and not condition(lookup):
                results[qid] = step.not_relevant
                continue
            answer = get(qid)
            if step.kind is TEXT:
                results[qid] = step.text_unanswered if answer is None else step.text_answered
                continue
            if type(answer) is ChoiceAnswer:
                outcome = step.by_option.get(answer.option_id, step.unanswered)
            elif type(answer) is NotApplicable and step.allow_na:
                outcome = step.na
            else:
                outcome = step.unanswered
            result, option, more, w_value, w_app, w_na, cap, rec, needs = outcome
            results[qid] = result
            if option is not None:
                chosen[qid] = option
            counts += more
            weighted += w_value
            total_weight += w_app
            na_weight += w_na
            if cap is not None:
                capped_by.append(qid)
                caps.append(cap)
            if rec is not None:
                due.append(rec)
            if needs:
                needing.append(qid)
        all_counts += counts
        _relevant, _done, answered, na, applicable = unpack(counts)
        domain_score = 100.0 * weighted / total_weight if total_weight else None
        domains.append(
            DomainResult(
                domain.id,
                domain.title,
                domain.weight,
                domain_score,
                answered,
                na,
                applicable,
                None if domain_score is None else level_for(shown(domain_score)),
                domain_score is not None and 3 * na_weight > total_weight + na_weight,
            )
        )

    weights = overall = 0.0
    for d in domains:
        if d.score is not None:
            weights += d.weight
            overall += d.weight * d.score
    overall = overall / weights if weights else 0.0
    uncapped = level_for(shown(overall))
    level = uncapped
    limited_by: tuple[str, ...] = ()
    allowance = questionnaire.scoring.max_levels_above_weakest_domain
    if allowance is not None:
        levels = [d.level.level for d in domains if d.level is not None]
        lowest = min(levels, default=None)
        if lowest is not None and lowest + allowance < uncapped.level:
            limited_by = tuple(d.id for d in domains if d.level and d.level.level == lowest)
            level = _at_most(questionnaire, level, lowest + allowance)
    for cap in caps:
        if cap < level.level:
            level = _at_most(questionnaire, level, cap)

    relevant, done, *_ = unpack(all_counts)
    unverified: tuple[str, ...] = ()
    day = as_of
    if needing:
        day = day or date.today()
        if evidence:
            unverified = tuple(q for q in needing if not verified(evidence.get(q), day))
        else:
            unverified = tuple(needing)

    return ScoreResult(
        questionnaire=questionnaire,
        overall=overall,
        level=level,
        uncapped_level=uncapped,
        capped_by=tuple(capped_by),
        completeness=done / relevant if relevant else 1.0,
        domains=tuple(domains),
        recommendations=_recommendations(due, plan.near_ties),
        questions=results,
        limited_by_domains=limited_by,
        unverified=unverified,
        as_of=day,
    )


def _at_most(questionnaire: Questionnaire, level: Level, bound: int) -> Level:
    """``level``, or the highest level numbered at most ``bound`` when ``level`` is above it."""
    if level.level <= bound:
        return level
    below = [lv for lv in questionnaire.levels if lv.level <= bound]
    return max(below, key=lambda lv: lv.level) if below else level


_RECOMMENDATION = operator.itemgetter(2)


def _recommendations(
    due: list[tuple[float, int, Recommendation]], near_ties: bool
) -> tuple[Recommendation, ...]:
    """By priority descending, then questionnaire order (priorities within 1e-9 are equal)."""
    due.sort()
    if near_ties and any(
        0 < due[i + 1][0] - due[i][0] <= PRIORITY_TOLERANCE for i in range(len(due) - 1)
    ):
        due.sort(key=functools.cmp_to_key(_compare))
    return tuple(map(_RECOMMENDATION, due))


def _compare(a: tuple[float, int, Recommendation], b: tuple[float, int, Recommendation]) -> int:
    difference = a[0] - b[0]  # negated priorities: b's priority minus a's
    if abs(difference) > PRIORITY_TOLERANCE:
        return 1 if difference > 0 else -1
    return a[1] - b[1]
