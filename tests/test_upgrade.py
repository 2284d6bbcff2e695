"""Questionnaire versions: migrations blocks, carrying answers, assessment upgrade, diff."""

from __future__ import annotations

import json
import subprocess
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
import yaml

from backends import Backend
from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.migration import carry
from readiness.domain.version_diff import diff, draft_rules, upgrade_problems
from readiness.questionnaire.loader import load_file, validate_file
from readiness.questionnaire.xlsx_writer import template_data
from readiness.services import library
from readiness.services.errors import UserError
from readiness.services.upgrade import upgrade
from readiness.services.workspace import Workspace


def _v1() -> dict[str, Any]:
    data = template_data()
    data["domains"][0]["questions"].append(
        {"id": "trust.notes", "type": "text", "text": {"en": "Anything else?"}}
    )
    data["domains"][0]["questions"].append(
        {"id": "trust.dropped", "type": "choice", "scale": "maturity", "text": {"en": "Old?"}}
    )
    return data


def _v2() -> dict[str, Any]:
    data = deepcopy(_v1())
    data["version"] = "0.2.0"
    questions = data["domains"][0]["questions"]
    questions[0]["id"] = "trust.contact-point"
    questions[1]["relevant"] = "${trust.contact-point} >= 2"
    questions[:] = [q for q in questions if q["id"] != "trust.dropped"]
    questions.append(
        {"id": "trust.new-q", "type": "choice", "scale": "maturity", "text": {"en": "New?"}}
    )
    data["migrations"] = [
        {
            "from": ["0.1.0"],
            "questions": {
                "trust.contact-24-7": {"to": "trust.contact-point", "options": {"4": "3"}},
                "trust.dropped": None,
            },
        }
    ]
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_carry_moves_remaps_drops_and_keeps_comments(tmp_path: Path) -> None:
    old = load_file(_write(tmp_path / "v1.yaml", _v1())).questionnaire
    new = load_file(_write(tmp_path / "v2.yaml", _v2())).questionnaire
    details = {
        "trust.contact-24-7": AnswerDetail(ChoiceAnswer("4"), "duty officer", True),
        "trust.contact-tested": AnswerDetail(NotApplicable("no night shifts")),
        "trust.notes": AnswerDetail(TextAnswer("free text")),
        "trust.dropped": AnswerDetail(ChoiceAnswer("2")),
    }
    result = carry(old, new, details)
    assert result.answers == {
        "trust.contact-point": AnswerDetail(ChoiceAnswer("3"), "duty officer", True),
        "trust.contact-tested": AnswerDetail(NotApplicable("no night shifts")),
        "trust.notes": AnswerDetail(TextAnswer("free text")),
    }
    assert result.moved["trust.contact-point"] == "trust.contact-24-7"
    assert [(d.question_id, d.reason) for d in result.dropped] == [
        ("trust.dropped", "removed in version 0.2.0")
    ]
    assert result.new == ["trust.new-q"]


def test_an_option_that_no_longer_exists_is_dropped_not_crashed(tmp_path: Path) -> None:
    old = load_file(_write(tmp_path / "v1.yaml", _v1())).questionnaire
    data = _v2()
    data["scales"]["maturity"]["options"] = data["scales"]["maturity"]["options"][:3]
    del data["domains"][0]["questions"][0]["anchors"]["4"]
    data["migrations"][0]["questions"]["trust.contact-24-7"] = "trust.contact-point"
    new = load_file(_write(tmp_path / "v2.yaml", data)).questionnaire
    result = carry(old, new, {"trust.contact-24-7": AnswerDetail(ChoiceAnswer("4"))})
    assert result.answers == {}
    assert result.dropped[0].question_id == "trust.contact-24-7"
    assert "unknown option '4'" in result.dropped[0].reason


def test_migration_rules_are_validated_with_lines(tmp_path: Path) -> None:
    data = _v2()
    data["migrations"][0]["from"] = ["0.3.0"]
    data["migrations"][0]["questions"]["trust.contact-24-7"] = {
        "to": "trust.contact-pont",
        "options": {"4": "3"},
    }
    data["migrations"][0]["questions"]["trust.x"] = {"to": "trust.new-q", "options": {"1": "9"}}
    lines = [str(i) for i in validate_file(_write(tmp_path / "bad.yaml", data), "bad.yaml")]
    assert any(
        "migrations[0].from[0]: 0.3.0 is not older than this version 0.2.0" in x for x in lines
    )
    assert any(
        "migrations[0].questions[\"trust.contact-24-7\"].to: 'trust.contact-pont' is not a "
        "question of this version; did you mean 'trust.contact-point'?" in x
        for x in lines
    )
    assert any("option '9' does not exist on 'trust.new-q'" in x for x in lines)
    assert len(lines) == 3


def test_upgrade_problems_need_the_old_content(tmp_path: Path) -> None:
    old = load_file(_write(tmp_path / "v1.yaml", _v1())).questionnaire
    data = _v2()
    data["migrations"][0]["questions"] = {"trust.ghost": None}
    new = load_file(_write(tmp_path / "v2.yaml", data)).questionnaire
    problems = upgrade_problems(old, new)
    assert "migrations: 'trust.ghost' is not a question of version 0.1.0" in problems
    assert any("'trust.dropped' of version 0.1.0 is not in version 0.2.0" in p for p in problems)
    assert any("'trust.contact-24-7' of version 0.1.0" in p for p in problems)
    assert upgrade_problems(old, load_file(tmp_path / "v2.yaml").questionnaire) == problems
    good = load_file(_write(tmp_path / "good.yaml", _v2())).questionnaire
    assert upgrade_problems(old, good) == []


def test_diff_finds_renames_by_text_and_drafts_rules(tmp_path: Path) -> None:
    old = load_file(_write(tmp_path / "v1.yaml", _v1())).questionnaire
    new = load_file(_write(tmp_path / "v2.yaml", _v2())).questionnaire
    changes = diff(old, new)
    assert changes.renamed == {"trust.contact-24-7": "trust.contact-point"}
    assert changes.removed == ["trust.dropped"]
    assert changes.added == ["trust.new-q"]
    assert draft_rules(changes) == {
        "from": ["0.1.0"],
        "questions": {"trust.contact-24-7": "trust.contact-point", "trust.dropped": None},
    }


@pytest.fixture
def workspace(backend: Backend) -> Workspace:
    """A workspace on each database backend (SQLite file, PostgreSQL schema)."""
    ws = Workspace.open(backend.target)
    yield ws
    ws.close()


def test_upgrade_creates_a_new_draft_and_leaves_the_original(
    workspace: Workspace, tmp_path: Path
) -> None:
    library.install(workspace, _write(tmp_path / "v1.yaml", _v1()))
    org = workspace.add_organisation("Acme", "company")
    original = workspace.new_assessment(org.id, "my-questionnaire@0.1.0", "Spring review")
    workspace.answer(original.id, "trust.contact-24-7", "4")
    workspace.set_comment(original.id, "trust.contact-24-7", "duty officer")
    workspace.answer(original.id, "trust.dropped", "1")
    before = workspace.state(original.id)
    with pytest.raises(UserError, match="newest known version"):
        upgrade(workspace, original.id)

    library.install(workspace, _write(tmp_path / "v2.yaml", _v2()))
    result = upgrade(workspace, original.id)
    assert result.as_json() == {
        "id": result.id,
        "from": original.id,
        "questionnaire": "my-questionnaire",
        "version": "0.2.0",
        "carried": ["trust.contact-point"],
        "dropped": ["trust.dropped"],
        "new": ["trust.contact-tested", "trust.notes", "trust.new-q"],
    }
    after = workspace.state(original.id)
    assert after.details == before.details and after.summary == before.summary
    upgraded = workspace.state(result.id)
    assert upgraded.summary.title == "Spring review"
    assert upgraded.summary.questionnaire_version == "0.2.0"
    assert upgraded.details["trust.contact-point"] == AnswerDetail(
        ChoiceAnswer("3"), "duty officer"
    )
    from readiness.storage import upgrades

    with workspace._read() as session:
        assert upgrades.to_review(session, result.id) == {"trust.contact-point"}
        source, note = upgrades.provenance(session, result.id)
    assert source == original.id
    assert "trust.dropped (removed in version 0.2.0)" in note
    # carried answers are not an undo step, and touching one reviews it
    assert workspace.can_undo_redo(result.id) == (False, False)
    workspace.set_comment(result.id, "trust.contact-point", "checked")
    with workspace._read() as session:
        assert upgrades.to_review(session, result.id) == set()


def test_cli_upgrade_and_diff(
    tmp_path: Path, cli_env: dict[str, str], readiness_cmd: list[str], backend: Backend
):
    env = backend.env(cli_env)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd, *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )

    _write(tmp_path / "v1.yaml", _v1())
    _write(tmp_path / "v2.yaml", _v2())
    shown = run("questionnaires", "diff", "v1.yaml", "v2.yaml")
    assert shown.returncode == 0, shown.stderr
    assert "trust.contact-24-7 -> trust.contact-point" in shown.stdout
    assert "draft migrations block" in shown.stdout
    assert run("questionnaires", "add", "v1.yaml").returncode == 0
    org = run("org", "add", "Acme", "--kind", "company").stdout.strip()
    first = run("assessment", "new", "--org", org, "--questionnaire", "my-questionnaire")
    assessment = first.stdout.strip()
    assert run("answer", assessment, "trust.contact-24-7", "2").returncode == 0
    assert run("questionnaires", "add", "v2.yaml").returncode == 0
    done = run("assessment", "upgrade", assessment[:8], "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["carried"] == ["trust.contact-point"] and payload["from"] == assessment
    again = run("assessment", "upgrade", payload["id"])
    assert again.returncode == 1
    assert again.stderr.startswith("error: assessment ")
    wrong = run("assessment", "upgrade", assessment, "--to", "9.0.0")
    assert wrong.stderr.strip() == (
        "error: cannot upgrade to 9.0.0: newer versions of my-questionnaire are 0.2.0"
    )


def test_an_na_that_is_no_longer_allowed_keeps_its_reason(tmp_path: Path) -> None:
    old = load_file(_write(tmp_path / "v1.yaml", _v1())).questionnaire
    data = _v2()
    data["domains"][0]["questions"][1]["allow_na"] = False
    new = load_file(_write(tmp_path / "v2.yaml", data)).questionnaire
    details = {"trust.contact-tested": AnswerDetail(NotApplicable("no night shifts"), "see plan")}
    result = carry(old, new, details)
    assert result.answers == {
        "trust.contact-tested": AnswerDetail(
            None, "N/A in version 0.1.0: no night shifts\nsee plan"
        )
    }
    assert result.dropped == []
