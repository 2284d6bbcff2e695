"""Copy every row of one workspace database into another, empty one (DESIGN section 12).

Both databases are already migrated to the same schema revision (``open_database`` does that).
The copy reads the source in one consistent snapshot and writes the target in one
transaction: an interrupted copy leaves the target as empty as it was, so running it again is
safe. Rows keep their ids (text UUIDs and integer keys alike); on PostgreSQL each table's id
sequence is then moved past the largest copied id, so the next answer or history row gets a
fresh number. A target that already holds any row is refused before anything is written.

Tables are taken from the models' metadata, parents before children, so tables added by later
features are copied without changes here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, Integer, Table, func, insert, select, text

from readiness.storage.database import Database
from readiness.storage.models import Base

BATCH_ROWS = 1000

Progress = Callable[[str, int, int], None]
"""Called as ``progress(table, rows copied so far, rows in that table)``."""


class TargetNotEmpty(Exception):
    """The target database already holds rows: ``counts`` says how many, by table."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__(counts)
        self.counts = counts


@dataclass
class CopyReport:
    """Rows copied, by table name (every table of the schema, zeros included)."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """The tables to copy, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def row_counts(connection: Connection) -> dict[str, int]:
    """Rows in each table of the schema on ``connection``."""
    return {t.name: connection.scalar(select(func.count()).select_from(t)) or 0 for t in tables()}


@contextmanager
def _snapshot(database: Database) -> Iterator[Connection]:
    """A read-only view of ``database`` that no concurrent writer changes while we read."""
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            yield connection


def copy_rows(source: Database, target: Database, progress: Progress | None = None) -> CopyReport:
    """Copy every row of ``source`` into the empty ``target``; see the module docstring.

    Raises TargetNotEmpty (nothing written) and SQLAlchemy errors (target rolled back).
    """
    report = CopyReport()
    with _snapshot(source) as reading, target.engine.connect() as writing:
        if writing.dialect.name == "sqlite":
            writing = writing.execution_options(immediate=True)  # the write lock up front
        with writing.begin():
            present = {name: n for name, n in row_counts(writing).items() if n}
            if present:
                raise TargetNotEmpty(present)
            totals = row_counts(reading)
            for table in tables():
                report.rows[table.name] = _copy_table(
                    reading, writing, table, totals[table.name], progress
                )
            if writing.dialect.name == "postgresql":
                _move_sequences(writing)
    return report


def _copy_table(
    reading: Connection, writing: Connection, table: Table, total: int, progress: Progress | None
) -> int:
    order = [table.c.created_at] if "created_at" in table.c else []  # parents first, if any
    query = select(table).order_by(*order, *table.primary_key.columns)
    copied = 0
    if progress:
        progress(table.name, 0, total)
    result = reading.execution_options(yield_per=BATCH_ROWS).execute(query)
    for batch in result.mappings().partitions(BATCH_ROWS):
        writing.execute(insert(table), [dict(row) for row in batch])
        copied += len(batch)
        if progress:
            progress(table.name, copied, total)
    return copied


def _move_sequences(writing: Connection) -> None:
    """Point each integer id sequence past the largest id copied (PostgreSQL)."""
    for table in tables():
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer) or column.autoincrement is False:
                continue
            sequence = writing.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            largest = writing.scalar(select(func.max(column)))
            writing.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )
