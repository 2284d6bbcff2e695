"""Recognise a database file before touching it.

Everything here reads: the 100-byte SQLite header, then a read-only connection. Switching to
WAL or migrating rewrites the file, so that happens only once we know the file is ours (or
new), sound, and of a schema this version understands.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from readiness.i18n import _
from readiness.storage.errors import DatabaseFileError

APPLICATION_ID = 0x50524459  # "PRDY": marks SQLite files written by Partnership Readiness
SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    NEW = "new"  # missing, 0 bytes, or an SQLite file with no tables at all
    OURS = "ours"


@dataclass(frozen=True)
class Recognition:
    state: FileState
    revision: str | None = None


def recognise(path: Path, known_revisions: tuple[str, ...]) -> Recognition:
    if not path.exists() or path.stat().st_size == 0:
        return Recognition(FileState.NEW)
    if path.is_dir():
        raise DatabaseFileError(_("{path} is a folder, not a database file").format(path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseFileError(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseFileError(
            _("{path} is not a Partnership Readiness database (not an SQLite file)").format(
                path=path
            )
        )
    if len(header) < 100:
        raise DatabaseFileError(_("{path} is damaged: its header is cut short").format(path=path))
    _check_size(path, header)
    tables, revision, application_id = _read_schema(path)
    if application_id != APPLICATION_ID:
        if not tables:
            return Recognition(FileState.NEW)
        raise DatabaseFileError(
            _(
                "{path} belongs to another application (an SQLite file that is not a "
                "Partnership Readiness database); choose another file with --db"
            ).format(path=path)
        )
    if revision is None:
        raise DatabaseFileError(_("{path} is damaged: it has no schema version").format(path=path))
    if revision not in known_revisions:
        raise DatabaseFileError(
            _(
                "{path} was written by a newer version of Partnership Readiness "
                "(schema {revision}); update the application to open it"
            ).format(path=path, revision=revision)
        )
    return Recognition(FileState.OURS, revision)


def _check_size(path: Path, header: bytes) -> None:
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter = header[24:28]
    pages = struct.unpack(">I", header[28:32])[0]
    valid_for = header[92:96]
    size = path.stat().st_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseFileError(_("{path} is damaged: invalid page size").format(path=path))
    if size % page_size:
        raise DatabaseFileError(
            _("{path} is damaged: it ends in the middle of a page (truncated?)").format(path=path)
        )
    if pages and change_counter == valid_for and size < pages * page_size:
        raise DatabaseFileError(
            _("{path} is damaged: it is shorter than its header says (truncated)").format(path=path)
        )


def _read_schema(path: Path) -> tuple[set[str], str | None, int]:
    """Tables, schema revision and application id, read through SQLite (so a write-ahead
    log that has not been checkpointed into the file yet is taken into account)."""
    # With no write-ahead log beside the file, open it as immutable: SQLite then creates no
    # -wal/-shm files next to a file we may refuse. A log present means another instance
    # has the file open, and its content must be read through the log.
    live_log = path.with_name(path.name + "-wal").exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if live_log else "?mode=ro&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise DatabaseFileError(
            _("cannot open {path}: {reason}").format(path=path, reason=exc)
        ) from exc
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision, application_id
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            _("{path} is damaged or not a database: {reason}").format(path=path, reason=exc)
        ) from exc
    finally:
        connection.close()
