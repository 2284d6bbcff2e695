"""Reading assessments straight through ``sqlite3``, without SQLAlchemy (issue 17).

The command line's read commands (``assessment list``, ``assessment show``) and the window's
first page would otherwise spend most of their time importing SQLAlchemy. On a SQLite file of
ours that is already at the current schema revision, with every score cache filled, they read
through here instead. :meth:`QuickReader.open` says None whenever anything needs the full path
(no file, a database URL, a foreign, older or newer file, empty score caches, a file SQLite
cannot open read-only); callers then open the Workspace, which also gives every error message.
The rows are mapped by ``rows.py``, as ``repository.py`` maps them, and the queries select the
same columns (tests/test_quick_read.py compares both paths on the same files).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from readiness.domain.answers import AnswerDetail
from readiness.domain.records import AssessmentSummary, Organisation
from readiness.storage.revisions import APPLICATION_ID, HEAD
from readiness.storage.rows import detail_of, name_order, organisation_of, summary_of

SUMMARY_SQL = (
    "SELECT a.id, a.organisation_id, o.name, s.questionnaire_id, s.version, a.title, a.status,"
    " a.marking, a.assessor, a.created_at, a.updated_at, s.sha256, a.completeness, a.score,"
    " a.level, a.demo FROM assessments a JOIN organisations o ON a.organisation_id = o.id"
    " JOIN questionnaire_snapshots s ON a.snapshot_id = s.id"
    " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL"
)
"""Live assessments (DESIGN section 4: neither it nor its organisation in the trash), in the
column order of ``rows.summary_of``."""

ANSWERS_SQL = (
    "SELECT question_id, option_id, na_justification, text, comment, flagged, evidence_kind,"
    " evidence_reference, evidence_date FROM answers WHERE assessment_id = ?"
)
STALE_SQLITE = (
    "(typeof(assessments.score) NOT IN ('integer', 'real')"
    " OR typeof(assessments.level) != 'integer'"
    " OR typeof(assessments.completeness) NOT IN ('integer', 'real'))"
)
"""A score cache holding something that is not a number (SQLite columns take any value, so a
file changed by another program can): it is computed again from the answers, never shown."""
BUSY_TIMEOUT_S = 15.0
"""How long a write waits for another writer, as ``database.py`` does."""
CHECK_TIMEOUT_S = 0.05
"""How long the quick paths wait for a lock while reading: another program holding the file
(a DELETE-journal file being written, say) sends the command to the Workspace at once, which
then waits its full busy timeout once, instead of twice (and never on the window's thread)."""
MIN_PREFIX = 4


class QuickReader:
    """A read-only ``sqlite3`` connection to a database file of ours at schema head."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    @classmethod
    def open(cls, path: Path | None) -> QuickReader | None:
        """The reader, or None when the full (SQLAlchemy) path must open this database."""
        connection = cls.connect(path, "ro")
        if connection is None:
            return None
        try:
            connection.execute("BEGIN")  # one snapshot of the file for every read below
        except sqlite3.Error:
            connection.close()
            return None
        return cls(connection)

    @classmethod
    def connect(cls, path: Path | None, mode: str) -> sqlite3.Connection | None:
        """A ``sqlite3`` connection to the file at ``path`` (``mode`` "ro" or "rw", no
        implicit transactions) that passed :meth:`checks`; None when there is no such file,
        SQLite cannot open it, or it fails the checks."""
        if path is None or not path.is_file():
            return None
        try:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode={mode}",
                uri=True,
                timeout=CHECK_TIMEOUT_S,  # a held file goes to the Workspace at once
                isolation_level=None,  # transactions are explicit: BEGIN ... COMMIT
            )
        except (sqlite3.Error, ValueError):
            return None
        try:
            if cls.checks(connection):
                return connection
        except sqlite3.Error:
            pass
        connection.close()
        return None

    @staticmethod
    def checks(connection: sqlite3.Connection) -> bool:
        """Whether the file is ours, at schema head, with every score cache filled. Raises
        sqlite3.Error when SQLite cannot read it."""
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD,)]:
            return False
        stale = connection.execute(
            "SELECT 1 FROM assessments WHERE score IS NULL OR domain_scores IS NULL"
            f" OR {STALE_SQLITE} LIMIT 1"
        ).fetchone()
        return stale is None

    def close(self) -> None:
        self.connection.close()

    def assessments(self) -> list[AssessmentSummary]:
        """Live assessments, sorted as ``repository.assessments`` sorts them."""
        found = [summary_of(row) for row in self.connection.execute(SUMMARY_SQL)]
        return sorted(found, key=lambda a: (*name_order(a.organisation), a.created_at, a.id))

    def organisations(self) -> list[Organisation]:
        """Live organisations, sorted as ``repository.organisations`` sorts them."""
        rows = self.connection.execute(
            "SELECT id, name, kind, sector, country, demo FROM organisations"
            " WHERE deleted_at IS NULL"
        )
        found = [organisation_of(row) for row in rows]
        return sorted(found, key=lambda o: (*name_order(o.name), o.id))

    def resolve(self, given: str) -> str | None:
        """The live assessment id ``given`` names: itself, or the one live id it is a prefix
        of (at least MIN_PREFIX characters, any case). None in every other case: the
        Workspace then says what is wrong (unknown, too short, ambiguous, in the trash)."""
        if self.connection.execute(SUMMARY_SQL + " AND a.id = ?", (given,)).fetchone():
            return given
        if len(given) < MIN_PREFIX:
            return None
        rows = self.connection.execute(
            "SELECT a.id FROM assessments a JOIN organisations o ON a.organisation_id = o.id"
            " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL"
            " AND substr(lower(a.id), 1, ?) = ? LIMIT 2",
            (len(given), given.lower()),
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def assessment(self, assessment_id: str) -> AssessmentSummary | None:
        row = self.connection.execute(SUMMARY_SQL + " AND a.id = ?", (assessment_id,)).fetchone()
        return summary_of(row) if row else None

    def imported(self, assessment_id: str) -> bool:
        """Whether the assessment came in an exchange package (DESIGN section 8)."""
        return (
            self.connection.execute(
                "SELECT 1 FROM assessment_origins WHERE assessment_id = ?", (assessment_id,)
            ).fetchone()
            is not None
        )

    def snapshot_content(self, sha256: str) -> str | None:
        row = self.connection.execute(
            "SELECT content FROM questionnaire_snapshots WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return row[0] if row else None

    def answers(self, assessment_id: str) -> dict[str, AnswerDetail]:
        rows = self.connection.execute(ANSWERS_SQL, (assessment_id,))
        return {row[0]: detail_of(*row[1:]) for row in rows}
