"""The page template of the overview reports (portfolio, partnership): the same marking, DRAFT
and "Page n of N" furniture as the assessment report (DESIGN section 5), and helpers shared by
their stories."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from readiness import locale_format
from readiness.domain.overview_report import OverviewFacts
from readiness.i18n import _
from readiness.reports.content import draft_word, ramp_colour
from readiness.reports.fonts import Fonts, register_fonts
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.charts import fit
from readiness.reports.pdf.page import (
    Bookmark,
    Heading,
    canvas_class,
    draw_draft_watermark,
    marking_box,
)
from readiness.reports.pdf.style import (
    DRAFT_RED,
    FOOTER_H,
    HEADER_H,
    INK,
    MARGIN_X,
    MARK_SIZE,
    MUTED,
    NAVY,
    PAGE_COUNT_FORM,
    RULE,
    text,
)

Target = str | os.PathLike[str] | IO[bytes]


def score_fill(value: float | None) -> colors.Color:
    """Heatmap colour of a 0–100 score (grey when there is none)."""
    if value is None:
        return colors.HexColor("#E5E7EB")
    return colors.HexColor(ramp_colour(value / 100.0))


def figure(value: float | None, signed: bool = False) -> str:
    """A score or gap as shown: one decimal, "–" when there is none."""
    if value is None:
        return "–"
    if signed and round(value, 1) != 0:
        return ("+" if value > 0 else "") + locale_format.decimal(value)
    return locale_format.decimal(abs(value) if round(value, 1) == 0 else value)


class OverviewStory(StoryBase):
    """StoryBase for reports without a ReportContent: ``facts`` stands in for it."""

    def __init__(self, facts: OverviewFacts, fonts: Fonts, width: float):
        super().__init__(facts, fonts, width)  # type: ignore[arg-type]
        self.facts = facts

    def title_band(self) -> list[Flowable]:
        s = self.s
        band = Table(
            [
                [self.p(text(self.facts.title.upper()), s.kicker)],
                [self.p(text(self.facts.subtitle), s.cover_title)],
                [
                    self.p(
                        text(
                            _("Generated {date}").format(
                                date=locale_format.moment(self.facts.generated_at)
                            )
                        ),
                        s.cover_org,
                    )
                ],
            ],
            colWidths=[self.width],
        )
        band.setStyle(
            self.ts(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), NAVY),
                    ("LEFTPADDING", (0, 0), (-1, -1), 16),
                    ("TOPPADDING", (0, 0), (-1, 0), 14),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 14),
                ]
            )
        )
        return [Bookmark(self.facts.title), band]

    def heading(self, label: str, level: int = 0) -> Heading:
        return self.h1(label) if level == 0 else self.h2(label)

    def cells(self, values: Sequence[str], style: Any = None) -> list[Paragraph]:
        return [self.p(text(v), style or self.s.cell) for v in values]


def draw_furniture(canvas: Canvas, facts: OverviewFacts, fonts: Fonts, page: int) -> None:
    """Marking right-aligned in header and footer, DRAFT watermark and mark, page n of N."""
    width, height = canvas._pagesize
    right = width - MARGIN_X
    canvas.saveState()
    if facts.is_draft:
        draw_draft_watermark(canvas, fonts, 40)
    header_y = height - 38
    marking_box(canvas, facts, fonts, right, header_y)  # type: ignore[arg-type]
    mark_width = stringWidth(facts.marking.value, fonts.bold, MARK_SIZE) + 12
    left_room = width - 2 * MARGIN_X - mark_width - 12
    if facts.is_draft:
        canvas.setFont(fonts.bold, MARK_SIZE)
        canvas.setFillColor(DRAFT_RED)
        canvas.drawRightString(right - mark_width - 10, header_y, draft_word())
        left_room -= stringWidth(draft_word(), fonts.bold, MARK_SIZE) + 10
    canvas.setFont(fonts.bold, 8.5)
    canvas.setFillColor(NAVY)
    canvas.drawString(MARGIN_X, header_y + 4, fit(facts.title, fonts.bold, 8.5, left_room))
    canvas.setFont(fonts.regular, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, header_y - 6, fit(facts.subtitle, fonts.regular, 7.5, left_room))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, height - 52, right, height - 52)
    canvas.line(MARGIN_X, FOOTER_H - 14, right, FOOTER_H - 14)
    footer_y = 28
    marking_box(canvas, facts, fonts, right, footer_y)  # type: ignore[arg-type]
    before, _sep, after = _("Page {page} of {total}").partition("{total}")
    prefix = before.format(page=page)
    canvas.setFont(fonts.regular, 8.5)
    canvas.setFillColor(INK)
    canvas.drawString(MARGIN_X, footer_y + 2, prefix)
    offset = MARGIN_X + stringWidth(prefix, fonts.regular, 8.5)
    canvas.saveState()
    canvas.translate(offset, footer_y + 2)
    canvas.doForm(PAGE_COUNT_FORM)
    canvas.restoreState()
    if after:
        reserve = stringWidth("0" * max(len(str(page)), 2), fonts.regular, 8.5)
        canvas.drawString(offset + reserve, footer_y + 2, after.format(page=page))
    canvas.setFont(fonts.regular, 7)
    canvas.setFillColor(MUTED)
    identity = _("Partnership Readiness {version} · generated {date}").format(
        version=facts.tool_version, date=locale_format.moment(facts.generated_at)
    )
    canvas.drawString(MARGIN_X, footer_y - 8, fit(identity, fonts.regular, 7, left_room))
    canvas.restoreState()


def page_size(wide: bool) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def build_pdf(
    facts: OverviewFacts,
    target: Target,
    story: list[Flowable],
    fonts: Fonts,
    size: tuple[float, float],
    subject: str,
) -> None:
    """Lay ``story`` out on pages carrying the overview furniture and write the PDF."""
    width, height = size
    out: Any = os.fspath(target) if isinstance(target, str | os.PathLike) else target
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=HEADER_H,
        bottomMargin=FOOTER_H,
        title=facts.title,
        subject=subject,
        creator=f"Partnership Readiness {facts.tool_version}",
        keywords=[facts.marking.value],
        lang=facts.language,
        initialFontName=fonts.regular,
        initialFontSize=10,
    )
    frame = Frame(
        MARGIN_X,
        FOOTER_H,
        width - 2 * MARGIN_X,
        height - HEADER_H - FOOTER_H,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def furniture(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_furniture(canvas, facts, fonts, canvas.getPageNumber())

    def after_flowable(flowable: Flowable) -> None:
        if isinstance(flowable, Heading | Bookmark):
            key = f"h{id(flowable)}"
            doc.canv.bookmarkPage(key)
            doc.canv.addOutlineEntry(
                flowable.outline_title, key, level=flowable.outline_level, closed=False
            )

    doc.afterFlowable = after_flowable  # type: ignore[method-assign]
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture)])
    doc.build(story, canvasmaker=canvas_class(fonts))


__all__ = [
    "OverviewStory",
    "build_pdf",
    "figure",
    "page_size",
    "register_fonts",
    "score_fill",
]
