"""Migrations (DESIGN section 4): a database at the first schema revision is backed up with the
SQLite backup API, migrated to head at start, and its score cache filled in."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from readiness.domain.answers import ChoiceAnswer
from readiness.domain.scoring import score, shown
from readiness.questionnaire.loader import load_file
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import database
from readiness.storage.database import HEAD, REVISIONS
from readiness.storage.recognise import APPLICATION_ID
from storage_helpers import (
    MINI,
    alembic_upgrade,
    dump,
    integrity,
    pragma,
    query,
    raw,
    script_head,
    script_revisions,
)

BACKUP_NAME = re.compile(r"^old\.db\.backup-\d{8}-\d{6}$")
ANY_BACKUP = re.compile(r"\.backup-\d{8}-\d{6}(-\d+)?$")  # not its -wal/-shm


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ANY_BACKUP.search(p.name))


WHEN = "2025-03-04 05:06:07.000000"
ORG = "00000000-0000-4000-8000-000000000001"
DONE = "00000000-0000-4000-8000-00000000000a"
HALF = "00000000-0000-4000-8000-00000000000b"


def test_revisions_constant_matches_alembic() -> None:
    assert script_head() == REVISIONS[-1] == HEAD
    assert script_revisions() == list(REVISIONS)


def build_0001(path: Path) -> None:
    """A database as version 0001 of the app left it: its schema, data inserted by plain SQL."""
    alembic_upgrade(path, "0001")
    content = MINI.read_text(encoding="utf-8")
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    with raw(path) as db:
        db.execute(
            "INSERT INTO organisations VALUES (?, ?, 'company', 'Energy', 'DE', ?)",
            (ORG, "Старая <b>Org</b> 🛰", WHEN),
        )
        db.execute(
            "INSERT INTO questionnaire_snapshots VALUES (1, 'mini', '1.0.0', ?, ?, ?)",
            (digest, content, WHEN),
        )
        for assessment, title in ((DONE, "Complete"), (HALF, "Half done")):
            db.execute(
                "INSERT INTO assessments VALUES (?, ?, 1, ?, 'draft', 'TLP:AMBER', 'Me', ?, ?)",
                (assessment, ORG, title, WHEN, WHEN),
            )
        answers = [
            (DONE, "trust.contact", "4", None, None, "=1+1", 1),
            (DONE, "trust.isac", "3", None, None, "", 0),
            (DONE, "legal.nda", "2", None, None, "", 0),
            (DONE, "trust.notes", None, None, "free\ntext", "", 0),
            (HALF, "trust.contact", "1", None, None, "", 0),
        ]
        db.executemany(
            "INSERT INTO answers (assessment_id, question_id, option_id, na_justification, text,"
            " comment, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, WHEN) for row in answers],
        )
        db.execute(
            "INSERT INTO answer_history (assessment_id, question_id, action, target_id, before,"
            " after, at) VALUES (?, 'trust.contact', 'edit', NULL, '{}', '{\"option\": \"1\"}', ?)",
            (HALF, WHEN),
        )
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.commit()


def test_old_database_is_backed_up_migrated_and_rescored(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    build_0001(db)
    assert query(db, "SELECT version_num FROM alembic_version") == [("0001",)]
    before = dump(db)

    workspace = Workspace.open(db)
    try:
        # Migrated to head, still ours.
        assert query(db, "SELECT version_num FROM alembic_version") == [(HEAD,)]
        assert pragma(db, "application_id") == APPLICATION_ID
        # The score cache was filled in for both assessments (refresh_stale_scores at open).
        assert query(db, "SELECT COUNT(*) FROM assessments WHERE score IS NULL") == [(0,)]
        mini = load_file(MINI).questionnaire
        full = score(
            mini,
            {
                q: ChoiceAnswer(o)
                for q, o in {"trust.contact": "4", "trust.isac": "3", "legal.nda": "2"}.items()
            },
        )
        half = score(mini, {"trust.contact": ChoiceAnswer("1")})
        summaries = {a.id: a for a in workspace.assessments()}
        assert summaries[DONE].score == shown(full.overall)
        assert summaries[DONE].level == full.level.level
        assert summaries[DONE].completeness == 1.0
        assert summaries[DONE].status.value == "completed"
        assert summaries[HALF].score == shown(half.overall)
        assert summaries[HALF].completeness == pytest.approx(half.completeness)
        assert summaries[HALF].status.value == "draft"
        # The data came through the migration unchanged.
        assert summaries[DONE].organisation == "Старая <b>Org</b> 🛰"
        state = workspace.state(DONE)
        assert state.details["trust.contact"].comment == "=1+1"
        assert state.details["trust.contact"].flagged is True
        assert state.details["trust.notes"].answer.text == "free\ntext"  # type: ignore[union-attr]
        assert len(workspace.history(HALF)) == 1
        assert workspace.can_undo_redo(HALF) == (True, False)
    finally:
        workspace.close()

    # One timestamped backup beside it: a sound SQLite file at 0001 with the same data.
    found = backups(tmp_path)
    assert len(found) == 1, found
    backup = found[0]
    assert BACKUP_NAME.match(backup.name), backup.name
    assert integrity(backup) == "ok"
    assert query(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert pragma(backup, "application_id") == APPLICATION_ID
    assert dump(backup) == before

    # A database already at head is not backed up again.
    Workspace.open(db).close()
    assert backups(tmp_path) == found


def test_backup_is_recognised_by_the_app(tmp_path: Path) -> None:
    """The backup is a readiness database too: opening it migrates it (backing it up in turn)."""
    db = tmp_path / "old.db"
    build_0001(db)
    Workspace.open(db).close()
    (backup,) = backups(tmp_path)
    workspace = Workspace.open(backup)
    try:
        assert {a.id for a in workspace.assessments()} == {DONE, HALF}
    finally:
        workspace.close()
    assert query(backup, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_new_database_is_created_at_head_without_backup(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "folder" / "new.db"
    db.parent.mkdir(parents=True)  # the app creates the file only, never folders (issue 8)
    Workspace.open(db).close()
    assert query(db, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert pragma(db, "application_id") == APPLICATION_ID
    assert pragma(db, "journal_mode") == "wal"
    assert backups(db.parent) == []


def test_failed_migration_rolls_back_and_says_so(tmp_path: Path) -> None:
    """0002 adds score, level, completeness; a file that already has `completeness` makes it
    fail on the third column: the first two must be rolled back, and the file stays at 0001."""
    db = tmp_path / "old.db"
    build_0001(db)
    with raw(db) as connection:
        connection.execute("ALTER TABLE assessments ADD COLUMN completeness REAL")
        connection.commit()
    before = dump(db)
    with pytest.raises(UserError) as raised:
        Workspace.open(db)
    message = str(raised.value)
    assert "\n" not in message and "completeness" in message and str(db) in message
    assert query(db, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert dump(db) == before  # score and level were not left behind
    assert integrity(db) == "ok"
    (backup,) = backups(tmp_path)
    assert dump(backup) == before


def test_backups_in_the_same_second_do_not_overwrite_each_other(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    build_0001(db)
    first, second = database.backup(db), database.backup(db)
    assert first != second and first.exists() and second.exists()
    assert dump(first) == dump(second) == dump(db)
