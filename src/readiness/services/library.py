"""The questionnaire library of a workspace: built-in and installed questionnaires, by version.

DESIGN section 2: the same questionnaire id and version always mean the same content (sha256);
a second, different text with an id and version already known is refused. Section 6:
``questionnaires add FILE``, ``questionnaires --json`` (every version, with its ``source``), and
``assessment new --questionnaire QID[@VERSION]`` (the highest version unless one is named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.i18n import _
from readiness.questionnaire.files import file_problem
from readiness.questionnaire.issues import FileProblems, Issue
from readiness.questionnaire.loader import LoadedQuestionnaire, load_file
from readiness.services import catalog
from readiness.services.errors import UserError
from readiness.storage import library as stored
from readiness.storage import repository as repo

if TYPE_CHECKING:
    from readiness.services.workspace import Workspace

BUILTIN = "builtin"
INSTALLED = "installed"

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$")


def version_key(version: str) -> tuple[int, int, int, int, str]:
    """Sort key for a semantic version: ``1.10.0`` after ``1.9.0``, a pre-release before."""
    match = _VERSION.match(version)
    if not match:
        return (-1, -1, -1, 0, version)
    major, minor, patch, pre = match.groups()
    return (int(major), int(minor), int(patch), 0 if pre else 1, pre or "")


@dataclass(frozen=True)
class Available:
    """A questionnaire a new assessment can start from."""

    loaded: LoadedQuestionnaire
    source: str  # BUILTIN or INSTALLED
    path: Path | None  # the built-in file; None for an installed one

    @property
    def id(self) -> str:
        return self.loaded.questionnaire.id

    @property
    def version(self) -> str:
        return self.loaded.questionnaire.version


def available(workspace: Workspace | None) -> list[Available]:
    """Built-in and installed questionnaires, by id then version (highest last).

    ``workspace`` None lists the built-in ones only (no database is opened or created).
    """
    from readiness.services.state import stored_snapshot

    entries = [Available(e.loaded, BUILTIN, e.path) for e in catalog.builtin()]
    builtin_hashes = {e.loaded.sha256 for e in entries}
    if workspace is not None:
        with workspace._read() as session:
            rows = stored.installed(session)
        for row in rows:
            if row.sha256 not in builtin_hashes:
                loaded = stored_snapshot(row.sha256, lambda text=row.content: text)
                entries.append(Available(loaded, INSTALLED, None))
    return sorted(entries, key=lambda e: (e.id, version_key(e.version)))


def find(workspace: Workspace | None, spec: str) -> LoadedQuestionnaire:
    """The questionnaire named by ``QID`` (highest version) or ``QID@VERSION`` (exact).

    Raises UserError naming the known ids, or the known versions of that id.
    """
    questionnaire_id, _sep, version = spec.strip().partition("@")
    entries = available(workspace)
    matching = [e for e in entries if e.id == questionnaire_id]
    if not matching:
        known = ", ".join(sorted({e.id for e in entries})) or _("none")
        raise UserError(
            _("unknown questionnaire '{id}' (known: {known})").format(
                id=questionnaire_id, known=known
            )
        )
    if not version:
        return matching[-1].loaded
    for entry in matching:
        if entry.version == version:
            return entry.loaded
    raise UserError(
        _("questionnaire '{id}' has no version {version} (known: {known})").format(
            id=questionnaire_id, version=version, known=", ".join(e.version for e in matching)
        )
    )


class InstallProblems(UserError):
    """The file is not a valid questionnaire; ``issues`` lists every problem."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = issues


@dataclass(frozen=True)
class Installed:
    loaded: LoadedQuestionnaire
    outcome: str  # "installed", "already installed" or "built in"


def _different(questionnaire_id: str, version: str, known: str, given: str) -> UserError:
    return UserError(
        _(
            "questionnaire '{id}' version {version} is already known with other content "
            "(known sha256 {known}, this file {given}); give the changed questionnaire a new "
            "version"
        ).format(id=questionnaire_id, version=version, known=known, given=given)
    )


def install(workspace: Workspace, path: Path) -> Installed:
    """Validate ``path`` (YAML or Excel) and install it in ``workspace``.

    Raises InstallProblems with every problem of an invalid file, UserError when the file is
    missing or its id and version are already known with other content (naming both sha256).
    Installing the same content again is not an error (``outcome`` says so).
    """
    if problem := file_problem(path):
        raise UserError(
            _("questionnaire file {path}: {problem}").format(path=path, problem=problem)
        )
    try:
        loaded = load_file(path)
    except FileProblems as exc:
        raise InstallProblems(exc.issues) from exc
    questionnaire = loaded.questionnaire
    for entry in catalog.builtin():
        q = entry.loaded.questionnaire
        if (q.id, q.version) == (questionnaire.id, questionnaire.version):
            if entry.loaded.sha256 == loaded.sha256:
                return Installed(loaded, "built in")
            raise _different(q.id, q.version, entry.loaded.sha256, loaded.sha256)
    with workspace._write() as session:
        for known in stored.hashes_of(session, questionnaire.id, questionnaire.version):
            if known != loaded.sha256:
                raise _different(questionnaire.id, questionnaire.version, known, loaded.sha256)
        repo.snapshot_id(
            session, questionnaire.id, questionnaire.version, loaded.sha256, loaded.source
        )
        newly = stored.mark_installed(session, loaded.sha256)
    return Installed(loaded, "installed" if newly else "already installed")
