"""The copy of a database taken before a migration (DESIGN section 4): real or absent.

The copy is written under a hidden temporary name, checked (SQLite's integrity check and the
same page count as the source) and only then renamed to ``NAME.backup-YYYYmmdd-HHMMSS``; on any
failure the temporary file is removed and one line says why, so a failed backup never leaves
an empty or partial file that looks like the newest backup. The source is opened read-write
(it has already been recognised as ours), so SQLite rolls back a hot journal a crashed writer
left beside it before copying.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from readiness.i18n import _
from readiness.storage import faults
from readiness.storage.errors import DatabaseFileError

BUSY_TIMEOUT_S = 15


def backup(path: Path) -> Path:
    """Copy the database at ``path`` beside it with a timestamp; returns the copy's path.

    Raises DatabaseFileError (one line: disk full, read-only folder, damaged source, ...) when
    no verified copy could be made; nothing is then left behind and the source is unchanged
    (apart from a hot journal being rolled back, as any SQLite reader does).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.backup-{stamp}-{counter}")
    temp = path.with_name(f".{target.name}.part")
    try:
        _copy(path, temp)
        os.replace(temp, target)
    except (sqlite3.Error, OSError, DatabaseFileError) as exc:
        for leftover in (temp, *(temp.with_name(temp.name + s) for s in ("-journal", "-wal"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise DatabaseFileError(
            _(
                "cannot back up {path} before upgrading it, so it was left as it was: {reason}"
            ).format(path=path, reason=_reason(exc, path))
        ) from None
    return target


def _copy(path: Path, temp: Path) -> None:
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as source:
        pages = source.execute("PRAGMA page_count").fetchone()[0]  # rolls a hot journal back
        with closing(sqlite3.connect(temp)) as destination:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
            check = destination.execute("PRAGMA integrity_check").fetchall()
            copied = destination.execute("PRAGMA page_count").fetchone()[0]
        if check != [("ok",)] or copied != pages:
            raise DatabaseFileError(_("the copy did not verify (integrity check or page count)"))
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())


def _reason(exc: BaseException, path: Path) -> str:
    if isinstance(exc, DatabaseFileError):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(faults.translate(exc, path))
