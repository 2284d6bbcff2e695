"""Partnerships and the company-versus-unit comparison by mirror topic (DESIGN section 9)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness.domain.answers import Answer
from readiness.domain.model import localize
from readiness.domain.partnership import COMPANY, UNIT, Comparison, ComparisonError, compare
from readiness.domain.portfolio import latest
from readiness.domain.records import OrganisationKind
from readiness.domain.scoring import shown
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import AssessmentState, Workspace
from readiness.storage import portfolio as store
from readiness.storage.portfolio import PartnershipRecord

NOTE_LIMIT = 4000


@dataclass(frozen=True)
class PairComparison:
    """Two assessments' states and their comparison; ``company`` is the company side."""

    company: AssessmentState
    unit: AssessmentState
    comparison: Comparison


def _answers(state: AssessmentState) -> dict[str, Answer]:
    return {qid: d.answer for qid, d in state.details.items() if d.answer is not None}


def compare_assessments(workspace: Workspace, first_id: str, second_id: str) -> PairComparison:
    """Compare two assessments (ids or unique prefixes) in either order.

    UserError for an unknown id or when they are not one company and one defence-unit
    assessment.
    """
    first = workspace.state(first_id)
    second = workspace.state(second_id)
    try:
        comparison = compare(
            first.questionnaire, _answers(first), second.questionnaire, _answers(second)
        )
    except ComparisonError as exc:
        raise UserError(str(exc)) from exc
    if first.questionnaire.audience != COMPANY:
        first, second = second, first
    return PairComparison(first, second, comparison)


def _gap(value: float | None) -> float | None:
    return None if value is None else shown(value)


def compare_json(pair: PairComparison) -> dict[str, Any]:
    """The ``compare A B --json`` object of DESIGN section 9; every value to one decimal."""

    def side(state: AssessmentState) -> dict[str, Any]:
        return {
            "assessment_id": state.summary.id,
            "organisation": state.summary.organisation,
            "questionnaire": state.questionnaire.id,
            "version": state.questionnaire.version,
        }

    comparison = pair.comparison
    return {
        "company": side(pair.company),
        "unit": side(pair.unit),
        "topics": [
            {
                "topic": t.topic,
                "company": {"questions": list(t.company.questions), "value": _gap(t.company.value)},
                "unit": {"questions": list(t.unit.questions), "value": _gap(t.unit.value)},
                "gap": t.shown_gap,
                "mismatch": t.mismatch,
            }
            for t in comparison.topics
        ],
        "summary": {
            "paired": comparison.paired,
            "compared": comparison.compared,
            "mismatches": comparison.mismatches,
            "mean_abs_gap": _gap(comparison.mean_abs_gap),
        },
    }


# Partnerships ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Partnership:
    """A stored partnership with each side's latest completed (else latest) assessment."""

    record: PartnershipRecord
    company_assessment: str | None
    unit_assessment: str | None
    pair: PairComparison | None


def add_partnership(
    workspace: Workspace, company_id: str, unit_id: str, note: str = ""
) -> PartnershipRecord:
    """Pair a company organisation with a defence unit. UserError for unknown ids, the wrong
    kinds, one organisation twice or a pair that already exists."""
    company = workspace.organisation(company_id)
    unit = workspace.organisation(unit_id)
    if company.id == unit.id:
        raise UserError(_("a partnership needs two different organisations"))
    if company.kind is OrganisationKind.DEFENCE_UNIT:
        raise UserError(
            _("{name} is a defence unit: give the company first, then the unit").format(
                name=company.name
            )
        )
    if unit.kind is OrganisationKind.COMPANY:
        raise UserError(
            _("{name} is a company: the second organisation must be a defence unit").format(
                name=unit.name
            )
        )
    with workspace._write() as session:
        if store.partnership_between(session, company.id, unit.id) is not None:
            raise UserError(
                _("{company} and {unit} are already partners").format(
                    company=company.name, unit=unit.name
                )
            )
        new_id = store.add_partnership(session, company.id, unit.id, note.strip()[:NOTE_LIMIT])
        record = store.partnership(session, new_id)
    assert record is not None
    return record


def _latest_for(workspace: Workspace, organisation_id: str, audience: str) -> str | None:
    with workspace._read() as session:
        items = store.scored_assessments(session, organisation_id=organisation_id)
        fitting = [
            a
            for a in items
            if workspace._loaded(session, a.snapshot).questionnaire.audience == audience
        ]
    chosen = latest(fitting)
    return chosen.assessment_id if chosen else None


def partnership_view(workspace: Workspace, record: PartnershipRecord) -> Partnership:
    company = _latest_for(workspace, record.company_id, COMPANY)
    unit = _latest_for(workspace, record.unit_id, UNIT)
    pair = compare_assessments(workspace, company, unit) if company and unit else None
    return Partnership(record, company, unit, pair)


def records(workspace: Workspace) -> list[PartnershipRecord]:
    """Every partnership as stored, by company then unit name."""
    with workspace._read() as session:
        return store.partnerships(session)


def partnerships(workspace: Workspace) -> list[Partnership]:
    """Every partnership, by company then unit name, with its comparison where both sides
    have an assessment."""
    return [partnership_view(workspace, record) for record in records(workspace)]


def partnership(workspace: Workspace, partnership_id: str) -> Partnership:
    with workspace._read() as session:
        full = workspace._resolve(
            session,
            partnership_id,
            store.partnership_exists,
            store.find_partnership_ids,
            _("partnership"),
        )
        record = store.partnership(session, full)
    assert record is not None
    return partnership_view(workspace, record)


def set_note(workspace: Workspace, partnership_id: str, note: str) -> None:
    """Replace a partnership's note (kept literally, up to 4,000 characters)."""
    with workspace._write() as session:
        full = workspace._resolve(
            session,
            partnership_id,
            store.partnership_exists,
            store.find_partnership_ids,
            _("partnership"),
        )
        store.set_partnership_note(session, full, note[:NOTE_LIMIT])


def partnership_list_json(items: list[Partnership]) -> list[dict[str, Any]]:
    """The ``partnership list --json`` array of DESIGN section 9."""
    out = []
    for item in items:
        record = item.record
        comparison = item.pair.comparison if item.pair else None
        out.append(
            {
                "id": record.id,
                "company": {"id": record.company_id, "name": record.company},
                "unit": {"id": record.unit_id, "name": record.unit},
                "note": record.note,
                "company_assessment": item.company_assessment,
                "unit_assessment": item.unit_assessment,
                "mismatches": comparison.mismatches if comparison else None,
                "mean_abs_gap": _gap(comparison.mean_abs_gap) if comparison else None,
            }
        )
    return out


def question_text(state: AssessmentState, question_id: str, language: str | None = None) -> str:
    question = state.questionnaire.question(question_id)
    return localize(question.text, language) if question else question_id
