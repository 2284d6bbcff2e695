"""Read-only use cases for the command line without SQLAlchemy (see ``storage/quick_read.py``).

:func:`open_quick` gives a :class:`QuickView` when the database file can be read directly, else
None; then the caller opens the Workspace, which opens, migrates and refreshes as needed. The
summaries, states and scores are the Workspace's (``services/state.py``); anything out of the
ordinary (an unknown, trashed or ambiguous id, an imported assessment) returns None so that the
Workspace handles it, with its messages.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from readiness.domain.records import AssessmentSummary, Organisation
from readiness.questionnaire.loader import LoadedQuestionnaire
from readiness.services.errors import UserError
from readiness.services.state import AssessmentState, assessment_state, stored_snapshot
from readiness.storage.quick_read import QuickReader


def database_file(db: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file ``storage.location.resolve`` would choose for ``db`` (``--db``), or
    None for a database URL or an empty name (the full path then opens or refuses it)."""
    if db is not None:
        return Path(db).expanduser().resolve() if os.fspath(db).strip() else None
    if env_path := os.environ.get("READINESS_DB"):
        return Path(env_path).expanduser().resolve()
    if os.environ.get("READINESS_DATABASE_URL"):
        return None
    from platformdirs import user_data_dir

    return (Path(user_data_dir("readiness", appauthor=False)) / "readiness.db").resolve()


def open_quick(db: str | os.PathLike[str] | None) -> QuickView | None:
    """A QuickView of the database ``db`` names (or the environment's), or None."""
    try:
        path = database_file(db)
        reader = QuickReader.open(path)
    except (OSError, ValueError):
        return None
    return QuickView(reader, path) if reader is not None and path is not None else None


class QuickView:
    """What the read commands and the window's first page need, from one read-only snapshot
    of the database file at ``path``."""

    def __init__(self, reader: QuickReader, path: Path) -> None:
        self.reader = reader
        self.path = path

    def close(self) -> None:
        self.reader.close()

    def assessments(self) -> list[AssessmentSummary] | None:
        """Live assessments with their cached scores, as ``Workspace.assessments()``; None
        when the file cannot be read here (the Workspace then reads it or says why)."""
        try:
            return self.reader.assessments()
        except (sqlite3.Error, ValueError):
            return None

    def organisations(self) -> list[Organisation] | None:
        """Live organisations, as ``Workspace.organisations()``; None as for assessments."""
        try:
            return self.reader.organisations()
        except (sqlite3.Error, ValueError):
            return None

    def questionnaire_of(self, summary: AssessmentSummary) -> LoadedQuestionnaire | None:
        """The questionnaire snapshot of an assessment, as ``Workspace.questionnaire_of``;
        None when it cannot be read here (the Workspace then says why)."""
        sha256 = summary.snapshot_sha256
        try:
            return stored_snapshot(sha256, lambda: self.reader.snapshot_content(sha256))
        except (sqlite3.Error, ValueError, UserError):
            return None

    def state(self, given: str) -> AssessmentState | None:
        """The state of the assessment ``given`` names, as ``Workspace.state``; None for an id
        that does not name exactly one live, locally made assessment, or a file that cannot
        be read here. Raises UserError for a damaged stored questionnaire, as the Workspace."""
        try:
            full_id = self.reader.resolve(given.strip())
            if full_id is None or self.reader.imported(full_id):
                return None
            summary = self.reader.assessment(full_id)
            if summary is None:
                return None
            sha256 = summary.snapshot_sha256
            loaded = stored_snapshot(sha256, lambda: self.reader.snapshot_content(sha256))
            return assessment_state(summary, loaded, self.reader.answers(full_id))
        except (sqlite3.Error, ValueError):  # UnicodeError included
            return None
