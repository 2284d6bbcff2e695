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


def expected_text(text: str) -> str:
    """An ``x-expected`` wording of the schema (questionnaires/schema.json, English) in the
    current language; a wording not listed here is shown as written."""
    wordings = {
        "a language code such as en or fr": _("a language code such as en or fr"),
        "a semantic version such as 1.0.0": _("a semantic version such as 1.0.0"),
        "a short tag such as B1 or W3": _("a short tag such as B1 or W3"),
        "a tier {below: N, cap_level: L} or a list of tiers": _(
            "a tier {below: N, cap_level: L} or a list of tiers"
        ),
        "letters, digits, '_', '.' or '-' (quote numbers: \"0\")": _(
            "letters, digits, '_', '.' or '-' (quote numbers: \"0\")"
        ),
        "lowercase letters and digits joined by '.' or '-', e.g. trust.contact-24-7": _(
            "lowercase letters and digits joined by '.' or '-', e.g. trust.contact-24-7"
        ),
        "lowercase letters, digits and '_'": _("lowercase letters, digits and '_'"),
        "lowercase letters, digits and hyphens": _("lowercase letters, digits and hyphens"),
        "lowercase letters, digits, '_' and '-'": _("lowercase letters, digits, '_' and '-'"),
    }
    return wordings.get(text, text)


def _type_name(kind: str) -> str:
    """What a value of a JSON-schema ``type`` is called in a message, in the current language."""
    names = {
        "object": _("a mapping (key: value)"),
        "array": _("a list"),
        "string": _("text"),
        "number": _("a number"),
        "integer": _("a whole number"),
        "boolean": _("true or false"),
    }
    return names[kind]


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


@functools.cache
def default_checker() -> SchemaChecker:
    """The checker for the shipped schema.json, compiled once per process."""
    return SchemaChecker(load_schema())


class SchemaChecker:
    """Checks data against a schema compiled once into a tree of nodes (one per subschema)."""

    def __init__(self, schema: Schema) -> None:
        self.root = schema
        self._nodes: dict[int, _Node] = {}
        self._top = self.node(schema)

    def check(self, value: Any) -> list[Violation]:
        out: list[Violation] = []
        self._top.check(value, (), out)
        return out

    def resolve(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            node: Any = self.root
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def node(self, schema: Schema) -> _Node:
        schema = self.resolve(schema)
        found = self._nodes.get(id(schema))
        if found is None:
            found = self._nodes[id(schema)] = _Node()  # registered first: schemas may recurse
            found.compile(self, schema)
        return found


_MISSING = object()


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Node:
    __slots__ = (
        "any_of",
        "any_of_expected",
        "const",
        "enum",
        "extra",
        "extra_is_text",
        "items",
        "kind",
        "max",
        "min",
        "min_exclusive",
        "min_items",
        "min_length",
        "min_properties",
        "name_problems",
        "names",
        "pattern",
        "pattern_expected",
        "properties",
        "required",
        "unique",
    )

    def compile(self, checker: SchemaChecker, schema: Schema) -> None:
        # anyOf: the branches differ by type; the first whose type fits the value checks it
        branches = [checker.resolve(b) for b in schema.get("anyOf", ())]
        self.any_of = tuple((b.get("type"), checker.node(b)) for b in branches)
        self.any_of_expected = schema.get("x-expected", "")
        self.const = schema.get("const", _MISSING)
        self.enum = schema.get("enum")
        self.kind = schema.get("type")
        self.required = tuple(schema.get("required", ()))
        self.min_properties = schema.get("minProperties", 0)
        self.properties = {k: checker.node(v) for k, v in schema.get("properties", {}).items()}
        self.names = checker.node(schema["propertyNames"]) if "propertyNames" in schema else None
        self.name_problems: dict[str, list[str]] = {}  # keys repeat (en, fr...): check once
        extra = schema.get("additionalProperties", True)
        self.extra = checker.node(extra) if isinstance(extra, dict) else extra
        self.extra_is_text = isinstance(extra, dict) and checker.resolve(extra).get("type") == (
            "string"
        )
        self.items = checker.node(schema["items"]) if "items" in schema else None
        self.min_items = schema.get("minItems", 0)
        self.unique = bool(schema.get("uniqueItems"))
        self.min_length = schema.get("minLength", 0)
        pattern = schema.get("pattern")
        self.pattern = _pattern(pattern) if pattern is not None else None
        self.pattern_expected = schema.get("x-expected", pattern)
        self.min = schema.get("minimum")
        self.max = schema.get("maximum")
        self.min_exclusive = schema.get("exclusiveMinimum")

    def check(self, value: Any, path: Path, out: list[Violation]) -> None:
        if self.any_of:
            self._any_of(value, path, out)
            return
        if self.const is not _MISSING and value != self.const:
            out.append(
                (
                    path,
                    _("expected '{expected}', got {got}").format(
                        expected=self.const, got=describe(value)
                    ),
                )
            )
            return
        if self.enum is not None and value not in self.enum:
            out.append(
                (
                    path,
                    _("{got} is not allowed (expected one of: {known})").format(
                        got=describe(value), known=", ".join(str(v) for v in self.enum)
                    ),
                )
            )
            return
        kind = self.kind
        if kind is not None and not _is_type(value, kind):
            hint = _(" (put it in quotes)") if kind == "string" and _number(value) else ""
            out.append(
                (
                    path,
                    _("expected {expected}, got {got}{hint}").format(
                        expected=_type_name(kind), got=describe(value), hint=hint
                    ),
                )
            )
            return
        value_type = type(value)
        if value_type is dict:
            self._object(value, path, out)
        elif value_type is list:
            self._array(value, path, out)
        elif value_type is str:
            if self.min_length or self.pattern is not None:
                self._string(value, path, out)
        elif _number(value) and (
            self.min is not None or self.max is not None or self.min_exclusive is not None
        ):
            self._number(value, path, out)

    def _any_of(self, value: Any, path: Path, out: list[Violation]) -> None:
        for kind, node in self.any_of:
            if kind is None or _is_type(value, kind):
                node.check(value, path, out)
                return
        out.append(
            (
                path,
                _("expected {expected}, got {got}").format(
                    expected=expected_text(self.any_of_expected), got=describe(value)
                ),
            )
        )

    def _object(self, value: dict[Any, Any], path: Path, out: list[Violation]) -> None:
        for key in self.required:
            if key not in value:
                out.append((path, _("missing required key '{key}'").format(key=key)))
        if len(value) < self.min_properties:
            out.append((path, _("must not be empty")))
        properties = self.properties
        extra = self.extra
        names = self.names
        for key, item in value.items():
            item_path = (*path, key)
            if type(key) is not str:
                out.append(
                    (
                        item_path,
                        _('key {key} must be text; put it in quotes: "{key}"').format(key=key),
                    )
                )
                continue
            child = properties.get(key)
            if item is None and child is None and (" " in key.strip() or self.extra_is_text):
                out.append(
                    (
                        item_path,
                        _(
                            "'{key}' looks like the end of a text cut at a comma; "
                            "put the whole text in quotes"
                        ).format(key=key),
                    )
                )
                continue
            if names is not None:
                messages = self.name_problems.get(key)
                if messages is None:
                    problems: list[Violation] = []
                    names.check(key, (), problems)
                    messages = self.name_problems[key] = [message for _p, message in problems]
                for message in messages:
                    out.append(
                        (item_path, _("key '{key}': {problem}").format(key=key, problem=message))
                    )
            if child is not None:
                child.check(item, item_path, out)
            elif extra is False:
                out.append((item_path, _unknown_key(key, list(properties))))
            elif isinstance(extra, _Node):
                extra.check(item, item_path, out)

    def _array(self, value: list[Any], path: Path, out: list[Violation]) -> None:
        if len(value) < self.min_items:
            out.append(
                (
                    path,
                    _("needs at least {n} item(s), has {count}").format(
                        n=self.min_items, count=len(value)
                    ),
                )
            )
        if self.unique:
            seen: set[str] = set()
            for index, item in enumerate(value):
                marker = json.dumps(item, sort_keys=True, default=str)
                if marker in seen:
                    out.append(
                        ((*path, index), _("{item} is listed twice").format(item=describe(item)))
                    )
                seen.add(marker)
        items = self.items
        if items is not None:
            for index, item in enumerate(value):
                items.check(item, (*path, index), out)

    def _string(self, value: str, path: Path, out: list[Violation]) -> None:
        if len(value) < self.min_length:
            out.append((path, _("must not be empty")))
        if self.pattern is not None and not self.pattern.search(value):
            out.append(
                (
                    path,
                    _("'{value}' is not valid: expected {expected}").format(
                        value=value, expected=expected_text(self.pattern_expected)
                    ),
                )
            )

    def _number(self, value: float, path: Path, out: list[Violation]) -> None:
        if self.min is not None and value < self.min:
            out.append(
                (path, _("must be at least {n}, got {value}").format(n=self.min, value=value))
            )
        if self.max is not None and value > self.max:
            out.append(
                (path, _("must be at most {n}, got {value}").format(n=self.max, value=value))
            )
        if self.min_exclusive is not None and value <= self.min_exclusive:
            out.append(
                (
                    path,
                    _("must be greater than {n}, got {value}").format(
                        n=self.min_exclusive, value=value
                    ),
                )
            )


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = _("; did you mean '{close}'?").format(close=close[0]) if close else ""
    return _("unknown key '{key}' (known: {known}){hint}").format(
        key=key, hint=hint, known=", ".join(known)
    )
