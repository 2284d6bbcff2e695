"""Undo and redo over an append-only history: which entries can be undone or redone now.

Every edit, undo and redo is appended; replaying the log in order rebuilds the two stacks,
so the state survives restarts and never needs rows to be rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    action: str  # edit | undo | redo
    target_id: int | None = None


def stacks(entries: Iterable[Entry]) -> tuple[list[int], list[int]]:
    """(undo stack, redo stack) of entry ids; the last element is the next to take."""
    undo: list[int] = []
    redo: list[int] = []
    for entry in entries:
        if entry.action == "edit":
            undo.append(entry.id)
            redo.clear()
        elif entry.action == "undo" and undo and undo[-1] == entry.target_id:
            redo.append(undo.pop())
        elif entry.action == "redo" and redo and redo[-1] == entry.target_id:
            undo.append(redo.pop())
    return undo, redo
