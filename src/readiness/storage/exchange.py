"""Repository functions of exchange packages: origins of imported assessments, revisions sent
and partners' trusted cards (DESIGN section 8). Plain values in and out, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from readiness.domain.answers import AnswerDetail
from readiness.domain.records import Organisation
from readiness.storage.models import (
    AnswerRow,
    AssessmentOriginRow,
    AssessmentRow,
    OrganisationRow,
    SentRevisionRow,
    TrustedCardRow,
    utcnow,
)


@dataclass(frozen=True)
class Origin:
    """Where an assessment came from. ``kind`` "assessment" means imported, read-only here."""

    assessment_id: str
    kind: str
    signer_key_id: str
    signer_name: str
    signer_public_key: str
    signer_recipient: str | None
    package_id: str
    revision: int
    content_sha256: str
    package_created: str

    @property
    def read_only(self) -> bool:
        return self.kind == "assessment"


@dataclass(frozen=True)
class TrustedCard:
    key_id: str
    name: str
    public_key: str
    recipient: str
    trusted_at: datetime


_ORIGIN_FIELDS = (
    "assessment_id",
    "kind",
    "signer_key_id",
    "signer_name",
    "signer_public_key",
    "signer_recipient",
    "package_id",
    "revision",
    "content_sha256",
    "package_created",
)


def origin(session: Session, assessment_id: str) -> Origin | None:
    columns = [getattr(AssessmentOriginRow, name) for name in _ORIGIN_FIELDS]
    row = session.execute(
        select(*columns).where(AssessmentOriginRow.assessment_id == assessment_id)
    ).first()
    return Origin(*row) if row else None


def origins(session: Session) -> dict[str, Origin]:
    """Every origin by assessment id (for lists that mark imported assessments)."""
    rows = session.scalars(select(AssessmentOriginRow))
    return {
        row.assessment_id: Origin(*(getattr(row, name) for name in _ORIGIN_FIELDS)) for row in rows
    }


def save_origin(session: Session, value: Origin, new: bool) -> None:
    """Insert (``new``) or replace the origin of an assessment, in one statement."""
    fields: dict[str, Any] = {name: getattr(value, name) for name in _ORIGIN_FIELDS}
    fields["imported_at"] = utcnow()
    if new:
        session.execute(insert(AssessmentOriginRow).values(**fields))
    else:
        session.execute(
            update(AssessmentOriginRow)
            .where(AssessmentOriginRow.assessment_id == value.assessment_id)
            .values(**fields)
        )


def add_organisation_with_id(session: Session, organisation: Organisation) -> None:
    session.execute(
        insert(OrganisationRow).values(
            id=organisation.id,
            name=organisation.name,
            kind=organisation.kind.value,
            sector=organisation.sector,
            country=organisation.country,
            created_at=utcnow(),
        )
    )


def add_assessment_with_id(
    session: Session,
    assessment_id: str,
    organisation_id: str,
    snapshot: int,
    created: datetime,
    updated: datetime,
    **values: Any,
) -> None:
    """Insert an assessment with the id it came with; ``values`` fills the other columns
    (title, assessor, marking, status and the score cache)."""
    session.execute(
        insert(AssessmentRow).values(
            id=assessment_id,
            organisation_id=organisation_id,
            snapshot_id=snapshot,
            created_at=created.replace(tzinfo=None),
            updated_at=updated.replace(tzinfo=None),
            **values,
        )
    )


def insert_answers(
    session: Session, assessment_id: str, details: dict[str, AnswerDetail], at: datetime
) -> None:
    """Bulk-insert the answers of a new assessment (no history: it starts here)."""
    from readiness.domain.answers import ChoiceAnswer, NotApplicable, TextAnswer

    rows = []
    for question_id, detail in details.items():
        answer = detail.answer
        rows.append(
            {
                "assessment_id": assessment_id,
                "question_id": question_id,
                "option_id": answer.option_id if isinstance(answer, ChoiceAnswer) else None,
                "na_justification": answer.justification
                if isinstance(answer, NotApplicable)
                else None,
                "text": answer.text if isinstance(answer, TextAnswer) else None,
                "comment": detail.comment,
                "flagged": detail.flagged,
                "evidence_kind": detail.evidence.kind.value if detail.evidence else None,
                "evidence_reference": detail.evidence.reference if detail.evidence else None,
                "evidence_date": detail.evidence.date if detail.evidence else None,
                "updated_at": at.replace(tzinfo=None),
            }
        )
    if rows:
        session.execute(AnswerRow.__table__.insert(), rows)


# Revisions sent ------------------------------------------------------------------------


def sent_revision(session: Session, assessment_id: str) -> tuple[int, str] | None:
    row = session.get(SentRevisionRow, assessment_id)
    return (row.revision, row.content_sha256) if row else None


def save_sent_revision(session: Session, assessment_id: str, revision: int, sha256: str) -> None:
    row = session.get(SentRevisionRow, assessment_id)
    if row is None:
        session.add(
            SentRevisionRow(assessment_id=assessment_id, revision=revision, content_sha256=sha256)
        )
    else:
        row.revision, row.content_sha256 = revision, sha256
    session.flush()


# Trusted cards -------------------------------------------------------------------------


def _card(row: TrustedCardRow) -> TrustedCard:
    return TrustedCard(row.key_id, row.name, row.public_key, row.recipient, row.trusted_at)


def trusted_cards(session: Session) -> list[TrustedCard]:
    rows = session.scalars(select(TrustedCardRow).order_by(TrustedCardRow.name))
    return [_card(row) for row in rows]


def trusted_card(session: Session, key_id: str) -> TrustedCard | None:
    row = session.get(TrustedCardRow, key_id)
    return _card(row) if row else None


def trust_card(session: Session, key_id: str, name: str, public_key: str, recipient: str) -> bool:
    """Record (or rename) a trusted card; True when it was new."""
    row = session.get(TrustedCardRow, key_id)
    if row is None:
        session.add(
            TrustedCardRow(key_id=key_id, name=name, public_key=public_key, recipient=recipient)
        )
        session.flush()
        return True
    row.name, row.public_key, row.recipient = name, public_key, recipient
    session.flush()
    return False


def revoke_card(session: Session, key_id: str) -> bool:
    result = session.execute(delete(TrustedCardRow).where(TrustedCardRow.key_id == key_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]
