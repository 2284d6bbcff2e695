"""Load a questionnaire file: read safely, check against the schema and the semantic rules,
collect every problem with its line, and only then build the domain objects."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.domain.conditions import Condition
from readiness.domain.model import Questionnaire
from readiness.i18n import _
from readiness.questionnaire import semantic
from readiness.questionnaire.builder import build
from readiness.questionnaire.issues import FileProblems, Issue, format_path
from readiness.questionnaire.schema_check import default_checker
from readiness.questionnaire.semantic import Violation
from readiness.questionnaire.yaml_source import YamlProblem, parse, read_text


@dataclass(frozen=True)
class LoadedQuestionnaire:
    """A questionnaire with the exact text it came from, for snapshots and hashes."""

    questionnaire: Questionnaire
    source: str
    sha256: str
    path: Path | None = None


def _check(data: Any, conditions: dict[str, Condition]) -> list[Violation]:
    if not isinstance(data, dict):
        return [((), _("expected a questionnaire mapping (format:, id:, ...) at the top level"))]
    return default_checker().check(data) + semantic.check(data, conditions)


def _problems(text: str, name: str) -> tuple[list[Issue], Any, dict[str, Condition]]:
    """Every issue with its line; valid files are parsed once, without line tracking."""
    conditions: dict[str, Condition] = {}
    try:
        quick = parse(text, track_lines=False)
    except YamlProblem as exc:
        if exc.bounded:  # a size limit: reading again would only repeat the cost
            return [Issue(name, exc.line, "(file)", str(exc))], None, conditions
        quick = None
    if quick is not None and not _check(quick.data, conditions):
        return [], quick.data, conditions
    try:
        document = parse(text)
    except YamlProblem as exc:
        return [Issue(name, exc.line, "(file)", str(exc))], None, conditions
    issues = [
        Issue(name, document.line(path), format_path(path), message)
        for path, message in _check(document.data, {})
    ]
    issues.sort(key=lambda issue: issue.line)
    return capped(issues, name), document.data, conditions


MAX_ISSUES = 100
"""Problems reported per file; the rest are counted in one last line."""


def capped(issues: list[Issue], name: str) -> list[Issue]:
    """The first MAX_ISSUES issues, then one saying how many more there are."""
    if len(issues) <= MAX_ISSUES:
        return issues
    rest = len(issues) - MAX_ISSUES
    last = issues[MAX_ISSUES - 1].line
    return [
        *issues[:MAX_ISSUES],
        Issue(name, last, "(file)", _("... and {n} more problems").format(n=rest)),
    ]


def load_text(
    text: str, name: str = "<questionnaire>", path: Path | None = None
) -> LoadedQuestionnaire:
    """Load from text, raising FileProblems with every issue when it is not valid."""
    issues, data, conditions = _problems(text, name)
    if issues or data is None:
        raise FileProblems(issues)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedQuestionnaire(build(data, conditions), text, digest, path)


def is_workbook(path: Path) -> bool:
    """True for an Excel authoring workbook (``.xlsx``), read by `xlsx_source`."""
    return path.suffix.lower() == ".xlsx"


_SHEET_ORDER = {"settings": 0, "scales": 1, "levels": 2, "questions": 3, "migrations": 4}


def _cell_order(issue: Issue) -> tuple[int, int, int, str]:
    sheet, _sep, cell = str(issue.line).partition("!")
    letters = "".join(c for c in cell if c.isalpha())
    digits = "".join(c for c in cell if c.isdigit())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (_SHEET_ORDER.get(sheet, -1), int(digits or 0), column, issue.message)


def load_workbook(path: Path, name: str | None = None) -> LoadedQuestionnaire:
    """Load an Excel authoring workbook (DESIGN section 2) into the model a YAML file gives.

    The questionnaire's source text is its canonical YAML (`canonical`), so a snapshot of it
    reloads as YAML with the same sha256. Raises FileProblems with every issue, each located
    as ``SHEET!CELL`` (``FILE:SHEET!CELL: path: message``).
    """
    from readiness.questionnaire.canonical import canonical_text
    from readiness.questionnaire.xlsx_source import XlsxProblem, read_workbook

    shown = name or str(path)
    try:
        document = read_workbook(path)
    except XlsxProblem as exc:
        raise FileProblems([Issue(shown, exc.cell or "(workbook)", "(file)", str(exc))]) from exc
    issues = [
        Issue(shown, cell, format_path(where) if where else "(sheet)", message)
        for cell, where, message in document.problems
    ]
    conditions: dict[str, Condition] = {}
    issues += [
        Issue(shown, document.cell(where), format_path(where), message)
        for where, message in _check(document.data, conditions)
    ]
    if issues:
        raise FileProblems(sorted(issues, key=_cell_order))
    source = canonical_text(document.data)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return LoadedQuestionnaire(build(document.data, conditions), source, digest, path)


def load_file(path: Path, name: str | None = None) -> LoadedQuestionnaire:
    """Load a questionnaire file, YAML or Excel; raises FileProblems with every issue."""
    if is_workbook(path):
        return load_workbook(path, name)
    shown = name or str(path)
    try:
        text = read_text(path)
    except YamlProblem as exc:
        raise FileProblems([Issue(shown, exc.line, "(file)", str(exc))]) from exc
    return load_text(text, shown, path)


def validate_file(path: Path, name: str | None = None) -> list[Issue]:
    """Every problem in a file; an empty list means it is valid."""
    try:
        load_file(path, name)
    except FileProblems as exc:
        return exc.issues
    return []
