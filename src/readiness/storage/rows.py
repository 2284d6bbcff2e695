"""Stored rows to domain records: one mapping for the ORM queries and the ``sqlite3`` reader.

No SQLAlchemy here, so that ``quick_read.py`` (the command line's read path) and
``repository.py`` turn the same columns into the same records.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.evidence import detail_to_dict, evidence_from_dict, stored_evidence
from readiness.domain.records import AssessmentSummary, Organisation, OrganisationKind, Status


def aware(moment: datetime | str) -> datetime:
    """A stored timestamp as an aware UTC datetime: a datetime from the driver (a naive one
    is UTC already, DESIGN section 4) or SQLite's text form ``2026-11-29 16:05:17.123456``."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def name_order(name: str) -> tuple[str, str]:
    """Sort key for names: the same order on every database, whatever its collation."""
    return (name.casefold(), name)


def organisation_of(row: Any) -> Organisation:
    """An Organisation from (id, name, kind, sector, country, demo)."""
    return Organisation(row[0], row[1], OrganisationKind(row[2]), row[3], row[4], bool(row[5]))


def summary_of(row: Any) -> AssessmentSummary:
    """An AssessmentSummary from a row of 16 columns: assessment id, organisation id and name,
    questionnaire id and version, title, status, marking, assessor, created, updated, snapshot
    sha256, completeness, score, level and demo (``repository._SUMMARY_COLUMNS``)."""
    return AssessmentSummary(
        id=row[0],
        organisation_id=row[1],
        organisation=row[2],
        questionnaire_id=row[3],
        questionnaire_version=row[4],
        title=row[5],
        status=Status(row[6]),
        marking=row[7],
        assessor=row[8],
        created_at=aware(row[9]),
        updated_at=aware(row[10]),
        snapshot_sha256=row[11],
        completeness=row[12] if row[12] is not None else 0.0,
        score=row[13] if row[13] is not None else 0.0,
        level=row[14] if row[14] is not None else 0,
        demo=bool(row[15]),
    )


def detail_of(
    option_id: str | None,
    na_justification: str | None,
    text: str | None,
    comment: str | None,
    flagged: bool | None,
    evidence_kind: str | None = None,
    evidence_reference: str | None = None,
    evidence_date: date | str | None = None,
) -> AnswerDetail:
    """An AnswerDetail from the stored columns of one answer row (N/A wins over an option,
    an option over text, as they are written)."""
    answer: ChoiceAnswer | NotApplicable | TextAnswer | None = None
    if na_justification is not None:
        answer = NotApplicable(na_justification)
    elif option_id is not None:
        answer = ChoiceAnswer(option_id)
    elif text is not None:
        answer = TextAnswer(text)
    if isinstance(evidence_date, str):
        evidence_date = date.fromisoformat(evidence_date)
    evidence = stored_evidence(evidence_kind, evidence_reference, evidence_date)
    return AnswerDetail(answer, comment or "", bool(flagged), evidence)


def detail_to_json(detail: AnswerDetail) -> str:
    """One answer's state as the history stores it (``detail_to_dict``, sorted keys)."""
    return json.dumps(detail_to_dict(detail), ensure_ascii=False, sort_keys=True)


def detail_from_json(raw: str) -> AnswerDetail:
    """The answer state ``detail_to_json`` wrote."""
    value = json.loads(raw)
    answer: ChoiceAnswer | NotApplicable | TextAnswer | None = None
    if "option" in value:
        answer = ChoiceAnswer(value["option"])
    elif "na" in value:
        answer = NotApplicable(value["na"])
    elif "text" in value:
        answer = TextAnswer(value["text"])
    evidence = evidence_from_dict(value["evidence"]) if "evidence" in value else None
    return AnswerDetail(
        answer, value.get("comment", ""), bool(value.get("flagged", False)), evidence
    )
