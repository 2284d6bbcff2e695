"""Checks of a questionnaire's ``migrations`` block that need only the file itself.

DESIGN section 2. Within one file we can check that every rule names a question of this
version (with did-you-mean hints), that remapped option ids exist on the target's scale, and
that the listed older versions are older. Rules that need the older version's content (unknown
old ids, a removed or rescaled question without a rule) are checked by `migration_check`.
"""

from __future__ import annotations

import difflib
from typing import Any

from readiness.i18n import _
from readiness.questionnaire.issues import Path

Violation = tuple[Path, str]


def version_tuple(version: str) -> tuple[int, ...] | None:
    """``"1.2.3-rc1"`` -> ``(1, 2, 3)``; None when it is not a semantic version."""
    core = version.split("-", 1)[0].split("+", 1)[0]
    parts = core.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def _questions(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for domain in data.get("domains") or []:
        if isinstance(domain, dict):
            for question in domain.get("questions") or []:
                if isinstance(question, dict) and isinstance(question.get("id"), str):
                    found[question["id"]] = question
    return found


def _option_ids(data: dict[str, Any], question: dict[str, Any]) -> list[str] | None:
    scale = (data.get("scales") or {}).get(question.get("scale"))
    if not isinstance(scale, dict):
        return None
    return [str(o.get("id")) for o in scale.get("options") or [] if isinstance(o, dict)]


def _unknown(new_id: str, known: dict[str, Any]) -> str:
    message = _("'{id}' is not a question of this version").format(id=new_id)
    close = difflib.get_close_matches(new_id, list(known), n=1)
    if close:
        message += _("; did you mean '{id}'?").format(id=close[0])
    return message


def _rule(
    data: dict[str, Any], questions: dict[str, dict[str, Any]], value: Any, path: Path
) -> list[Violation]:
    if value is None:
        return []
    if isinstance(value, str):
        return [] if value in questions else [(path, _unknown(value, questions))]
    if not isinstance(value, dict):
        return [(path, _("expected a question id, null, or {to: id, options: {...}}"))]
    problems: list[Violation] = []
    for key in value:
        if key not in ("to", "options"):
            problems.append(
                ((*path, key), _("unknown key '{key}' (known: to, options)").format(key=key))
            )
    target = value.get("to")
    if not isinstance(target, str):
        problems.append(((*path, "to"), _("expected the new question id")))
        return problems
    if target not in questions:
        problems.append(((*path, "to"), _unknown(target, questions)))
        return problems
    options = value.get("options", {})
    if not isinstance(options, dict):
        problems.append(((*path, "options"), _("expected a mapping of old option id: new id")))
        return problems
    known = _option_ids(data, questions[target])
    for old, new in options.items():
        if known is not None and str(new) not in known:
            problems.append(
                (
                    (*path, "options", old),
                    _("option '{new}' does not exist on '{target}' (options: {known})").format(
                        new=new, target=target, known=", ".join(known)
                    ),
                )
            )
    return problems


def check_rules(data: Any) -> list[Violation]:
    """Problems of ``data["migrations"]`` that this file alone shows (DESIGN section 2)."""
    if not isinstance(data, dict) or not isinstance(data.get("migrations"), list):
        return []
    questions = _questions(data)
    this = version_tuple(str(data.get("version", "")))
    problems: list[Violation] = []
    for index, block in enumerate(data["migrations"]):
        if not isinstance(block, dict):
            continue
        for position, version in enumerate(block.get("from") or []):
            older = version_tuple(str(version))
            if this is not None and older is not None and older >= this:
                problems.append(
                    (
                        ("migrations", index, "from", position),
                        _("{old} is not older than this version {new}").format(
                            old=version, new=data.get("version")
                        ),
                    )
                )
        rules = block.get("questions")
        if isinstance(rules, dict):
            for old_id, value in rules.items():
                problems += _rule(
                    data, questions, value, ("migrations", index, "questions", old_id)
                )
    return problems
