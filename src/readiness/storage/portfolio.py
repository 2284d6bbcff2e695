"""Queries behind the portfolio, trends and partnerships (DESIGN section 9).

The portfolio reads every assessment's cached figures (score, level, completeness and the
per-domain scores cached at the last change) in one query joined to its organisation and
snapshot: nothing is rescored here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from readiness.domain.portfolio import ScoredAssessment
from readiness.storage.models import (
    AssessmentRow,
    OrganisationRow,
    PartnershipRow,
    SnapshotRow,
    utcnow,
)
from readiness.storage.repository import LIVE_ASSESSMENT, new_id


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


_COLUMNS = (
    AssessmentRow.id,
    AssessmentRow.organisation_id,
    OrganisationRow.name,
    OrganisationRow.kind,
    OrganisationRow.sector,
    OrganisationRow.country,
    SnapshotRow.questionnaire_id,
    SnapshotRow.version,
    AssessmentRow.title,
    AssessmentRow.status,
    AssessmentRow.completeness,
    AssessmentRow.score,
    AssessmentRow.level,
    AssessmentRow.created_at,
    AssessmentRow.updated_at,
    AssessmentRow.domain_scores,
    SnapshotRow.sha256,
)


def scored_assessments(
    session: Session,
    questionnaire_id: str | None = None,
    organisation_id: str | None = None,
    latest_only: bool = False,
) -> list[ScoredAssessment]:
    """Every assessment (optionally of one questionnaire id or organisation), cached figures.

    ``latest_only`` keeps one per organisation and questionnaire id, chosen in the query by
    the rule of ``domain.portfolio.latest`` (completed first, then the latest change, creation
    and id), so a portfolio of 10,000 assessments reads and decodes only its rows.
    """
    columns: list[Any] = list(_COLUMNS)
    if latest_only:
        rank = (
            func.row_number()
            .over(
                partition_by=(AssessmentRow.organisation_id, SnapshotRow.questionnaire_id),
                order_by=(
                    case((AssessmentRow.status == "completed", 0), else_=1),
                    AssessmentRow.updated_at.desc(),
                    AssessmentRow.created_at.desc(),
                    AssessmentRow.id.desc(),
                ),
            )
            .label("rank")
        )
        columns.append(rank)
    query: Any = (
        select(*columns)
        .join(OrganisationRow, AssessmentRow.organisation_id == OrganisationRow.id)
        .join(SnapshotRow, AssessmentRow.snapshot_id == SnapshotRow.id)
    )
    query = query.where(LIVE_ASSESSMENT)  # nothing in the trash (issue 9)
    if questionnaire_id is not None:
        query = query.where(SnapshotRow.questionnaire_id == questionnaire_id)
    if organisation_id is not None:
        query = query.where(AssessmentRow.organisation_id == organisation_id)
    if latest_only:
        ranked = query.subquery()
        query = select(*[c for c in ranked.c if c.name != "rank"]).where(ranked.c.rank == 1)
    loads = json.loads
    return [
        ScoredAssessment(
            assessment_id=row[0],
            organisation_id=row[1],
            organisation=row[2],
            kind=row[3],
            sector=row[4],
            country=row[5],
            questionnaire=row[6],
            version=row[7],
            title=row[8],
            status=row[9],
            completeness=row[10] or 0.0,
            score=row[11] or 0.0,
            level=row[12] or 0,
            created=_aware(row[13]),
            updated=_aware(row[14]),
            domains=loads(row[15]) if row[15] is not None else {},
            stale=row[15] is None,
            snapshot=row[16],
        )
        for row in session.execute(query)
    ]


# Partnerships ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartnershipRecord:
    id: str
    company_id: str
    company: str
    unit_id: str
    unit: str
    note: str


def _partnership_query() -> Any:
    company = aliased(OrganisationRow)
    unit = aliased(OrganisationRow)
    return (
        select(
            PartnershipRow.id,
            PartnershipRow.company_id,
            company.name,
            PartnershipRow.unit_id,
            unit.name,
            PartnershipRow.note,
        )
        .join(company, PartnershipRow.company_id == company.id)
        .join(unit, PartnershipRow.unit_id == unit.id)
        .where(company.deleted_at.is_(None), unit.deleted_at.is_(None))
    )


def add_partnership(session: Session, company_id: str, unit_id: str, note: str) -> str:
    row = PartnershipRow(
        id=new_id(), company_id=company_id, unit_id=unit_id, note=note, created_at=utcnow()
    )
    session.add(row)
    session.flush()
    return row.id


def partnership_between(session: Session, company_id: str, unit_id: str) -> str | None:
    query = select(PartnershipRow.id).where(
        PartnershipRow.company_id == company_id, PartnershipRow.unit_id == unit_id
    )
    return session.scalar(query)


def partnerships(session: Session) -> list[PartnershipRecord]:
    """By company, then unit name: sorted here, the same whatever the server's collation."""
    found = [PartnershipRecord(*row) for row in session.execute(_partnership_query())]
    return sorted(
        found, key=lambda p: (p.company.casefold(), p.company, p.unit.casefold(), p.unit, p.id)
    )


def partnership(session: Session, partnership_id: str) -> PartnershipRecord | None:
    row = session.execute(_partnership_query().where(PartnershipRow.id == partnership_id)).first()
    return PartnershipRecord(*row) if row else None


def partnership_exists(session: Session, partnership_id: str) -> bool:
    query = select(PartnershipRow.id).where(PartnershipRow.id == partnership_id)
    return session.scalar(query) is not None


def find_partnership_ids(session: Session, prefix: str) -> list[str]:
    query = (
        select(PartnershipRow.id)
        .where(func.lower(PartnershipRow.id).startswith(prefix.lower(), autoescape=True))
        .limit(2)
    )
    return list(session.scalars(query))


def set_partnership_note(session: Session, partnership_id: str, note: str) -> None:
    row = session.get(PartnershipRow, partnership_id)
    if row is None:
        raise KeyError(partnership_id)
    row.note = note
