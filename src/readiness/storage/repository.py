"""Queries and updates behind the services, returning domain records, never ORM rows."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select, text, update
from sqlalchemy.orm import Session

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.history import Entry
from readiness.domain.records import (
    AssessmentSummary,
    Change,
    Organisation,
    OrganisationKind,
    Status,
)
from readiness.storage.locking import insert_or_get
from readiness.storage.models import (
    AnswerRow,
    AssessmentRow,
    HistoryRow,
    OrganisationRow,
    SnapshotRow,
    utcnow,
)
from readiness.storage.quick_read import STALE_SQLITE
from readiness.storage.rows import (
    aware,
    detail_from_json,
    detail_of,
    detail_to_json,
    name_order,
    summary_of,
)

_aware = aware
_name_order = name_order


def new_id() -> str:
    return str(uuid.uuid4())


# Organisations -------------------------------------------------------------------------


def _organisation(row: OrganisationRow) -> Organisation:
    return Organisation(
        row.id, row.name, OrganisationKind(row.kind), row.sector, row.country, bool(row.demo)
    )


def add_organisation(
    session: Session, name: str, kind: OrganisationKind, sector: str = "", country: str = ""
) -> Organisation:
    row = OrganisationRow(id=new_id(), name=name, kind=kind.value, sector=sector, country=country)
    session.add(row)
    session.flush()
    return _organisation(row)


def organisations(session: Session) -> list[Organisation]:
    """Organisations not in the trash, by name."""
    rows = session.scalars(select(OrganisationRow).where(OrganisationRow.deleted_at.is_(None)))
    found = [_organisation(row) for row in rows]
    return sorted(found, key=lambda o: (*_name_order(o.name), o.id))


def find_organisation_ids(session: Session, prefix: str) -> list[str]:
    """Up to two ids starting with ``prefix``, in any letter case (LIKE is case-blind on SQLite
    but not on PostgreSQL, so both sides are lowered)."""
    return list(
        session.scalars(
            select(OrganisationRow.id)
            .where(func.lower(OrganisationRow.id).startswith(prefix.lower(), autoescape=True))
            .where(OrganisationRow.deleted_at.is_(None))
            .limit(2)
        )
    )


def organisation(session: Session, organisation_id: str) -> Organisation | None:
    row = session.get(OrganisationRow, organisation_id)
    return _organisation(row) if row else None


# Snapshots -----------------------------------------------------------------------------


def snapshot_id(
    session: Session, questionnaire_id: str, version: str, sha256: str, content: str
) -> int:
    """The stored snapshot with this hash, adding it when new (also when another writer
    adds the same snapshot at the same moment: see ``locking.insert_or_get``)."""

    def find() -> int | None:
        return session.scalar(select(SnapshotRow.id).where(SnapshotRow.sha256 == sha256))

    def insert() -> int:
        row = SnapshotRow(
            questionnaire_id=questionnaire_id, version=version, sha256=sha256, content=content
        )
        session.add(row)
        session.flush()
        return row.id

    return insert_or_get(session, find, insert)


def snapshot_content(session: Session, sha256: str) -> str | None:
    return session.scalar(select(SnapshotRow.content).where(SnapshotRow.sha256 == sha256))


# Assessments ---------------------------------------------------------------------------


def add_assessment(
    session: Session,
    organisation_id: str,
    snapshot: int,
    title: str,
    assessor: str = "",
    marking: str = "TLP:AMBER+STRICT",
) -> str:
    now = utcnow()
    row = AssessmentRow(
        id=new_id(),
        organisation_id=organisation_id,
        snapshot_id=snapshot,
        title=title,
        status=Status.DRAFT.value,
        marking=marking,
        assessor=assessor,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


_SUMMARY_COLUMNS = (
    AssessmentRow.id,
    AssessmentRow.organisation_id,
    OrganisationRow.name,
    SnapshotRow.questionnaire_id,
    SnapshotRow.version,
    AssessmentRow.title,
    AssessmentRow.status,
    AssessmentRow.marking,
    AssessmentRow.assessor,
    AssessmentRow.created_at,
    AssessmentRow.updated_at,
    SnapshotRow.sha256,
    AssessmentRow.completeness,
    AssessmentRow.score,
    AssessmentRow.level,
    AssessmentRow.demo,
)

LIVE_ASSESSMENT = and_(AssessmentRow.deleted_at.is_(None), OrganisationRow.deleted_at.is_(None))
"""An assessment out of the trash: neither it nor its organisation is deleted (section 4)."""


def _summary_query(live: bool = True) -> Any:
    query = (
        select(*_SUMMARY_COLUMNS)
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .join(SnapshotRow, AssessmentRow.snapshot_id == SnapshotRow.id)
    )
    return query.where(LIVE_ASSESSMENT) if live else query


_summary = summary_of


def assessments(
    session: Session, organisation_id: str | None = None, trashed: bool = False
) -> list[AssessmentSummary]:
    """Live assessments; with ``trashed`` those in the trash (or whose organisation is)."""
    query = _summary_query(live=not trashed)
    if trashed:
        query = query.where(~LIVE_ASSESSMENT)
    if organisation_id is not None:
        query = query.where(AssessmentRow.organisation_id == organisation_id)
    found = [_summary(row) for row in session.execute(query)]
    return sorted(found, key=lambda a: (*_name_order(a.organisation), a.created_at, a.id))


def assessment(session: Session, assessment_id: str, live: bool = True) -> AssessmentSummary | None:
    """One assessment's summary; with ``live=False`` also one in the trash."""
    query = _summary_query(live).where(AssessmentRow.id == assessment_id)
    row = session.execute(query).first()
    return _summary(row) if row else None


def find_assessment_ids(session: Session, prefix: str) -> list[str]:
    query = (
        select(AssessmentRow.id)
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .where(func.lower(AssessmentRow.id).startswith(prefix.lower(), autoescape=True))
        .where(LIVE_ASSESSMENT)
        .limit(2)
    )
    return list(session.scalars(query))


def stale_assessments(session: Session) -> list[tuple[str, str]]:
    """(assessment id, snapshot sha256) of assessments whose score cache is empty, or (SQLite
    only, whose columns take any value) holds something that is not a number: the cache is
    then computed again from the answers instead of reaching a view (``quick_read.STALE``)."""
    stale = AssessmentRow.score.is_(None) | AssessmentRow.domain_scores.is_(None)
    if session.get_bind().dialect.name == "sqlite":
        stale = stale | text(STALE_SQLITE)
    query = (
        select(AssessmentRow.id, SnapshotRow.sha256)
        .join(SnapshotRow, AssessmentRow.snapshot_id == SnapshotRow.id)
        .where(stale)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def update_assessment(session: Session, assessment_id: str, **values: Any) -> None:
    """One UPDATE statement; KeyError when there is no such assessment."""
    result = session.execute(
        update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(**values)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise KeyError(assessment_id)


def store_score(
    session: Session,
    assessment_id: str,
    score: float,
    level: int,
    completeness: float,
    complete: bool,
    updated_at: datetime | None = None,
    domain_scores: dict[str, float | None] | None = None,
) -> None:
    """Refresh the score cache (and the last-change time, when given) in one statement.

    ``domain_scores`` ({domain id: full-precision score or None}) feeds the portfolio.

    Status: an incomplete assessment is a draft; one that just became complete is completed;
    a complete one keeps the status it has, so a user who reopened it as a draft keeps that.
    """
    if complete:
        status: Any = case(
            (
                or_(AssessmentRow.completeness.is_(None), AssessmentRow.completeness < 1),
                Status.COMPLETED.value,
            ),
            else_=AssessmentRow.status,
        )
    else:
        status = Status.DRAFT.value
    values: dict[str, Any] = {
        "score": score,
        "level": level,
        "completeness": completeness,
        "status": status,
        "domain_scores": None if domain_scores is None else json.dumps(domain_scores),
    }
    if updated_at is not None:
        values["updated_at"] = updated_at.replace(tzinfo=None)
    update_assessment(session, assessment_id, **values)


def snapshot_of(session: Session, assessment_id: str) -> str | None:
    """The sha256 of the questionnaire snapshot an assessment is answered against."""
    query = (
        select(SnapshotRow.sha256)
        .join(AssessmentRow, AssessmentRow.snapshot_id == SnapshotRow.id)
        .where(AssessmentRow.id == assessment_id)
    )
    return session.scalar(query)


def organisation_exists(session: Session, organisation_id: str) -> bool:
    """Whether a live (not trashed) organisation has this exact id."""
    query = select(OrganisationRow.id).where(
        OrganisationRow.id == organisation_id, OrganisationRow.deleted_at.is_(None)
    )
    return session.scalar(query) is not None


def assessment_exists(session: Session, assessment_id: str) -> bool:
    """Whether a live (not trashed, nor its organisation) assessment has this exact id."""
    query = (
        select(AssessmentRow.id)
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .where(AssessmentRow.id == assessment_id, LIVE_ASSESSMENT)
    )
    return session.scalar(query) is not None


# Answers and history -------------------------------------------------------------------


def _detail(row: AnswerRow | None) -> AnswerDetail:
    if row is None:
        return AnswerDetail()
    return _detail_of(
        row.option_id,
        row.na_justification,
        row.text,
        row.comment,
        row.flagged,
        row.evidence_kind,
        row.evidence_reference,
        row.evidence_date,
    )


_detail_of = detail_of


def answers(session: Session, assessment_id: str) -> dict[str, AnswerDetail]:
    query = select(
        AnswerRow.question_id,
        AnswerRow.option_id,
        AnswerRow.na_justification,
        AnswerRow.text,
        AnswerRow.comment,
        AnswerRow.flagged,
        AnswerRow.evidence_kind,
        AnswerRow.evidence_reference,
        AnswerRow.evidence_date,
    ).where(AnswerRow.assessment_id == assessment_id)
    return {row[0]: _detail_of(*row[1:]) for row in session.execute(query)}


def save_answer(
    session: Session,
    assessment_id: str,
    question_id: str,
    detail: AnswerDetail,
    action: str = "edit",
    target_id: int | None = None,
) -> Change | None:
    """Write one question's new state and its history entry; None when nothing changed.

    The caller refreshes the assessment's score cache and last-change time (``store_score``
    with ``change.at``) in the same transaction.
    """
    row = session.scalar(
        select(AnswerRow).where(
            AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id
        )
    )
    before = _detail(row)
    if before == detail and action == "edit":
        return None
    now = utcnow()
    if row is None:
        row = AnswerRow(assessment_id=assessment_id, question_id=question_id)
        session.add(row)
    answer = detail.answer
    row.option_id = answer.option_id if isinstance(answer, ChoiceAnswer) else None
    row.na_justification = answer.justification if isinstance(answer, NotApplicable) else None
    row.text = answer.text if isinstance(answer, TextAnswer) else None
    row.comment = detail.comment
    row.flagged = detail.flagged
    row.to_review = action == "carry"  # carried by an upgrade; any later change reviews it
    evidence = detail.evidence
    row.evidence_kind = evidence.kind.value if evidence else None
    row.evidence_reference = evidence.reference if evidence else None
    row.evidence_date = evidence.date if evidence else None
    row.updated_at = now
    entry = HistoryRow(
        assessment_id=assessment_id,
        question_id=question_id,
        action=action,
        target_id=target_id,
        before=detail_to_json(before),
        after=detail_to_json(detail),
        at=now,
    )
    session.add(entry)
    session.flush()
    return Change(entry.id, question_id, before, detail, _aware(now))


def history_entries(session: Session, assessment_id: str) -> list[Entry]:
    query = (
        select(HistoryRow.id, HistoryRow.action, HistoryRow.target_id)
        .where(HistoryRow.assessment_id == assessment_id)
        .order_by(HistoryRow.id)
    )
    return [Entry(row[0], row[1], row[2]) for row in session.execute(query)]


def change(session: Session, entry_id: int) -> Change | None:
    row = session.get(HistoryRow, entry_id)
    if row is None:
        return None
    return Change(
        row.id,
        row.question_id,
        detail_from_json(row.before),
        detail_from_json(row.after),
        _aware(row.at),
    )


def history(session: Session, assessment_id: str, question_id: str | None = None) -> list[Change]:
    query = select(HistoryRow).where(HistoryRow.assessment_id == assessment_id)
    if question_id is not None:
        query = query.where(HistoryRow.question_id == question_id)
    return [
        Change(
            r.id, r.question_id, detail_from_json(r.before), detail_from_json(r.after), _aware(r.at)
        )
        for r in session.scalars(query.order_by(HistoryRow.id))
    ]
