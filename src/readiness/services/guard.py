"""Sessions whose database failures become one clear UserError (DESIGN section 4).

Every use case opens its sessions here, so a failure anywhere inside a session (the commit, or
any statement in the body) reaches the user as one line from ``storage.faults``, never as a
driver message with the SQL, its parameters or a web link. The original error is not chained
(``from None``), so no later traceback in a log can carry its text either.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from readiness.services.errors import UserError
from readiness.storage.database import Database
from readiness.storage.faults import is_storage_error, translate


@contextmanager
def session(database: Database, write: bool) -> Iterator[Session]:
    """A read session, or (``write``) one committed transaction rolled back on any error.

    Raises UserError for every database failure, whether raised by the body or by the commit.
    """
    try:
        with database.write() if write else database.read() as opened:
            yield opened
    except Exception as exc:
        if is_storage_error(exc):
            raise UserError(str(translate(exc, database.path))) from None
        raise


def storage_user_error(exc: BaseException, path: Path | None = None) -> UserError | None:
    """The one-line UserError for a database failure that escaped a session (e.g. raised while
    a window was loading), or None when ``exc`` is not a database failure."""
    if not is_storage_error(exc):
        return None
    return UserError(str(translate(exc, path)))
