"""What the portfolio and partnership reports show (DESIGN sections 5 and 9), gathered once by
``services`` so the PDF, the Excel workbook and the window agree.

Texts here are final: localized, user text kept literally (renderers escape, never interpret).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from readiness.domain.portfolio import PortfolioTable
from readiness.domain.report import Marking
from readiness.i18n import current_language


@dataclass(frozen=True)
class OverviewFacts:
    """What every page or sheet of an overview report carries."""

    title: str
    subtitle: str
    marking: Marking
    is_draft: bool
    """True when any assessment shown is incomplete: DRAFT on every page (section 5)."""
    generated_at: datetime
    tool_version: str
    language: str = field(default_factory=current_language)

    @property
    def generated(self) -> str:
        return self.generated_at.strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True)
class PortfolioReport:
    facts: OverviewFacts
    tables: tuple[PortfolioTable, ...]
    questionnaire_titles: dict[str, str]


@dataclass(frozen=True, slots=True)
class TopicQuestion:
    """One question of one side of a topic, with what that side answered, in words."""

    question_id: str
    text: str
    answer: str
    counted: bool
    """Whether it counts in the side's value (relevant, non-N/A choice question)."""


@dataclass(frozen=True, slots=True)
class TopicView:
    """One mirror topic: both sides' values 0–100 (full precision), the gap and the words."""

    topic: str
    label: str
    company_value: float | None
    unit_value: float | None
    gap: float | None
    shown_gap: float | None
    mismatch: bool
    company: tuple[TopicQuestion, ...]
    unit: tuple[TopicQuestion, ...]
    sentence: str
    """The gap in plain words ("the unit counts on ... the company has not ..."); "" if none."""


@dataclass(frozen=True, slots=True)
class SideFacts:
    assessment_id: str
    organisation: str
    title: str
    questionnaire: str
    version: str
    status: str
    complete: bool


@dataclass(frozen=True)
class PartnershipReport:
    facts: OverviewFacts
    company: SideFacts
    unit: SideFacts
    note: str
    topics: tuple[TopicView, ...]
    paired: int
    compared: int
    mismatches: int
    mean_abs_gap: float | None

    @property
    def mismatch_topics(self) -> tuple[TopicView, ...]:
        return tuple(t for t in self.topics if t.mismatch)
