"""An assessment as a view needs it, and stored questionnaire snapshots parsed once per process.

No SQLAlchemy here: the Workspace and the command line's read path (``services/quick.py``)
share it, so both give the same AssessmentState for the same stored rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from readiness.domain.answers import Answer, AnswerDetail, Evidence
from readiness.domain.model import Questionnaire
from readiness.domain.records import AssessmentSummary
from readiness.domain.scoring import ScoreResult, score, shown
from readiness.i18n import _
from readiness.questionnaire.issues import FileProblems
from readiness.questionnaire.loader import LoadedQuestionnaire, load_text
from readiness.services.errors import UserError


@dataclass(frozen=True)
class AssessmentState:
    """One assessment as a view needs it: what it is, its questions, answers and score."""

    summary: AssessmentSummary
    loaded: LoadedQuestionnaire
    details: dict[str, AnswerDetail]
    result: ScoreResult

    @property
    def questionnaire(self) -> Questionnaire:
        return self.loaded.questionnaire


def assessment_state(
    summary: AssessmentSummary, loaded: LoadedQuestionnaire, details: dict[str, AnswerDetail]
) -> AssessmentState:
    """Score the stored answers; the evidence rule is judged on the assessment's last change
    (DESIGN section 3)."""
    as_of = summary.updated_at.date()
    result = score(loaded.questionnaire, answers_of(details), evidence_of(details), as_of)
    return AssessmentState(summary, loaded, details, result)


def answers_of(details: dict[str, AnswerDetail]) -> dict[str, Answer]:
    """Question id -> answer, for the questions that have one."""
    return {qid: d.answer for qid, d in details.items() if d.answer is not None}


def evidence_of(details: dict[str, AnswerDetail]) -> dict[str, Evidence]:
    """Question id -> evidence, for the answers that have some."""
    return {qid: d.evidence for qid, d in details.items() if d.evidence is not None}


def score_cache(result: ScoreResult) -> dict[str, Any]:
    """What the assessment row caches of a score (``repository.store_score``'s arguments):
    the shown overall score, level, completeness, whether complete, and every domain's
    full-precision score by id (for the portfolio)."""
    return {
        "score": shown(result.overall),
        "level": result.level.level,
        "completeness": result.completeness,
        "complete": result.complete,
        "domain_scores": {d.id: d.score for d in result.domains},
    }


_SNAPSHOTS: dict[str, LoadedQuestionnaire] = {}
"""Parsed snapshots by sha256: content-addressed, so entries are never stale."""


def stored_snapshot(sha256: str, content: Callable[[], str | None]) -> LoadedQuestionnaire:
    """The questionnaire of the stored snapshot ``sha256``, parsed once per process; its text
    is fetched by ``content()`` only when it is not parsed yet. Raises UserError when the
    snapshot is missing, does not match its checksum (issue 8) or cannot be read."""
    loaded = _SNAPSHOTS.get(sha256)
    if loaded is not None:
        return loaded
    text = content()
    if text is None:
        raise UserError(_("questionnaire snapshot {sha} is missing").format(sha=sha256[:12]))
    if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != sha256:
        raise UserError(  # a crafted or damaged shared database (issue 8)
            _(
                "the stored questionnaire {sha} does not match its checksum: the "
                "database was changed outside Partnership Readiness"
            ).format(sha=sha256[:12])
        )
    try:
        loaded = load_text(text, f"snapshot {sha256[:12]}")
    except FileProblems as exc:
        raise UserError(
            _("the stored questionnaire {sha} cannot be read: {problem}").format(
                sha=sha256[:12], problem=exc.issues[0]
            )
        ) from exc
    _SNAPSHOTS[sha256] = loaded
    return loaded
