"""Regenerate the sample portfolio and partnership reports under docs/reports/ from the demo
data, with their page images.

    python scripts/render_overview_reports.py

Writes portfolio.pdf/.xlsx and partnership-<company>-<unit>.pdf/.xlsx, renders every PDF page to
PNG with pdftoppm and, when LibreOffice is installed, each workbook too (as printed). Also run
by scripts/render_reports.py after the assessment reports.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from readiness.services.demo import seed
from readiness.services.partnerships import partnerships
from readiness.services.portfolio import portfolio_tables
from readiness.services.portfolio_reports import (
    partnership_report,
    portfolio_report,
    write_partnership,
    write_portfolio,
)
from readiness.services.workspace import Workspace

OUT = Path(__file__).resolve().parent.parent / "docs" / "reports"
RESOLUTION = "60"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _images(pdf: Path, prefix: str) -> None:
    for old in OUT.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", RESOLUTION, "-png", str(pdf), str(OUT / prefix)], check=True)


def _xlsx_images(xlsx: Path, prefix: str, scratch: Path) -> None:
    if shutil.which("soffice") is None:
        return
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(scratch), str(xlsx)],
        check=True,
        capture_output=True,
    )
    _images(scratch / f"{xlsx.stem}.pdf", prefix)


def render(workspace: Workspace, scratch: Path) -> list[Path]:
    """Write both overview reports of ``workspace`` into docs/reports; returns the files."""
    written = []
    name = "portfolio"
    pdf, xlsx = OUT / f"{name}.pdf", OUT / f"{name}.xlsx"
    written += write_portfolio(portfolio_report(portfolio_tables(workspace)), pdf, xlsx)
    _images(pdf, f"{name}-page")
    _xlsx_images(xlsx, f"{name}-xlsx", scratch)
    for item in partnerships(workspace):
        if item.pair is None:
            continue
        record = item.record
        name = f"partnership-{slug(record.company)}-{slug(record.unit)}"
        pdf, xlsx = OUT / f"{name}.pdf", OUT / f"{name}.xlsx"
        report = partnership_report(item.pair, record.note)
        written += write_partnership(report, pdf, xlsx)
        _images(pdf, f"{name}-page")
        _xlsx_images(xlsx, f"{name}-xlsx", scratch)
    return written


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("missing pdftoppm: apt-get install poppler-utils", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "demo.db")
        for _ in seed(workspace):
            pass
        for path in render(workspace, Path(folder)):
            print(path.name)
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
