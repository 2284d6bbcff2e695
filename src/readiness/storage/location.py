"""Which database to use: --db PATH, then READINESS_DB, then READINESS_DATABASE_URL, then the
default ``readiness.db`` in the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL, make_url


def default_path() -> Path:
    return Path(user_data_dir("readiness", appauthor=False)) / "readiness.db"


def resolve(db: str | os.PathLike[str] | URL | None = None) -> URL:
    """The database URL: ``db`` (a file path, or a URL object as the tests and ``db copy``
    pass), then READINESS_DB, then READINESS_DATABASE_URL, then the default file."""
    if isinstance(db, URL):
        return db
    if db:
        return sqlite_url(Path(db))
    if env_path := os.environ.get("READINESS_DB"):
        return sqlite_url(Path(env_path))
    if env_url := os.environ.get("READINESS_DATABASE_URL"):
        return make_url(env_url)
    return sqlite_url(default_path())


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path.expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
