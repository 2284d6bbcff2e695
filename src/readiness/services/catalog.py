"""The built-in questionnaires, found as package data, and questionnaires given by path."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from readiness.i18n import _
from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.files import file_problem
from readiness.questionnaire.issues import FileProblems
from readiness.questionnaire.loader import LoadedQuestionnaire, load_file
from readiness.services.errors import UserError


@dataclass(frozen=True)
class CatalogEntry:
    loaded: LoadedQuestionnaire
    path: Path


@functools.cache
def builtin() -> tuple[CatalogEntry, ...]:
    """Every valid built-in questionnaire, sorted by id (loaded once per process)."""
    entries = []
    for path in sorted(builtin_questionnaires_dir().glob("*.yaml")):
        try:
            entries.append(CatalogEntry(load_file(path, path.name), path))
        except FileProblems:
            continue  # `readiness validate` reports these; a broken file must not hide the rest
    return tuple(sorted(entries, key=lambda e: e.loaded.questionnaire.id))


def find_builtin(questionnaire_id: str) -> LoadedQuestionnaire:
    for entry in builtin():
        if entry.loaded.questionnaire.id == questionnaire_id:
            return entry.loaded
    known = ", ".join(e.loaded.questionnaire.id for e in builtin()) or _("none")
    raise UserError(
        _("unknown questionnaire '{id}' (built-in: {known})").format(
            id=questionnaire_id, known=known
        )
    )


def load_path(path: Path) -> LoadedQuestionnaire:
    """Load a questionnaire given by path, turning file problems into one clear line."""
    if problem := file_problem(path):
        raise UserError(
            _("questionnaire file {path}: {problem}").format(path=path, problem=problem)
        )
    try:
        return load_file(path)
    except FileProblems as exc:
        raise UserError(first_problem(exc)) from exc


def first_problem(problems: FileProblems) -> str:
    first = str(problems.issues[0])
    more = len(problems.issues) - 1
    if more:
        first += _(" (and {n} more problems; run 'readiness validate' to list them)").format(n=more)
    return first
