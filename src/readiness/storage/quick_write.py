"""Saving one answer straight through ``sqlite3``, without SQLAlchemy (issue 17).

``readiness answer`` on a SQLite file of ours at schema head (the usual case) would spend most
of its time importing SQLAlchemy. :class:`QuickWriter` opens such a file for writing with the
same guarantees as ``database.py`` (WAL, foreign keys, FULL synchronous commits, a busy timeout,
``BEGIN IMMEDIATE``) and writes what ``repository.save_answer`` and ``repository.store_score``
write, in one transaction: the answer row, its history entry and the assessment's score cache.
tests/test_quick_write.py applies the same edits through both paths to two copies of a file
and compares every row. :meth:`QuickWriter.open` says None whenever the full path must decide.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.records import Change, Status
from readiness.storage.quick_read import BUSY_TIMEOUT_S, QuickReader
from readiness.storage.rows import detail_of, detail_to_json

_STORED = "%Y-%m-%d %H:%M:%S.%f"
"""How SQLAlchemy stores a DateTime in SQLite (UTC, no offset; DESIGN section 4)."""


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STORED)


class QuickWriter(QuickReader):
    """A read-write ``sqlite3`` connection to a database file of ours at schema head, with
    every write in an explicit ``BEGIN IMMEDIATE`` transaction."""

    @classmethod
    def open_for_writing(cls, path: Path | None) -> QuickWriter | None:
        """The writer, or None when the full (SQLAlchemy) path must open this database: the
        checks of :meth:`QuickReader.open`, plus a file in WAL mode that SQLite may write."""
        connection = cls.connect(path, "rw")
        if connection is None:
            return None
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                raise LookupError
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = FULL")
            # from now on a write waits for another writer as long as the Workspace would
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        except (sqlite3.Error, LookupError):
            connection.close()
            return None
        return cls(connection)

    def begin(self) -> None:
        """Take the write lock now (waiting up to the busy timeout)."""
        self.connection.execute("BEGIN IMMEDIATE")

    def begin_read(self) -> None:
        """A read transaction: one snapshot of the file, no write lock."""
        self.connection.execute("BEGIN")

    def commit(self) -> None:
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the open transaction, if any (closing the connection undoes it anyway)."""
        if self.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")

    def current(self, assessment_id: str, question_id: str) -> AnswerDetail:
        """The stored state of one question (an empty AnswerDetail when never answered)."""
        row = self.connection.execute(
            "SELECT option_id, na_justification, text, comment, flagged, evidence_kind,"
            " evidence_reference, evidence_date FROM answers"
            " WHERE assessment_id = ? AND question_id = ?",
            (assessment_id, question_id),
        ).fetchone()
        return detail_of(*row) if row else AnswerDetail()

    def save_answer(
        self, assessment_id: str, question_id: str, detail: AnswerDetail
    ) -> Change | None:
        """``repository.save_answer`` (an edit): the answer row and its history entry; None
        when nothing changed. The caller then stores the score with ``change.at``."""
        before = self.current(assessment_id, question_id)
        if before == detail:
            return None
        now = datetime.now(UTC)
        answer, evidence = detail.answer, detail.evidence
        values = (
            answer.option_id if isinstance(answer, ChoiceAnswer) else None,
            answer.justification if isinstance(answer, NotApplicable) else None,
            answer.text if isinstance(answer, TextAnswer) else None,
            detail.comment,
            detail.flagged,
            False,  # to_review: any change reviews an answer carried by an upgrade
            _stored(now),
            evidence.kind.value if evidence else None,
            evidence.reference if evidence else None,
            evidence.date.isoformat() if evidence else None,
        )
        updated = self.connection.execute(
            "UPDATE answers SET option_id = ?, na_justification = ?, text = ?, comment = ?,"
            " flagged = ?, to_review = ?, updated_at = ?, evidence_kind = ?,"
            " evidence_reference = ?, evidence_date = ?"
            " WHERE assessment_id = ? AND question_id = ?",
            (*values, assessment_id, question_id),
        )
        if updated.rowcount == 0:
            self.connection.execute(
                "INSERT INTO answers (option_id, na_justification, text, comment, flagged,"
                " to_review, updated_at, evidence_kind, evidence_reference, evidence_date,"
                " assessment_id, question_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, assessment_id, question_id),
            )
        entry = self.connection.execute(
            "INSERT INTO answer_history (assessment_id, question_id, action, target_id, before,"
            " after, at) VALUES (?, ?, 'edit', NULL, ?, ?, ?)",
            (
                assessment_id,
                question_id,
                detail_to_json(before),
                detail_to_json(detail),
                _stored(now),
            ),
        )
        assert entry.lastrowid is not None
        return Change(entry.lastrowid, question_id, before, detail, now)

    def store_score(
        self,
        assessment_id: str,
        score: float,
        level: int,
        completeness: float,
        complete: bool,
        updated_at: datetime,
        domain_scores: dict[str, float | None],
    ) -> None:
        """``repository.store_score``: the score cache, the status rule (an incomplete
        assessment is a draft; one that just became complete is completed; a complete one
        keeps its status) and the last-change time, in one statement."""
        status = (
            "CASE WHEN completeness IS NULL OR completeness < 1 THEN ? ELSE status END"
            if complete
            else "?"
        )
        self.connection.execute(
            f"UPDATE assessments SET score = ?, level = ?, status = {status},"
            " completeness = ?, domain_scores = ?, updated_at = ? WHERE id = ?",
            (
                score,
                level,
                Status.COMPLETED.value if complete else Status.DRAFT.value,
                completeness,
                json.dumps(domain_scores),
                _stored(updated_at),
                assessment_id,
            ),
        )
