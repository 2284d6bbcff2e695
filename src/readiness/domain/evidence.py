"""Evidence behind an answer, written and read as text (DESIGN sections 3 and 6).

The command line spells evidence ``KIND:REFERENCE@YYYY-MM-DD`` (e.g.
``exercise:AAR 2026-03 p.4@2026-03-20``); answers files and history entries use a mapping
``{kind, reference, date}``. Every function here raises ValueError with one line saying what is
wrong, never echoing the whole input.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from readiness.domain.answers import (
    AnswerDetail,
    ChoiceAnswer,
    Evidence,
    EvidenceKind,
    NotApplicable,
    TextAnswer,
)
from readiness.i18n import _

EVIDENCE_SYNTAX = "KIND:REFERENCE@YYYY-MM-DD"
MAX_REFERENCE = 500


def kinds() -> str:
    return ", ".join(k.value for k in EvidenceKind)


def make_evidence(kind: str, reference: str, day: date | str) -> Evidence:
    """Evidence from its parts; ValueError naming the part that is wrong."""
    try:
        chosen = EvidenceKind(kind.strip())
    except ValueError:
        raise ValueError(
            _("unknown evidence kind '{kind}' (known: {known})").format(
                kind=kind.strip()[:40], known=kinds()
            )
        ) from None
    reference = reference.strip()
    if not reference:
        raise ValueError(
            _("evidence needs a reference (a document, record or report a reader can find)")
        )
    if len(reference) > MAX_REFERENCE:
        raise ValueError(
            _("the evidence reference is too long (at most {n} characters)").format(n=MAX_REFERENCE)
        )
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day.strip())
        except ValueError:
            raise ValueError(
                _("the evidence date must be a date such as 2026-03-20 (YYYY-MM-DD)")
            ) from None
    return Evidence(chosen, reference, day)


def parse_evidence(text: str) -> Evidence:
    """``KIND:REFERENCE@YYYY-MM-DD``; the reference may hold ':' and '@' (the last '@' ends it)."""
    kind, colon, rest = text.partition(":")
    reference, at, day = rest.rpartition("@")
    if not colon or not at:
        raise ValueError(
            _("evidence must be written {syntax}, e.g. exercise:AAR 2026-03 p.4@2026-03-20").format(
                syntax=EVIDENCE_SYNTAX
            )
        )
    return make_evidence(kind, reference, day)


def format_evidence(evidence: Evidence) -> str:
    return f"{evidence.kind.value}:{evidence.reference}@{evidence.date.isoformat()}"


def evidence_to_dict(evidence: Evidence) -> dict[str, str]:
    return {
        "kind": evidence.kind.value,
        "reference": evidence.reference,
        "date": evidence.date.isoformat(),
    }


def detail_to_dict(detail: AnswerDetail) -> dict[str, Any]:
    """One answer's state in the long form (DESIGN sections 3 and 6): ``option``, ``na`` or
    ``text``, then ``comment``, ``flagged`` and ``evidence``, each only when set. The answers
    file, ``assessment show --json`` and the stored history all write it this way."""
    value: dict[str, Any] = {}
    answer = detail.answer
    if isinstance(answer, ChoiceAnswer):
        value["option"] = answer.option_id
    elif isinstance(answer, NotApplicable):
        value["na"] = answer.justification
    elif isinstance(answer, TextAnswer):
        value["text"] = answer.text
    if detail.comment:
        value["comment"] = detail.comment
    if detail.flagged:
        value["flagged"] = True
    if detail.evidence is not None:
        value["evidence"] = evidence_to_dict(detail.evidence)
    return value


def evidence_from_dict(value: Any) -> Evidence:
    """From ``{kind, reference, date}`` (date as text or a date)."""
    if not isinstance(value, dict):
        raise ValueError(_("evidence must be a mapping {kind, reference, date}"))
    unknown = sorted(str(k) for k in value if k not in ("kind", "reference", "date"))
    if unknown:
        raise ValueError(
            _("unknown evidence key '{key}' (known: kind, reference, date)").format(key=unknown[0])
        )
    missing = [k for k in ("kind", "reference", "date") if value.get(k) in (None, "")]
    if missing:
        raise ValueError(_("evidence needs '{key}'").format(key=missing[0]))
    day = value["date"]
    return make_evidence(
        str(value["kind"]), str(value["reference"]), day if isinstance(day, date) else str(day)
    )


def stored_evidence(kind: str | None, reference: str | None, day: date | None) -> Evidence | None:
    """Evidence from stored columns; None when there is none (or it is incomplete)."""
    if not kind or not reference or day is None:
        return None
    try:
        return Evidence(EvidenceKind(kind), reference, day)
    except ValueError:
        return None
