"""Write serialisation on a database server (DESIGN sections 4 and 12).

On SQLite every write transaction starts with BEGIN IMMEDIATE: one writer at a time for the
whole file. On PostgreSQL writers run side by side, so a use case that reads an assessment's
answers and writes back a result computed from them (an answer, undo, redo, the score cache)
first locks that assessment's row: ``SELECT … FOR NO KEY UPDATE``, the lock an UPDATE of the row
would take. A second writer on the same assessment waits (up to the lock timeout, then
"busy"), then reads what the first committed; writers on other assessments do not wait.
SQLite ignores the clause: BEGIN IMMEDIATE already holds the only write lock.

``insert_or_get`` covers the other race: two writers adding the same unique row at once (a
questionnaire snapshot). The loser's unique violation, recognised by its SQLSTATE (23505),
rolls back only a savepoint and the row the winner committed is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from readiness.storage.dialects import is_unique_violation
from readiness.storage.models import AssessmentRow

T = TypeVar("T")


def lock_assessment(session: Session, assessment_id: str) -> bool:
    """Hold the assessment's row until the transaction ends; False when there is no such row."""
    query = select(AssessmentRow.id).where(AssessmentRow.id == assessment_id)
    return session.scalar(query.with_for_update(key_share=True)) is not None


def insert_or_get(session: Session, find: Callable[[], T | None], insert: Callable[[], T]) -> T:
    """``find()``, else ``insert()`` inside a savepoint; when a concurrent writer inserted the
    same unique row first (SQLSTATE 23505), ``find()`` again. Other errors propagate."""
    found = find()
    if found is not None:
        return found
    try:
        with session.begin_nested():
            return insert()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
    found = find()
    if found is None:  # pragma: no cover - the winner's row vanished again
        raise LookupError("unique row disappeared after a conflict")
    return found
