"""Queries behind the questionnaire library: installed questionnaires and known versions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from readiness.storage.models import SnapshotRow, utcnow


@dataclass(frozen=True)
class StoredQuestionnaire:
    """One stored questionnaire text: id, version, sha256 and the text itself."""

    questionnaire_id: str
    version: str
    sha256: str
    content: str


def installed(session: Session) -> list[StoredQuestionnaire]:
    """Every installed questionnaire, in the order they were installed."""
    rows = session.execute(
        select(
            SnapshotRow.questionnaire_id,
            SnapshotRow.version,
            SnapshotRow.sha256,
            SnapshotRow.content,
        )
        .where(SnapshotRow.installed_at.is_not(None))
        .order_by(SnapshotRow.installed_at, SnapshotRow.id)
    )
    return [StoredQuestionnaire(*row) for row in rows]


def hashes_of(session: Session, questionnaire_id: str, version: str) -> list[str]:
    """sha256 of every stored text with this id and version (installed or not)."""
    return list(
        session.scalars(
            select(SnapshotRow.sha256).where(
                SnapshotRow.questionnaire_id == questionnaire_id, SnapshotRow.version == version
            )
        )
    )


def mark_installed(session: Session, sha256: str) -> bool:
    """Mark the stored text with ``sha256`` installed; False when it already was."""
    result = session.execute(
        update(SnapshotRow)
        .where(SnapshotRow.sha256 == sha256, SnapshotRow.installed_at.is_(None))
        .values(installed_at=utcnow())
    )
    return bool(result.rowcount)
