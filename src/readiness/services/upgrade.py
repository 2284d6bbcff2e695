"""Upgrade an assessment to a newer version of its questionnaire (DESIGN sections 2 and 6).

The original stays untouched: the upgrade is a new draft on the newer version, holding every
answer that carries over (with its comment, N/A justification, evidence and flag) marked
"carried — to review" until the user touches it. Answers that cannot be carried are listed in
the result and in a note on the new assessment. One transaction: an interrupted upgrade leaves
no half-made draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from readiness.domain.migration import carry
from readiness.domain.scoring import score
from readiness.i18n import _
from readiness.services import library
from readiness.services.errors import UserError
from readiness.storage import repository as repo
from readiness.storage import upgrades as stored

if TYPE_CHECKING:
    from readiness.services.workspace import Workspace


@dataclass(frozen=True)
class UpgradeResult:
    """The ``assessment upgrade --json`` object of DESIGN section 6, plus reasons."""

    id: str
    from_id: str
    questionnaire: str
    version: str
    carried: list[str]
    dropped: list[str]
    new: list[str]
    reasons: dict[str, str]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "from": self.from_id,
            "questionnaire": self.questionnaire,
            "version": self.version,
            "carried": self.carried,
            "dropped": self.dropped,
            "new": self.new,
        }


def newer_versions(workspace: Workspace, assessment_id: str) -> list[str]:
    """Versions of the assessment's questionnaire newer than its own, lowest first."""
    summary = workspace.assessment(assessment_id)
    current = library.version_key(summary.questionnaire_version)
    return [
        entry.version
        for entry in library.available(workspace)
        if entry.id == summary.questionnaire_id and library.version_key(entry.version) > current
    ]


def upgrade(
    workspace: Workspace, assessment_id: str, to_version: str | None = None
) -> UpgradeResult:
    """Create a new draft of ``assessment_id`` on ``to_version`` (default: the highest).

    Raises UserError when there is no newer version, when ``to_version`` is unknown or not
    newer, or when the assessment cannot be read.
    """
    summary = workspace.assessment(assessment_id)
    newer = newer_versions(workspace, summary.id)
    if not newer:
        raise UserError(
            _("assessment {id} is on the newest known version of {q} ({v})").format(
                id=summary.id[:8], q=summary.questionnaire_id, v=summary.questionnaire_version
            )
        )
    version = to_version or newer[-1]
    if version not in newer:
        raise UserError(
            _("cannot upgrade to {version}: newer versions of {q} are {known}").format(
                version=version, q=summary.questionnaire_id, known=", ".join(newer)
            )
        )
    target = library.find(workspace, f"{summary.questionnaire_id}@{version}")
    old = workspace.questionnaire_of(summary).questionnaire
    state = workspace.state(summary.id)
    outcome = carry(old, target.questionnaire, state.details)
    reasons = {d.question_id: d.reason for d in outcome.dropped}
    note = ""
    if outcome.dropped:
        note = _("Upgraded from version {v}; answers not carried: {list}").format(
            v=old.version,
            list=_("; ").join(f"{d.question_id} ({d.reason})" for d in outcome.dropped),
        )
    answers = {qid: d.answer for qid, d in outcome.answers.items() if d.answer is not None}
    result = score(target.questionnaire, answers)
    q = target.questionnaire
    with workspace._write() as session:
        snapshot = repo.snapshot_id(session, q.id, q.version, target.sha256, target.source)
        new_id = repo.add_assessment(
            session,
            summary.organisation_id,
            snapshot,
            summary.title,
            summary.assessor,
            summary.marking,
        )
        for question_id, detail in outcome.answers.items():
            repo.save_answer(session, new_id, question_id, detail, action="carry")
        stored.mark_upgraded(session, new_id, summary.id, note)
        workspace._store(session, new_id, result)
    return UpgradeResult(
        new_id,
        summary.id,
        q.id,
        q.version,
        list(outcome.answers),
        [d.question_id for d in outcome.dropped],
        outcome.new,
        reasons,
    )


@dataclass(frozen=True)
class ReviewState:
    """What an upgraded draft still asks of the user (empty for any other assessment)."""

    upgraded_from: str | None
    note: str
    to_review: frozenset[str]


def review_state(workspace: Workspace, assessment_id: str) -> ReviewState:
    """Provenance, upgrade note and answers still to review of ``assessment_id``."""
    with workspace._read() as session:
        source, note = stored.provenance(session, assessment_id)
        pending = stored.to_review(session, assessment_id)
    return ReviewState(source, note, frozenset(pending))
