"""Shared helpers for the storage tests: generated questionnaires, raw SQLite looks, old schemas.

Everything here works on real SQLite files; nothing is mocked. Raw looks go through the standard
``sqlite3`` module so they do not share code (or bugs) with the app's SQLAlchemy layer.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from readiness.questionnaire.loader import LoadedQuestionnaire, load_file
from readiness.services.workspace import Workspace
from readiness.storage.database import MIGRATIONS

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"
SIDE_FILES = ("-wal", "-shm", "-journal")


# Files ----------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    """The SQLite side files (-wal, -shm, -journal) that exist beside ``path``."""
    return [path.name + s for s in SIDE_FILES if path.with_name(path.name + s).exists()]


@contextmanager
def raw(path: Path, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, closed afterwards (sqlite3's own ``with`` does not close)."""
    if readonly:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    else:
        connection = sqlite3.connect(path, timeout=10)
    with closing(connection):
        yield connection


def query(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with raw(path) as connection:
        return connection.execute(sql, params).fetchall()


def integrity(path: Path) -> str:
    return "\n".join(row[0] for row in query(path, "PRAGMA integrity_check"))


def dump(path: Path, readonly: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: to compare two databases' data."""
    with raw(path, readonly=readonly) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in sorted(tables)
        }


def pragma(path: Path, name: str) -> Any:
    return query(path, f"PRAGMA {name}")[0][0]


# Questionnaires ---------------------------------------------------------------------------------


def choice_ids(count: int, domains: int = 2) -> list[str]:
    per = -(-count // domains)
    return [f"d{i // per}.q{i:03d}" for i in range(count)]


def questionnaire_yaml(count: int, qid: str = "storage-test", domains: int = 2) -> str:
    """A valid questionnaire with ``count`` choice questions (options "0".."4", N/A allowed)
    spread over ``domains`` domains, plus one free-text question."""
    ids = choice_ids(count, domains)
    lines = [
        "format: readiness-questionnaire/1",
        f"id: {qid}",
        "version: 1.0.0",
        "audience: company",
        "languages: [en]",
        "title: {en: Storage test}",
        "scales:",
        "  maturity:",
        "    options:",
        *(f'      - {{id: "{s}", score: {s}, label: {{en: L{s}}}}}' for s in range(5)),
        "levels:",
        "  - {level: 1, min: 0, label: {en: Initial}}",
        "  - {level: 2, min: 20, label: {en: Developing}}",
        "  - {level: 3, min: 40, label: {en: Defined}}",
        "  - {level: 4, min: 60, label: {en: Managed}}",
        "  - {level: 5, min: 80, label: {en: Optimised}}",
        "domains:",
    ]
    for d in range(domains):
        lines += [f"  - id: d{d}", f"    title: {{en: Domain {d}}}", "    questions:"]
        for question_id in ids:
            if question_id.startswith(f"d{d}."):
                lines += [
                    f"      - id: {question_id}",
                    "        scale: maturity",
                    f"        text: {{en: Question {question_id}?}}",
                    f"        recommendation: {{en: Improve {question_id}}}",
                ]
        if d == 0:
            lines += ["      - id: d0.notes", "        type: text", "        text: {en: Notes}"]
    return "\n".join(lines) + "\n"


def write_questionnaire(folder: Path, count: int, qid: str = "storage-test") -> Path:
    path = folder / f"{qid}.yaml"
    path.write_text(questionnaire_yaml(count, qid), encoding="utf-8")
    return path


def load(path: Path) -> LoadedQuestionnaire:
    return load_file(path)


def start(
    workspace: Workspace,
    loaded: LoadedQuestionnaire,
    organisation: str = "Org",
    title: str = "Assessment",
) -> str:
    """A new organisation (or the existing one with that name) and an assessment; its id."""
    known = {o.name: o for o in workspace.organisations()}
    org = known.get(organisation) or workspace.add_organisation(organisation, "company")
    return workspace.new_assessment(org.id, loaded.questionnaire.id, title=title, loaded=loaded).id


# Old schemas ------------------------------------------------------------------------------------


def alembic_upgrade(path: Path, revision: str, wal: bool = True) -> None:
    """Bring ``path`` to ``revision`` with Alembic's command API, on a handed-over connection,
    the way ``storage.database._migrate`` does."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            if wal:
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()


def script_head() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def script_revisions() -> list[str]:
    """Every revision Alembic knows, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return [
        s.revision for s in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]


# Subprocesses -----------------------------------------------------------------------------------


def run_cli(
    cmd: list[str], env: dict[str, str], cwd: Path, *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*cmd, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def python_script(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start ``python -c code args...`` with pipes for stdin and stdout (text, line buffered)."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        bufsize=1,
        env=env,
    )


def demo_database(path: Path) -> Path:
    """A real SQLite file at ``path`` holding the demo data (``readiness demo``); returns it."""
    from readiness.services.demo import seed

    workspace = Workspace.open(path)
    try:
        for _step in seed(workspace):
            pass
    finally:
        workspace.close()
    return path
