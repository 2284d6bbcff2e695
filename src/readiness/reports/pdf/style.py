"""Palette, page geometry, paragraph styles and text escaping for the PDF report (DESIGN 5)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle

from readiness.i18n import _
from readiness.reports.fonts import Fonts
from readiness.reports.glyphs import drawable

Progress = Callable[[int, int, str], None]

PAGE_SIZES = {"a4": A4, "letter": LETTER}

# Streams are zlib-compressed binary, without reportlab's default ASCII85 layer on top: 20% smaller
# files, and no pure-Python base-85 encoding of the embedded fonts on every export. (A process-wide
# reportlab setting; nothing else in the application renders PDFs.)
rl_config.useA85 = 0

# Palette: a navy accent, neutral greys, and the level ramp from content.py for scores.
NAVY = colors.HexColor("#1F3A5F")
INK = colors.HexColor("#1F2937")
MUTED = colors.HexColor("#6B7280")
RULE = colors.HexColor("#D1D5DB")
SOFT = colors.HexColor("#F3F4F6")
PALE = colors.HexColor("#F8FAFC")
RED = colors.HexColor("#B91C1C")
ORANGE = colors.HexColor("#C2410C")
DRAFT_RED = colors.HexColor("#DC2626")

MARGIN_X = 50.0
HEADER_H = 70.0  # from the top edge to the frame
FOOTER_H = 62.0  # from the bottom edge to the frame
MARK_SIZE = 12.0  # TLP label size (DESIGN: 12 pt or more)
PAGE_COUNT_FORM = "readinessPageCount"
MAX_CAPS_LISTED = 5  # capping questions named in the executive summary; all are in the plan


FIELD_CHARS = 1500
"""Characters of one text (a comment, a justification) the PDF shows; the Excel report has it
all. Bounds the time reportlab spends wrapping (it grows faster than the text: issue 8)."""
FIELD_LINES = 25
"""Lines of one text the PDF shows: a cell must fit on a page."""


def text(value: str, chars: int = FIELD_CHARS, lines: int = FIELD_LINES) -> str:
    """User or questionnaire text made safe for Paragraph markup: shown exactly as typed, up
    to ``chars`` characters and ``lines`` lines; longer text is cut and visibly marked
    "(continued in the Excel report)"."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    shown = value
    if shown.count("\n") >= lines:
        shown = "\n".join(shown.split("\n", lines)[:lines])
    if len(shown) > chars:
        shown = shown[:chars]
    escaped = escape(drawable(shown)).replace("\n", "<br/>")  # RTL in visual order, no boxes
    if shown != value:
        escaped += " <i>… " + escape(_("(continued in the Excel report)")) + "</i>"
    return escaped


def heading_text(value: str, chars: int = 200, lines: int = 3) -> str:
    """``text`` for a title or a name on the cover band, which must fit on the first page."""
    return text(value, chars, lines)


def resolve_page_size(name: str) -> tuple[float, float]:
    size = PAGE_SIZES.get(name.strip().lower())
    if size is None:
        known = ", ".join(("A4", "letter"))
        raise ValueError(
            _("unknown page size '{name}' (known: {known})").format(name=name, known=known)
        )
    return size


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_small: ParagraphStyle
    cell_center: ParagraphStyle
    head_cell: ParagraphStyle
    head_cell_center: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_org: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    bullet: ParagraphStyle


def make_styles(fonts: Fonts) -> Styles:
    base = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=6
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    cell = style("cell", fontSize=8.6, leading=11.2, spaceAfter=0)
    return Styles(
        body=base,
        small=style("small", fontSize=8.2, leading=11),
        tiny=style("tiny", fontSize=7.2, leading=9.4, textColor=MUTED, spaceAfter=0),
        muted=style("muted", fontSize=8.6, leading=12, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.bold),
        cell_small=ParagraphStyle(
            "cell_small", parent=cell, fontSize=7.6, leading=10, textColor=INK
        ),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        head_cell=ParagraphStyle(
            "head_cell", parent=cell, fontName=fonts.bold, textColor=colors.white, fontSize=8
        ),
        head_cell_center=ParagraphStyle(
            "head_cell_center",
            parent=cell,
            fontName=fonts.bold,
            textColor=colors.white,
            fontSize=8,
            alignment=TA_CENTER,
        ),
        h1=style(
            "h1",
            fontName=fonts.bold,
            fontSize=17,
            leading=21,
            textColor=NAVY,
            spaceBefore=0,
            spaceAfter=8,
        ),
        h2=style(
            "h2",
            fontName=fonts.bold,
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=5,
        ),
        kicker=style(
            "kicker",
            fontName=fonts.bold,
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#C7D2FE"),
            spaceAfter=4,
        ),
        cover_title=style(
            "cover_title",
            fontName=fonts.bold,
            fontSize=22,
            leading=27,
            textColor=colors.white,
            spaceAfter=6,
        ),
        cover_org=style(
            "cover_org",
            fontSize=14,
            leading=18,
            textColor=colors.white,
            spaceAfter=0,
        ),
        figure=style(
            "figure",
            fontName=fonts.bold,
            fontSize=20,
            leading=24,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        figure_label=style(
            "figure_label",
            fontSize=8,
            leading=10.5,
            alignment=TA_CENTER,
            textColor=MUTED,
            spaceAfter=0,
        ),
        bullet=style(
            "bullet", leftIndent=12, bulletIndent=2, spaceAfter=3, bulletFontName=fonts.regular
        ),
    )
