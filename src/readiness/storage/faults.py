"""Database failures as one line a person can act on (DESIGN section 4), and as a log entry that
holds no user data.

A driver error carries the SQL statement, its parameters (the user's own answers and comments,
possibly TLP:RED) and a link to a web page. None of that may reach a screen or a log file: the
user reads what happened (busy, read-only file, read-only folder, disk full, damaged, missing
table) and the log gets the error class, the driver's error code and the statement's shape
(literals replaced by ``?``, never parameters).
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError, StatementError

from readiness.i18n import _
from readiness.storage import dialects
from readiness.storage.errors import DatabaseFileError

SHAPE_LIMIT = 200
"""Characters of a statement's shape kept in the log."""

FULL_BELOW = 256 * 1024
"""Bytes free below which an I/O error on the database is taken for a full disk."""

_LITERALS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\b\d+(?:\.\d+)?\b|x'[0-9a-fA-F]*'")
_NOT_UTF8 = re.compile(r"Could not decode to UTF-8 column '([A-Za-z0-9_.]{1,64})'")
_NO_SUCH_TABLE = re.compile(r"no such table: ([A-Za-z0-9_.]{1,64})")


class StorageFault(DatabaseFileError):
    """A database failure put into one line for the user; ``kind`` names the fault for tests
    and logs (busy, readonly-file, readonly-folder, full, damaged, missing-table, io, other)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def is_storage_error(exc: BaseException) -> bool:
    """Whether ``exc`` comes from the database layer (SQLAlchemy or the sqlite3 driver)."""
    return isinstance(exc, SQLAlchemyError | sqlite3.Error)


def translate(exc: BaseException, path: Path | None) -> StorageFault:
    """The one-line fault for a database error ``exc`` raised while using the file ``path``
    (None for a database behind a URL). Logs the error's class and statement shape."""
    kind, message = _classify(exc, path)
    _log(exc, kind)
    return StorageFault(message, kind)


def driver_problem(exc: BaseException, backend: str) -> DatabaseFileError:
    """One line for a database URL the app cannot connect with: an unknown kind of database or
    a driver that is not installed (says what to install)."""
    if isinstance(exc, ImportError):
        module = (exc.name or "").split(".")[0] or backend
        return DatabaseFileError(
            _(
                "the database driver '{module}' for {backend} URLs is not installed; install it "
                "(pip install {module}) or use another database"
            ).format(module=module, backend=backend)
        )
    return DatabaseFileError(
        _(
            "READINESS_DATABASE_URL names a kind of database this app cannot use ('{backend}'); "
            "use sqlite:///FILE or postgresql+psycopg://..."
        ).format(backend=backend)
    )


def statement_shape(statement: str | None) -> str:
    """``statement`` with every literal replaced by ``?`` and whitespace collapsed, cut to
    SHAPE_LIMIT characters: enough to know which query failed, never what it carried."""
    if not statement:
        return "-"
    shape = " ".join(_LITERALS.sub("?", statement).split())
    return shape if len(shape) <= SHAPE_LIMIT else shape[: SHAPE_LIMIT - 1] + "…"


def _driver_error(exc: BaseException) -> BaseException:
    return exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc


def _code_name(error: BaseException) -> str:
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return str(name)
    code = getattr(error, "pgcode", None) or getattr(error, "sqlstate", None)
    return f"SQLSTATE {code}" if code else type(error).__name__


def _classify(exc: BaseException, path: Path | None) -> tuple[str, str]:
    where = str(path) if path is not None else _("the database")
    error = _driver_error(exc)
    if not isinstance(error, sqlite3.Error) and (server := dialects.server_fault(exc)):
        return server  # a database server's fault, by SQLSTATE (storage.dialects)
    name = _code_name(error)
    text = str(error.args[0]) if error.args and isinstance(error.args[0], str) else ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "busy", _("the database is busy: another program is writing to it; try again")
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _disk_full(path)):
        return "full", _(
            "the disk holding {where} is full: nothing was saved; free some space and try again"
        ).format(where=where)
    if name.startswith("SQLITE_READONLY") or (
        name.startswith("SQLITE_CANTOPEN") and path is not None and not _writable(path.parent)
    ):
        return _read_only(path, where)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return "damaged", _(
            "{where} is damaged: SQLite cannot read it; open a backup copy instead"
        ).format(where=where)
    if match := _NO_SUCH_TABLE.search(text):
        return "missing-table", _(
            "{where} has no table '{table}': it is damaged or was changed by another program"
        ).format(where=where, table=match.group(1))
    if name.startswith("SQLITE_IOERR"):
        return "io", _(
            "cannot read or write {where}: input/output error (disk removed or failing?)"
        ).format(where=where)
    if name.startswith("SQLITE_CANTOPEN"):
        return "io", _("cannot open {where}").format(where=where)
    if path is None and "connection" in text and "failed" in text:
        return "unreachable", _(
            "cannot reach the database server named by READINESS_DATABASE_URL (is it running, "
            "and are the host, port and name right?)"
        )
    if "invalid dsn" in text or "invalid connection option" in text:
        return "other", _(
            "the database URL has an option the driver does not know; fix READINESS_DATABASE_URL"
        )
    if match := _NOT_UTF8.search(text):  # Python's sqlite3 quotes the value: never shown
        return "damaged", _(
            "{where} holds text that is not valid UTF-8 in column '{column}': it was changed "
            "by another program"
        ).format(where=where, column=match.group(1))
    if isinstance(error, sqlite3.Error) and text:
        # SQLite's own messages name tables and columns, never values; other drivers' details
        # may quote values (PostgreSQL's "Key (name)=(...)"), so they get the code only.
        reason = text.splitlines()[0][:200]
        return "other", _("database error ({name}: {reason})").format(name=name, reason=reason)
    return "other", _("database error ({name})").format(name=name)


def _read_only(path: Path | None, where: str) -> tuple[str, str]:
    if path is not None and path.exists() and not _writable(path):
        return "readonly-file", _(
            "{where} is read-only: nothing was saved; make the file writable or use another file"
        ).format(where=where)
    if path is not None and not _writable(path.parent):
        return "readonly-folder", _(
            "the folder {folder} is read-only: the database needs to write files beside "
            "{name}; make the folder writable or move the file"
        ).format(folder=path.parent, name=path.name)
    return "readonly-file", _("{where} is read-only: nothing was saved").format(where=where)


def _disk_full(path: Path | None) -> bool:
    """Whether the file system holding ``path`` has (next to) no room left: SQLite reports a
    full disk as an I/O error when it cannot grow its shared-memory index or log."""
    if path is None:
        return False
    try:
        stats = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < FULL_BELOW


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _log(exc: BaseException, kind: str) -> None:
    from readiness.logs import logger

    error = _driver_error(exc)
    statement = exc.statement if isinstance(exc, StatementError) else None
    logger().warning(
        "database fault %s: %s (%s) in %s",
        kind,
        type(exc).__name__,
        _code_name(error),
        statement_shape(statement),
    )
