"""What the trash holds, as plain values (DESIGN section 4; issue 9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TrashKind(StrEnum):
    ORGANISATION = "organisation"
    ASSESSMENT = "assessment"


@dataclass(frozen=True, slots=True)
class TrashItem:
    """One deleted organisation or assessment.

    ``name`` is the organisation's name or the assessment's title; ``organisation`` the
    assessment's organisation (its own name for an organisation); ``assessments`` counts the
    assessments that go and come back with it (1 for an assessment) and ``answers`` their answers.
    """

    kind: TrashKind
    id: str
    name: str
    organisation: str
    deleted_at: datetime
    assessments: int
    answers: int


@dataclass(frozen=True, slots=True)
class Removed:
    """How many rows a permanent removal took out (emptying the trash, removing demo data)."""

    organisations: int = 0
    assessments: int = 0
    answers: int = 0

    @property
    def nothing(self) -> bool:
        return not (self.organisations or self.assessments or self.answers)
