"""What differs between SQLite and a PostgreSQL server (DESIGN sections 4 and 12).

- ``server_engine(url)``: the engine for a database server (``postgresql://`` means psycopg 3,
  the driver the ``postgres`` extra installs). PostgreSQL sessions run in UTC with
  a lock timeout as long as SQLite's busy timeout, so a writer that waits too long for another
  gets "busy" instead of hanging; the connection attempt gives up after ``CONNECT_TIMEOUT_S``.
- ``sqlstate(exc)``: the SQLSTATE of a database error (a five-character string such as
  ``"23505"``), read from the driver's error code, never from its message. SQLite's extended
  result codes are mapped onto the SQLSTATE classes they mean, so callers test one thing.
- ``unreachable(exc)``: True when no connection to the server could be made or kept. (When
  libpq fails to connect there is no SQLSTATE at all, whether the server is down or refused the
  login: the messages name both possibilities rather than guess from the text.)
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from readiness.i18n import _

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_MS = 15_000  # as long as SQLite's busy timeout (storage.database.BUSY_TIMEOUT_MS)

# SQLSTATE codes the app acts on (PostgreSQL, appendix A of its manual).
UNIQUE_VIOLATION = "23505"
FOREIGN_KEY_VIOLATION = "23503"
NOT_NULL_VIOLATION = "23502"
CHECK_VIOLATION = "23514"
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"
LOCK_NOT_AVAILABLE = "55P03"
QUERY_CANCELED = "57014"
DISK_FULL = "53100"
READ_ONLY = "25006"
IO_ERROR = "58030"
DATA_CORRUPTED = "XX001"
INSUFFICIENT_PRIVILEGE = "42501"
INVALID_PASSWORD = "28P01"
INVALID_AUTHORIZATION = "28000"
UNKNOWN_DATABASE = "3D000"

BUSY = frozenset({SERIALIZATION_FAILURE, DEADLOCK_DETECTED, LOCK_NOT_AVAILABLE, QUERY_CANCELED})
"""Another writer got in the way: trying again later will work."""

_SQLITE_STATES = {
    "SQLITE_CONSTRAINT_UNIQUE": UNIQUE_VIOLATION,
    "SQLITE_CONSTRAINT_PRIMARYKEY": UNIQUE_VIOLATION,
    "SQLITE_CONSTRAINT_FOREIGNKEY": FOREIGN_KEY_VIOLATION,
    "SQLITE_CONSTRAINT_NOTNULL": NOT_NULL_VIOLATION,
    "SQLITE_CONSTRAINT_CHECK": CHECK_VIOLATION,
    "SQLITE_BUSY": LOCK_NOT_AVAILABLE,
    "SQLITE_LOCKED": LOCK_NOT_AVAILABLE,
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_IOERR": IO_ERROR,
    "SQLITE_CORRUPT": DATA_CORRUPTED,
    "SQLITE_NOTADB": DATA_CORRUPTED,
}


def server_engine(url: URL) -> Engine:
    """An engine for a database server (anything but SQLite), checked before each use."""
    if url.get_backend_name() != "postgresql":
        return create_engine(url, pool_pre_ping=True)
    if url.drivername == "postgresql":  # SQLAlchemy's default would be psycopg2, not installed
        url = url.set(drivername="postgresql+psycopg")
    settings = f"-c timezone=UTC -c lock_timeout={LOCK_TIMEOUT_MS}"
    given = url.query.get("options")
    options = f"{given} {settings}" if isinstance(given, str) and given else settings
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "partnership-readiness",
        "options": options,
    }
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


MIGRATION_LOCK_KEY = 0x50524459  # "PRDY", as SQLite's application_id


def serialise_migrations(connection: Connection) -> None:
    """On PostgreSQL, wait for any other instance migrating the same database (a transaction
    advisory lock, released at commit), so two first starts at once do not both create the
    tables; Alembic then reads the revision the other committed. SQLite: BEGIN IMMEDIATE
    already did this."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE behind ``exc`` (a SQLAlchemy error or a driver error), or None."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    state = getattr(orig, "sqlstate", None)  # psycopg
    if isinstance(state, str) and state:
        return state
    if isinstance(orig, sqlite3.Error):
        name = getattr(orig, "sqlite_errorname", "") or ""
        if name in _SQLITE_STATES:
            return _SQLITE_STATES[name]
        primary = "_".join(name.split("_")[:2])  # SQLITE_BUSY_SNAPSHOT -> SQLITE_BUSY
        return _SQLITE_STATES.get(primary)
    return None


def is_unique_violation(exc: BaseException) -> bool:
    return sqlstate(exc) == UNIQUE_VIOLATION


def is_busy(exc: BaseException) -> bool:
    """Another writer held a lock too long, or the server chose us as a deadlock victim."""
    return sqlstate(exc) in BUSY


def unreachable(exc: SQLAlchemyError) -> bool:
    """The server could not be reached or dropped the connection (no SQLSTATE from a server,
    or a connection-class 08 / shutdown 57P0x state)."""
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        return False
    state = sqlstate(exc)
    return (
        state is None
        or state.startswith("08")
        or state in {"57P01", "57P02", "57P03"}
        or bool(exc.connection_invalidated)
    )


def server_name(url: URL) -> str:
    """Where a server database lives, for messages: host (or socket folder) and database name,
    never the user name or the password."""
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()}://{host}{port}/{url.database or ''}"


def server_fault(exc: BaseException) -> tuple[str, str] | None:
    """(kind, one line for the user) for a database server's failure, chosen by SQLSTATE; None
    when it is none of these (the caller then gives the code only: a server's own message may
    quote the user's values)."""
    if isinstance(exc, SQLAlchemyError) and unreachable(exc):
        return "unreachable", _(
            "the connection to the database server failed: nothing was saved; check the "
            "network and try again"
        )
    state = sqlstate(exc)
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if state is None and type(orig).__name__ == "DataError":
        # psycopg refuses, before sending, the one character PostgreSQL text cannot hold.
        return "text", _(
            "text with a NUL character (U+0000) cannot be stored on a PostgreSQL server; "
            "remove it and try again"
        )
    if state in BUSY:
        return "busy", _("the database is busy: another user is writing to it; try again")
    if state in {INVALID_PASSWORD, INVALID_AUTHORIZATION}:
        return "login", _(
            "the database server refused the login: check the user name and password "
            "(READINESS_DATABASE_URL or ~/.pgpass)"
        )
    if state == UNKNOWN_DATABASE:
        return "missing-database", _(
            "the database named in READINESS_DATABASE_URL does not exist on the server"
        )
    if state == INSUFFICIENT_PRIVILEGE:
        return "permission", _(
            "the database server refused this to the database role: it needs to own the "
            "database (see docs/shared-database.md)"
        )
    if state == DISK_FULL:
        return "full", _("the database server's disk is full: nothing was saved")
    if state == READ_ONLY:
        return "readonly-file", _("the database server is read-only: nothing was saved")
    return None
