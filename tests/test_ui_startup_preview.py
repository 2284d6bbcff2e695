"""The first page with its data before the Workspace is open (issue 17, window start-up).

The preview reads the list straight through sqlite3; once the Workspace is open the controller
fills the same page from it, and both must show the same rows. Whenever the preview cannot show
exactly what the Workspace will, it shows nothing (and the window waits, as before).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from readiness.services.workspace import Workspace
from readiness.storage.revisions import REVISIONS
from readiness.ui.app_window import MainWindow
from readiness.ui.controllers import Controller
from readiness.ui.settings import Settings
from readiness.ui.startup_preview import show_preview
from storage_helpers import demo_database
from ui_helpers import settings_dir  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("settings_dir")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("preview") / "demo.db")


def table_rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.assessments.assessments_model
    return [
        tuple(
            str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
            for column in range(model.columnCount())
        )
        for row in range(model.rowCount())
    ]


def organisation_rows(window: MainWindow) -> list[str]:
    model = window.assessments.organisations_model
    return [
        str(model.index(row).data(Qt.ItemDataRole.DisplayRole)) for row in range(model.rowCount())
    ]


def test_the_preview_shows_what_the_workspace_then_shows(
    qtbot: Any,
    demo_db: Path,
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert show_preview(window, demo_db, Settings())
    assert window.pages.currentWidget() is window.assessments
    assert not window.built  # only the first pages: the rest wait for the Workspace
    previewed, organisations = table_rows(window), organisation_rows(window)
    assert len(previewed) >= 3 and all(row[0] for row in previewed)
    workspace = Workspace.open(demo_db)
    try:
        controller = Controller(window, workspace, Settings())
        controller.start()
        assert window.pages.currentWidget() is window.assessments
        assert table_rows(window) == previewed
        assert organisation_rows(window) == organisations
    finally:
        workspace.close()


def test_a_first_run_previews_the_welcome_page_and_creates_nothing(
    qtbot: Any,
    tmp_path: Path,
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    path = tmp_path / "new.db"
    assert show_preview(window, path, Settings())
    assert window.pages.currentWidget() is window.welcome
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_previewed_when_the_workspace_must_decide(
    qtbot: Any,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    older = tmp_path / "older.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(older) as target:
        source.backup(target)
    with sqlite3.connect(older) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (REVISIONS[-2],))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not show_preview(window, older, Settings())  # to migrate first
    monkeypatch.delenv("READINESS_DB")
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{demo_db}")
    assert not show_preview(window, None, Settings())  # a URL: the server path
    settings = Settings()
    workspace = Workspace.open(demo_db)
    try:
        last = workspace.assessments()[0].id
    finally:
        workspace.close()
    settings.set_last_assessment(demo_db.resolve(), last)
    settings.set_last_page("questions")
    assert not show_preview(window, demo_db, settings)  # reopened: no list first
    assert not window.first_built


def test_the_window_previews_then_becomes_usable(
    tmp_path: Path, cli_env: dict[str, str], readiness_cmd: list[str], demo_db: Path
) -> None:
    env = dict(cli_env, QT_QPA_PLATFORM="offscreen", READINESS_BENCH_EXIT_ON_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [*readiness_cmd[:1], "-X", "importtime", *readiness_cmd[1:], "--db", str(demo_db), "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    marks = {line.split()[0]: float(line.split()[1]) for line in done.stdout.splitlines()}
    assert set(marks) == {
        "READINESS_WINDOW_SHOWN",
        "READINESS_WINDOW_PREVIEW",
        "READINESS_WINDOW_READY",
    }
    assert (
        marks["READINESS_WINDOW_SHOWN"]
        <= marks["READINESS_WINDOW_PREVIEW"]
        <= marks["READINESS_WINDOW_READY"]
    )
    assert "Traceback" not in done.stderr
    # the window needs no other command's module (issue 17)
    assert "readiness.cli.assessments" not in done.stderr


def test_the_preview_reads_kept_labels_instead_of_parsing_snapshots(
    qtbot: Any, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the window has listed the assessments, the titles and level labels of their
    questionnaires are kept (user cache, one small file per snapshot): the next preview shows
    the same rows without parsing a snapshot; a damaged kept file means parsing again."""
    import json

    from readiness.paths import user_cache_dir
    from readiness.services import quick

    first = MainWindow()
    qtbot.addWidget(first)
    workspace = Workspace.open(demo_db)
    try:
        Controller(first, workspace, Settings()).start()
    finally:
        workspace.close()
    kept = sorted((user_cache_dir() / "snapshot-labels").glob("*.json"))
    assert len(kept) == 2  # the two built-in questionnaires of the demo data
    for path in kept:
        assert set(json.loads(path.read_text(encoding="utf-8"))) == {"title", "levels"}
    expected = table_rows(first)

    parsed: list[str] = []
    original = quick.QuickView.questionnaire_of

    def counting(self: quick.QuickView, summary: Any) -> Any:
        parsed.append(summary.id)
        return original(self, summary)

    monkeypatch.setattr(quick.QuickView, "questionnaire_of", counting)
    window = MainWindow()
    qtbot.addWidget(window)
    assert show_preview(window, demo_db, Settings())
    assert table_rows(window) == expected
    assert parsed == []

    kept[0].write_text("{not json", encoding="utf-8")
    again = MainWindow()
    qtbot.addWidget(again)
    assert show_preview(again, demo_db, Settings())
    assert table_rows(again) == expected
    assert parsed  # the damaged one was parsed again...
    assert json.loads(kept[0].read_text(encoding="utf-8"))  # ...and kept anew
