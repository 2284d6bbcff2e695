"""``db copy``: this workspace into another database, ids unchanged (DESIGN sections 6, 12).

A laptop's SQLite workspace goes to the team's PostgreSQL server, or a server's workspace goes
onto a laptop for the field. The target is named by a database URL
(``postgresql+psycopg://user@host/db``, ``sqlite:///path``) or by a plain file path. It must be
empty: a second run into the same target is refused, naming what is already there, and
nothing is written. See ``storage.copy`` for how rows, ids and sequences are carried.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import dialects, location
from readiness.storage.copy import CopyReport, Progress, TargetNotEmpty, copy_rows
from readiness.storage.database import Database, open_database
from readiness.storage.errors import DatabaseFileError


@dataclass(frozen=True)
class CopyDone:
    """What ``copy_workspace`` did: rows by table, and where to (no password in it)."""

    report: CopyReport
    target: str


def target_url(given: str) -> URL:
    """The URL ``--to`` names: a database URL, or a file path for a SQLite file.

    Raises UserError for text that is neither, or for SQLite in memory (a copy there is lost).
    """
    given = given.strip()
    if not given:
        raise UserError(_("--to needs a database URL or a file path"))
    if "://" not in given:
        return location.sqlite_url(Path(given))
    try:
        url = make_url(given)  # ValueError for a port that is not a number
    except (ArgumentError, ValueError) as exc:
        raise UserError(
            _("--to: not a database URL (e.g. postgresql+psycopg://user@host/database)")
        ) from exc
    if url.get_backend_name() == "sqlite":
        if location.sqlite_path(url) is None:
            raise UserError(_("--to: an in-memory SQLite database would be lost; give a file"))
        return location.sqlite_url(Path(str(url.database)))
    if url.get_backend_name() != "postgresql":
        raise UserError(
            _("--to: {kind} databases are not supported (PostgreSQL or SQLite)").format(
                kind=url.get_backend_name()
            )
        )
    return url


def describe(url: URL) -> str:
    """Where a database is, for messages: the file, or server and database (no password)."""
    path = location.sqlite_path(url)
    return str(path) if path is not None else dialects.server_name(url)


def _same(source: Database, url: URL) -> bool:
    path = location.sqlite_path(url)
    if source.path is not None or path is not None:
        return source.path is not None and path is not None and source.path == path.resolve()
    mine = source.engine.url
    return (mine.host, mine.port, mine.database, mine.query) == (
        url.host,
        url.port,
        url.database,
        url.query,
    )


def _open_target(url: URL) -> Database:
    try:
        return open_database(url)
    except DatabaseFileError as exc:
        raise UserError(str(exc)) from exc
    except (ImportError, NoSuchModuleError) as exc:
        raise UserError(
            _(
                "PostgreSQL support is not installed here: "
                'pip install "partnership-readiness[postgres]"'
            )
        ) from exc


def copy_workspace(workspace: Workspace, to: str, progress: Progress | None = None) -> CopyDone:
    """Copy every row of ``workspace`` into the empty database ``to`` names.

    ``progress(table, rows copied, rows in table)`` is called as the copy goes. Raises
    UserError: bad or unsupported target, the database in use, a target not empty, a server
    that cannot be reached, or a database error (the target is then left as it was).
    """
    url = target_url(to)
    where = describe(url)
    if _same(workspace.database, url):
        raise UserError(_("--to names the database in use; give another one"))
    target = _open_target(url)
    try:
        report = copy_rows(workspace.database, target, progress)
    except TargetNotEmpty as exc:
        counts = ", ".join(f"{table} {count}" for table, count in exc.counts.items())
        raise UserError(
            _("{where} is not empty ({counts}); nothing was copied").format(
                where=where, counts=counts
            )
        ) from exc
    except SQLAlchemyError as exc:
        if dialects.unreachable(exc):
            reason = _("the server cannot be reached")
        else:
            lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            reason = lines[0] if lines else type(exc).__name__
        raise UserError(
            _("copy to {where} failed, nothing was copied: {reason}").format(
                where=where, reason=reason
            )
        ) from exc
    finally:
        target.close()
    return CopyDone(report, where)
