"""Evidence in an answers file's long form (DESIGN section 3), for scoring without a database.

``answers: {q: {option: "4", evidence: {kind, reference, date}}}``. The answers-file reader
reports malformed evidence with its line; this module only collects the evidence that reads.
"""

from __future__ import annotations

from typing import Any

from readiness.domain.answers import Evidence
from readiness.domain.evidence import evidence_from_dict


def evidence_in(data: Any) -> dict[str, Evidence]:
    """Question id -> evidence, from a parsed answers file (a mapping with ``answers``)."""
    answers = data.get("answers") if isinstance(data, dict) else None
    found: dict[str, Evidence] = {}
    if not isinstance(answers, dict):
        return found
    for question_id, value in answers.items():
        if isinstance(value, dict) and isinstance(value.get("evidence"), dict):
            try:
                found[str(question_id)] = evidence_from_dict(value["evidence"])
            except ValueError:
                continue  # reported by the reader, with its line
    return found
