"""The command line's and the window's quick paths: use cases without SQLAlchemy (issue 17).

:func:`open_quick` gives a :class:`QuickView` (lists, one assessment's state) when the database
file can be read directly (``storage/quick_read.py``), and :func:`quick_change_answer` saves one
answer through ``storage/quick_write.py``; else they return None and the caller opens the
Workspace, which opens, migrates and refreshes as needed. Summaries, states, edits and scores
come from the same code as the Workspace's (``services/state.py``, ``services/answer_edit.py``);
anything out of the ordinary (an unknown, trashed or ambiguous id, an imported assessment)
returns None so that the Workspace handles it, with its messages.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness.domain.records import AssessmentSummary, Organisation
from readiness.services.errors import UserError
from readiness.storage.database_file import database_file
from readiness.storage.quick_read import QuickReader

if TYPE_CHECKING:  # imported when used: listing needs no questionnaire loader
    from readiness.questionnaire.loader import LoadedQuestionnaire
    from readiness.services.state import AssessmentState


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
        from readiness.services.state import stored_snapshot

        sha256 = summary.snapshot_sha256
        try:
            return stored_snapshot(sha256, lambda: self.reader.snapshot_content(sha256))
        except (sqlite3.Error, ValueError, UserError):
            return None

    def state(self, given: str) -> AssessmentState | None:
        """The state of the assessment ``given`` names, as ``Workspace.state``; None for an id
        that does not name exactly one live, locally made assessment, or a file that cannot
        be read here. Raises UserError for a damaged stored questionnaire, as the Workspace."""
        from readiness.services.state import assessment_state, stored_snapshot

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


def quick_change_answer(
    db: str | os.PathLike[str] | None, given_id: str, question: str, edit_fields: dict[str, Any]
) -> tuple[AssessmentState, str] | None:
    """``Workspace.change_answer`` through ``sqlite3`` (``storage/quick_write.py``): one
    transaction, one history entry, the score cache refreshed. ``question`` is an id or a
    number (``2.5``); ``edit_fields`` are ``answer_edit``'s keyword arguments. Returns the
    assessment's state after the change and the question id; None when the Workspace must do
    it (then nothing was written). Raises UserError for bad input, and for a database that
    cannot take the change (busy beyond the timeout, disk full, read-only), as the Workspace
    does: one line (``storage/faults.py``), nothing saved."""
    from readiness.domain.answers import AnswerDetail
    from readiness.domain.scoring import score
    from readiness.services.answer_edit import answer_edit, edited
    from readiness.services.answer_lines import resolve_question
    from readiness.services.state import answers_of, score_cache, stored_snapshot
    from readiness.storage.quick_write import QuickWriter

    try:
        path = database_file(db)
        writer = QuickWriter.open_for_writing(path)
    except (OSError, ValueError):
        return None
    if writer is None:
        return None
    try:
        writer.begin()
        full_id = writer.resolve(given_id.strip())
        if full_id is None or writer.imported(full_id):
            writer.rollback()
            return None
        summary = writer.assessment(full_id)
        assert summary is not None
        sha256 = summary.snapshot_sha256
        questionnaire = stored_snapshot(
            sha256, lambda: writer.snapshot_content(sha256)
        ).questionnaire
        question_id = resolve_question(questionnaire, question)
        edit = answer_edit(question_id, **edit_fields)
        details = writer.answers(full_id)
        new = edited(questionnaire, details.get(question_id, AnswerDetail()), edit)
        change = writer.save_answer(full_id, question_id, new)
        if change is not None:
            details[question_id] = new
            cache = score_cache(score(questionnaire, answers_of(details)))
            writer.store_score(full_id, updated_at=change.at, **cache)
        writer.commit()
    except sqlite3.Error as exc:  # busy, full disk, read-only...: one line, as the Workspace
        writer.rollback()
        writer.close()
        from readiness.storage.faults import translate

        raise UserError(str(translate(exc, path))) from None
    except BaseException:
        writer.rollback()
        writer.close()
        raise
    # Saved. Read the state as the Workspace would, without the write lock, so that a writer
    # coming in now cannot turn a saved answer into an error; if it cannot be read here, the
    # caller's Workspace reads it (and finds nothing left to change).
    try:
        writer.begin_read()
        state = QuickView(writer, Path()).state(full_id)
    except sqlite3.Error:
        state = None
    finally:
        writer.rollback()
        writer.close()
    return (state, question_id) if state is not None else None
