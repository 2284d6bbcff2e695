"""Opening the database: recognise, back up, migrate, then hand out short sessions.

SQLite runs in WAL mode with foreign keys on, a busy timeout and FULL synchronous commits,
so every acknowledged answer is on disk and two app instances can share one file. Write
transactions start with BEGIN IMMEDIATE: they take the write lock up front and wait for it
(busy timeout) instead of failing when another process wrote after they first read.
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from readiness.i18n import _
from readiness.storage import dialects, faults, location
from readiness.storage.backup import backup
from readiness.storage.errors import DatabaseFileError
from readiness.storage.recognise import APPLICATION_ID, FileState, recognise
from readiness.storage.revisions import HEAD, REVISIONS

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 15_000


class Database:
    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self.backup: Path | None = None
        _OPEN.add(self)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One committed transaction; rolled back entirely if anything fails."""
        with self.engine.connect() as connection:
            connection.execution_options(immediate=True)
            with Session(bind=connection, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise

    def close(self) -> None:
        _OPEN.discard(self)
        self.engine.dispose()


_OPEN: weakref.WeakSet[Database] = weakref.WeakSet()


def open_files() -> list[Path]:
    """Every file an open database of this process uses (the file and its -wal, -shm and
    -journal): nothing else may write over them (an export, say)."""
    return [
        database.path.with_name(database.path.name + suffix)
        for database in list(_OPEN)
        if database.path is not None
        for suffix in ("", "-wal", "-shm", "-journal")
    ]


OPEN_LOCK_SECONDS = 60


@contextmanager
def _opening_lock(path: Path | None) -> Iterator[None]:
    """Serialise recognising, creating and migrating SQLite files of one folder between
    processes (an advisory ``flock`` on the folder; no file is created).

    Two instances starting at once on a missing file would otherwise race: one could find the
    other's half-made file (tables, no application id yet) and refuse it, or re-run a migration
    the other already applied. No-op where ``fcntl`` is missing (Windows) or the folder is.
    Raises DatabaseFileError after OPEN_LOCK_SECONDS of waiting.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    if path is None:
        yield
        return
    if location.is_default(path):
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:  # a missing or unreadable folder: open_database says what is wrong
        yield
        return
    try:
        deadline = time.monotonic() + OPEN_LOCK_SECONDS
        while True:
            try:
                fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseFileError(
                        _(
                            "another instance has been opening or upgrading {path} for over a "
                            "minute; try again when it has finished"
                        ).format(path=path)
                    ) from None
                time.sleep(0.05)
            except OSError:  # a file system without locks: carry on unlocked
                break
        yield
    finally:
        os.close(folder)  # closing the descriptor releases the lock


def open_database(db: str | Path | URL | None = None) -> Database:
    """Open (creating or migrating as needed) the database chosen by ``db`` or the env.

    Raises DatabaseFileError (one clear line) for a file that is not ours, damaged, newer, or
    in a folder that does not exist; StorageFault for a database error.
    """
    url = location.resolve(db)
    path = location.sqlite_path(url)
    with _opening_lock(path):
        return _open_database(url, path)


def _open_database(url: URL, path: Path | None) -> Database:
    revision: str | None = None
    if path is not None:
        state = recognise(path, REVISIONS)
        revision = state.revision if state.state is FileState.OURS else None
        if not path.parent.is_dir() and not location.is_default(path):
            raise DatabaseFileError(  # create the file only, never folders someone mistyped
                _(
                    "the folder {folder} does not exist: create it first or choose another "
                    "file (nothing was created)"
                ).format(folder=path.parent)
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseFileError(
                _("cannot create the folder for {path}: {reason}").format(
                    path=path, reason=exc.strerror
                )
            ) from exc
    try:
        engine = _engine(url)
    except (ImportError, SQLAlchemyError) as exc:
        raise faults.driver_problem(exc, url.get_backend_name()) from None
    database = Database(engine, path)
    migrating = False
    try:
        if path is None:
            revision = _current_revision(engine)
            if revision is not None and revision not in REVISIONS:
                raise DatabaseFileError(
                    _(
                        "the database was written by a newer version of Partnership Readiness "
                        "(schema {revision}); update the application to open it"
                    ).format(revision=revision)
                )
        if revision != HEAD:
            if path is not None and revision is not None:
                database.backup = backup(path)
            migrating = True
            _migrate(engine)
    except DatabaseFileError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as exc:
        engine.dispose()
        if path is None and dialects.unreachable(exc):
            raise DatabaseFileError(
                _(
                    "cannot connect to the database server {where}: is it running and "
                    "reachable, and are the user, password and database name right? "
                    "(nothing was changed)"
                ).format(where=dialects.server_name(url))
            ) from None
        fault = faults.translate(exc, path)
        if not migrating or fault.kind != "other":
            raise fault from None
        raise DatabaseFileError(
            _("cannot upgrade {where} to this version: {reason}; it was left as it was").format(
                where=path or _("the database"), reason=fault
            )
        ) from None
    return database


def _engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return dialects.server_engine(url)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        connection.execution_options(immediate=True)
        dialects.serialise_migrations(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
        if connection.dialect.name == "sqlite":  # put the id into the file header now
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # autocommit: outside a transaction
