"""Issue 9 item 9: right-to-left text is shaped and reordered in the PDF, and characters no
embedded font covers are never silently drawn as boxes: they become "?" and the export names
them (DESIGN section 5)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from readiness.domain.answers import AnswerDetail, ChoiceAnswer
from readiness.reports.glyphs import drawable, report_texts, undrawable, visual
from readiness.reports.pdf import render_pdf
from report_fixtures import company, make_report

ARABIC = "مرحبا بالعالم"
HEBREW = "שלום עולם"
CJK = "北方电网"
EMOJI = "🛰️👩🏽‍🚀"


def test_right_to_left_lines_are_put_in_visual_order_and_shaped() -> None:
    assert visual("plain text") == "plain text"
    assert visual(HEBREW) == "םלוע םולש"
    shaped = visual(ARABIC)
    assert shaped != ARABIC
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in shaped)  # presentation forms: joined letters


def test_undrawable_characters_are_named_and_replaced_visibly() -> None:
    assert undrawable(["Ёлка «Север» Ελληνικά", ARABIC, HEBREW]) == []
    missing = undrawable([f"{CJK} {EMOJI}"])
    assert set(CJK) <= set(missing)
    assert "🛰" in missing and "👩" in missing
    assert "\u200d" not in missing and "\ufe0f" not in missing  # invisible marks: nothing lost
    assert drawable(f"A {CJK} B") == "A ???? B"


def test_the_pdf_holds_no_undrawable_character_and_the_export_names_them(
    tmp_path: Path, cli_env: dict[str, str], readiness_cmd: list[str]
) -> None:
    questions = list(company().questionnaire.questions())
    details = {
        questions[0].id: AnswerDetail(ChoiceAnswer("1"), f"{HEBREW} — {CJK} {EMOJI}"),
    }
    report = make_report(details=details)
    assert set(CJK) <= set(undrawable(report_texts(report)))
    path = tmp_path / "r.pdf"
    render_pdf(report, path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert not set(CJK) & set(text)  # never a silent box
    # stored in visual order, so a reader (pypdf here) gives the words back in reading order;
    # stored as typed, it would read them backwards ("םלוע םולש")
    flat = re.sub(r"\s+", " ", text)
    assert HEBREW in flat and "םלוע םולש" not in flat

    run = lambda *a: subprocess.run(  # noqa: E731
        [*readiness_cmd, *a], env=cli_env, capture_output=True, text=True, encoding="utf-8"
    )
    org = run("org", "add", f"Север {CJK}", "--kind", "company").stdout.strip()
    assessment = run("assessment", "new", "--org", org, "--questionnaire", "company-readiness")
    done = run("export", assessment.stdout.strip(), "--pdf", str(tmp_path / "cli.pdf"))
    assert done.returncode == 0, done.stderr
    assert "could not draw" in done.stderr and CJK[0] in done.stderr
