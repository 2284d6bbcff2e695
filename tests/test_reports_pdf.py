"""The PDF report, read back with pypdf: marking, page numbers, DRAFT, literal user text, fonts."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str

from readiness.domain.answers import ChoiceAnswer
from readiness.domain.report import AnswerDetail, Marking
from readiness.reports.pdf import render_pdf
from report_fixtures import (
    CYRILLIC,
    GREEK,
    HOSTILE_TEXTS,
    POLISH,
    complete_report,
    hostile_report,
    incomplete_report,
    make_report,
    synthetic,
)

# Nothing of a page taller than this from its top or bottom edge is "header" or "footer".
BAND = 60.0


def _render(path: Path, report, **kwargs) -> PdfReader:
    render_pdf(report, path, **kwargs)
    return PdfReader(path)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    folder = tmp_path_factory.mktemp("pdf")
    return {
        "complete": _render(folder / "complete.pdf", complete_report()),
        "draft": _render(folder / "draft.pdf", incomplete_report(marking=Marking.GREEN)),
        "hostile": _render(folder / "hostile.pdf", hostile_report(Marking.RED)),
        "letter": _render(folder / "letter.pdf", complete_report(), page_size="letter"),
    }


def _texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _placed(page, needle: str) -> list[tuple[float, float, float]]:
    """(x, y, font size) of each text run containing ``needle`` on ``page``."""
    found: list[tuple[float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if needle in text:
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, size * scale))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    ("name", "marking"),
    [("complete", Marking.AMBER_STRICT), ("draft", Marking.GREEN), ("hostile", Marking.RED)],
)
def test_marking_in_header_and_footer_of_every_page(pdfs, name, marking):
    reader = pdfs[name]
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        width = float(page.mediabox.width)
        runs = _placed(page, marking.value)
        top = [r for r in runs if r[1] > height - BAND]
        bottom = [r for r in runs if r[1] < BAND]
        assert top, f"page {number}: no marking in the header"
        assert bottom, f"page {number}: no marking in the footer"
        for x, _y, size in top + bottom:
            assert size >= 12, f"page {number}: marking smaller than 12 pt"
            assert x > width / 2, f"page {number}: marking not right-aligned"
        # Its colour on black: both fills are in the page's drawing operations.
        content = page.get_contents().get_data().decode("latin-1")
        colour = colors.HexColor(marking.colour)
        assert f"{fp_str(colour.red, colour.green, colour.blue)} rg" in content
        assert "0 0 0 rg" in content


@pytest.mark.parametrize("name", ["complete", "draft", "hostile", "letter"])
def test_page_n_of_total_on_every_page(pdfs, name):
    reader = pdfs[name]
    total = len(reader.pages)
    for number, text in enumerate(_texts(reader), start=1):
        assert re.search(rf"Page {number} of\s*{total}\b", text), text[:300]


@pytest.mark.parametrize("name", ["complete", "draft", "hostile"])
def test_page_count_is_sane_for_the_company_questionnaire(pdfs, name):
    assert 6 <= len(pdfs[name].pages) <= 30


def test_draft_on_every_page_of_an_incomplete_assessment(pdfs):
    for number, page in enumerate(pdfs["draft"].pages, start=1):
        height = float(page.mediabox.height)
        runs = _placed(page, "DRAFT")
        assert runs, f"page {number} lacks DRAFT"
        assert any(y > height - BAND for _x, y, _s in runs), f"page {number}: no DRAFT in header"


@pytest.mark.parametrize("name", ["complete", "hostile", "letter"])
def test_no_draft_when_complete(pdfs, name):
    for text in _texts(pdfs[name]):
        assert "DRAFT" not in text


def test_hostile_text_appears_literally(pdfs):
    text = _flat(" ".join(_texts(pdfs["hostile"])))
    for hostile in HOSTILE_TEXTS:
        assert hostile in text, hostile
    # The organisation and title in full, as typed.
    assert f"<b>&amp;</b> {POLISH}" in text
    assert f"{GREEK} {CYRILLIC} =1+1" in text
    # Control characters are replaced, the rest of the free text kept.
    assert "\x01" not in text
    assert '=HYPERLINK("http://x")' in text


def test_markup_is_not_interpreted(tmp_path):
    report = make_report(organisation="<font size=40>big</font> &lt;x&gt; <br/>")
    reader = _render(tmp_path / "m.pdf", report)
    cover = _flat(reader.pages[0].extract_text())
    assert "<font size=40>big</font> &lt;x&gt; <br/>" in cover


def test_fonts_are_embedded_truetype_everywhere(pdfs):
    for name in ("complete", "hostile", "letter"):
        for number, page in enumerate(pdfs[name].pages, start=1):
            resources = page["/Resources"]
            font_dicts = [resources["/Font"]]
            for xobject in resources.get("/XObject", {}).values():
                form_resources = xobject.get_object().get("/Resources", {})
                if "/Font" in form_resources:
                    font_dicts.append(form_resources["/Font"])
            for fonts in font_dicts:
                for key, ref in fonts.get_object().items():
                    font = ref.get_object()
                    descriptor = font.get("/FontDescriptor")
                    assert descriptor is not None, f"{name} p{number}: {key} not embedded"
                    assert "/FontFile2" in descriptor.get_object(), f"{name} p{number}: {key}"
                    assert "DejaVuSans" in font["/BaseFont"]


def _summary_page(reader: PdfReader):
    for page in reader.pages:
        if "Executive summary" in page.extract_text():
            return page
    raise AssertionError("no executive summary page")


def test_summary_has_vector_charts_with_labels(pdfs):
    report = complete_report()
    page = _summary_page(pdfs["complete"])
    text = page.extract_text()
    content = page.get_contents().get_data().decode("latin-1")
    # Vector drawing: many line segments (radar rings and spokes) and filled rectangles (bars).
    assert content.count(" l\n") + content.count(" l ") > 40
    scored = [d for d in report.result.domains if d.score is not None]  # not the profile
    assert content.count(" re ") >= 2 * len(scored)
    for label in ("L1", "L5", "Crisis governance and", "authority"):
        assert label in text
    for domain in scored:
        assert f"{domain.score:.1f}" in text


def test_chart_labels_render_greek_and_cyrillic_in_embedded_fonts(tmp_path):
    loaded = synthetic(40, 4, domain_titles=(GREEK, CYRILLIC, POLISH))
    reader = _render(tmp_path / "scripts.pdf", make_report(loaded=loaded))
    page = _summary_page(reader)
    text = page.extract_text()
    for title in (GREEK, CYRILLIC, POLISH):
        assert title in text
    for ref in page["/Resources"]["/Font"].values():
        assert "/FontFile2" in ref.get_object()["/FontDescriptor"].get_object()


def test_sections_and_outline(pdfs):
    reader = pdfs["complete"]
    text = " ".join(_texts(reader))
    for heading in ("Executive summary", "Prioritised action plan", "Appendix"):
        assert heading in text
    report = complete_report()
    titles = {str(item["/Title"]) for item in _walk(reader.outline)}
    assert {"Cover", "Executive summary", "Prioritised action plan", "Appendix"} <= titles
    assert f"1. {report.result.questionnaire.domains[0].title['en']}" in titles
    assert report.questionnaire_sha256 in _flat(text).replace(" ", "")
    assert "0.1.0" in text


def _walk(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _walk(item)
        else:
            yield item


def test_cover_facts(pdfs):
    cover = _flat(pdfs["complete"].pages[0].extract_text())
    report = complete_report()
    q = report.result.questionnaire
    for fact in (
        report.organisation,
        report.assessor,
        q.id,
        q.version,
        "2025-03-14 09:30 UTC",
        f"Level {report.result.level.level}",
        f"{report.result.overall:.1f}",
        "100.0 %",
    ):
        assert fact in cover, fact


def test_every_question_answer_and_comment_in_domain_sections(tmp_path):
    first = next(iter(complete_report().result.questionnaire.questions()))
    details = {first.id: AnswerDetail(ChoiceAnswer("3"), "Reviewed by the board", True)}
    report = make_report(details=details)
    reader = _render(tmp_path / "q.pdf", report)
    text = _flat(" ".join(_texts(reader)))
    squeezed = text.replace(" ", "")  # ids may wrap at a hyphen
    for question in report.result.questionnaire.questions():
        assert question.id in squeezed
    assert "Comment: Reviewed by the board" in text
    assert "flagged for review" in text
    assert "Tested with partners" in text  # an answer label


def test_letter_and_a4_page_sizes(pdfs):
    letter = pdfs["letter"].pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    a4 = pdfs["complete"].pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_unknown_page_size_is_refused(tmp_path):
    with pytest.raises(ValueError, match="page size"):
        render_pdf(complete_report(), tmp_path / "x.pdf", page_size="A5")
    assert not (tmp_path / "x.pdf").exists()


def test_renders_to_a_stream_with_progress():
    calls: list[tuple[int, int, str]] = []
    stream = io.BytesIO()
    render_pdf(incomplete_report(), stream, progress=lambda d, t, m: calls.append((d, t, m)))
    assert stream.getvalue().startswith(b"%PDF")
    assert calls[-1][0] == calls[-1][1]
    fractions = [d / t for d, t, _m in calls]
    assert fractions == sorted(fractions)
    assert all(isinstance(m, str) and m for _d, _t, m in calls)


def test_huge_comments_and_unbroken_words_do_not_break_layout(tmp_path):
    report = complete_report()
    questions = list(report.result.questionnaire.questions())
    word = "x" * 3000
    essay = ("A very long comment with Ελληνικά and Кириллица. " * 400).strip()
    details = {
        questions[0].id: AnswerDetail(ChoiceAnswer("1"), word),
        questions[1].id: AnswerDetail(ChoiceAnswer("2"), essay),
    }
    reader = _render(tmp_path / "long.pdf", make_report(details=details))
    text = " ".join(_texts(reader))
    assert "A very long comment" in text
    assert len(reader.pages) < 60


def test_many_questions(tmp_path):
    reader = _render(tmp_path / "many.pdf", make_report(loaded=synthetic(300, 6)))
    assert len(reader.pages) > 10
    last = reader.pages[-1].extract_text()
    assert f"Page {len(reader.pages)} of" in last


def test_no_scored_domain_and_few_domains(tmp_path):
    # Two domains only (no radar possible) and nothing answered at all.
    loaded = synthetic(6, 2)
    reader = _render(tmp_path / "empty.pdf", make_report({}, loaded=loaded))
    text = " ".join(_texts(reader))
    assert "DRAFT" in text
    assert "Executive summary" in text
