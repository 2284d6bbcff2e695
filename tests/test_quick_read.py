"""The command line's read path without SQLAlchemy (issue 17) gives what the Workspace gives.

Both paths read the same real SQLite files: the demo data, answered and trashed assessments.
Whenever the quick path cannot answer exactly as the Workspace would (another schema revision,
empty score caches, a trashed, imported, ambiguous or unknown id, a database URL), it must say
None so that the Workspace answers, with its own messages.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from readiness.services import trash
from readiness.services.demo import seed
from readiness.services.quick import QuickView, open_quick
from readiness.services.workspace import Workspace
from readiness.storage.revisions import REVISIONS


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("quick") / "demo.db"
    workspace = Workspace.open(path)
    try:
        for _step in seed(workspace):
            pass
        first = workspace.assessments()[0]
        workspace.change_answer(
            first.id,
            first_question(workspace, first.id),
            option="2",
            comment="é ✓ after the drill",
            flagged=True,
            evidence="exercise:AAR 2026-03@2026-03-20",
        )
    finally:
        workspace.close()
    return path


def first_question(workspace: Workspace, assessment_id: str) -> str:
    state = workspace.state(assessment_id)
    return next(q.id for d in state.questionnaire.domains for q in d.questions if q.is_scored)


def copy_of(source: Path, folder: Path) -> Path:
    target = folder / "copy.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def quick(path: Path) -> QuickView:
    view = open_quick(path)
    assert view is not None
    return view


def test_both_paths_give_the_same_list_and_states(demo_db: Path) -> None:
    workspace = Workspace.open(demo_db)
    view = quick(demo_db)
    try:
        expected = workspace.assessments()
        assert view.assessments() == expected
        assert len(expected) >= 3
        for summary in expected:
            for given in (summary.id, summary.id[:8].upper()):
                fast, full = view.state(given), workspace.state(summary.id)
                assert fast is not None
                assert fast.summary == full.summary
                assert fast.details == full.details
                assert fast.result == full.result
                assert fast.loaded.sha256 == full.loaded.sha256
    finally:
        view.close()
        workspace.close()


def test_the_quick_path_steps_aside_for_what_only_the_workspace_handles(
    demo_db: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_db, tmp_path)
    workspace = Workspace.open(path)
    try:
        victim = workspace.assessments()[-1]
        trash.delete_assessment(workspace, victim.id)
        live = workspace.assessments()[0]
    finally:
        workspace.close()
    view = quick(path)
    try:
        assert victim.id not in {a.id for a in view.assessments()}
        assert view.state(victim.id) is None  # trashed: the Workspace says so
        assert view.state(live.id[:3]) is None  # too short: the Workspace says so
        assert view.state("0000dead") is None  # unknown
        assert view.state("") is None
        assert view.state(live.id) is not None
    finally:
        view.close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO assessment_origins (assessment_id, kind, signer_key_id, signer_name,"
            " signer_public_key, package_id, revision, content_sha256, package_created,"
            " imported_at) VALUES (?, 'assessment', 'K', 'N', 'P', 'X', 1, 'S', '', '2026-01-01')",
            (live.id,),
        )
    view = quick(path)
    try:
        assert view.state(live.id) is None  # imported: read-only, the origin line is needed
    finally:
        view.close()


@pytest.mark.parametrize(
    "change",
    [
        f"UPDATE alembic_version SET version_num = '{REVISIONS[-2]}'",  # needs a migration
        "UPDATE alembic_version SET version_num = 'from-the-future'",
        "UPDATE assessments SET score = NULL",  # score caches to refresh
        "PRAGMA application_id = 12345",  # another application's file
    ],
)
def test_files_the_workspace_must_open_are_left_to_it(
    demo_db: Path, tmp_path: Path, change: str
) -> None:
    path = copy_of(demo_db, tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(change)
    assert open_quick(path) is None


def test_no_file_or_a_database_url_is_left_to_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert open_quick(tmp_path / "missing.db") is None
    assert open_quick(tmp_path) is None  # a folder
    monkeypatch.delenv("READINESS_DB")
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    assert open_quick(None) is None


def test_cli_read_commands_import_no_sqlalchemy_and_print_the_same(
    demo_db: Path, readiness_cmd: list[str], cli_env: dict[str, str]
) -> None:
    env = dict(cli_env, READINESS_DB=str(demo_db))
    full_env = dict(cli_env, READINESS_DATABASE_URL=f"sqlite:///{demo_db}")
    full_env.pop("READINESS_DB")

    def run(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd[:1], "-X", "importtime", *readiness_cmd[1:], *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=120,
        )

    listed = run(env, "assessment", "list", "--json")
    some_id = json.loads(listed.stdout)[0]["id"]
    for args in (
        ("assessment", "list"),
        ("assessment", "list", "--json"),
        ("assessment", "show", some_id),
        ("assessment", "show", some_id[:6], "--json"),
    ):
        fast, full = run(env, *args), run(full_env, *args)
        assert fast.returncode == full.returncode == 0, fast.stderr[-500:]
        assert fast.stdout == full.stdout
        assert "sqlalchemy" not in fast.stderr  # -X importtime lists every import
        assert "sqlalchemy" in full.stderr  # the comparison path really is the other one
