"""Which database to use: --db PATH, then READINESS_DB, then READINESS_DATABASE_URL, then the
default ``readiness.db`` in the platform's user data folder.

Only databases that keep what they acknowledge are accepted (issue 8, DESIGN section 4): an
empty ``--db``, a URL that does not parse, an in-memory SQLite URL and options on a SQLite URL
(``?mode=ro`` would be silently ignored) are refused with one line (DatabaseFileError).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from readiness.i18n import _
from readiness.storage.database_file import default_path
from readiness.storage.errors import DatabaseFileError


def resolve(db: str | os.PathLike[str] | URL | None = None) -> URL:
    """The database URL: ``db`` (a file path, or a URL object as the tests and ``db copy``
    pass), then READINESS_DB, then READINESS_DATABASE_URL, then the default file. Raises
    DatabaseFileError for an unusable choice."""
    if isinstance(db, URL):
        return db
    if db is not None:
        if not os.fspath(db).strip():
            raise DatabaseFileError(_("--db needs a file name"))
        return sqlite_url(Path(db))
    if env_path := os.environ.get("READINESS_DB"):
        return sqlite_url(Path(env_path))
    if env_url := os.environ.get("READINESS_DATABASE_URL"):
        return checked_url(env_url)
    return sqlite_url(default_path())


def checked_url(text: str) -> URL:
    """``text`` parsed as a database URL that stores for good; never echoes the URL (it may
    hold a password)."""
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise DatabaseFileError(
            _(
                "READINESS_DATABASE_URL is not a database URL; expected e.g. "
                "sqlite:////path/to/readiness.db or postgresql+psycopg://user@host/name"
            )
        ) from None
    if url.get_backend_name() != "sqlite":
        return url
    if not url.database or url.database == ":memory:" or url.query.get("mode") == "memory":
        raise DatabaseFileError(
            _(
                "READINESS_DATABASE_URL names an in-memory SQLite database, which forgets "
                "everything when the program ends; give a file (sqlite:////path/to/file.db)"
            )
        )
    if url.query:
        raise DatabaseFileError(
            _(
                "READINESS_DATABASE_URL: options on a SQLite URL are not supported ({names}); "
                "give the file only (for read-only use, make the file read-only)"
            ).format(names=", ".join(sorted(url.query)))
        )
    return url


def is_default(path: Path) -> bool:
    """Whether ``path`` is the default database file (whose folders the app may create)."""
    return path == default_path().expanduser().resolve()


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path.expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
