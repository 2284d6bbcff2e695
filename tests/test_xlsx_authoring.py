"""Excel authoring (DESIGN section 2): lossless round trips, cell-located errors, hostile files."""

from __future__ import annotations

import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.canonical import canonical_sha256
from readiness.questionnaire.loader import load_file, validate_file
from readiness.questionnaire.xlsx_writer import template_data, write_template, write_workbook
from readiness.questionnaire.yaml_source import parse, read_text

BUILTINS = sorted(builtin_questionnaires_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_builtin_round_trips_through_excel(path: Path, tmp_path: Path) -> None:
    original = load_file(path)
    data = parse(read_text(path)).data
    workbook = tmp_path / "q.xlsx"
    write_workbook(data, workbook)
    from_excel = load_file(workbook)
    assert from_excel.questionnaire == original.questionnaire
    assert from_excel.sha256 == canonical_sha256(data)
    # and back to YAML: the canonical text reloads with the same hash and model
    again = tmp_path / "again.yaml"
    again.write_text(from_excel.source, encoding="utf-8")
    reloaded = load_file(again)
    assert reloaded.sha256 == from_excel.sha256
    assert reloaded.questionnaire == original.questionnaire


def test_template_is_documented_and_valid(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    assert validate_file(path) == []
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["settings", "scales", "levels", "questions", "help"]
    questions = workbook["questions"]
    header = [c.value for c in questions[1]]
    for column in ("domain", "domain_title::en", "id", "type", "scale", "text::en", "critical"):
        assert column in header
    lists = {str(v.formula1) for v in questions.data_validations.dataValidation}
    assert '"choice,profile,text"' in lists
    assert '"maturity"' in lists
    assert '"yes,no"' in lists
    assert questions.freeze_panes == "A2"
    help_text = " ".join(str(c.value) for row in workbook["help"].iter_rows() for c in row)
    assert "readiness validate" in help_text
    assert load_file(path).questionnaire.id == template_data()["id"]


def _broken_template(tmp_path: Path) -> Path:
    path = tmp_path / "template.xlsx"
    write_template(path)
    workbook = openpyxl.load_workbook(path)
    questions = workbook["questions"]
    header = [c.value for c in questions[1]]
    questions.cell(2, header.index("scale") + 1, "maturty")
    questions.cell(3, header.index("weight") + 1, "heavy")
    questions.cell(3, header.index("text::en") + 1, "=A1&B1")
    questions.merge_cells("A5:B5")
    workbook.create_sheet("notes")
    workbook.create_sheet("secret").sheet_state = "hidden"
    workbook["settings"]["B2"] = 1.1
    broken = tmp_path / "broken.xlsx"
    workbook.save(broken)
    return broken


def test_every_problem_is_reported_with_its_cell(tmp_path: Path) -> None:
    broken = _broken_template(tmp_path)
    lines = [str(issue) for issue in validate_file(broken, "broken.xlsx")]
    assert lines == [
        "broken.xlsx:secret!A1: (sheet): hidden sheet: unhide it or delete it "
        "(hidden content is not read)",
        "broken.xlsx:notes!A1: (sheet): unknown sheet 'notes' "
        "(known: settings, scales, levels, questions, migrations, help)",
        "broken.xlsx:settings!B2: version: '1.1' is not valid: "
        "expected a semantic version such as 1.0.0",
        "broken.xlsx:questions!E2: domains[0].questions[0].scale: unknown scale 'maturty' "
        "(known: maturity); did you mean 'maturity'?",
        "broken.xlsx:questions!C3: domains[0].questions[1]: missing required key 'text'",
        "broken.xlsx:questions!F3: (sheet): formulas are not read: type the value itself",
        "broken.xlsx:questions!J3: domains[0].questions[1].weight: "
        "expected a number, got the text 'heavy'",
        "broken.xlsx:questions!A5: (sheet): merged cells are not read: "
        "unmerge them and fill each cell",
    ]


def test_conflicting_domain_titles_name_both_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template(path)
    workbook = openpyxl.load_workbook(path)
    questions = workbook["questions"]
    header = [c.value for c in questions[1]]
    questions.cell(3, header.index("domain_title::en") + 1, "Another title")
    workbook.save(path)
    (issue,) = validate_file(path, "t.xlsx")
    assert str(issue) == (
        "t.xlsx:questions!B3: domains[0].title.en: domain 'trust' already has another title in "
        "questions!B2; leave this cell empty or make it the same"
    )


def test_numbers_typed_as_text_are_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_template(path)
    workbook = openpyxl.load_workbook(path)
    questions = workbook["questions"]
    header = [c.value for c in questions[1]]
    questions.cell(2, header.index("weight") + 1, "5e-1")
    workbook.save(path)
    question = load_file(path).questionnaire.domains[0].questions[0]
    assert question.weight == 0.5


def _elapsed(path: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    issues = [str(i) for i in validate_file(path, path.name)]
    return time.perf_counter() - start, issues


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("just text", encoding="utf-8")
    assert _elapsed(path)[1] == [
        "notes.xlsx:(workbook): (file): not an Excel workbook (.xlsx): "
        "the file is not a zip archive"
    ]


def test_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    seconds, issues = _elapsed(path)
    assert seconds < 5
    assert len(issues) == 1 and "possible zip bomb" in issues[0]


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(10_000):
            archive.writestr(f"m{index}", b"x")
    seconds, issues = _elapsed(path)
    assert seconds < 5
    assert issues == [
        "many.xlsx:(workbook): (file): the workbook has 10000 parts; at most 500 are allowed"
    ]


def _many_rows(path: Path, rows: int) -> Path:
    """A workbook whose questions sheet has ``rows`` rows (streamed, so it is quick to make)."""
    workbook = openpyxl.Workbook(write_only=True)
    for name in ("settings", "scales", "levels"):
        workbook.create_sheet(name).append(["id"])
    questions = workbook.create_sheet("questions")
    questions.append(["domain", "id"])
    for index in range(rows):
        questions.append(["d", f"d.q{index}"])
    workbook.save(path)
    return path


def test_a_million_rows_is_refused_within_seconds(tmp_path: Path) -> None:
    seconds, issues = _elapsed(_many_rows(tmp_path / "rows.xlsx", 1_000_000))
    assert seconds < 5
    assert len(issues) == 1 and "may unpack to at most 50 MB" in issues[0]


def test_more_rows_than_any_questionnaire_needs(tmp_path: Path) -> None:
    seconds, issues = _elapsed(_many_rows(tmp_path / "rows.xlsx", 20_000))
    assert seconds < 10
    assert (
        "rows.xlsx:questions!A5002: (sheet): more than 5000 rows: a questionnaire sheet may "
        "have at most 5000"
    ) in issues


def test_cli_template_convert_validate(
    tmp_path: Path, cli_env: dict[str, str], readiness_cmd: list[str]
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd, *args], cwd=tmp_path, env=cli_env, capture_output=True, text=True
        )

    done = run("questionnaires", "template", "-o", "mine.xlsx")
    assert done.returncode == 0, done.stderr
    again = run("questionnaires", "template", "-o", "mine.xlsx")
    assert again.returncode == 1
    assert again.stderr.strip() == "error: mine.xlsx already exists; give --force to replace it"
    assert run("validate", "mine.xlsx").stdout.strip() == "mine.xlsx: OK"

    builtin = str(BUILTINS[0])
    assert run("questionnaires", "convert", builtin, "q.xlsx").returncode == 0
    assert run("questionnaires", "convert", "q.xlsx", "q.yaml").returncode == 0
    assert load_file(tmp_path / "q.yaml").questionnaire == load_file(BUILTINS[0]).questionnaire

    broken = _broken_template(tmp_path)
    failed = run("questionnaires", "convert", broken.name, "out.yaml")
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 9  # 8 problems and "nothing written"
    assert not (tmp_path / "out.yaml").exists()
    checked = run("validate", broken.name)
    assert checked.returncode == 1
    assert checked.stderr.splitlines()[0].startswith("broken.xlsx:secret!A1: ")
