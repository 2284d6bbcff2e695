"""Queries behind assessment upgrades: provenance, notes and answers still to review."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from readiness.storage.models import AnswerRow, AssessmentRow


def mark_upgraded(session: Session, assessment_id: str, upgraded_from: str, note: str) -> None:
    """Record where an upgraded draft came from and what could not be carried."""
    session.execute(
        update(AssessmentRow)
        .where(AssessmentRow.id == assessment_id)
        .values(upgraded_from=upgraded_from, note=note)
    )


def provenance(session: Session, assessment_id: str) -> tuple[str | None, str]:
    """(the assessment this one was upgraded from, its upgrade note)."""
    row = session.execute(
        select(AssessmentRow.upgraded_from, AssessmentRow.note).where(
            AssessmentRow.id == assessment_id
        )
    ).first()
    return (row[0], row[1] or "") if row else (None, "")


def to_review(session: Session, assessment_id: str) -> set[str]:
    """Question ids whose answer was carried by an upgrade and not touched since."""
    return set(
        session.scalars(
            select(AnswerRow.question_id).where(
                AnswerRow.assessment_id == assessment_id, AnswerRow.to_review.is_(True)
            )
        )
    )
