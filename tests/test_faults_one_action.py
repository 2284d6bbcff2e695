"""One user action, one transaction; text that is not valid Unicode is refused before anything
is written, in every command and field (issue 8, items 3 and 9; DESIGN sections 4 and 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import MINI, dump, load, start

BAD = "bad\udcffbyte"  # what Python makes of the shell's $'bad\xffbyte'
BAD_ARG = os.fsencode(BAD)  # the raw bytes, as a shell passes them


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "one.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.answer(assessment, "trust.contact", "1")
    workspace.close()
    return db, assessment


def test_bad_comment_changes_nothing_through_the_cli(seeded: tuple[Path, str], tmp_path) -> None:
    db, assessment = seeded
    before = dump(db)
    env = cli_env(tmp_path)
    done = cli(env, "--db", str(db), "answer", assessment, "trust.contact", "4", "--comment", BAD)
    assert done.returncode == 1
    assert "--comment" in done.stderr and "UTF-8" in done.stderr
    assert done.stderr.count("\n") == 1
    assert dump(db) == before


@pytest.mark.parametrize(
    "args",
    [
        ["org", "add", BAD, "--kind", "company"],
        ["org", "add", "Org", "--kind", "company", "--sector", BAD],
        ["assessment", "show", BAD],
        ["answer", "{a}", "trust.contact", BAD],
        ["answer", "{a}", BAD, "1"],
        ["answer", "{a}", "trust.contact", "--na", BAD],
        ["answer", "{a}", "trust.notes", "--text", BAD],
        ["export", "{a}", "--pdf", "r.pdf", "--marking", BAD],
    ],
)
def test_bad_text_in_any_field_is_one_line(
    seeded: tuple[Path, str], tmp_path: Path, args: list[str]
) -> None:
    db, assessment = seeded
    before = dump(db)
    env = cli_env(tmp_path)
    done = cli(env, "--db", str(db), *(a.replace("{a}", assessment) for a in args))
    assert done.returncode == 1, done.stderr
    assert "not valid text" in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert dump(db) == before


@pytest.mark.parametrize(
    "call",
    [
        lambda w, a: w.change_answer(a, "trust.contact", option="4", comment=BAD),
        lambda w, a: w.change_answer(a, "trust.contact", na=BAD),
        lambda w, a: w.set_comment(a, "trust.contact", BAD),
        lambda w, a: w.answer_text(a, "trust.notes", BAD),
        lambda w, a: w.add_organisation(BAD, "company"),
        lambda w, a: w.update_details(a, title=BAD),
        lambda w, a: w.update_details(a, assessor=BAD),
    ],
)
def test_bad_text_through_the_service_changes_nothing(seeded: tuple[Path, str], call) -> None:
    db, assessment = seeded
    before = dump(db)
    workspace = Workspace.open(db)
    try:
        with pytest.raises(UserError, match="not valid text"):
            call(workspace, assessment)
    finally:
        workspace.close()
    assert dump(db) == before


def test_option_and_comment_are_one_change_and_one_undo(seeded: tuple[Path, str]) -> None:
    db, assessment = seeded
    workspace = Workspace.open(db)
    try:
        change = workspace.change_answer(
            assessment, "trust.contact", option="4", comment="after the drill", flagged=True
        )
        assert change is not None
        detail = workspace.state(assessment).details["trust.contact"]
        assert (detail.answer.option_id, detail.comment, detail.flagged) == (  # type: ignore[union-attr]
            "4",
            "after the drill",
            True,
        )
        workspace.undo(assessment)
        detail = workspace.state(assessment).details["trust.contact"]
        assert (detail.answer.option_id, detail.comment, detail.flagged) == ("1", "", False)  # type: ignore[union-attr]
        with pytest.raises(UserError, match="only one"):
            workspace.change_answer(assessment, "trust.contact", option="2", na="why")
    finally:
        workspace.close()


def test_cli_answer_with_comment_is_one_history_entry(seeded: tuple[Path, str], tmp_path) -> None:
    db, assessment = seeded
    env = cli_env(tmp_path)
    done = cli(env, "--db", str(db), "answer", assessment, "trust.contact", "3", "--comment", "c")
    assert done.returncode == 0, done.stderr
    workspace = Workspace.open(db)
    try:
        history = workspace.history(assessment, "trust.contact")
        assert len(history) == 2  # the seed's answer, then option and comment together
        assert history[-1].after.comment == "c"
    finally:
        workspace.close()


@pytest.mark.parametrize("comment", ["-2 after the drill", "-2", "-x", "--drill", "-2,after"])
def test_text_starting_with_a_dash_needs_no_equals_sign(
    seeded: tuple[Path, str], tmp_path: Path, comment: str
) -> None:
    db, assessment = seeded
    env = cli_env(tmp_path)
    args = ("--db", str(db), "answer", assessment, "trust.contact", "--comment", comment)
    done = cli(env, *args)
    assert done.returncode == 0, done.stderr
    workspace = Workspace.open(db)
    try:
        assert workspace.state(assessment).details["trust.contact"].comment == comment
    finally:
        workspace.close()
