"""The questionnaire as immutable domain objects, built once by the loader and shared freely."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness.domain.conditions import Condition

Text = Mapping[str, str]
"""A text in several languages, keyed by language code."""

AUDIENCES = ("company", "defence_unit")


def localize(text: Text | None, language: str | None = None) -> str:
    """Pick the text in ``language`` (default: the language in use, DESIGN section 11), else
    English, else any language we have."""
    if not text:
        return ""
    if language is None:
        from readiness.i18n import current_language

        language = current_language()
    if language in text:
        return text[language]
    if "en" in text:
        return text["en"]
    return next(iter(text.values()))


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    score: float
    label: Text


@dataclass(frozen=True)
class Scale:
    id: str
    options: tuple[Option, ...]
    max_score: float = field(init=False, compare=False)
    _by_id: dict[str, Option] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {o.id: o for o in self.options})
        object.__setattr__(self, "max_score", max(o.score for o in self.options))

    def option(self, option_id: str) -> Option | None:
        return self._by_id.get(option_id)


@dataclass(frozen=True, slots=True)
class Level:
    level: int
    min: float
    label: Text


@dataclass(frozen=True, slots=True)
class Critical:
    """One critical tier: an answer scoring below ``below`` caps the level at ``cap_level``."""

    below: float
    cap_level: int


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """The questionnaire's ``scoring`` block (DESIGN sections 2 and 3)."""

    max_levels_above_weakest_domain: int | None = None


class QuestionType(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    PROFILE = "profile"


@dataclass(frozen=True)
class Question:
    id: str
    domain_id: str
    type: QuestionType
    text: Text
    scale: Scale | None = None
    guidance: Text | None = None
    anchors: Mapping[str, Text] = field(default_factory=dict)
    weight: float = 1.0
    allow_na: bool = True
    critical: Critical | None = None
    """The tier with the lowest cap (the cap of an unanswered question); see ``tiers``."""
    relevant: Condition | None = None
    topics: tuple[str, ...] = ()
    recommendation: Text | None = None
    recommend_below: float | None = None
    tiers: tuple[Critical, ...] = ()
    """Every critical tier, as written (DESIGN section 3); empty for a non-critical question."""
    serves: tuple[str, ...] = ()
    """Barriers (B1..) and ways forward (W1..) of the seed article this question measures."""
    # Derived once: scoring reads these for every question of every assessment.
    is_choice: bool = field(init=False, compare=False)
    """Answered with an option of its scale: a choice or a profile question."""
    is_scored: bool = field(init=False, compare=False)
    """A choice question: counts towards scores (a profile question never does)."""
    recommendation_threshold: float = field(init=False, compare=False)
    """Score below which a recommendation is due: explicit, else half the scale's top."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "is_choice", self.type in (QuestionType.CHOICE, QuestionType.PROFILE)
        )
        object.__setattr__(self, "is_scored", self.type is QuestionType.CHOICE)
        if self.type is QuestionType.PROFILE:
            object.__setattr__(self, "allow_na", False)  # a profile question is never N/A
        if self.tiers and self.critical is None:
            lowest = min(self.tiers, key=lambda tier: tier.cap_level)
            object.__setattr__(self, "critical", lowest)
        elif self.critical is not None and not self.tiers:
            object.__setattr__(self, "tiers", (self.critical,))
        threshold = self.recommend_below
        if threshold is None:
            threshold = self.scale.max_score / 2 if self.scale else 0.0
        object.__setattr__(self, "recommendation_threshold", threshold)

    def cap_for(self, score: float | None) -> int | None:
        """The level number this question caps at for an option ``score`` (None: unanswered).

        None when it does not cap. Unanswered caps at the lowest cap_level of its tiers
        (DESIGN section 3).
        """
        if not self.tiers:
            return None
        if score is None:
            return min(tier.cap_level for tier in self.tiers)
        caps = [tier.cap_level for tier in self.tiers if score < tier.below]
        return min(caps) if caps else None


@dataclass(frozen=True)
class Domain:
    id: str
    title: Text
    questions: tuple[Question, ...]
    weight: float = 1.0
    description: Text | None = None


@dataclass(frozen=True)
class MigrationRule:
    """What happens to one older question's answer (DESIGN section 2, ``migrations``).

    ``target`` None means the question was removed (the answer is dropped and reported);
    ``options`` maps old option ids to new ones (ids not listed carry over unchanged).
    """

    target: str | None
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MigrationBlock:
    """Rules for answers given to the exact older versions ``from_versions``."""

    from_versions: tuple[str, ...]
    rules: Mapping[str, MigrationRule]


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    audience: str
    languages: tuple[str, ...]
    title: Text
    scales: Mapping[str, Scale]
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...]
    description: Text | None = None
    migrations: tuple[MigrationBlock, ...] = ()
    scoring: ScoringRules = ScoringRules()
    _questions: dict[str, Question] = field(init=False, repr=False, compare=False)
    _order: dict[str, int] = field(init=False, repr=False, compare=False)
    _domains: dict[str, Domain] = field(init=False, repr=False, compare=False)
    derived: dict[str, object] = field(init=False, repr=False, compare=False)
    """Data other modules derive once per questionnaire (e.g. the scoring plan)."""

    def __post_init__(self) -> None:
        questions = {q.id: q for d in self.domains for q in d.questions}
        object.__setattr__(self, "_questions", questions)
        object.__setattr__(self, "_order", {qid: i for i, qid in enumerate(questions)})
        object.__setattr__(self, "_domains", {d.id: d for d in self.domains})
        object.__setattr__(self, "derived", {})

    def questions(self) -> Iterator[Question]:
        """Every question in questionnaire order."""
        return iter(self._questions.values())

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def domain(self, domain_id: str) -> Domain | None:
        return self._domains.get(domain_id)

    def order(self, question_id: str) -> int:
        return self._order[question_id]

    def level(self, number: int) -> Level | None:
        return next((lv for lv in self.levels if lv.level == number), None)

    def level_for(self, shown_score: float) -> Level:
        """Highest level whose minimum the (already rounded) score reaches."""
        reached = self.levels[0]
        for level in self.levels:
            if level.min <= shown_score:
                reached = level
        return reached
