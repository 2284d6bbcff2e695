"""Text in any script as the embedded fonts can draw it (DESIGN section 5; issue 9 item 9).

Right-to-left runs (Arabic, Hebrew, ...) are shaped (arabic-reshaper) and put in visual order
(python-bidi), because reportlab lays glyphs out left to right as stored. A character that no
embedded font covers (CJK, emoji, ...) is drawn as "?" rather than as an empty box, and
:func:`undrawable` names those characters so the export can say which ones it replaced.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from readiness.domain.model import localize
from readiness.domain.report import Report

REPLACEMENT = "?"
_RTL = {"R", "AL"}


@functools.cache
def covered() -> frozenset[int]:
    """Code points the embedded regular font has glyphs for."""
    from reportlab.pdfbase import pdfmetrics

    from readiness.reports.fonts import register_fonts

    font = pdfmetrics.getFont(register_fonts().regular)
    return frozenset(font.face.charToGlyph)


def _invisible(char: str) -> bool:
    """Joiners, variation selectors and other format marks: nothing to draw, nothing lost."""
    return unicodedata.category(char) in ("Cf", "Mn") and ord(char) not in covered()


def visual(value: str) -> str:
    """``value`` with its right-to-left lines shaped and in visual order; others unchanged."""
    if not any(unicodedata.bidirectional(c) in _RTL for c in value):
        return value
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(
        get_display(arabic_reshaper.reshape(line)) if line else line for line in value.split("\n")
    )


def drawable(value: str) -> str:
    """``value`` in visual order, with every character the fonts cannot draw replaced by "?"."""
    value = visual(value)
    have = covered()
    if all(ord(c) in have or c in "\n\t\r" for c in value):
        return value
    out = []
    for char in value:
        if ord(char) in have or char in "\n\t\r":
            out.append(char)
        elif not _invisible(char):
            out.append(REPLACEMENT)
    return "".join(out)


def undrawable(values: Iterable[str]) -> list[str]:
    """The distinct characters in ``values`` that no embedded font covers, in first-seen order."""
    have = covered()
    seen: dict[str, None] = {}
    for value in values:
        for char in value:
            if ord(char) not in have and char not in "\n\t\r" and not _invisible(char):
                seen.setdefault(char, None)
    return list(seen)


def report_texts(report: Report) -> list[str]:
    """Every text of a report that its PDF draws: the record's and the questionnaire's."""
    language = report.language
    questionnaire = report.result.questionnaire
    texts = [
        report.organisation,
        report.sector,
        report.country,
        report.title,
        report.assessor,
        localize(questionnaire.title, language),
    ]
    for detail in report.details.values():
        texts.append(detail.comment)
        answer = detail.answer
        for attribute in ("justification", "text"):
            texts.append(str(getattr(answer, attribute, "") or ""))
    for domain in questionnaire.domains:
        texts.append(localize(domain.title, language))
        for question in domain.questions:
            texts.append(localize(question.text, language))
    return texts
