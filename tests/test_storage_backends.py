"""The same schema, order and time on every backend (DESIGN sections 4 and 12): migrations agree
with the models, constraints carry their conventional names, timestamps come back in UTC,
lists are ordered the same whatever the server's collation, and a server that cannot be
reached is one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from backends import Backend
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import dialects
from readiness.storage import repository as repo
from readiness.storage.database import HEAD, MIGRATIONS, open_database
from readiness.storage.locking import insert_or_get
from readiness.storage.models import Base, SnapshotRow
from storage_helpers import MINI, load, start


def test_migrated_schema_matches_the_models(backend: Backend) -> None:
    """Alembic's own comparison finds nothing to change after migrating a new database."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    open_database(backend.target).close()
    engine = create_engine(backend.sqlalchemy_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
    assert backend.query("SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert MIGRATIONS.is_dir()


def test_constraints_follow_the_naming_convention(backend: Backend) -> None:
    if not backend.is_postgresql:
        pytest.skip("SQLite keeps constraint names only in its CREATE TABLE text")
    open_database(backend.target).close()
    names = {
        row[0]
        for row in backend.query(
            "SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"
        )
    }
    assert {
        "pk_organisations",
        "pk_assessments",
        "uq_questionnaire_snapshots_sha256",
        "uq_answers_assessment_id_question_id",
        "fk_answers_assessment_id_assessments",
        "fk_assessments_organisation_id_organisations",
    } <= names
    names.discard("alembic_version_pkc")  # Alembic's own table
    assert all(name.split("_")[0] in {"pk", "uq", "fk", "ck"} for name in names), names


def test_timestamps_are_utc_whatever_the_server_says(backend: Backend) -> None:
    workspace = Workspace.open(backend.target)
    try:
        before = datetime.now(UTC) - timedelta(seconds=5)
        assessment = start(workspace, load(MINI))
        change = workspace.answer(assessment, "trust.contact", "2")
        summary = workspace.assessment(assessment)
    finally:
        workspace.close()
    after = datetime.now(UTC) + timedelta(seconds=5)
    assert change is not None
    for moment in (summary.created_at, summary.updated_at, change.at):
        assert moment.utcoffset() == timedelta(0)
        assert before <= moment <= after
    if backend.is_postgresql:
        kinds = backend.query(
            "SELECT DISTINCT data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND data_type LIKE 'timestamp%%'"
        )
        assert kinds == [("timestamp with time zone",)]


NAMES = ["beta", "Alpha", "alpha", "Émile", "zeta", "Zulu", "ärger", "_under", "10 Corps", "2 Div"]


def test_lists_are_ordered_the_same_on_every_server(backend: Backend) -> None:
    workspace = Workspace.open(backend.target)
    try:
        for name in NAMES:
            workspace.add_organisation(name, "company")
        listed = [o.name for o in workspace.organisations()]
    finally:
        workspace.close()
    assert listed == sorted(NAMES, key=lambda n: (n.casefold(), n))


def test_a_row_added_meanwhile_by_another_writer_is_used(backend: Backend) -> None:
    """``insert_or_get``: the look finds nothing, but another writer's row is there by the time
    we insert; our unique violation (SQLSTATE 23505) is recognised and that row is used."""
    database = open_database(backend.target)
    try:
        with database.write() as session:
            first = repo.snapshot_id(session, "q", "1", "a" * 64, "content")
        looks: list[int | None] = []

        def find() -> int | None:
            looks.append(None if not looks else first)
            return looks[-1]

        def insert() -> int:
            row = _snapshot("a" * 64)
            session.add(row)
            session.flush()
            return row.id

        with database.write() as session:
            assert insert_or_get(session, find, insert) == first
            assert len(looks) == 2
            session.add(_snapshot("c" * 64))  # the transaction itself is still usable
        assert backend.count("questionnaire_snapshots") == 2
    finally:
        database.close()


def test_busy_and_unique_states_are_read_from_error_codes(backend: Backend) -> None:
    """No message text involved: the SQLSTATE comes from the driver's code."""
    database = open_database(backend.target)
    try:
        with pytest.raises(IntegrityError) as raised, database.write() as session:
            session.add_all([_snapshot("b" * 64), _snapshot("b" * 64)])
            session.flush()
        assert dialects.sqlstate(raised.value) == dialects.UNIQUE_VIOLATION
        assert not dialects.is_busy(raised.value)
    finally:
        database.close()


def _snapshot(sha: str) -> SnapshotRow:
    return SnapshotRow(questionnaire_id="q", version="1", sha256=sha, content="x")


@pytest.mark.parametrize("scheme", ["postgresql+psycopg", "postgresql"])
def test_unreachable_server_is_one_line_and_touches_nothing(tmp_path: Path, scheme: str) -> None:
    """A server that is not there (a socket folder with no server in it): one clear line,
    exit 1, and the local database file is neither created nor changed."""
    pytest.importorskip("psycopg")
    local = tmp_path / "local.db"
    env = dict(os.environ)
    env.pop("READINESS_DB", None)
    # A plain postgresql:// URL means psycopg 3 too (SQLAlchemy's default is psycopg2).
    env["READINESS_DATABASE_URL"] = f"{scheme}://someone:secret@/cell?host={tmp_path}"
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "org", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "cannot connect to the database server" in lines[0]
    assert "secret" not in lines[0] and "someone" not in lines[0]
    assert not local.exists()
    with pytest.raises(UserError, match="cannot connect"):
        Workspace.open(make_url(env["READINESS_DATABASE_URL"]))


def test_a_save_waiting_too_long_for_another_writer_is_busy(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another session holds the assessment's row (as a save in progress does): our save
    waits for it, then, past the lock timeout, is refused as busy (SQLSTATE 55P03), one line,
    nothing written; once the other finishes, the save goes through."""
    if not backend.is_postgresql:
        pytest.skip("SQLite's busy case is in the storage fault tests")
    from backends import pg_connection

    monkeypatch.setattr(dialects, "LOCK_TIMEOUT_MS", 300)
    workspace = Workspace.open(backend.target)
    try:
        assessment = start(workspace, load(MINI))
        assert backend.url is not None
        with pg_connection(backend.url) as other:
            other.execute("BEGIN")
            other.execute("SELECT id FROM assessments WHERE id = %s FOR UPDATE", (assessment,))
            with pytest.raises(UserError, match="busy") as refused:
                workspace.answer(assessment, "trust.contact", "2")
            assert len(str(refused.value).splitlines()) == 1
            other.execute("ROLLBACK")
        assert backend.count("answer_history") == 0
        assert workspace.answer(assessment, "trust.contact", "2") is not None
    finally:
        workspace.close()
