"""Portfolio and partnership reports (DESIGN sections 5 and 9): real PDFs and workbooks, read
back — markings on every page and sheet, DRAFT while an assessment shown is incomplete, user
text literal, the partnership PDF opening with its mismatches in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from portfolio_helpers import domain, loaded, q
from readiness.cli import main as cli_main
from readiness.reports.content import ramp_colour
from readiness.services.partnerships import add_partnership, compare_assessments
from readiness.services.portfolio import portfolio_tables
from readiness.services.portfolio_reports import (
    partnership_report,
    portfolio_report,
    write_partnership,
    write_portfolio,
)
from readiness.services.workspace import Workspace

HOSTILE = "<b>&amp;</b> =1+1 «Север»"
NOTE = "=SUM(A1:A9) <i>not italic</i>\nsecond line"

COMPANY = loaded(
    "co",
    "company",
    "1.0.0",
    domain("trust", q("c.contact", "contact_24_7"), q("c.fuel", "fuel_deliveries")),
)
UNIT = loaded(
    "un",
    "defence_unit",
    "1.0.0",
    domain("plans", q("u.contact", "contact_24_7"), q("u.fuel", "fuel_deliveries")),
)


@pytest.fixture
def pair_workspace(tmp_path: Path):
    ws = Workspace.open(tmp_path / "w.db")
    company = ws.add_organisation(HOSTILE, "company", "Energy", "DE")
    unit = ws.add_organisation("CIMIC Test", "defence_unit")
    a = ws.new_assessment(company.id, "co", loaded=COMPANY)
    ws.answer(a.id, "c.contact", "4")
    ws.answer(a.id, "c.fuel", "0")
    b = ws.new_assessment(unit.id, "un", loaded=UNIT)
    ws.answer(b.id, "u.contact", "4")  # u.fuel unanswered: the unit's assessment is a draft
    add_partnership(ws, company.id, unit.id, NOTE)
    yield ws, a.id, b.id
    ws.close()


def pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_partnership_pdf_opens_with_mismatches_and_marks_every_page(
    pair_workspace, tmp_path: Path
) -> None:
    ws, a, b = pair_workspace
    # Unit u.fuel unanswered counts 0, company c.fuel 0: no gap; make the unit count on fuel.
    ws.answer(b, "u.fuel", "4")
    report = partnership_report(compare_assessments(ws, a, b), NOTE, "TLP:RED")
    assert not report.facts.is_draft
    pdf = tmp_path / "p.pdf"
    write_partnership(report, pdf=pdf)
    texts = pages(pdf)
    assert all(t.count("TLP:RED") >= 2 for t in texts)  # header and footer
    assert not any("DRAFT" in t for t in texts)
    first = " ".join(texts[0].split())
    assert "Mismatches" in first
    assert "CIMIC Test counts on more than" in first  # plain words, on the first page
    assert "Fuel deliveries" in first
    whole = " ".join(" ".join(texts).split())
    assert "=SUM(A1:A9) <i>not italic</i>" in whole  # the note, literally
    assert HOSTILE in whole
    assert f"Page {len(texts)} of" in texts[-1]  # the total is a form drawn on every page


def test_partnership_draft_marks_every_page_and_workbook(pair_workspace, tmp_path: Path) -> None:
    ws, a, b = pair_workspace
    report = partnership_report(compare_assessments(ws, b, a), NOTE)
    assert report.facts.is_draft  # the unit's assessment is incomplete
    pdf, xlsx = tmp_path / "p.pdf", tmp_path / "p.xlsx"
    assert write_partnership(report, pdf, xlsx) == [pdf, xlsx]
    assert all("DRAFT" in t and "TLP:AMBER+STRICT" in t for t in pages(pdf))
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Mismatches", "Topics", "About"]
    for sheet in book.worksheets:
        assert sheet["A1"].value == "TLP:AMBER+STRICT"
        assert "DRAFT" in [c.value for c in sheet[1]]
        assert "TLP:AMBER+STRICT" in sheet.oddHeader.right.text
        assert "TLP:AMBER+STRICT" in sheet.oddFooter.right.text
    about = {row[0].value: row[1] for row in book["About"].iter_rows(min_row=2) if row[0].value}
    assert about["Note"].value == NOTE and about["Note"].data_type == "s"
    assert about["Company"].value == HOSTILE


def test_portfolio_reports(pair_workspace, tmp_path: Path) -> None:
    ws, _a, _b = pair_workspace
    report = portfolio_report(portfolio_tables(ws), "green")
    assert report.facts.is_draft  # the unit's draft is a row
    pdf, xlsx = tmp_path / "f.pdf", tmp_path / "f.xlsx"
    write_portfolio(report, pdf, xlsx)
    texts = pages(pdf)
    assert all(t.count("TLP:GREEN") >= 2 and "DRAFT" in t for t in texts)
    whole = " ".join(" ".join(texts).split())
    assert HOSTILE in whole and "50.0" in whole  # company: contact 4, fuel 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["co", "un"]
    sheet = book["co"]
    assert sheet["A1"].value == "TLP:GREEN"
    assert sheet["A6"].value == "Organisation"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=7)]
    assert rows[0][0] == HOSTILE and sheet["A7"].data_type == "s"
    assert rows[0][5] == 50.0 and rows[0][7] == 50.0  # overall, then the one domain
    assert sheet["H7"].fill.fgColor.rgb[-6:] == ramp_colour(0.5).lstrip("#").upper()


def test_cli_writes_both_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("READINESS_DB", str(tmp_path / "cli.db"))
    assert cli_main(["demo"]) == 0
    capsys.readouterr()
    assert cli_main(["portfolio", "--pdf", str(tmp_path / "f.pdf"), "--marking", "red"]) == 0
    assert all("TLP:RED" in t for t in pages(tmp_path / "f.pdf"))
    capsys.readouterr()
    assert cli_main(["partnership", "list", "--json"]) == 0
    import json

    item = json.loads(capsys.readouterr().out)[0]
    out = tmp_path / "c.xlsx"
    assert (
        cli_main(
            ["compare", item["company_assessment"], item["unit_assessment"], "--xlsx", str(out)]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    mismatches = load_workbook(out)["Mismatches"]
    flagged = [r[0].value for r in mismatches.iter_rows(min_row=7) if r[4].value == "yes"]
    assert len(flagged) == 3
    code = cli_main(
        [
            "compare",
            item["company_assessment"],
            item["unit_assessment"],
            "--pdf",
            str(tmp_path / "missing" / "c.pdf"),
        ]
    )
    assert code == 1 and "folder not found" in capsys.readouterr().err
