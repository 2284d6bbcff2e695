"""The scoring method in one short plain paragraph (DESIGN section 3), for every reader.

Shown where a reader meets the level: the results page, the PDF appendix and the Excel About
sheet. Pure text: no Qt, no report library.
"""

from __future__ import annotations

from readiness.domain.answers import EVIDENCE_VALID_DAYS
from readiness.domain.model import Questionnaire
from readiness.i18n import _


def method_summary(questionnaire: Questionnaire) -> str:
    """What caps the level, what limits it and what "unverified" means, in plain words."""
    parts = [
        _(
            "The score is the weighted average of the domain scores; the level follows from "
            "the score, but can be held lower."
        ),
        _(
            "A critical question caps the level while it is unanswered or answered too low: "
            "the level can only reach the top when every critical question has been tested "
            "with partners."
        ),
    ]
    allowance = questionnaire.scoring.max_levels_above_weakest_domain
    if allowance is not None:
        parts.append(
            _(
                "The weakest domain limits the level to at most {n} above that domain's own "
                "level, so no area can be left out."
            ).format(n=allowance)
            if allowance != 1
            else _(
                "The weakest domain limits the level to at most one above that domain's own "
                "level, so no area can be left out."
            )
        )
    parts.append(
        _(
            "N/A leaves a question out; a domain with more than a third of its weight N/A is "
            "marked low confidence. A high answer with no evidence (a document, record, "
            "exercise report or partner confirmation) dated within {days} days before the "
            "assessment's last change is listed as unverified: it still counts, but it rests "
            "on word alone."
        ).format(days=EVIDENCE_VALID_DAYS)
    )
    return " ".join(parts)
