"""The Excel authoring layout (DESIGN section 2, XLSForm-style): sheets, columns, cell codecs.

Shared by the reader (`xlsx_source`) and the writer (`xlsx_writer`) so both agree on every
column name and on how a value that is not a plain cell (a text in several languages, a list,
critical tiers, a migration's option map) is spelled in one cell.

Sheets and columns (``::LANG`` repeats for each listed language):
- ``settings``: one row: id, version, audience, languages, title::LANG, description::LANG and
  ``scoring.KEY`` for each key of the optional ``scoring`` block;
- ``scales``: scale, option, score, label::LANG — one row per option, in order;
- ``levels``: level, min, label::LANG;
- ``questions``: domain, domain_title::LANG, domain_description::LANG, domain_weight, id, type,
  scale, text::LANG, guidance::LANG, anchor_OPTION::LANG, weight, allow_na, critical, relevant,
  topics, recommendation::LANG, recommend_below, and any further question key;
- ``migrations`` (optional): from, old, new, options;
- ``help`` (optional, ignored): documentation for authors.
"""

from __future__ import annotations

import re
from typing import Any

FORMAT = "readiness-questionnaire/1"

SHEETS = ("settings", "scales", "levels", "questions", "migrations")
IGNORED_SHEETS = ("help",)

LIST_SEPARATOR = ","
TIER_SEPARATOR = ";"

# Question keys that hold a list of words (one cell, comma-separated).
LIST_KEYS = frozenset({"topics", "serves"})
# Question keys that are numbers, so text typed into them is read as a number where it is one.
NUMBER_KEYS = frozenset({"weight", "recommend_below", "score", "min", "domain_weight"})
INTEGER_KEYS = frozenset({"level"})
BOOLEAN_KEYS = frozenset({"allow_na"})

# Column order the writer uses; unknown keys follow in the order they are met.
QUESTION_ORDER = (
    "id",
    "type",
    "scale",
    "text",
    "guidance",
    "anchors",
    "weight",
    "allow_na",
    "critical",
    "relevant",
    "topics",
    "recommendation",
    "recommend_below",
)
DOMAIN_KEYS = ("title", "description", "weight")

_TEXT_COLUMN = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_.]*)::(?P<lang>[A-Za-z-]+)$")
_ANCHOR_COLUMN = re.compile(r"^anchor_(?P<option>[A-Za-z0-9_.-]+)::(?P<lang>[A-Za-z-]+)$")
_TIER = re.compile(r"^\s*(?P<below>[^:;\s]+)\s*:\s*(?P<cap>[^:;\s]+)\s*$")


def text_column(column: str) -> tuple[str, str] | None:
    """``"text::fr"`` -> ``("text", "fr")``; None for a column that is not a text column."""
    match = _TEXT_COLUMN.match(column)
    return (match["key"], match["lang"]) if match else None


def anchor_column(column: str) -> tuple[str, str] | None:
    """``"anchor_3::en"`` -> ``("3", "en")``; None otherwise."""
    match = _ANCHOR_COLUMN.match(column)
    return (match["option"], match["lang"]) if match else None


def number(value: Any) -> Any:
    """A number typed as text (``"2"``, ``"0.5"``, ``"5e-1"``) becomes a number; else unchanged."""
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            parsed = float(text)
        except ValueError:
            return value
        return parsed if parsed == parsed and parsed not in (float("inf"), float("-inf")) else value
    return value


def boolean(value: Any) -> Any:
    """``yes``/``no``/``true``/``false`` (any case) become booleans; else unchanged."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("yes", "true", "y"):
            return True
        if lowered in ("no", "false", "n"):
            return False
    return value


def split_list(value: Any) -> Any:
    """``"a, b"`` -> ``["a", "b"]``; a non-text cell is returned unchanged for the schema."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    return value


def join_list(values: list[Any]) -> str:
    return f"{LIST_SEPARATOR} ".join(str(v) for v in values)


def parse_critical(value: Any) -> Any:
    """``"2:2"`` -> ``{below: 2, cap_level: 2}``; ``"2:2; 3:3"`` -> a list of tiers.

    Returns the text unchanged when it does not follow the ``below:cap`` notation, so the
    reader can report it; a number alone is returned as is for the same reason.
    """
    if not isinstance(value, str):
        return value
    tiers = []
    for part in value.split(TIER_SEPARATOR):
        if not part.strip():
            continue
        match = _TIER.match(part)
        if not match:
            return value
        tiers.append({"below": number(match["below"]), "cap_level": number(match["cap"])})
    if not tiers:
        return value
    return tiers[0] if len(tiers) == 1 and TIER_SEPARATOR not in value else tiers


def format_critical(value: Any) -> str:
    """The inverse of :func:`parse_critical`; a list of tiers always ends with ``;``."""

    def tier(t: dict[str, Any]) -> str:
        return f"{_plain(t['below'])}:{_plain(t['cap_level'])}"

    if isinstance(value, dict):
        return tier(value)
    return f"{TIER_SEPARATOR} ".join(tier(t) for t in value) + TIER_SEPARATOR


def parse_options(value: Any) -> Any:
    """``"4=3, 2=1"`` -> ``{"4": "3", "2": "1"}`` (a migration's option remapping)."""
    if not isinstance(value, str):
        return value
    mapping: dict[str, str] = {}
    for part in value.split(LIST_SEPARATOR):
        if not part.strip():
            continue
        if "=" not in part:
            return value
        old, new = part.split("=", 1)
        mapping[old.strip()] = new.strip()
    return mapping


def format_options(mapping: dict[str, Any]) -> str:
    return f"{LIST_SEPARATOR} ".join(f"{k}={v}" for k, v in mapping.items())


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
