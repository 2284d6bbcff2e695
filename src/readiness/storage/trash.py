"""Trash, restore, permanent removal, demo marks and edits of organisations and assessments.

DESIGN section 4: deleting moves a row to the trash (``deleted_at`` set); an organisation's
assessments are hidden with it (they are live only while both are out of the trash) and come
back with it; only :func:`empty` and :func:`remove_demo` delete rows. Portable SQL only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from readiness.domain.trash import Removed, TrashItem, TrashKind
from readiness.storage.models import (
    AnswerRow,
    AssessmentRow,
    HistoryRow,
    OrganisationRow,
    PartnershipRow,
    SnapshotRow,
    utcnow,
)


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# Moving to and from the trash ---------------------------------------------------------------


def trash_organisation(session: Session, organisation_id: str) -> datetime:
    """Put a live organisation (and so its assessments) in the trash; returns when."""
    now = utcnow()
    session.execute(
        update(OrganisationRow).where(OrganisationRow.id == organisation_id).values(deleted_at=now)
    )
    return _aware(now)


def trash_assessment(session: Session, assessment_id: str) -> datetime:
    now = utcnow()
    session.execute(
        update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(deleted_at=now)
    )
    return _aware(now)


def restore_organisation(session: Session, organisation_id: str) -> None:
    """Bring an organisation back; its assessments trashed with it come back too (not those
    deleted on their own before it, which stay in the trash)."""
    session.execute(
        update(OrganisationRow).where(OrganisationRow.id == organisation_id).values(deleted_at=None)
    )


def restore_assessment(session: Session, assessment_id: str) -> None:
    session.execute(
        update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(deleted_at=None)
    )


def organisation_deleted(session: Session, organisation_id: str) -> bool | None:
    """True when in the trash, False when live, None when there is no such organisation."""
    row = session.execute(
        select(OrganisationRow.deleted_at).where(OrganisationRow.id == organisation_id)
    ).first()
    return None if row is None else row[0] is not None


def assessment_place(session: Session, assessment_id: str) -> tuple[str, bool, bool] | None:
    """(organisation id, assessment trashed, organisation trashed); None when unknown."""
    row = session.execute(
        select(AssessmentRow.organisation_id, AssessmentRow.deleted_at, OrganisationRow.deleted_at)
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .where(AssessmentRow.id == assessment_id)
    ).first()
    return None if row is None else (row[0], row[1] is not None, row[2] is not None)


def find_ids(session: Session, kind: TrashKind, prefix: str) -> list[str]:
    """Up to two ids of any state (live or trashed) that start with ``prefix``."""
    column = OrganisationRow.id if kind is TrashKind.ORGANISATION else AssessmentRow.id
    query = (
        select(column)
        .where(func.lower(column).startswith(prefix.lower(), autoescape=True))
        .limit(2)
    )
    return list(session.scalars(query))


def trashed(session: Session, prefix: str, assessment: bool) -> bool:
    """Whether exactly one id starting with ``prefix`` exists and is in the trash."""
    kind = TrashKind.ASSESSMENT if assessment else TrashKind.ORGANISATION
    ids = find_ids(session, kind, prefix)
    if len(ids) != 1:
        return False
    if assessment:
        place = assessment_place(session, ids[0])
        return place is not None and (place[1] or place[2])
    return bool(organisation_deleted(session, ids[0]))


# Listing ------------------------------------------------------------------------------------


def _answer_counts(session: Session, assessment_ids: list[str]) -> dict[str, int]:
    if not assessment_ids:
        return {}
    rows = session.execute(
        select(AnswerRow.assessment_id, func.count())
        .where(AnswerRow.assessment_id.in_(assessment_ids))
        .group_by(AnswerRow.assessment_id)
    )
    return {row[0]: row[1] for row in rows}


def items(session: Session) -> list[TrashItem]:
    """Everything in the trash, most recently deleted first.

    An organisation lists once, counting the assessments that come back with it; an assessment
    deleted on its own lists on its own (also when its organisation was deleted later).
    """
    organisations = session.execute(
        select(OrganisationRow.id, OrganisationRow.name, OrganisationRow.deleted_at).where(
            OrganisationRow.deleted_at.is_not(None)
        )
    ).all()
    assessments = session.execute(
        select(
            AssessmentRow.id,
            AssessmentRow.title,
            AssessmentRow.organisation_id,
            OrganisationRow.name,
            AssessmentRow.deleted_at,
            OrganisationRow.deleted_at,
        )
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .where(or_(AssessmentRow.deleted_at.is_not(None), OrganisationRow.deleted_at.is_not(None)))
    ).all()
    counts = _answer_counts(session, [row[0] for row in assessments])
    result: list[TrashItem] = []
    for org_id, name, deleted_at in organisations:
        with_it = [row[0] for row in assessments if row[2] == org_id and row[4] is None]
        result.append(
            TrashItem(
                TrashKind.ORGANISATION,
                org_id,
                name,
                name,
                _aware(deleted_at),
                len(with_it),
                sum(counts.get(a, 0) for a in with_it),
            )
        )
    for a_id, title, _org_id, org_name, deleted_at, _org_deleted in assessments:
        if deleted_at is None:
            continue  # listed through its organisation
        result.append(
            TrashItem(
                TrashKind.ASSESSMENT,
                a_id,
                title,
                org_name,
                _aware(deleted_at),
                1,
                counts.get(a_id, 0),
            )
        )
    result.sort(key=lambda item: item.deleted_at, reverse=True)
    return result


# Removing rows for good -------------------------------------------------------------------


def _delete_assessments(session: Session, ids: list[str]) -> tuple[int, int]:
    """Delete assessments with their answers and history; (assessments, answers) removed."""
    if not ids:
        return 0, 0
    answers = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(HistoryRow).where(HistoryRow.assessment_id.in_(chunk)))
        answers += _rowcount(
            session.execute(delete(AnswerRow).where(AnswerRow.assessment_id.in_(chunk)))
        )
        session.execute(delete(AssessmentRow).where(AssessmentRow.id.in_(chunk)))
    return len(ids), answers


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def empty(session: Session) -> Removed:
    """Delete every row in the trash for good: trashed assessments, trashed organisations and
    every assessment, answer and history entry that belongs to them."""
    ids = list(
        session.scalars(
            select(AssessmentRow.id)
            .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
            .where(
                or_(AssessmentRow.deleted_at.is_not(None), OrganisationRow.deleted_at.is_not(None))
            )
        )
    )
    assessments, answers = _delete_assessments(session, ids)
    gone = list(
        session.scalars(select(OrganisationRow.id).where(OrganisationRow.deleted_at.is_not(None)))
    )
    _delete_organisations(session, gone)
    return Removed(len(gone), assessments, answers)


def _delete_organisations(session: Session, ids: list[str]) -> None:
    """Delete organisations and the partnerships that name them (their assessments are gone)."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(
            delete(PartnershipRow).where(
                or_(PartnershipRow.company_id.in_(chunk), PartnershipRow.unit_id.in_(chunk))
            )
        )
        session.execute(delete(OrganisationRow).where(OrganisationRow.id.in_(chunk)))


def pending(session: Session) -> Removed:
    """What :func:`empty` would remove, without removing it."""
    ids = list(
        session.scalars(
            select(AssessmentRow.id)
            .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
            .where(
                or_(AssessmentRow.deleted_at.is_not(None), OrganisationRow.deleted_at.is_not(None))
            )
        )
    )
    organisations = session.scalar(
        select(func.count())
        .select_from(OrganisationRow)
        .where(OrganisationRow.deleted_at.is_not(None))
    )
    return Removed(int(organisations or 0), len(ids), sum(_answer_counts(session, ids).values()))


# Demo data --------------------------------------------------------------------------------


def mark_demo(session: Session, organisation_id: str | None, assessment_id: str | None) -> None:
    if organisation_id is not None:
        session.execute(
            update(OrganisationRow).where(OrganisationRow.id == organisation_id).values(demo=True)
        )
    if assessment_id is not None:
        session.execute(
            update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(demo=True)
        )


def demo_organisations(session: Session) -> dict[str, str]:
    """Live demo organisations: name -> id."""
    rows = session.execute(
        select(OrganisationRow.name, OrganisationRow.id).where(
            OrganisationRow.demo.is_(True), OrganisationRow.deleted_at.is_(None)
        )
    )
    return {row[0]: row[1] for row in rows}


def demo_assessments(session: Session) -> set[tuple[str, str]]:
    """(organisation id, title) of live demo assessments."""
    rows = session.execute(
        select(AssessmentRow.organisation_id, AssessmentRow.title).where(
            AssessmentRow.demo.is_(True), AssessmentRow.deleted_at.is_(None)
        )
    )
    return {(row[0], row[1]) for row in rows}


def remove_demo(session: Session) -> tuple[Removed, int]:
    """Delete every demo assessment (in the trash or not) and every demo organisation left with
    no assessment a user made. Returns what was removed and how many demo organisations were
    kept because they hold a user's assessment."""
    ids = list(session.scalars(select(AssessmentRow.id).where(AssessmentRow.demo.is_(True))))
    assessments, answers = _delete_assessments(session, ids)
    demo_orgs = list(session.scalars(select(OrganisationRow.id).where(OrganisationRow.demo)))
    kept = set(
        session.scalars(
            select(AssessmentRow.organisation_id).where(
                AssessmentRow.organisation_id.in_(demo_orgs)
            )
        )
    )
    gone = [org for org in demo_orgs if org not in kept]
    _delete_organisations(session, gone)
    return Removed(len(gone), assessments, answers), len(kept)


# Edits ------------------------------------------------------------------------------------


def update_organisation(session: Session, organisation_id: str, **values: Any) -> None:
    session.execute(
        update(OrganisationRow).where(OrganisationRow.id == organisation_id).values(**values)
    )


def snapshot_hashes(session: Session, organisation_id: str) -> set[str]:
    """The questionnaire snapshots (sha256) of an organisation's assessments, in any state."""
    return set(
        session.scalars(
            select(SnapshotRow.sha256)
            .join(AssessmentRow, AssessmentRow.snapshot_id == SnapshotRow.id)
            .where(AssessmentRow.organisation_id == organisation_id)
        )
    )
