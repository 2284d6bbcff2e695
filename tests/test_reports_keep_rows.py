"""Issue 9 item 9: no page holds a single row of a table, and question rows are not split."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from readiness.reports.pdf.base import KeptTable


def rows_per_page(path: Path) -> list[list[int]]:
    pages = []
    for page in PdfReader(path).pages:
        pages.append([int(n) for n in re.findall(r"ROW(\d+)X", page.extract_text() or "")])
    return [p for p in pages if p]


@pytest.mark.parametrize("count", range(20, 44))
@pytest.mark.parametrize("gap", [0, 600])
def test_a_page_never_holds_a_single_row_of_a_table(tmp_path: Path, gap: int, count: int) -> None:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    rows = [[Paragraph("No.", body), Paragraph("Question", body)]]
    for n in range(1, count + 1):
        rows.append([Paragraph(f"ROW{n}X", body), Paragraph("word " * 30, body)])
    table = KeptTable(rows, colWidths=[60, 400], repeatRows=1, splitByRow=1, splitInRow=1)
    path = tmp_path / "t.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Spacer(1, gap), table])
    pages = rows_per_page(path)
    assert sorted(n for page in pages for n in page) == list(range(1, count + 1))
    assert all(len(page) >= 2 for page in pages), pages
