"""Regenerate the sample reports under docs/reports/ from the demo data, and their page images.

    python scripts/render_reports.py

Writes, for each demo assessment, the PDF and the Excel workbook, renders every PDF page to
PNG with pdftoppm, and converts each workbook to PDF with LibreOffice (headless) and then to
PNG, so the Excel layout can be reviewed as printed. Needs poppler-utils; without LibreOffice
the workbook images are left out (and said so), never left stale.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from readiness.services.demo import seed
from readiness.services.export import export_report
from readiness.services.workspace import Workspace

OUT = Path(__file__).resolve().parent.parent / "docs" / "reports"
RESOLUTION = "60"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("missing pdftoppm: apt-get install poppler-utils", file=sys.stderr)
        return 1
    office = shutil.which("soffice") is not None
    if not office:
        print("no soffice: workbook images skipped (apt-get install libreoffice-calc)")
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "demo.db")
        for _ in seed(workspace):
            pass
        for summary in workspace.assessments():
            name = slug(summary.organisation)
            report = workspace.report(summary.id)
            pdf, xlsx = OUT / f"{name}.pdf", OUT / f"{name}.xlsx"
            export_report(report, pdf=pdf, xlsx=xlsx)
            subprocess.run(
                ["pdftoppm", "-r", RESOLUTION, "-png", str(pdf), str(OUT / f"{name}-page")],
                check=True,
            )
            print(f"{summary.organisation}: {pdf.name}, {xlsx.name}")
            if not office:
                continue
            converted = Path(folder) / "xlsx"
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(converted),
                    str(xlsx),
                ],
                check=True,
                capture_output=True,
            )
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    RESOLUTION,
                    "-png",
                    str(converted / f"{name}.pdf"),
                    str(OUT / f"{name}-xlsx"),
                ],
                check=True,
            )
        from render_overview_reports import render  # the portfolio and partnership reports

        for path in render(workspace, Path(folder)):
            print(path.name)
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
