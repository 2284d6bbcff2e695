"""Reports for any text (issue 8, item 7; DESIGN section 5): many line breaks in a title or a
name, and huge comments, render in seconds; over-long text is cut visibly in the PDF and kept
whole in Excel; one failing format never stops the other. PDFs and workbooks are read back."""

from __future__ import annotations

import io
import time
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from reportlab.platypus.doctemplate import LayoutError

from readiness.domain.answers import AnswerDetail
from readiness.reports import xlsx as xlsx_report
from readiness.reports.pdf import render_pdf
from readiness.services import export
from readiness.services.export import ExportError, export_report
from report_fixtures import company, full_answers, make_report

MARK = "continued in the Excel report"


def pdf_text(report) -> tuple[str, float]:
    started = time.perf_counter()
    buffer = io.BytesIO()
    render_pdf(report, buffer)
    seconds = time.perf_counter() - started
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return "\n".join(page.extract_text() for page in reader.pages), seconds


def workbook_texts(report) -> list[str]:
    buffer = io.BytesIO()
    xlsx_report.render_xlsx(report, buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    return [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Review\n" * 30},
        {"organisation": "Nordlicht\n" * 40},
        {"title": "T" * 5000, "organisation": "O " * 5000, "assessor": "A\n" * 100},
    ],
)
def test_titles_and_names_with_many_lines_render(fields: dict[str, str]) -> None:
    report = make_report(**fields)
    text, seconds = pdf_text(report)
    assert seconds < 20, seconds
    assert MARK in text.replace("\n", " ")
    assert workbook_texts(report)


@pytest.mark.parametrize("size", [120_000, 1_000_000])
def test_a_huge_comment_renders_in_seconds_and_is_kept_whole_in_excel(size: int) -> None:
    questionnaire = company().questionnaire
    answers = full_answers(questionnaire)
    first = next(iter(answers))
    comment = ("word " * (size // 5)).strip() + " END-OF-COMMENT"
    many_lines = "line\n" * 5000
    second = list(answers)[1]
    report = make_report(
        details={
            first: AnswerDetail(answers[first], comment),
            second: AnswerDetail(answers[second], many_lines),
        }
    )
    text, seconds = pdf_text(report)
    assert seconds < 20, seconds
    assert MARK in text.replace("\n", " ")
    assert "END-OF-COMMENT" not in text
    cells = workbook_texts(report)
    kept = [cell for cell in cells if cell.startswith("word word")]
    assert kept and len(kept[0]) >= min(len(comment), 32_000)


def test_a_failing_pdf_does_not_stop_the_excel_file(tmp_path: Path, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise LayoutError("Flowable <Paragraph at 0x1> TLP:RED secret text too large")

    monkeypatch.setattr("readiness.reports.pdf.render_pdf", broken)
    with pytest.raises(ExportError) as raised:
        export_report(make_report(), pdf=tmp_path / "r.pdf", xlsx=tmp_path / "r.xlsx")
    assert raised.value.written == [tmp_path / "r.xlsx"]
    assert (tmp_path / "r.xlsx").read_bytes()[:2] == b"PK"
    assert not (tmp_path / "r.pdf").exists()
    assert "secret" not in str(raised.value) and "LayoutError" in str(raised.value)
    assert export.TEMP_SUFFIX not in " ".join(p.name for p in tmp_path.iterdir())
