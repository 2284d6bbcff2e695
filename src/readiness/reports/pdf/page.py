"""The page template of the PDF report (DESIGN section 5): header, footer, TLP marking on every
page, "Page n of N" in one pass, DRAFT watermark, and PDF outline entries."""

from __future__ import annotations

from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)

from readiness.i18n import _
from readiness.reports.content import (
    ReportContent,
    draft_word,
)
from readiness.reports.fonts import Fonts
from readiness.reports.pdf.charts import fit
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
    Progress,
)


class Heading(Paragraph):
    """A heading that adds an entry to the PDF outline (bookmarks) where it is drawn."""

    def __init__(self, markup: str, style: ParagraphStyle, outline: str, level: int = 0):
        super().__init__(markup, style)
        self.outline_title = outline
        self.outline_level = level


class Bookmark(Flowable):
    """An invisible outline entry, for sections without a visible heading (the cover)."""

    def __init__(self, outline: str, level: int = 0):
        super().__init__()
        self.outline_title = outline
        self.outline_level = level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ReportCanvas(Canvas):
    """A canvas that starts every page in the embedded font (so no unembedded Helvetica is ever
    referenced) and, when saved, defines the total page count that every footer shows."""

    font: str = "Helvetica"  # set per report by ``canvas_class``
    page_count_size: float = 8.5

    def __init__(self, *args: Any, **kwargs: Any):
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = self.font
        super().__init__(*args, **kwargs)

    def save(self) -> None:
        total = self.getPageNumber() - 1  # the last page has been shown already
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(self.font, self.page_count_size)
        self.setFillColor(INK)
        self.drawString(0, 0, str(max(total, 1)))
        self.endForm()
        super().save()


def canvas_class(fonts: Fonts) -> type[ReportCanvas]:
    return type("ReportCanvasWithFonts", (ReportCanvas,), {"font": fonts.regular})


class ReportDocument(BaseDocTemplate):
    def __init__(
        self,
        target: str | IO[bytes],
        content: ReportContent,
        fonts: Fonts,
        pagesize: tuple[float, float],
        progress: Progress | None,
        total_steps: int,
    ):
        width, height = pagesize
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=HEADER_H,
            bottomMargin=FOOTER_H,
            title=content.heading,
            author=content.assessor,
            subject=_("Partnership readiness report: {organisation}").format(
                organisation=content.organisation
            ),
            creator=f"Partnership Readiness {content.report.tool_version}",
            keywords=[content.marking.value],
            lang=content.language,
            initialFontName=fonts.regular,
            initialFontSize=10,
        )
        self.content = content
        self.fonts = fonts
        self._progress = progress
        self._steps = max(total_steps, 1)
        self._done = 0
        self._last_reported = -1
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
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    # Outline entries and progress, as flowables land on pages.
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading | Bookmark):
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(
                flowable.outline_title, key, level=flowable.outline_level, closed=False
            )
        if self._progress is not None and getattr(flowable, "_is_story_item", False):
            self._done = min(self._done + 1, self._steps)
            percent = self._done * 100 // self._steps
            if percent != self._last_reported:
                self._last_reported = percent
                self._progress(self._done, self._steps + 1, _("Laying out the PDF pages"))

    def _furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_furniture(canvas, self.content, self.fonts, canvas.getPageNumber())


def marking_box(
    canvas: Canvas, content: ReportContent, fonts: Fonts, right: float, y: float
) -> None:
    """The TLP label in its colour on a black box, right edge at ``right``, baseline ``y``."""
    label = content.marking.value
    width = stringWidth(label, fonts.bold, MARK_SIZE)
    pad_x, pad_y = 6.0, 4.0
    canvas.setFillColor(colors.black)
    canvas.rect(
        right - width - 2 * pad_x,
        y - pad_y - 2.5,
        width + 2 * pad_x,
        MARK_SIZE + 2 * pad_y,
        stroke=0,
        fill=1,
    )
    canvas.setFillColor(colors.HexColor(content.marking.colour))
    canvas.setFont(fonts.bold, MARK_SIZE)
    canvas.drawRightString(right - pad_x, y, label)


def draw_draft_watermark(canvas: Canvas, fonts: Fonts, angle: float) -> None:
    """The faint DRAFT across the middle of the page, turned by ``angle`` degrees."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(DRAFT_RED)
    canvas.setFillAlpha(0.07)
    canvas.setFont(fonts.bold, 120)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -40, draft_word())
    canvas.restoreState()


def draw_furniture(canvas: Canvas, content: ReportContent, fonts: Fonts, page: int) -> None:
    width, height = canvas._pagesize
    right = width - MARGIN_X
    canvas.saveState()

    if content.is_draft:
        draw_draft_watermark(canvas, fonts, 52)

    # Header: title on the left, DRAFT and the marking on the right, a rule beneath.
    header_y = height - 38
    marking_box(canvas, content, fonts, right, header_y)
    mark_width = stringWidth(content.marking.value, fonts.bold, MARK_SIZE) + 12
    left_room = width - 2 * MARGIN_X - mark_width - 12
    if content.is_draft:
        canvas.setFont(fonts.bold, MARK_SIZE)
        canvas.setFillColor(DRAFT_RED)
        draft_x = right - mark_width - 10
        canvas.drawRightString(draft_x, header_y, draft_word())
        left_room -= stringWidth(draft_word(), fonts.bold, MARK_SIZE) + 10
    if page > 1:
        canvas.setFont(fonts.bold, 8.5)
        canvas.setFillColor(NAVY)
        canvas.drawString(
            MARGIN_X, header_y + 4, fit(content.organisation, fonts.bold, 8.5, left_room)
        )
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            MARGIN_X, header_y - 6, fit(content.heading, fonts.regular, 7.5, left_room)
        )
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, height - 52, right, height - 52)

    # Footer: rule, page n of N and the document's identity on the left, the marking right.
    canvas.line(MARGIN_X, FOOTER_H - 14, right, FOOTER_H - 14)
    footer_y = 28
    marking_box(canvas, content, fonts, right, footer_y)
    template = _("Page {page} of {total}")
    before, _sep, after = template.partition("{total}")
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
    report = content.report
    identity = _("{questionnaire} {version} · generated {date}").format(
        questionnaire=report.result.questionnaire.id,
        version=report.result.questionnaire.version,
        date=content.generated,
    )
    canvas.setFont(fonts.regular, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, footer_y - 8, fit(identity, fonts.regular, 7, left_room))
    canvas.restoreState()
