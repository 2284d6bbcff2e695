"""``readiness answer ID --file ANSWERS`` (issue 17): an answers file in one transaction.

Real processes on a real SQLite file: every answer of the file saved with its own history
entry, the same score as ``questionnaires score`` gives for the file, and nothing saved at all
when any part of the file is wrong.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from readiness.domain.answers import ChoiceAnswer
from readiness.domain.scoring import shown
from readiness.services.answer_edit import AnswerEdit
from readiness.services.workspace import Workspace


@pytest.fixture
def run(readiness_cmd: list[str], cli_env: dict[str, str]):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd, *args], capture_output=True, text=True, env=cli_env, timeout=120
        )

    return run


@pytest.fixture
def draft(run) -> str:
    """A new, empty company assessment; returns its id."""
    org = run("org", "add", "Test Co", "--kind", "company").stdout.strip()
    return run(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness", "--title", "T"
    ).stdout.strip()


def _all_answered(run, tmp_path: Path, draft: str) -> Path:
    """An answers file answering every question of the draft's questionnaire: option 3 for
    scored questions, the first option for profile questions, a comment, flag and evidence
    on the first scored question."""
    shown_json = json.loads(run("assessment", "show", draft, "--json").stdout)
    listing = json.loads(run("questionnaires", "--json").stdout)
    assert shown_json["answers"] == {}
    from readiness.services.catalog import find_builtin

    questionnaire = find_builtin("company-readiness").questionnaire
    lines = ["questionnaire: company-readiness", "answers:"]
    first = True
    for domain in questionnaire.domains:
        for question in domain.questions:
            if question.scale is None:
                lines.append(f"  {question.id}: free text answer")
                continue
            option = question.scale.options[3 if question.is_scored else 0].id
            if first and question.is_scored:
                lines += [
                    f"  {question.id}:",
                    f'    option: "{option}"',
                    "    comment: checked at the March drill",
                    "    flagged: true",
                    "    evidence: {kind: exercise, reference: AAR 2026-03, date: 2026-03-20}",
                ]
                first = False
            else:
                lines.append(f'  {question.id}: "{option}"')
    assert listing  # the catalogue answered too
    path = tmp_path / "answers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _history_rows(db: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM answer_history").fetchone()[0]


def test_answers_file_applies_every_answer_with_the_score_of_the_file(
    run, draft: str, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = _all_answered(run, tmp_path, draft)
    done = run("answer", draft[:8], "--file", str(path))
    assert done.returncode == 0, done.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    count = sum(1 for line in lines if line.startswith("  ") and not line.startswith("    "))
    assert done.stdout.startswith(f"Saved {count} changes · ")
    shown_json = json.loads(run("assessment", "show", draft, "--json").stdout)
    scored = json.loads(run("score", str(path), "--json").stdout)
    assert shown_json["overall"] == scored["overall"]
    assert len(shown_json["answers"]) == count
    first = next(v for v in shown_json["answers"].values() if isinstance(v, dict))
    assert first["comment"] == "checked at the March drill"
    assert first["flagged"] is True
    assert first["evidence"]["reference"] == "AAR 2026-03"
    assert _history_rows(cli_env["READINESS_DB"]) == count
    again = run("answer", draft, "--file", str(path))
    assert again.stdout.startswith("Saved 0 changes")  # nothing new: no history entries
    assert _history_rows(cli_env["READINESS_DB"]) == count


def test_a_wrong_file_saves_nothing_and_names_every_problem(
    run, draft: str, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "questionnaire: company-readiness\n"
        "answers:\n"
        '  governance.baseline-map: "3"\n'
        '  governance.board-briefing: "9"\n'
        '  nope.question: "1"\n',
        encoding="utf-8",
    )
    failed = run("answer", draft, "--file", str(path))
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "bad.yaml:4:" in lines[0] and "unknown option '9'" in lines[0]
    assert "bad.yaml:5:" in lines[1] and "nope.question" in lines[1]
    assert "Traceback" not in failed.stderr
    assert json.loads(run("assessment", "show", draft, "--json").stdout)["answers"] == {}
    assert _history_rows(cli_env["READINESS_DB"]) == 0


def test_a_file_for_another_questionnaire_is_refused(run, draft: str, tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("questionnaire: defence-unit-readiness\nanswers: {}\n", encoding="utf-8")
    failed = run("answer", draft, "--file", str(path))
    assert failed.returncode == 1
    assert "defence-unit-readiness" in failed.stderr and "company-readiness" in failed.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2.1", "--file", "x.yaml"], "give only ID"),
        (["--file", "x.yaml", "--comment", "c"], "give only ID"),
        ([], "give QUESTION, or --file ANSWERS"),
    ],
)
def test_file_and_single_answer_forms_do_not_mix(run, draft: str, args, message) -> None:
    failed = run("answer", draft, *args)
    assert failed.returncode == 2
    assert message in failed.stderr


def test_change_answers_is_all_or_nothing(tmp_path: Path) -> None:
    """An edit that cannot apply half-way through rolls back the ones before it."""
    workspace = Workspace.open(tmp_path / "w.db")
    try:
        org = workspace.add_organisation("Test Co", "company")
        summary = workspace.new_assessment(org.id, "company-readiness", "T")
        good = AnswerEdit("governance.baseline-map", answer=ChoiceAnswer("3"))
        wrong = AnswerEdit("governance.board-briefing", answer=ChoiceAnswer("9"))
        with pytest.raises(Exception, match="unknown option '9'"):
            workspace.change_answers(summary.id, [good, wrong])
        assert workspace.state(summary.id).details == {}
        changes = workspace.change_answers(summary.id, [good])
        assert [c.question_id for c in changes] == ["governance.baseline-map"]
        assert shown(workspace.assessment(summary.id).score) > 0
    finally:
        workspace.close()
