"""Checks a document against questionnaires/schema.json, reporting every violation.

A small interpreter for the JSON Schema keywords our schema uses. It exists because a general
validator is slow on large files and speaks in schema jargon; this one walks the data once and
says what was expected in an author's words (``x-expected`` in the schema supplies the wording).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from readiness.i18n import _
from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.issues import Path

Schema = dict[str, Any]
Violation = tuple[Path, str]


@functools.cache
def load_schema(path: FsPath | None = None) -> Schema:
    schema_path = path or builtin_questionnaires_dir() / "schema.json"
    return json.loads(schema_path.read_text(encoding="utf-8"))


def describe(value: Any) -> str:
    """Name a value's kind the way an author thinks of it."""
    if value is None:
        return _("nothing (empty value)")
    if isinstance(value, bool):
        return _("true/false ({value})").format(value=str(value).lower())
    if isinstance(value, int | float):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text '{value}'").format(value=shown)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


_TYPE_NAMES = {
    "object": "a mapping (key: value)",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _is_type(value: Any, kind: str) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return kind == "null" and value is None


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


class SchemaChecker:
    def __init__(self, schema: Schema) -> None:
        self.root = schema

    def check(self, value: Any) -> list[Violation]:
        return list(self._check(value, self.root, ()))

    def _resolve(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            ref = schema["$ref"]
            node: Any = self.root
            for part in ref.removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def _check(self, value: Any, schema: Schema, path: Path) -> Iterator[Violation]:
        schema = self._resolve(schema)
        if "const" in schema and value != schema["const"]:
            yield (
                path,
                _("expected '{expected}', got {got}").format(
                    expected=schema["const"], got=describe(value)
                ),
            )
            return
        if "enum" in schema and value not in schema["enum"]:
            yield (
                path,
                _("{got} is not allowed (expected one of: {known})").format(
                    got=describe(value), known=", ".join(str(v) for v in schema["enum"])
                ),
            )
            return
        kind = schema.get("type")
        if kind is not None and not _is_type(value, kind):
            hint = ""
            if kind == "string" and isinstance(value, int | float) and not isinstance(value, bool):
                hint = _(" (put it in quotes)")
            yield (
                path,
                _("expected {expected}, got {got}{hint}").format(
                    expected=_(_TYPE_NAMES[kind]), got=describe(value), hint=hint
                ),
            )
            return
        if isinstance(value, dict):
            yield from self._check_object(value, schema, path)
        elif isinstance(value, list):
            yield from self._check_array(value, schema, path)
        elif isinstance(value, str):
            yield from self._check_string(value, schema, path)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield from self._check_number(value, schema, path)

    def _check_object(
        self, value: dict[Any, Any], schema: Schema, path: Path
    ) -> Iterator[Violation]:
        for key in schema.get("required", ()):
            if key not in value:
                yield path, _("missing required key '{key}'").format(key=key)
        if len(value) < schema.get("minProperties", 0):
            yield path, _("must not be empty")
        properties: dict[str, Schema] = schema.get("properties", {})
        names = schema.get("propertyNames")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            item_path = (*path, key)
            if not isinstance(key, str):
                yield (
                    item_path,
                    _('key {key} must be text; put it in quotes: "{key}"').format(key=key),
                )
                continue
            if (
                item is None
                and key not in properties
                and (
                    " " in key.strip()
                    or (isinstance(extra, dict) and self._resolve(extra).get("type") == "string")
                )
            ):
                yield (
                    item_path,
                    _(
                        "'{key}' looks like the end of a text cut at a comma; "
                        "put the whole text in quotes"
                    ).format(key=key),
                )
                continue
            if names is not None:
                for _p, message in self._check(key, names, item_path):
                    yield item_path, _("key '{key}': {problem}").format(key=key, problem=message)
            if key in properties:
                yield from self._check(item, properties[key], item_path)
            elif extra is False:
                yield item_path, _unknown_key(key, list(properties))
            elif isinstance(extra, dict):
                yield from self._check(item, extra, item_path)

    def _check_array(self, value: list[Any], schema: Schema, path: Path) -> Iterator[Violation]:
        minimum = schema.get("minItems", 0)
        if len(value) < minimum:
            yield (
                path,
                _("needs at least {n} item(s), has {count}").format(n=minimum, count=len(value)),
            )
        if schema.get("uniqueItems"):
            seen: set[str] = set()
            for index, item in enumerate(value):
                marker = json.dumps(item, sort_keys=True, default=str)
                if marker in seen:
                    yield (*path, index), _("{item} is listed twice").format(item=describe(item))
                seen.add(marker)
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                yield from self._check(item, items, (*path, index))

    def _check_string(self, value: str, schema: Schema, path: Path) -> Iterator[Violation]:
        if len(value) < schema.get("minLength", 0):
            yield path, _("must not be empty")
        pattern = schema.get("pattern")
        if pattern is not None and not _pattern(pattern).search(value):
            expected = schema.get("x-expected", pattern)
            yield (
                path,
                _("'{value}' is not valid: expected {expected}").format(
                    value=value, expected=expected
                ),
            )

    def _check_number(self, value: float, schema: Schema, path: Path) -> Iterator[Violation]:
        if "minimum" in schema and value < schema["minimum"]:
            yield (
                path,
                _("must be at least {n}, got {value}").format(n=schema["minimum"], value=value),
            )
        if "maximum" in schema and value > schema["maximum"]:
            yield (
                path,
                _("must be at most {n}, got {value}").format(n=schema["maximum"], value=value),
            )
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            yield (
                path,
                _("must be greater than {n}, got {value}").format(
                    n=schema["exclusiveMinimum"], value=value
                ),
            )


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = _("; did you mean '{close}'?").format(close=close[0]) if close else ""
    return _("unknown key '{key}' (known: {known}){hint}").format(
        key=key, hint=hint, known=", ".join(known)
    )
