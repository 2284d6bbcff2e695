"""Recognise a database file before touching it.

Everything here reads: the 100-byte SQLite header, then a read-only connection. Switching to
WAL or migrating rewrites the file, so that happens only once we know the file is ours (or
new), sound, and of a schema this version understands.
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from readiness.i18n import _
from readiness.storage.errors import DatabaseFileError
from readiness.storage.revisions import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    NEW = "new"  # missing, 0 bytes, or an SQLite file with no tables at all
    OURS = "ours"


@dataclass(frozen=True)
class Recognition:
    state: FileState
    revision: str | None = None


def recognise(path: Path, known_revisions: tuple[str, ...]) -> Recognition:
    if path.is_dir():
        raise DatabaseFileError(_("{path} is a folder, not a database file").format(path=path))
    if path.exists() and not path.is_file():
        raise DatabaseFileError(
            _("{path} is not a regular file (a device, pipe or socket); choose a file").format(
                path=path
            )
        )
    if not path.exists() or path.stat().st_size == 0:
        return Recognition(FileState.NEW)
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
    wal = _live_log(path)
    short = _check_size(path, header, wal is not None)
    tables, revision, application_id = _read_schema(path, wal, verify=short)
    if application_id != APPLICATION_ID:
        if not tables and application_id == 0:  # an empty SQLite file of no application
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


def _live_log(path: Path) -> Path | None:
    """The write-ahead log beside ``path`` when it holds frames (a crash or a full disk may leave
    committed pages there that are not in the main file yet), else None."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal if wal.is_file() and wal.stat().st_size > 0 else None
    except OSError:
        return None


def _check_size(path: Path, header: bytes, live_log: bool) -> bool:
    """Refuse a file whose size cannot be right. Returns True when the file is shorter than its
    header says but a live write-ahead log may hold the missing pages: SQLite must then read the
    file through the log and check it (``_read_schema(verify=True)``)."""
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
        if live_log:
            return True
        raise DatabaseFileError(
            _("{path} is damaged: it is shorter than its header says (truncated)").format(path=path)
        )
    return False


@contextmanager
def _readable_copy(path: Path, wal: Path | None) -> Iterator[Path]:
    """Where SQLite may read ``path`` without creating files beside it.

    No log: the file itself (opened immutable). A log and its shared-memory index both present
    (another instance has the file open, or one stopped on a full disk): the file itself, read
    only; nothing new is created. A log without its index (a copied or crashed file): SQLite
    would create the index beside the file, so the file and its log are read from a private
    copy instead.
    """
    if wal is None or path.with_name(path.name + "-shm").exists():
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="readiness-recognise-") as folder:
        copy = Path(folder) / "copy.db"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(folder) / "copy.db-wal")
        except OSError as exc:
            raise DatabaseFileError(
                _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
            ) from exc
        yield copy


def _read_schema(path: Path, wal: Path | None, verify: bool) -> tuple[set[str], str | None, int]:
    """Tables, schema revision and application id, read through SQLite (so a write-ahead
    log that has not been checkpointed into the file yet is taken into account).

    ``verify``: the main file is shorter than its header says, so run SQLite's quick check
    through the log too; the file is damaged unless it passes.
    """
    with _readable_copy(path, wal) as readable:
        # Immutable when no log: SQLite then creates no -wal/-shm next to a file we may refuse.
        query = "?mode=ro" if wal is not None else "?mode=ro&immutable=1"
        try:
            connection = sqlite3.connect(readable.resolve().as_uri() + query, uri=True, timeout=10)
        except sqlite3.Error as exc:
            raise DatabaseFileError(
                _("cannot open {path}: {reason}").format(path=path, reason=exc)
            ) from exc
        try:
            return _schema(connection, path, verify)
        finally:
            connection.close()


def _schema(
    connection: sqlite3.Connection, path: Path, verify: bool
) -> tuple[set[str], str | None, int]:
    try:
        if verify:
            rows = connection.execute("PRAGMA quick_check(1)").fetchall()
            if rows != [("ok",)]:
                raise DatabaseFileError(
                    _("{path} is damaged: it is shorter than its header says (truncated)").format(
                        path=path
                    )
                )
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
