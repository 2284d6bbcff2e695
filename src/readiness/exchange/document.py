"""``assessment.json``: an organisation, an assessment and its answers (DESIGN section 8).

Answers are in the answers-file form of DESIGN section 3: an option id, ``{"na": why}`` or free
text, and the long form (``option``/``na``/``text`` with ``comment``, ``flagged``,
``evidence``) where there is more than the answer. Share mode leaves out comments, N/A
justifications, free-text answers, evidence references and the assessor, names the organisation
by its kind, sector and country, cuts dates to the month, and replaces the title (free text
that often holds a name or a date) by a neutral one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from readiness.domain.answers import (
    AnswerDetail,
    ChoiceAnswer,
    Evidence,
    EvidenceKind,
    NotApplicable,
    TextAnswer,
    answer_problem,
)
from readiness.domain.evidence import evidence_to_dict, make_evidence
from readiness.domain.model import Questionnaire
from readiness.domain.records import Organisation, OrganisationKind
from readiness.exchange.errors import PackageError
from readiness.exchange.keys import Card, card_from_json
from readiness.exchange.package import encodable
from readiness.i18n import _

_LIMITS = {"name": 200, "sector": 100, "country": 64, "title": 300, "assessor": 200}


@dataclass(frozen=True)
class AssessmentInfo:
    id: str
    title: str
    status: str
    assessor: str
    created: datetime
    updated: datetime
    revision: int


@dataclass(frozen=True)
class PackageContent:
    """What ``assessment.json`` holds, checked against its questionnaire."""

    organisation: Organisation
    assessment: AssessmentInfo
    details: dict[str, AnswerDetail]
    inviter: Card | None = None


def month(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m")


def stamp(moment: datetime, share: bool) -> str:
    """An ISO 8601 UTC time, or only its month in share mode."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return month(moment) if share else moment.astimezone(UTC).replace(microsecond=0).isoformat()


def build_document(
    organisation: Organisation,
    assessment: AssessmentInfo,
    details: dict[str, AnswerDetail],
    share: bool,
    inviter: Card | None = None,
) -> bytes:
    """The bytes of ``assessment.json`` (UTF-8 JSON, keys in a fixed order)."""
    if share:
        parts = [organisation.kind.value, organisation.sector, organisation.country]
        name = ", ".join(part for part in parts if part)
    else:
        name = organisation.name
    document: dict[str, Any] = {
        "organisation": {
            "id": organisation.id,
            "name": name,
            "kind": organisation.kind.value,
            "sector": organisation.sector,
            "country": organisation.country,
        },
        "assessment": {
            "id": assessment.id,
            "title": _shared_title(assessment) if share else assessment.title,
            "status": assessment.status,
            "assessor": "" if share else assessment.assessor,
            "created": stamp(assessment.created, share),
            "updated": stamp(assessment.updated, share),
            "revision": assessment.revision,
        },
        "answers": {},
    }
    for question_id, detail in sorted(details.items()):
        value = _answer_value(detail, share)
        if value is not None:
            document["answers"][question_id] = value
    if inviter is not None:
        document["inviter"] = inviter.to_json()
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _shared_title(assessment: AssessmentInfo) -> str:
    """A title free text could not fill with names or dates (share mode)."""
    return _("Shared assessment, {month}").format(month=stamp(assessment.updated, True))


def _answer_value(detail: AnswerDetail, share: bool) -> Any:
    answer = detail.answer
    long: dict[str, Any] = {}
    if isinstance(answer, ChoiceAnswer):
        long["option"] = answer.option_id
    elif isinstance(answer, NotApplicable):
        long["na"] = "" if share else answer.justification
    elif isinstance(answer, TextAnswer) and not share:
        long["text"] = answer.text
    if detail.comment and not share:
        long["comment"] = detail.comment
    if detail.flagged:
        long["flagged"] = True
    if detail.evidence is not None:
        long["evidence"] = _evidence_value(detail.evidence, share)
    if not long:
        return None
    if set(long) == {"option"}:
        return long["option"]
    if set(long) == {"na"}:
        return {"na": long["na"]}
    if set(long) == {"text"}:
        return long["text"]
    return long


def _evidence_value(evidence: Evidence, share: bool) -> dict[str, Any]:
    """``{kind, reference, date}``; share mode leaves out the reference and keeps the month."""
    if share:
        return {"kind": evidence.kind.value, "date": evidence.date.strftime("%Y-%m")}
    return evidence_to_dict(evidence)


def _text(value: Any, where: str, limit: int | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PackageError(_("assessment.json: '{where}' must be text").format(where=where))
    return value.strip()[:limit] if limit else value


def _when(value: Any, where: str) -> datetime:
    text = _text(value, where)
    try:
        if len(text) == 7:  # share mode: a month
            return datetime.strptime(text, "%Y-%m").replace(tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PackageError(
            _("assessment.json: '{where}' is not a date").format(where=where)
        ) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_document(
    data: bytes, questionnaire: Questionnaire, share: bool, kind: str
) -> PackageContent:
    """Read ``assessment.json`` and check every answer against the questionnaire."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(_("assessment.json is not valid JSON")) from exc
    if not isinstance(value, dict):
        raise PackageError(_("assessment.json is not a JSON object"))
    if not encodable(value):
        raise PackageError(_("assessment.json holds text that is not valid Unicode"))
    org, info, answers = value.get("organisation"), value.get("assessment"), value.get("answers")
    if not isinstance(org, dict) or not isinstance(info, dict) or not isinstance(answers, dict):
        raise PackageError(
            _("assessment.json lacks its 'organisation', 'assessment' or 'answers' part")
        )
    try:
        org_kind = OrganisationKind(org.get("kind"))
    except ValueError as exc:
        raise PackageError(_("assessment.json names an unknown kind of organisation")) from exc
    organisation = Organisation(
        _text(org.get("id"), "organisation.id", 36),
        _text(org.get("name"), "organisation.name", _LIMITS["name"]) or org_kind.value,
        org_kind,
        _text(org.get("sector"), "organisation.sector", _LIMITS["sector"]),
        _text(org.get("country"), "organisation.country", _LIMITS["country"]),
    )
    revision = info.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 0:
        raise PackageError(_("assessment.json: 'assessment.revision' must be a whole number"))
    assessment = AssessmentInfo(
        _text(info.get("id"), "assessment.id", 36),
        _text(info.get("title"), "assessment.title", _LIMITS["title"]),
        _text(info.get("status"), "assessment.status", 20),
        _text(info.get("assessor"), "assessment.assessor", _LIMITS["assessor"]),
        _when(info.get("created"), "assessment.created"),
        _when(info.get("updated"), "assessment.updated"),
        revision,
    )
    details = {
        str(qid): _detail(questionnaire, str(qid), raw, share) for qid, raw in answers.items()
    }
    inviter = card_from_json(value.get("inviter")) if kind == "invitation" else None
    return PackageContent(organisation, assessment, details, inviter)


def _detail(questionnaire: Questionnaire, question_id: str, raw: Any, share: bool) -> AnswerDetail:
    question = questionnaire.question(question_id)
    if question is None:
        raise PackageError(
            _("assessment.json answers unknown question '{question}'").format(
                question=question_id[:80]
            )
        )
    long = raw if isinstance(raw, dict) else None
    if long is None:
        long = {"option" if question.is_choice else "text": raw}
    comment = _text(long.get("comment"), f"answers.{question_id}.comment")
    flagged = long.get("flagged", False)
    if not isinstance(flagged, bool):
        raise PackageError(_("assessment.json: a 'flagged' value is not true or false"))
    answer: ChoiceAnswer | NotApplicable | TextAnswer | None = None
    if "na" in long:
        answer = NotApplicable(_text(long["na"], f"answers.{question_id}.na"))
    elif "option" in long:
        option = long["option"]
        if isinstance(option, int | float) and not isinstance(option, bool):
            option = str(int(option)) if float(option).is_integer() else str(option)
        answer = ChoiceAnswer(_text(option, f"answers.{question_id}"))
    elif "text" in long:
        answer = TextAnswer(_text(long["text"], f"answers.{question_id}"))
    if answer is not None:
        problem = answer_problem(questionnaire, question_id, answer)
        share_na = share and isinstance(answer, NotApplicable) and not answer.justification
        if problem and not (share_na and question.allow_na):
            raise PackageError(_("assessment.json: {problem}").format(problem=problem))
    evidence = _parse_evidence(long.get("evidence"), question_id) if "evidence" in long else None
    return AnswerDetail(answer, comment, flagged, evidence)


def _parse_evidence(value: Any, question_id: str) -> Evidence | None:
    """Evidence of the long form; in share mode it has no reference and a month for a date."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PackageError(
            _("assessment.json: the evidence of '{question}' is not a mapping").format(
                question=question_id[:80]
            )
        )
    day = value.get("date")
    if isinstance(day, str) and len(day) == 7:
        day += "-01"  # share mode keeps the month only
    try:
        if value.get("reference"):
            return make_evidence(str(value.get("kind", "")), str(value["reference"]), str(day))
        kind = EvidenceKind(str(value.get("kind", "")))
        return Evidence(kind, "", date.fromisoformat(str(day)))
    except ValueError as exc:
        raise PackageError(
            _("assessment.json: the evidence of '{question}': {problem}").format(
                question=question_id[:80], problem=exc
            )
        ) from exc
