"""`org edit/delete/restore`, `assessment edit/delete/restore/list --trash`, `trash empty`,
`demo --remove` (DESIGN section 6; issue 9 items 2 and 7), run in-process on a real file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def main(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from readiness.cli import main as cli_main

    monkeypatch.setenv("READINESS_DB", str(tmp_path / "cli.db"))

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


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def fails(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


def test_edit_delete_restore_and_empty_from_the_command_line(main) -> None:
    org = ok(main("org", "add", "Nordlicht Energie AG", "--kind", "company")).strip()
    ok(main("demo"))
    listed = json.loads(ok(main("assessment", "list", "--json")))
    assert len(listed) == 3
    assert all(row["organisation_id"] != org for row in listed)  # demo never attaches to mine

    out = ok(main("org", "edit", org[:4], "--name", "Nordlicht (ours)", "--country", "DE"))
    assert "Nordlicht (ours)" in out and out.count("\n") == 1
    nordlicht = next(r for r in listed if r["organisation"] == "Nordlicht Energie AG")
    out = ok(main("assessment", "edit", nordlicht["id"][:6], "--title", "Review 2027"))
    assert "Review 2027" in out

    out = ok(main("assessment", "delete", nordlicht["id"][:6]))
    assert "trash" in out and "assessment restore" in out
    trashed = json.loads(ok(main("assessment", "list", "--json", "--trash")))
    assert [r["title"] for r in trashed] == ["Review 2027"]
    fails(main("assessment", "show", nordlicht["id"]), "in the trash")
    fails(main("trash", "empty"), "--yes", "1 assessment(s)")
    assert "Restored" in ok(main("assessment", "restore", nordlicht["id"][:6]))
    assert json.loads(ok(main("assessment", "list", "--json", "--trash"))) == []

    cimic = next(r for r in listed if r["organisation"] == "CIMIC Group North")
    assert "1 assessment(s)" in ok(main("org", "delete", cimic["organisation_id"]))
    out = ok(main("trash", "empty", "--yes"))
    assert "1 organisation(s), 1 assessment(s)" in out
    assert "already empty" in ok(main("trash", "empty", "--yes"))

    out = ok(main("demo", "--remove"))
    assert "2 assessment(s)" in out
    orgs = json.loads(ok(main("org", "list", "--json")))
    assert [o["name"] for o in orgs] == ["Nordlicht (ours)"]


def test_short_ids_and_bad_edits_get_one_clear_line(main) -> None:
    org = ok(main("org", "add", "Org", "--kind", "company")).strip()
    fails(main("org", "edit", org[:3], "--name", "X"), "at least 4 characters")
    fails(main("org", "delete", org[:2]), "at least 4 characters")
    fails(main("org", "edit", org), "nothing to change")
    assert main("assessment", "edit", "abcd", "--status", "done").returncode == 2


def test_every_positional_argument_has_help() -> None:
    import argparse

    from readiness.cli import build_parser

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                if not action.help:
                    missing.append(f"{path} {action.metavar}")
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.option_strings and not action.help:
                missing.append(f"{path} {action.dest}")

    walk(build_parser(), "readiness")
    assert missing == []


def test_answer_by_number_confirms_what_it_saved_and_show_lists_answers(main) -> None:
    from readiness.domain.numbering import question_numbers
    from readiness.services import catalog

    numbers = question_numbers(catalog.find_builtin("company-readiness").questionnaire)
    tlp, contact = numbers["trust.tlp"], numbers["trust.contact-24-7"]
    org = ok(main("org", "add", "Kaleva", "--kind", "company")).strip()
    assessment = ok(main("assessment", "new", "--org", org, "--questionnaire", "company-readiness"))
    assessment = assessment.strip()
    out = ok(main("answer", assessment[:6], tlp, "3", "--comment", "seen\nin March", "--flag"))
    assert out.count("\n") == 1
    assert out.startswith(f"Saved {tlp} trust.tlp: 3 — ")
    assert "comment: seen in March" in out and "flagged for review" in out
    assert "1 of " in out and " answered" in out
    out = ok(main("answer", assessment, "trust.tlp", "--unflag"))
    assert "flagged" not in out and out.startswith(f"Saved {tlp} trust.tlp: 3")
    fails(main("answer", assessment, "9.9", "1"), "unknown question '9.9'", "such as 1.1")
    shown = ok(main("assessment", "show", assessment))
    assert "Answers:" in shown
    assert f"{tlp:<6} trust.tlp: 3 — " in shown and "comment: seen in March" in shown
    ok(main("answer", assessment, contact, "--flag"))
    assert "trust.contact-24-7: unanswered  [flagged]" in ok(main("assessment", "show", assessment))
    assert main("answer", assessment, tlp, "--flag", "--unflag").returncode == 2


def test_status_words_are_the_same_in_cli_window_and_reports() -> None:
    from readiness.domain.records import Status
    from readiness.reports.content import status_label as report_label
    from readiness.ui.assessment_list import status_label as window_label

    for status in Status:
        assert window_label(status).lower() == status.value
        assert report_label(status.value).lower() == status.value
