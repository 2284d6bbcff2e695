"""Trash, restore, edits and demo data (DESIGN sections 4 and 6; issue 9 item 2).

Real SQLite files throughout; raw looks go through ``sqlite3`` (storage_helpers), not the app.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from readiness.services import demo as demo_service
from readiness.services import trash
from readiness.services.editing import edit_assessment, edit_organisation
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import dump, python_script, query

DEMO_TABLES = ("organisations", "assessments", "answers", "answer_history")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "t.db")
    yield workspace
    workspace.close()


def seeded(ws: Workspace) -> None:
    for _step in demo_service.seed(ws):
        pass


def by_title(ws: Workspace, trashed: bool = False) -> dict[str, str]:
    return {a.title: a.id for a in ws.assessments(trashed=trashed)}


def assessment_rows(db: Path, assessment_id: str) -> dict[str, list]:
    """Everything stored for one assessment, except its deleted_at mark."""
    return {
        "answers": query(
            db, "SELECT * FROM answers WHERE assessment_id = ? ORDER BY id", assessment_id
        ),
        "history": query(
            db, "SELECT * FROM answer_history WHERE assessment_id = ? ORDER BY id", assessment_id
        ),
        "row": query(
            db,
            "SELECT id, title, status, score, level, completeness FROM assessments WHERE id = ?",
            assessment_id,
        ),
    }


def test_delete_and_restore_bring_back_every_answer_and_its_history(ws: Workspace) -> None:
    seeded(ws)
    db = ws.path
    assert db is not None
    target = by_title(ws)["Annual readiness review 2026"]
    ws.answer(target, "trust.tlp", "4")  # some history beyond the seed
    ws.undo(target)
    before = assessment_rows(db, target)
    assert len(before["answers"]) > 30 and len(before["history"]) > 30

    trash.delete_assessment(ws, target[:6])
    assert target not in by_title(ws).values()
    assert by_title(ws, trashed=True) == {"Annual readiness review 2026": target}
    with pytest.raises(UserError, match="in the trash"):
        ws.state(target)
    with pytest.raises(UserError, match="in the trash"):
        ws.answer(target, "trust.tlp", "1")
    assert assessment_rows(db, target) == before  # nothing removed, nothing changed

    trash.restore_assessment(ws, target[:6])
    assert assessment_rows(db, target) == before
    assert ws.can_undo_redo(target) == (True, True)  # the history still drives undo and redo


def test_an_organisation_takes_its_assessments_to_the_trash_and_back(ws: Workspace) -> None:
    seeded(ws)
    nordlicht = next(o for o in ws.organisations() if o.name == "Nordlicht Energie AG")
    own = ws.assessments(nordlicht.id)
    assert len(own) == 1
    trash.delete_organisation(ws, nordlicht.id)
    assert nordlicht.id not in {o.id for o in ws.organisations()}
    assert ws.assessments(nordlicht.id) == []
    items = trash.items(ws)
    assert [(i.kind.value, i.name, i.assessments) for i in items] == [
        ("organisation", "Nordlicht Energie AG", 1)
    ]
    with pytest.raises(UserError, match="restore that instead"):
        trash.restore_assessment(ws, own[0].id)
    trash.restore_organisation(ws, nordlicht.id[:5])
    assert [a.id for a in ws.assessments(nordlicht.id)] == [own[0].id]
    assert trash.items(ws) == []


def test_only_emptying_the_trash_removes_rows_and_it_says_how_many(ws: Workspace) -> None:
    seeded(ws)
    db = ws.path
    assert db is not None
    titles = by_title(ws)
    baltic = titles["First self-assessment"]
    answers = query(db, "SELECT COUNT(*) FROM answers WHERE assessment_id = ?", baltic)[0][0]
    cimic_org = next(o for o in ws.organisations() if o.name == "CIMIC Group North")
    cimic_answers = query(
        db,
        "SELECT COUNT(*) FROM answers WHERE assessment_id = ?",
        titles["Partner readiness baseline — Q4 2026"],
    )[0][0]
    trash.delete_assessment(ws, baltic)
    trash.delete_organisation(ws, cimic_org.id)
    waiting = trash.pending(ws)
    assert (waiting.organisations, waiting.assessments, waiting.answers) == (
        1,
        2,
        answers + cimic_answers,
    )
    removed = trash.empty(ws)
    assert removed == waiting
    assert query(db, "SELECT COUNT(*) FROM assessments")[0][0] == 1
    assert query(db, "SELECT COUNT(*) FROM organisations")[0][0] == 2
    history = query(db, "SELECT COUNT(*) FROM answer_history WHERE assessment_id = ?", baltic)
    assert history == [(0,)]
    assert trash.empty(ws).nothing


def test_demo_never_attaches_to_an_organisation_the_user_made(ws: Workspace) -> None:
    mine = ws.add_organisation("Nordlicht Energie AG", "company")
    seeded(ws)
    assert ws.assessments(mine.id) == []
    namesakes = [o for o in ws.organisations() if o.name == "Nordlicht Energie AG"]
    assert sorted(o.demo for o in namesakes) == [False, True]


def test_demo_remove_takes_out_demo_rows_and_nothing_else(ws: Workspace) -> None:
    db = ws.path
    assert db is not None
    mine = ws.add_organisation("Ostsee Häfen GmbH", "company")
    my_assessment = ws.new_assessment(mine.id, "company-readiness", "Mine")
    ws.answer(my_assessment.id, "trust.tlp", "2")
    seeded(ws)
    cimic = next(o for o in ws.organisations() if o.name == "CIMIC Group North")
    user_in_demo_org = ws.new_assessment(cimic.id, "defence-unit-readiness", "Made by me")
    trash.delete_assessment(ws, by_title(ws)["First self-assessment"])  # also from the trash
    before = {t: dump(db)[t] for t in DEMO_TABLES}

    removed, kept = demo_service.remove_demo(ws)
    assert (removed.assessments, removed.organisations, kept) == (3, 2, 1)
    assert {a.title for a in ws.assessments()} == {"Mine", "Made by me"}
    assert {o.name for o in ws.organisations()} == {"Ostsee Häfen GmbH", "CIMIC Group North"}
    for table in ("answers", "answer_history"):
        mine_rows = [r for r in before[table] if my_assessment.id in r]
        assert [r for r in dump(db)[table] if my_assessment.id in r] == mine_rows
    assert ws.assessment(user_in_demo_org.id).title == "Made by me"
    assert trash.items(ws) == []


SEED_AND_HANG = """
import sys
from readiness.services.demo import seed
from readiness.services.workspace import Workspace
workspace = Workspace.open(sys.argv[1])
for done, total, message in seed(workspace):
    if done >= total // 2:
        print("midway", flush=True)
        sys.stdin.readline()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_demo_killed_midway_then_rerun_ends_with_the_full_set(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = python_script(SEED_AND_HANG, str(db), env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "midway"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream:
                stream.close()
    assert query(db, "SELECT COUNT(*) FROM assessments") == [(0,)]  # all or nothing
    ws = Workspace.open(db)
    try:
        seeded(ws)
    finally:
        ws.close()
    fresh = Workspace.open(tmp_path / "fresh.db")
    try:
        seeded(fresh)
    finally:
        fresh.close()

    def shape(path: Path) -> dict[str, list]:
        return {
            "organisations": query(
                path, "SELECT name, kind, demo FROM organisations ORDER BY name"
            ),
            "assessments": query(
                path,
                "SELECT title, status, score, completeness, demo FROM assessments ORDER BY title",
            ),
            "answers": query(
                path,
                "SELECT a.title, x.question_id, x.option_id, x.comment, x.flagged FROM answers x "
                "JOIN assessments a ON a.id = x.assessment_id ORDER BY a.title, x.question_id",
            ),
        }

    assert shape(db) == shape(tmp_path / "fresh.db")


def test_edit_organisation_and_assessment(ws: Workspace) -> None:
    org = ws.add_organisation("Old name", "company", "Energy", "DE")
    summary = ws.new_assessment(org.id, "company-readiness", "First")
    edited = edit_organisation(ws, org.id[:4], name="  New name ", sector="Grid", country="FR")
    assert (edited.name, edited.kind.value, edited.sector, edited.country) == (
        "New name",
        "company",
        "Grid",
        "FR",
    )
    assert ws.assessment(summary.id).organisation == "New name"
    with pytest.raises(UserError, match="audience 'company'"):
        edit_organisation(ws, org.id, kind="defence_unit")
    with pytest.raises(UserError, match="needs a name"):
        edit_organisation(ws, org.id, name="  ")
    after = edit_assessment(ws, summary.id, title="Second", assessor="Ana")
    assert (after.title, after.assessor, after.status.value) == ("Second", "Ana", "draft")
    with pytest.raises(UserError, match="still unanswered"):
        edit_assessment(ws, summary.id, status="completed")


def test_a_completed_assessment_reopened_as_draft_stays_draft(ws: Workspace) -> None:
    seeded(ws)
    target = by_title(ws)["Annual readiness review 2026"]
    assert ws.assessment(target).status.value == "completed"
    edit_assessment(ws, target, status="draft")
    ws.set_comment(target, "trust.tlp", "reviewing again")
    assert ws.assessment(target).status.value == "draft"
    edit_assessment(ws, target, status="completed")
    assert ws.assessment(target).status.value == "completed"


def test_ids_shorter_than_four_characters_say_four_are_needed(ws: Workspace) -> None:
    org = ws.add_organisation("Org", "company")
    with pytest.raises(UserError, match="at least 4 characters"):
        ws.organisation(org.id[:3])
    with pytest.raises(UserError, match="at least 4 characters"):
        trash.restore_organisation(ws, org.id[:3])


def test_the_trash_is_out_of_portfolio_and_partnerships(ws: Workspace) -> None:
    from readiness.services import partnerships
    from readiness.services.portfolio import portfolio_json, portfolio_tables

    seeded(ws)

    def organisations() -> set[str]:
        tables = portfolio_json(portfolio_tables(ws))["questionnaires"]
        return {row["organisation"] for table in tables for row in table["rows"]}

    assert "CIMIC Group North" in organisations()
    assert len(partnerships.records(ws)) == 1
    cimic = next(o for o in ws.organisations() if o.name == "CIMIC Group North")
    trash.delete_organisation(ws, cimic.id)
    assert "CIMIC Group North" not in organisations()
    assert partnerships.records(ws) == []
    trash.restore_organisation(ws, cimic.id)
    assert len(partnerships.records(ws)) == 1
    trash.delete_organisation(ws, cimic.id)
    trash.empty(ws)  # the partnership that named it goes with it
    removed, _kept = demo_service.remove_demo(ws)
    assert ws.organisations() == [] and removed.organisations == 2
