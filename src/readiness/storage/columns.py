"""Column types and names shared by the models and the migrations (DESIGN sections 4 and 12).

- ``UTCDateTime``: a timestamp stored in UTC. PostgreSQL gets ``timestamp with time zone``;
  SQLite keeps its text form (``2026-11-29 16:05:17.123456``, UTC, no offset) as before. Python
  always gets an aware ``datetime`` in UTC back, whatever the server's or the session's time
  zone; a naive value handed in is taken as UTC.
- ``NAMING_CONVENTION``: every constraint gets a predictable name, so a later migration can
  drop or alter it by name on any database.
- Every ``DateTime`` column, in the models or in a migration (``sa.DateTime``), is created on
  PostgreSQL as ``timestamp with time zone``: the app's sessions run in UTC, so a naive value
  is stored as the UTC instant it stands for, and no column can silently be zone-less.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.types import TypeDecorator

from readiness.storage.rows import aware

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


as_utc = aware
"""``moment`` as an aware UTC datetime; a naive one is taken to be UTC already (``rows.aware``)."""


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC timestamp (see the module docstring)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        moment = as_utc(value)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


@compiles(DateTime, "postgresql")
def _timestamp_with_time_zone(_type: DateTime, _compiler: Any, **_kw: Any) -> str:
    return "TIMESTAMP WITH TIME ZONE"
