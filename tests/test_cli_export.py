"""`readiness export` end to end through a subprocess, files read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from backends import Backend


@pytest.fixture
def cli_env(cli_env: dict[str, str], backend: Backend) -> dict[str, str]:
    """Every export test runs on each database backend (issue 16)."""
    return backend.env(cli_env)


def run(cmd: list[str], env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cmd, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def demo(readiness_cmd: list[str], cli_env: dict[str, str]) -> dict[str, dict]:
    assert run(readiness_cmd, cli_env, "demo").returncode == 0
    listing = json.loads(run(readiness_cmd, cli_env, "assessment", "list", "--json").stdout)
    return {row["organisation"]: row for row in listing}


def test_export_writes_both_files_with_the_chosen_marking(
    readiness_cmd: list[str], cli_env: dict[str, str], demo: dict[str, dict], tmp_path: Path
) -> None:
    assessment = demo["CIMIC Group North"]
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    done = run(
        readiness_cmd, cli_env, "export", assessment["id"][:8],
        "--pdf", str(pdf), "--xlsx", str(xlsx), "--marking", "tlp:green",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(pdf), str(xlsx)]
    pages = PdfReader(pdf).pages
    assert all("TLP:GREEN" in page.extract_text() for page in pages)
    assert not any("DRAFT" in page.extract_text() for page in pages)  # complete assessment
    workbook = load_workbook(xlsx)
    assert all("TLP:GREEN" in str(sheet["A1"].value) for sheet in workbook.worksheets)


def test_incomplete_assessment_is_draft_with_default_marking(
    readiness_cmd: list[str], cli_env: dict[str, str], demo: dict[str, dict], tmp_path: Path
) -> None:
    pdf = tmp_path / "draft.pdf"
    done = run(
        readiness_cmd, cli_env, "export", demo["Baltic Freight Logistics"]["id"], "--pdf", str(pdf)
    )
    assert done.returncode == 0, done.stderr
    for page in PdfReader(pdf).pages:
        text = page.extract_text()
        assert "TLP:AMBER+STRICT" in text
        assert "DRAFT" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["nope-nope", "--pdf", "x.pdf"], "unknown assessment id"),
        (["{id}", "--pdf", "x.pdf", "--marking", "PURPLE"], "unknown marking 'PURPLE'"),
        (["{id}"], "--pdf"),
        (["{id}", "--pdf", "{missing}/x.pdf"], "cannot write"),
    ],
)
def test_bad_export_exits_1_with_one_line(
    readiness_cmd: list[str],
    cli_env: dict[str, str],
    demo: dict[str, dict],
    tmp_path: Path,
    args: list[str],
    words: str,
) -> None:
    filled = [
        a.format(id=demo["Nordlicht Energie AG"]["id"], missing=tmp_path / "absent") for a in args
    ]
    done = run(readiness_cmd, cli_env, "export", *filled)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert words in lines[0]
    assert "Traceback" not in done.stderr


def test_failed_export_keeps_the_older_report(
    readiness_cmd: list[str], cli_env: dict[str, str], demo: dict[str, dict], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "keep.pdf"
    pdf.write_bytes(b"%PDF-1.4 older report")
    bad_xlsx = out / "folder.xlsx"
    bad_xlsx.mkdir()  # a folder where the workbook should go: the export must fail
    done = run(
        readiness_cmd, cli_env, "export", demo["Nordlicht Energie AG"]["id"],
        "--pdf", str(pdf), "--xlsx", str(bad_xlsx),
    )  # fmt: skip
    assert done.returncode == 1
    assert pdf.read_bytes() == b"%PDF-1.4 older report"
    assert sorted(p.name for p in out.iterdir()) == ["folder.xlsx", "keep.pdf"]
