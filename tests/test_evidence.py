"""Evidence on answers (DESIGN sections 3, 4 and 6): parsed, stored in a real SQLite file with
its history, given on the command line in one transaction with the answer, shown by
``assessment show`` (text and JSON long form) and judged as of the assessment's last change."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from readiness.domain.answers import Evidence, EvidenceKind
from readiness.domain.evidence import format_evidence, make_evidence, parse_evidence
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import query

AAR = "exercise:AAR 2026-03 p.4@2026-03-20"


def test_parse_and_format_round_trip() -> None:
    evidence = parse_evidence(AAR)
    assert evidence == Evidence(EvidenceKind.EXERCISE, "AAR 2026-03 p.4", date(2026, 3, 20))
    assert format_evidence(evidence) == AAR
    # ':' and '@' may appear inside the reference: the first ':' and the last '@' split
    tricky = parse_evidence("document:Mail from ops@example: minutes@2026-01-02")
    assert tricky.reference == "Mail from ops@example: minutes"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("exercise AAR 2026-03-20", "evidence must be written KIND:REFERENCE@YYYY-MM-DD"),
        ("memo:x@2026-01-01", "unknown evidence kind 'memo' (known: document, record, exercise,"),
        ("record:   @2026-01-01", "evidence needs a reference"),
        ("record:log@20.3.2026", "the evidence date must be a date such as 2026-03-20"),
    ],
)
def test_bad_evidence_is_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")):
        parse_evidence(text)


def test_reference_length_is_bounded() -> None:
    with pytest.raises(ValueError, match="too long"):
        make_evidence("record", "x" * 501, "2026-01-01")


@pytest.fixture
def workspace(tmp_path: Path):
    ws = Workspace.open(tmp_path / "e.db")
    yield ws
    ws.close()


def _assessment(ws: Workspace) -> str:
    org = ws.add_organisation("Org", "company")
    return ws.new_assessment(org.id, "company-readiness").id


def test_evidence_is_stored_with_the_answer_in_one_change(workspace: Workspace, tmp_path) -> None:
    aid = _assessment(workspace)
    change = workspace.change_answer(aid, "trust.tlp", option="4", evidence=AAR)
    assert change is not None
    state = workspace.state(aid)
    assert state.details["trust.tlp"].evidence == parse_evidence(AAR)
    rows = query(
        tmp_path / "e.db",
        "SELECT evidence_kind, evidence_reference, evidence_date FROM answers",
    )
    assert rows == [("exercise", "AAR 2026-03 p.4", "2026-03-20")]
    # one history entry holds both the option and the evidence: one undo step
    (entry,) = workspace.history(aid, "trust.tlp")
    assert entry.after.evidence == parse_evidence(AAR)
    workspace.undo(aid)
    undone = workspace.state(aid).details.get("trust.tlp")
    assert undone is None or undone.is_empty  # answer and evidence went together
    workspace.redo(aid)
    assert workspace.state(aid).details["trust.tlp"].evidence == parse_evidence(AAR)


def test_evidence_is_judged_as_of_the_last_change(workspace: Workspace) -> None:
    aid = _assessment(workspace)
    workspace.change_answer(aid, "trust.tlp", option="4")
    assert "trust.tlp" in workspace.state(aid).result.unverified
    today = date.today().isoformat()
    workspace.change_answer(aid, "trust.tlp", evidence=f"record:Audit log@{today}")
    state = workspace.state(aid)
    assert "trust.tlp" not in state.result.unverified
    assert state.result.as_of == state.summary.updated_at.date()
    before = state.result.overall
    workspace.change_answer(aid, "trust.tlp", evidence="record:Old audit@2020-01-01")
    state = workspace.state(aid)
    assert "trust.tlp" in state.result.unverified  # too old
    assert state.result.overall == before  # evidence never changes a score
    workspace.change_answer(aid, "trust.tlp", clear_evidence=True)
    assert workspace.state(aid).details["trust.tlp"].evidence is None


def test_bad_evidence_changes_nothing(workspace: Workspace) -> None:
    aid = _assessment(workspace)
    with pytest.raises(UserError, match="unknown evidence kind"):
        workspace.change_answer(aid, "trust.tlp", option="3", evidence="memo:x@2026-01-01")
    assert workspace.state(aid).details == {}
    with pytest.raises(UserError, match="takes free text"):
        workspace.change_answer(aid, "incentives.main-obstacle", evidence=AAR)


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_cli_answer_with_evidence_and_show(main_cli, db: Path) -> None:
    workspace = Workspace.open(db)
    aid = _assessment(workspace)
    workspace.close()
    _ok(main_cli("answer", aid, "trust.tlp", "4", "--evidence", AAR, "--comment", "AAR"))
    _ok(main_cli("answer", aid, "trust.isac", "3"))
    shown = json.loads(_ok(main_cli("assessment", "show", aid, "--json")))
    assert shown["answers"]["trust.tlp"] == {
        "option": "4",
        "comment": "AAR",
        "evidence": {"kind": "exercise", "reference": "AAR 2026-03 p.4", "date": "2026-03-20"},
    }
    assert shown["answers"]["trust.isac"] == "3"
    assert "trust.isac" in shown["unverified"]
    text = _ok(main_cli("assessment", "show", aid))
    assert f"trust.tlp: {AAR}" in text
    assert "Unverified claims" in text
    done = main_cli("answer", aid, "trust.tlp", "--evidence", "exercise:x@yesterday")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "YYYY-MM-DD" in done.stderr


@pytest.fixture
def db(cli_env: dict[str, str]) -> Path:
    return Path(cli_env["READINESS_DB"])


@pytest.fixture
def main_cli(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from readiness.cli import main as cli_main

    monkeypatch.setenv("READINESS_DB", str(db))

    def main(*args: str) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        try:
            code = cli_main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return subprocess.CompletedProcess(list(args), code, out, err)

    return main


def test_evidence_in_an_answers_file_long_form() -> None:
    from readiness.questionnaire.answers_evidence import evidence_in

    data = {
        "answers": {
            "trust.tlp": {
                "option": "4",
                "evidence": {"kind": "exercise", "reference": "AAR", "date": date(2026, 3, 20)},
            },
            "trust.isac": "3",
            "trust.bad": {
                "option": "4",
                "evidence": {"kind": "memo", "reference": "x", "date": "2026-01-01"},
            },
        }
    }
    assert evidence_in(data) == {
        "trust.tlp": Evidence(EvidenceKind.EXERCISE, "AAR", date(2026, 3, 20))
    }
    assert evidence_in([]) == {} and evidence_in({"answers": "x"}) == {}
