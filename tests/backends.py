"""The database backends the storage, services and command-line tests run against.

SQLite always; PostgreSQL when ``READINESS_TEST_PG_URL`` names a server (``.ci/run`` starts a
throwaway cluster on a Unix socket and sets it). Each PostgreSQL test gets a schema of its own,
created here and dropped afterwards, chosen through the URL's ``search_path`` option.

Raw looks (``Backend.query``) go through the driver itself (``sqlite3`` or ``psycopg``), not
through the app's SQLAlchemy layer, so they share no code (or bugs) with what they check.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import URL, make_url

PG_URL_VARIABLE = "READINESS_TEST_PG_URL"
PG_REQUIRED_VARIABLE = "READINESS_TEST_PG_REQUIRED"  # set by CI: a missing server is a failure
BACKENDS = ("sqlite", "postgresql")


def pg_base_url() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


def _libpq(url: str) -> dict[str, Any]:
    """Connection keywords for psycopg from a SQLAlchemy URL."""
    parsed = make_url(url)
    keywords: dict[str, Any] = {"dbname": parsed.database or "postgres"}
    if parsed.username:
        keywords["user"] = parsed.username
    if parsed.password:
        keywords["password"] = parsed.password
    if parsed.host:
        keywords["host"] = parsed.host
    if parsed.port:
        keywords["port"] = parsed.port
    for key, value in parsed.query.items():
        keywords[key] = value if isinstance(value, str) else value[0]
    return keywords


@contextmanager
def pg_connection(url: str) -> Iterator[Any]:
    import psycopg

    with psycopg.connect(**_libpq(url), autocommit=True) as connection:
        yield connection


def new_pg_schema(base: str) -> tuple[str, str]:
    """A fresh, empty schema on the test server: (its name, a URL that uses only it)."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    with pg_connection(base) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    separator = "&" if "?" in base else "?"
    return name, f"{base}{separator}options={quote(f'-csearch_path={name}')}"


def drop_pg_schema(base: str, name: str) -> None:
    with pg_connection(base) as connection:
        connection.execute("SET lock_timeout = '5s'")
        connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@dataclass
class Backend:
    """One database for one test: ``target`` is what ``Workspace.open`` takes (a file path or
    a URL), ``url`` the READINESS_DATABASE_URL form (None for SQLite, which uses READINESS_DB)."""

    name: str
    target: Path | URL
    url: str | None = None
    path: Path | None = None

    @property
    def sqlalchemy_url(self) -> URL:
        return self.target if isinstance(self.target, URL) else make_url(f"sqlite:///{self.path}")

    @property
    def is_postgresql(self) -> bool:
        return self.name == "postgresql"

    def env(self, base: dict[str, str]) -> dict[str, str]:
        """``base`` (a subprocess environment) pointed at this database."""
        env = dict(base)
        if self.url is not None:
            env.pop("READINESS_DB", None)
            env["READINESS_DATABASE_URL"] = self.url
        else:
            env.pop("READINESS_DATABASE_URL", None)
            env["READINESS_DB"] = str(self.path)
        return env

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (``?`` placeholders), read through the driver itself."""
        if self.url is None:
            assert self.path is not None
            with closing(sqlite3.connect(self.path, timeout=10)) as connection:
                return connection.execute(sql, params).fetchall()
        with pg_connection(self.url) as connection:
            return [tuple(row) for row in connection.execute(sql.replace("?", "%s"), params)]

    def execute(self, sql: str, *params: Any) -> None:
        """Run one statement (``?`` placeholders) and commit it, through the driver itself."""
        if self.url is None:
            assert self.path is not None
            with closing(sqlite3.connect(self.path, timeout=10)) as connection:
                connection.execute(sql, params)
                connection.commit()
            return
        with pg_connection(self.url) as connection:
            connection.execute(sql.replace("?", "%s"), params)

    def count(self, table: str) -> int:
        return self.query(f"SELECT COUNT(*) FROM {table}")[0][0]


def sqlite_backend(path: Path) -> Backend:
    return Backend("sqlite", path, None, path)


def postgresql_backend(url: str) -> Backend:
    return Backend("postgresql", make_url(url), url, None)
