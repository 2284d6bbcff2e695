"""`readiness db copy --to URL` (DESIGN sections 6 and 12): the demo workspace moves to another
database (a PostgreSQL schema, or another SQLite file) and back, ids unchanged, and every
command shows the same there; a second run is refused; an interrupted copy leaves nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from backends import Backend
from storage_helpers import query, run_cli


@pytest.fixture
def source_env(cli_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """A local SQLite workspace with the demo data, a few edits and an undo in its history."""
    env = dict(cli_env, READINESS_DB=str(tmp_path / "laptop.db"))
    env.pop("READINESS_DATABASE_URL", None)
    return env


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def one_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def everything(run, env: dict[str, str]) -> dict[str, object]:
    """What the contract's JSON commands show of a workspace."""
    listed = json.loads(ok(run(env, "assessment", "list", "--json")))
    return {
        "orgs": json.loads(ok(run(env, "org", "list", "--json"))),
        "list": listed,
        "portfolio": json.loads(ok(run(env, "portfolio", "--json"))),
        "show": {
            row["id"]: json.loads(ok(run(env, "assessment", "show", row["id"], "--json")))
            for row in listed
        },
    }


HISTORY = "SELECT id, assessment_id, question_id, action, target_id FROM answer_history ORDER BY id"


def test_demo_goes_there_and_back_the_same(
    readiness_cmd: list[str], source_env: dict[str, str], backend: Backend, tmp_path: Path
) -> None:
    def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(readiness_cmd, env, tmp_path, *args, timeout=180)

    ok(run(source_env, "demo"))
    draft = next(
        r
        for r in json.loads(ok(run(source_env, "assessment", "list", "--json")))
        if r["status"] == "draft"
    )
    ok(run(source_env, "answer", draft["id"], "trust.contact-24-7", "3", "--comment", "Ёлка"))
    before = everything(run, source_env)
    laptop = Path(source_env["READINESS_DB"])
    history = query(laptop, HISTORY)

    to = backend.url or str(backend.path)
    done = run(source_env, "db", "copy", "--to", to)
    out = ok(done)
    assert out.count("\n") == 1 and "Copied" in out
    assert "secret" not in out
    answers = len(query(laptop, "SELECT id FROM answers"))
    assert f"answers: {answers}/{answers}" in done.stderr  # progress, one line per table

    server_env = backend.env(source_env)
    assert everything(run, server_env) == before
    assert backend.query(HISTORY) == history  # ids unchanged, integer ones included

    # Sequences moved on: a new answer on the copy gets the next ids, and undo works there.
    ok(run(server_env, "answer", draft["id"], "trust.contact-24-7", "1"))
    ok(run(server_env, "answer", draft["id"], "trust.contact-24-7", "2"))
    new_ids = [row[0] for row in backend.query(HISTORY)][len(history) :]
    assert new_ids == [history[-1][0] + 1, history[-1][0] + 2]
    ok(run(server_env, "assessment", "show", draft["id"]))

    # A second run into the same, no longer empty target is refused; nothing changes.
    counts = backend.count("answers")
    one_error(run(source_env, "db", "copy", "--to", to), "not empty", "nothing was copied")
    assert backend.count("answers") == counts

    # ... and back onto a laptop for the field.
    field = tmp_path / "field" / "field.db"
    field.parent.mkdir()  # an explicit path never creates folders (017b85c)
    after = everything(run, server_env)
    ok(run(server_env, "db", "copy", "--to", str(field)))
    field_env = dict(source_env, READINESS_DB=str(field))
    assert everything(run, field_env) == after
    assert query(field, HISTORY) == backend.query(HISTORY)


def test_interrupted_copy_leaves_the_target_empty(
    backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from readiness.services.database_copy import copy_workspace
    from readiness.services.errors import UserError
    from readiness.services.workspace import Workspace
    from readiness.storage import copy as storage_copy

    source = Workspace.open(tmp_path / "source.db")
    try:
        org = source.add_organisation("Nordlicht", "company")
        assessment = source.new_assessment(org.id, "company-readiness").id
        source.answer(assessment, "trust.contact-24-7", "2")
        real = storage_copy._copy_table
        calls: list[str] = []

        def failing(reading, writing, table, total, progress):  # type: ignore[no-untyped-def]
            calls.append(table.name)
            if len(calls) == 3:
                raise OperationalError("INSERT", {}, Exception("disk gone"))
            return real(reading, writing, table, total, progress)

        monkeypatch.setattr(storage_copy, "_copy_table", failing)
        to = backend.url or str(backend.path)
        with pytest.raises(UserError, match="nothing was copied"):
            copy_workspace(source, to)
        for table in ("organisations", "assessments", "answers", "answer_history"):
            assert backend.count(table) == 0, table
        monkeypatch.setattr(storage_copy, "_copy_table", real)
        done = copy_workspace(source, to)  # so a rerun simply works
        assert done.report.rows["answers"] == 1
        assert backend.count("answer_history") == 1
    finally:
        source.close()


@pytest.mark.parametrize(
    ("to", "words"),
    [
        ("mysql://someone:secret@db.example/cell", ("not supported",)),
        ("postgresql+psycopg://", ("cannot connect",)),
        ("sqlite://", ("in-memory",)),
        ("postgresql+psycopg://someone:secret@host:notaport/cell", ("not a database URL",)),
        ("", ("--to",)),
    ],
)
def test_bad_targets_are_one_line(
    readiness_cmd: list[str], source_env: dict[str, str], tmp_path: Path, to: str, words
) -> None:
    if to == "postgresql+psycopg://":  # a server that is not there: an empty socket folder
        to = f"postgresql+psycopg://someone:secret@/cell?host={tmp_path}"
    ok(run_cli(readiness_cmd, source_env, tmp_path, "org", "add", "Org", "--kind", "company"))
    done = run_cli(readiness_cmd, source_env, tmp_path, "db", "copy", "--to", to)
    line = one_error(done, *words)
    assert "secret" not in line


def test_copy_onto_itself_is_refused(
    readiness_cmd: list[str], source_env: dict[str, str], tmp_path: Path
) -> None:
    ok(run_cli(readiness_cmd, source_env, tmp_path, "org", "add", "Org", "--kind", "company"))
    laptop = source_env["READINESS_DB"]
    for to in (laptop, f"sqlite:///{laptop}"):
        done = run_cli(readiness_cmd, source_env, tmp_path, "db", "copy", "--to", to)
        one_error(done, "in use")
