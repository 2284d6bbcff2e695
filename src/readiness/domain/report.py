"""Everything a PDF or Excel report shows, gathered once so both renderers agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from readiness.domain.answers import AnswerDetail
from readiness.domain.scoring import ScoreResult
from readiness.i18n import _, current_language

__all__ = ["DEFAULT_MARKING", "AnswerDetail", "Marking", "Report"]


class Marking(StrEnum):
    """Traffic Light Protocol 2.0 labels; never translated."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @classmethod
    def parse(cls, label: str) -> Marking:
        normalized = label.strip().upper()
        if not normalized.startswith("TLP:"):
            normalized = "TLP:" + normalized
        for marking in cls:
            if marking.value == normalized:
                return marking
        known = ", ".join(m.value for m in cls)
        raise ValueError(
            _("unknown marking '{label}' (known: {known})").format(label=label, known=known)
        )

    @property
    def colour(self) -> str:
        """FIRST TLP 2.0 colour (hex RGB), shown on black."""
        return {
            Marking.CLEAR: "#FFFFFF",
            Marking.GREEN: "#33FF00",
            Marking.AMBER: "#FFC000",
            Marking.AMBER_STRICT: "#FFC000",
            Marking.RED: "#FF2B2B",
        }[self]


DEFAULT_MARKING = Marking.AMBER_STRICT


@dataclass(frozen=True)
class Report:
    organisation: str
    organisation_kind: str
    sector: str
    country: str
    title: str
    assessor: str
    status: str
    marking: Marking
    questionnaire_sha256: str
    created_at: datetime
    updated_at: datetime
    generated_at: datetime
    tool_version: str
    result: ScoreResult
    details: dict[str, AnswerDetail]
    language: str = field(default_factory=current_language)
    source: str = ""
    """Where the assessment came from when not made here (an imported package: signer, key,
    revision, date; DESIGN section 8), in one line; empty for a local assessment."""

    @property
    def is_draft(self) -> bool:
        """Incomplete assessments are marked DRAFT on every page."""
        return not self.result.complete
