"""Issue 9 item 9: reports name questions by number ("2.4") where people read them: the
questions that do not apply (PDF) and the questions that cap the level (Excel Summary)."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from readiness.domain.answers import ChoiceAnswer
from readiness.domain.numbering import question_numbers
from readiness.reports.pdf import render_pdf
from readiness.reports.xlsx import render_xlsx
from report_fixtures import company, full_answers, make_report


def report_with_gaps():
    questionnaire = company().questionnaire
    answers = full_answers(questionnaire)
    answers["trust.isac"] = ChoiceAnswer("0")  # trust.isac-sharing-rules no longer applies
    answers.pop("trust.contact-24-7", None)  # critical and unanswered: caps the level
    return make_report(answers, status="draft"), questionnaire


def test_pdf_lists_questions_that_do_not_apply_by_number(tmp_path: Path) -> None:
    report, questionnaire = report_with_gaps()
    path = tmp_path / "r.pdf"
    render_pdf(report, path)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    number = question_numbers(questionnaire)["trust.isac-sharing-rules"]
    found = re.search(
        r"these questions do not apply and are left out of every figure: ([\d.]+(?:, [\d.]+)*)\.",
        text,
    )
    assert found, text[:2000]
    assert number in found.group(1) and "trust.isac-sharing-rules" not in found.group(1)


def test_excel_summary_names_capping_questions_by_number(tmp_path: Path) -> None:
    report, questionnaire = report_with_gaps()
    path = tmp_path / "r.xlsx"
    render_xlsx(report, path)
    ws = load_workbook(path)["Summary"]
    row = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "Capped by")
    number = question_numbers(questionnaire)["trust.contact-24-7"]
    value = " ".join(str(v) for v in row[1:] if v is not None)
    assert number in value and "trust.contact-24-7" not in value
