"""The stored-data commands of the command line (DESIGN section 6) through a real subprocess:
org, assessment, answer, demo, and how the database is chosen (section 4)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from backends import Backend
from readiness.services import catalog
from readiness.services.results import score_json
from readiness.services.workspace import Workspace
from storage_helpers import query, run_cli

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ORG_KEYS = {"id", "name", "kind", "sector", "country"}
LIST_KEYS = {
    "id",
    "organisation",
    "organisation_id",
    "questionnaire",
    "title",
    "status",
    "completeness",
    "score",
    "level",
}
SCORE_KEYS = {
    "questionnaire",
    "version",
    "overall",
    "completeness",
    "domains",
    "recommendations",
    "unverified",
}
SHOW_KEYS = SCORE_KEYS | {
    "id",
    "organisation",
    "organisation_id",
    "status",
    "title",
    "read_only",
    "answers",
}

# Text that breaks naive HTML, spreadsheets, encodings or line-based formats.
HOSTILE_NAME = "<b>&amp;</b> =1+1 Ёлка «Север» 🛰️"
HOSTILE_COMMENT = "=1+1\n<script>alert('x')</script> &amp; Привет 👩🏽‍🚀\n\tend"
HOSTILE_NA = "Не применимо: =SUM(A1:A9) <i>нет</i> 🚫\nsecond line"
HOSTILE_TEXT = "@cmd|'/c calc'!A0 — «кавычки» 🧪\r\nCRLF line"


@pytest.fixture
def db(backend: Backend) -> Backend:
    """The database the commands use: a file, or a schema on the PostgreSQL test server."""
    return backend


@pytest.fixture
def run(readiness_cmd: list[str], cli_env: dict[str, str], tmp_path: Path, db: Backend):
    env_for_db = db.env(cli_env)

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run_cli(readiness_cmd, env or env_for_db, tmp_path, *args)

    return run


def in_process(capsys: pytest.CaptureFixture[str]):
    """A runner of the command line in this process (fast)."""
    from readiness.cli import main as cli_main

    def main(*args: str) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        try:
            code = cli_main(list(args))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return subprocess.CompletedProcess(list(args), code, out, err)

    return main


@pytest.fixture
def main(db: Backend, capsys: pytest.CaptureFixture[str]):
    """The same command line in this process: for the cases beyond the contract's core. The
    ``backend`` fixture has pointed READINESS_DB or READINESS_DATABASE_URL at ``db``."""
    return in_process(capsys)


@pytest.fixture
def file_run(readiness_cmd: list[str], cli_env: dict[str, str], tmp_path: Path):
    """A subprocess runner on the SQLite file of ``cli_env`` (how a file is chosen)."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run_cli(readiness_cmd, env or cli_env, tmp_path, *args)

    return run


@pytest.fixture
def file_main(
    cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("READINESS_DB", cli_env["READINESS_DB"])
    return in_process(capsys)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def one_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_org_assessment_answer_show_list(run, main, db: Backend) -> None:
    org_id = ok(
        run(
            "org", "add", HOSTILE_NAME, "--kind", "company", "--sector", "Energy", "--country", "DE"
        )
    ).strip()
    assert UUID.match(org_id)
    unit_id = ok(main("org", "add", "CIMIC Group", "--kind", "defence_unit")).strip()

    orgs = json.loads(ok(run("org", "list", "--json")))
    assert all(set(o) == ORG_KEYS for o in orgs)
    assert {o["id"]: o for o in orgs}[org_id] == {
        "id": org_id,
        "name": HOSTILE_NAME,
        "kind": "company",
        "sector": "Energy",
        "country": "DE",
    }
    assert {o["id"]: o for o in orgs}[unit_id]["sector"] == ""

    title = "Review " + HOSTILE_NAME
    assessment = ok(
        run(
            "assessment",
            "new",
            "--org",
            org_id[:8],
            "--questionnaire",
            "company-readiness",
            "--title",
            title,
        )
    ).strip()
    assert UUID.match(assessment)
    ok(run("answer", assessment, "trust.contact-24-7", "3", "--comment", HOSTILE_COMMENT))
    ok(run("answer", assessment[:6], "security.critical-roles", "--na", HOSTILE_NA))
    ok(run("answer", assessment, "incentives.main-obstacle", "--text", HOSTILE_TEXT))

    shown = json.loads(ok(run("assessment", "show", assessment, "--json")))
    assert set(shown) == SHOW_KEYS
    assert shown["id"] == assessment
    assert shown["organisation"] == HOSTILE_NAME
    assert shown["organisation_id"] == org_id
    assert shown["title"] == title
    assert shown["status"] == "draft"
    assert shown["questionnaire"] == "company-readiness"
    assert shown["answers"] == {  # the long form where there is a comment (DESIGN section 6)
        "trust.contact-24-7": {"option": "3", "comment": HOSTILE_COMMENT},
        "security.critical-roles": {"na": HOSTILE_NA},
        "incentives.main-obstacle": HOSTILE_TEXT,
    }

    listed = json.loads(ok(run("assessment", "list", "--json")))
    assert [set(row) for row in listed] == [LIST_KEYS]
    assert listed[0] == {
        "id": assessment,
        "organisation": HOSTILE_NAME,
        "organisation_id": org_id,
        "questionnaire": "company-readiness",
        "title": title,
        "status": "draft",
        "completeness": shown["completeness"],
        "score": shown["overall"]["score"],
        "level": shown["overall"]["level"],
    }

    # What the CLI stored is what the app reads, exactly; the scores agree with a rescoring.
    workspace = Workspace.open(db.target)
    try:
        state = workspace.state(assessment)
        assert state.details["trust.contact-24-7"].comment == HOSTILE_COMMENT
        assert workspace.organisation(org_id).name == HOSTILE_NAME
        expected = score_json(state.result)
        assert {k: shown[k] for k in SCORE_KEYS} == expected
    finally:
        workspace.close()

    text = ok(main("assessment", "show", assessment))
    assert title in text


def test_comment_alone_and_repeated_answer(main, db: Backend) -> None:
    workspace = Workspace.open(db.target)
    org = workspace.add_organisation("Org", "company")
    assessment = workspace.new_assessment(org.id, "company-readiness").id
    workspace.close()
    ok(main("answer", assessment, "trust.tlp", "--comment", HOSTILE_COMMENT))
    ok(main("answer", assessment, "trust.tlp", "2", "--comment", HOSTILE_COMMENT))
    workspace = Workspace.open(db.target)
    try:
        detail = workspace.state(assessment).details["trust.tlp"]
        assert detail.comment == HOSTILE_COMMENT
        assert detail.answer is not None
        # comment, then answer; the repeated comment changed nothing and left no history row
        assert len(workspace.history(assessment, "trust.tlp")) == 2
    finally:
        workspace.close()


@pytest.fixture
def seeded(db: Backend) -> tuple[str, str]:
    workspace = Workspace.open(db.target)
    try:
        org = workspace.add_organisation("Nordlicht", "company")
        return org.id, workspace.new_assessment(org.id, "company-readiness").id
    finally:
        workspace.close()


ERRORS = {
    # id: (arguments, words the one line must contain)
    "unknown-org": (
        ("assessment", "new", "--org", "nope-0000", "--questionnaire", "company-readiness"),
        ("unknown organisation id", "nope-0000"),
    ),
    "unknown-assessment": (
        ("assessment", "show", "00000000-dead", "--json"),
        ("unknown assessment id", "00000000-dead"),
    ),
    "wrong-option": (
        ("answer", "{id}", "trust.contact-24-7", "7"),
        ("unknown option '7'", "options: 0"),
    ),
    "unknown-question": (
        ("answer", "{id}", "trust.no-such-question", "1"),
        ("unknown question", "trust.no-such-question"),
    ),
    "unknown-questionnaire": (
        ("assessment", "new", "--org", "{org}", "--questionnaire", "no-such-questionnaire"),
        ("unknown questionnaire", "no-such-questionnaire"),
    ),
    "wrong-audience": (
        ("assessment", "new", "--org", "{org}", "--questionnaire", "defence-unit-readiness"),
        ("audience",),
    ),
    "answer-unknown-assessment": (
        ("answer", "ffffffff", "trust.contact-24-7", "1"),
        ("unknown assessment id",),
    ),
    "na-not-allowed": (
        ("answer", "{id}", "trust.contact-24-7", "--na", "because"),
        ("cannot be answered N/A",),
    ),
    "empty-na": (("answer", "{id}", "security.critical-roles", "--na", "  "), ("N/A",)),
    "text-for-choice": (
        ("answer", "{id}", "trust.contact-24-7", "--text", "words"),
        ("needs an option",),
    ),
    "blank-org-name": (("org", "add", "  ", "--kind", "company"), ("needs a name",)),
}
SUBPROCESS_ERRORS = ["unknown-org", "unknown-assessment", "wrong-option", "unknown-question"]


def check_error(runner, db: Backend, seeded: tuple[str, str], case: str) -> None:
    org_id, assessment = seeded
    args, words = ERRORS[case]
    history = db.count("answer_history")
    done = runner(*(a.format(org=org_id, id=assessment) for a in args))
    one_error(done, *words)
    assert done.stdout == ""
    assert db.count("answer_history") == history
    assert db.count("assessments") == 1


@pytest.mark.parametrize("case", SUBPROCESS_ERRORS)
def test_bad_input_is_one_clear_line(run, db: Backend, seeded: tuple[str, str], case: str) -> None:
    check_error(run, db, seeded, case)


@pytest.mark.parametrize("case", [c for c in ERRORS if c not in SUBPROCESS_ERRORS])
def test_more_bad_input_in_process(main, db: Backend, seeded: tuple[str, str], case: str) -> None:
    check_error(main, db, seeded, case)


def test_missing_answer_value_is_a_usage_error(main, seeded: tuple[str, str]) -> None:
    done = main("answer", seeded[1], "trust.contact-24-7")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1


def table_counts(db: Backend) -> dict[str, int]:
    tables = [
        "organisations",
        "assessments",
        "answers",
        "answer_history",
        "questionnaire_snapshots",
    ]
    return {t: db.count(t) for t in tables}


def test_demo_is_idempotent(run, db: Backend) -> None:
    first = ok(run("demo"))
    assert "created" in first
    counts = table_counts(db)
    assert counts["assessments"] >= 3
    second = ok(run("demo"))
    assert table_counts(db) == counts
    assert "0 assessment(s) created" in second

    listed = json.loads(ok(run("assessment", "list", "--json")))
    audience = {
        e.loaded.questionnaire.id: e.loaded.questionnaire.audience for e in catalog.builtin()
    }
    completed = {audience[row["questionnaire"]] for row in listed if row["status"] == "completed"}
    assert completed == set(audience.values())  # one completed assessment per audience
    in_progress = [row for row in listed if row["status"] == "draft"]
    assert in_progress and all(row["completeness"] < 1 for row in in_progress)
    assert all(row["completeness"] == 1 for row in listed if row["status"] == "completed")


def test_db_option_overrides_readiness_db(
    file_run, cli_env: dict[str, str], tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "other.db"
    other.parent.mkdir()  # the app creates the file only, never folders (issue 8)
    ok(file_run("--db", str(other), "org", "add", "Only in other", "--kind", "other"))
    assert query(other, "SELECT name FROM organisations") == [("Only in other",)]
    assert not Path(cli_env["READINESS_DB"]).exists()


def test_database_url_is_used_when_readiness_db_is_unset(
    file_run, cli_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "from-url.db"
    env = dict(cli_env, READINESS_DATABASE_URL=f"sqlite:///{target}")
    del env["READINESS_DB"]
    ok(file_run("org", "add", "Via URL", "--kind", "company", env=env))
    assert query(target, "SELECT name FROM organisations") == [("Via URL",)]
    assert not Path(cli_env["READINESS_DB"]).exists()


def test_relative_database_url_is_relative_to_the_working_folder(
    file_main, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("READINESS_DB")
    monkeypatch.setenv("READINESS_DATABASE_URL", "sqlite:///relative.db")
    ok(file_main("org", "add", "Relative", "--kind", "company"))
    assert query(folder / "relative.db", "SELECT name FROM organisations") == [("Relative",)]


def test_readiness_db_wins_over_database_url(
    file_main, cli_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_DATABASE_URL", f"sqlite:///{tmp_path / 'url.db'}")
    ok(file_main("org", "add", "Via env", "--kind", "company"))
    assert query(Path(cli_env["READINESS_DB"]), "SELECT name FROM organisations") == [("Via env",)]
    assert not (tmp_path / "url.db").exists()
