"""The canonical YAML text of a questionnaire: what an Excel workbook is stored as.

A questionnaire read from a workbook has no YAML text of its own, so it is stored (and hashed)
as this canonical form; a YAML file converted to Excel and back gives the same canonical text
and so the same sha256 (DESIGN section 2: the same id and version always mean the same content).
Keys follow the order of DESIGN section 2; numbers that are whole are written as integers (a
spreadsheet does not keep ``2.0`` apart from ``2``), other keys sorted.
"""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

_ORDER = (
    "format",
    "id",
    "version",
    "audience",
    "languages",
    "title",
    "description",
    "scoring",
    "scales",
    "levels",
    "domains",
    "migrations",
    # inside domains, questions, options, levels, tiers and migrations
    "level",
    "min",
    "score",
    "label",
    "options",
    "weight",
    "from",
    "questions",
    "type",
    "scale",
    "text",
    "guidance",
    "anchors",
    "allow_na",
    "critical",
    "below",
    "cap_level",
    "relevant",
    "topics",
    "recommendation",
    "recommend_below",
    "to",
)
_RANK = {key: index for index, key in enumerate(_ORDER)}


def _key(item: tuple[Any, Any]) -> tuple[int, str]:
    return (_RANK.get(item[0], len(_RANK)), str(item[0]))


def canonical_data(value: Any) -> Any:
    """A copy of ``value`` with keys in canonical order and whole floats as integers.

    Known keys come in the order above, any other key (a scale's name, an option id, a
    language, a question id in a migration) after them in alphabetical order: a deterministic
    order both a YAML file and a workbook reach. List order is kept: it is meaningful.
    """
    if isinstance(value, dict):
        return {k: canonical_data(v) for k, v in sorted(value.items(), key=_key)}
    if isinstance(value, list):
        return [canonical_data(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical_text(data: dict[str, Any]) -> str:
    """The canonical YAML text of questionnaire data (UTF-8 safe, block style)."""
    return yaml.safe_dump(
        canonical_data(data), sort_keys=False, allow_unicode=True, width=100, indent=2
    )


def canonical_sha256(data: dict[str, Any]) -> str:
    """sha256 hex digest of :func:`canonical_text`."""
    return hashlib.sha256(canonical_text(data).encode("utf-8")).hexdigest()
