"""The Excel report, read back with openpyxl: sheets, marking, literal text, never a formula."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

from readiness.domain.answers import ChoiceAnswer, NotApplicable
from readiness.domain.report import AnswerDetail, Marking
from readiness.reports.xlsx import EXCEL_CELL_LIMIT, render_xlsx
from report_fixtures import (
    CYRILLIC,
    FORMULAS,
    GREEK,
    HOSTILE_MARKUP,
    HOSTILE_TEXTS,
    POLISH,
    complete_report,
    hostile_report,
    incomplete_report,
    make_report,
    synthetic,
)

SHEETS = ["Summary", "Answers", "Actions", "About"]


def _render(path: Path, report) -> Path:
    render_xlsx(report, path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("xlsx")
    return {
        "complete": _render(folder / "complete.xlsx", complete_report()),
        "draft": _render(folder / "draft.xlsx", incomplete_report(marking=Marking.CLEAR)),
        "hostile": _render(folder / "hostile.xlsx", hostile_report(Marking.RED)),
    }


def _cells(workbook):
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws, cell


def test_sheets(files):
    assert load_workbook(files["complete"]).sheetnames == SHEETS


@pytest.mark.parametrize(
    ("name", "marking"),
    [("complete", Marking.AMBER_STRICT), ("draft", Marking.CLEAR), ("hostile", Marking.RED)],
)
def test_marking_on_first_row_and_print_header_footer_of_every_sheet(files, name, marking):
    workbook = load_workbook(files[name])
    for ws in workbook.worksheets:
        cell = ws["A1"]
        assert cell.value == marking.value and cell.data_type == "s", ws.title
        assert cell.fill.fgColor.rgb.endswith("000000")
        assert cell.font.color.rgb.endswith(marking.colour.lstrip("#"))
        assert cell.font.sz >= 12
        assert marking.value in ws.oddHeader.right.text
        assert marking.value in ws.oddFooter.right.text
        assert ws.oddHeader.right.size >= 12
        assert "&P" in ws.oddFooter.left.text and "&N" in ws.oddFooter.left.text


def test_draft_on_every_sheet_only_when_incomplete(files):
    draft = load_workbook(files["draft"])
    for ws in draft.worksheets:
        assert "DRAFT" in [c.value for c in ws[1]], ws.title
        assert ws.oddHeader.center.text == "DRAFT"
    for name in ("complete", "hostile"):
        for ws, cell in _cells(load_workbook(files[name])):
            assert cell.value != "DRAFT", ws.title
            assert not ws.oddHeader.center.text


def test_hostile_text_is_exact_text_cells(files):
    workbook = load_workbook(files["hostile"])
    values: dict[str, list] = {}
    for _ws, cell in _cells(workbook):
        if isinstance(cell.value, str):
            values.setdefault(cell.value, []).append(cell)
    for hostile in HOSTILE_TEXTS:
        assert hostile in values, hostile
        for cell in values[hostile]:
            assert cell.data_type == "s"
    for formula in FORMULAS:
        for cell in values[formula]:
            assert cell.quotePrefix, formula
    summary = workbook["Summary"]
    facts = {summary.cell(row, 1).value: summary.cell(row, 3) for row in range(5, summary.max_row)}
    assert facts["Organisation"].value == f"{HOSTILE_MARKUP} {POLISH}"
    assert facts["Assessor"].value == "@SUM(A1)"
    assert facts["Assessor"].data_type == "s"
    assert summary["A3"].value == f"{GREEK} {CYRILLIC} =1+1"


def test_no_formula_anywhere(files):
    for name, path in files.items():
        for ws, cell in _cells(load_workbook(path)):
            assert cell.data_type != "f", (name, ws.title, cell.coordinate, cell.value)
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/sheet"):
                    assert b"<f>" not in archive.read(member), member
                    assert b"<f " not in archive.read(member), member


def test_error_looking_text_stays_text(tmp_path):
    report = complete_report()
    first = next(iter(report.result.questionnaire.questions()))
    report = make_report(details={first.id: AnswerDetail(ChoiceAnswer("2"), "#N/A")})
    workbook = load_workbook(_render(tmp_path / "e.xlsx", report))
    cells = [c for _ws, c in _cells(workbook) if c.value == "#N/A"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_illegal_characters_are_replaced_not_fatal(files):
    workbook = load_workbook(files["hostile"])
    answers = [c.value for _ws, c in _cells(workbook) if isinstance(c.value, str)]
    hyperlink = [v for v in answers if v.startswith('=HYPERLINK("http://x")')]
    assert hyperlink and all("\x01" not in v and "\x0b" not in v for v in hyperlink)
    assert any("\ufffd" in v for v in hyperlink)


def test_overlong_text_is_cut_to_excel_limit(tmp_path):
    first = next(iter(complete_report().result.questionnaire.questions()))
    report = make_report(details={first.id: AnswerDetail(ChoiceAnswer("2"), "y" * 40_000)})
    workbook = load_workbook(_render(tmp_path / "long.xlsx", report))
    longest = max(len(c.value) for _ws, c in _cells(workbook) if isinstance(c.value, str))
    assert longest == EXCEL_CELL_LIMIT


def test_summary_figures_colour_scale_and_native_charts(files):
    report = complete_report()
    ws = load_workbook(files["complete"])["Summary"]
    charts = ws._charts
    assert len(charts) == 2
    assert {type(c) for c in charts} == {RadarChart, BarChart}
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert any(rule.type == "colorScale" for rule in rules)
    numbers = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert round(report.result.overall, 1) in numbers
    titles = [c.value for row in ws.iter_rows() for c in row]
    for domain in report.result.domains:
        if domain.score is None:  # the profile domain: never scored, left out of the table
            assert domain.title["en"] not in titles
            continue
        assert domain.title["en"] in titles
        assert round(domain.score, 1) in numbers


def test_answers_sheet(files):
    report = complete_report()
    ws = load_workbook(files["complete"])["Answers"]
    header = [c.value for c in ws[2]]
    for label in (
        "No.",
        "Domain",
        "Question ID",
        "Question",
        "Answer",
        "Score",
        "Max",
        "N/A justification",
        "Comment",
        "Flagged",
    ):
        assert label in header
    ids = [row[header.index("Question ID")].value for row in ws.iter_rows(min_row=3)]
    assert ids == [q.id for q in report.result.questionnaire.questions()]
    numbers = [row[0].value for row in ws.iter_rows(min_row=3)]
    assert numbers[0] == "1.1" and all(n and "." in n for n in numbers)
    # legible in print: at most 14 printed columns, about 220 characters wide (was 18, 440)
    printed = header[: header.index("Question ID")]
    assert len(printed) <= 14
    letters = [ws.cell(2, i + 1).column_letter for i in range(len(printed))]
    assert sum(ws.column_dimensions[x].width for x in letters) <= 225
    assert "Question ID" not in [ws.cell(2, i + 1).value for i in range(len(printed))]
    assert ws.print_area and ws.print_area.endswith(f"${letters[-1]}${ws.max_row}")
    assert ws.freeze_panes == "D3"
    assert ws.auto_filter.ref == f"A2:{ws.cell(2, len(header)).column_letter}{ws.max_row}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width >= 40
    assert ws["C3"].alignment.wrap_text


def test_answers_sheet_na_and_comments(files):
    ws = load_workbook(files["hostile"])["Answers"]
    header = [c.value for c in ws[2]]
    col = {name: header.index(name) for name in header}
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    na_rows = [r for r in rows if r[col["Status"]] == "N/A"]
    assert {r[col["N/A justification"]] for r in na_rows} >= set(HOSTILE_TEXTS)
    assert {r[col["Comment"]] for r in rows} >= set(HOSTILE_TEXTS)
    flagged = [r for r in rows if r[col["Flagged"]] == "Yes"]
    assert len(flagged) == len(HOSTILE_TEXTS)


def test_actions_sheet_in_priority_order(files):
    report = incomplete_report()
    ws = load_workbook(files["draft"])["Actions"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[3] for r in rows] == [rec.question.id for rec in report.result.recommendations]
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    priorities = [r[1] for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref


def test_about_sheet(files):
    report = complete_report()
    ws = load_workbook(files["complete"])["About"]
    values = {c.value for row in ws.iter_rows() for c in row}
    q = report.result.questionnaire
    for expected in (q.id, q.version, report.questionnaire_sha256, "2025-03-14 09:30 UTC"):
        assert expected in values
    assert any(isinstance(v, str) and report.tool_version in v for v in values)
    assert Marking.AMBER_STRICT.value in values


def test_na_everywhere_and_synthetic_questionnaire(tmp_path):
    loaded = synthetic(60, 3)
    answers = {q.id: NotApplicable("not for us") for q in loaded.questionnaire.questions()}
    workbook = load_workbook(_render(tmp_path / "na.xlsx", make_report(answers, loaded=loaded)))
    summary = workbook["Summary"]
    assert len(summary._charts) == 2
    assert workbook["Actions"]["A3"].value == "No action is due."


def test_stream_and_progress():
    calls: list[tuple[int, int, str]] = []
    stream = io.BytesIO()
    render_xlsx(complete_report(), stream, progress=lambda d, t, m: calls.append((d, t, m)))
    assert load_workbook(io.BytesIO(stream.getvalue())).sheetnames == SHEETS
    assert calls[-1][0] == calls[-1][1]
    fractions = [d / t for d, t, _m in calls]
    assert fractions == sorted(fractions)
