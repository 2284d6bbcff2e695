"""Stored things as plain values: what repositories hand to services and views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from readiness.domain.answers import AnswerDetail


class OrganisationKind(StrEnum):
    COMPANY = "company"
    DEFENCE_UNIT = "defence_unit"
    OTHER = "other"

    def fits(self, audience: str) -> bool:
        """Whether a questionnaire for ``audience`` suits this kind of organisation."""
        return self is OrganisationKind.OTHER or self.value == audience


class Status(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    kind: OrganisationKind
    sector: str = ""
    country: str = ""
    demo: bool = False  # seeded by `readiness demo` (issue 9)


@dataclass(frozen=True, slots=True)
class AssessmentSummary:
    """One row of the assessment list, with the score cached at the last change."""

    id: str
    organisation_id: str
    organisation: str
    questionnaire_id: str
    questionnaire_version: str
    title: str
    status: Status
    marking: str
    assessor: str
    created_at: datetime
    updated_at: datetime
    snapshot_sha256: str
    completeness: float
    score: float
    level: int
    demo: bool = False  # seeded by `readiness demo` (issue 9)


@dataclass(frozen=True, slots=True)
class Change:
    """One step of an assessment's answer history, undoable by writing ``before`` back."""

    id: int
    question_id: str
    before: AnswerDetail
    after: AnswerDetail
    at: datetime
