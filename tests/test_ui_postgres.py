"""The window on a PostgreSQL server (DESIGN section 12): the answering tests of
test_ui_answering, run on a schema of the test server instead of a SQLite file. (The SQLite
variant is test_ui_answering itself.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import test_ui_answering as answering
from backends import Backend
from ui_helpers import Harness, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


@pytest.fixture
def on_server(open_window: Callable[..., Harness], backend: Backend) -> Callable[..., Harness]:
    if not backend.is_postgresql:
        pytest.skip("the SQLite variant is test_ui_answering")

    def open_(_db: Path | None = None) -> Harness:
        return open_window(backend.target)  # every (re)open goes to the same server schema

    return open_


def test_answer_by_keyboard(on_server: Any, qtbot: Any) -> None:
    answering.test_digits_answer_and_advance(on_server, qtbot)


def test_undo_redo(on_server: Any, qtbot: Any) -> None:
    answering.test_undo_redo_moves_to_the_question(on_server, qtbot)


def test_comment_text_answer_and_reopen(on_server: Any, qtbot: Any, tmp_path: Path) -> None:
    answering.test_comment_text_answer_and_reopen(on_server, qtbot, tmp_path)


def test_every_question_four_reaches_level_5(on_server: Any, qtbot: Any) -> None:
    answering.test_every_question_four_reaches_level_5(on_server, qtbot)
