"""The readiness report as a PDF (DESIGN section 5), laid out with reportlab platypus.

Structure: cover, executive summary (level, what caps it, radar and bar charts, top actions), one
section per domain, the prioritised action plan and an appendix (method, N/A justifications,
document information). Every page carries the TLP marking right-aligned in the header and the
footer (its colour on black, 12 pt), "Page n of N" and, for an incomplete assessment, DRAFT.

"Page n of N" is done in one pass: each page draws a reference to a form XObject that is only
defined once the last page is known. User text is always XML-escaped before it reaches a
Paragraph, so markup typed by a user shows literally.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from readiness.domain.report import Report
from readiness.domain.scoring import Status
from readiness.i18n import _, ngettext
from readiness.reports.content import (
    ActionView,
    DomainView,
    QuestionView,
    ReportContent,
    build_content,
    draft_word,
    method_paragraphs,
    points,
    ramp_colour,
)
from readiness.reports.fonts import Fonts, register_fonts
from readiness.reports.pdf_charts import bar_chart, fit, radar_chart

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


def text(value: str) -> str:
    """User or questionnaire text made safe for Paragraph markup: shown exactly as typed."""
    escaped = escape(value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return escaped.replace("\n", "<br/>")


def resolve_page_size(name: str) -> tuple[float, float]:
    size = PAGE_SIZES.get(name.strip().lower())
    if size is None:
        known = ", ".join(("A4", "letter"))
        raise ValueError(
            _("unknown page size '{name}' (known: {known})").format(name=name, known=known)
        )
    return size


# --------------------------------------------------------------------------------------------
# Styles


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


# --------------------------------------------------------------------------------------------
# Page furniture: header, footer, marking, page numbers, DRAFT


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

    font: str = "Helvetica"  # set per report by ``_canvas_class``
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


def _canvas_class(fonts: Fonts) -> type[ReportCanvas]:
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


def draw_furniture(canvas: Canvas, content: ReportContent, fonts: Fonts, page: int) -> None:
    width, height = canvas._pagesize
    right = width - MARGIN_X
    canvas.saveState()

    if content.is_draft:
        canvas.saveState()
        canvas.setFillColor(DRAFT_RED)
        canvas.setFillAlpha(0.07)
        canvas.setFont(fonts.bold, 120)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(52)
        canvas.drawCentredString(0, -40, draft_word())
        canvas.restoreState()

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


# --------------------------------------------------------------------------------------------
# The story


class StoryBuilder:
    def __init__(self, content: ReportContent, fonts: Fonts, width: float):
        self.c = content
        self.fonts = fonts
        self.s = make_styles(fonts)
        self.width = width
        self.lang = content.language

    # Small helpers ---------------------------------------------------------------------------
    def ts(self, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
        """A table style whose default cell font is the embedded one (reportlab's is Helvetica,
        which it selects for every cell even when the cell holds a Paragraph)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.regular), *commands])

    def p(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def h1(self, label: str, outline: str | None = None) -> Heading:
        return Heading(text(label), self.s.h1, outline or label, 0)

    def h2(self, label: str, outline: str | None = None) -> Heading:
        return Heading(text(label), self.s.h2, outline or label, 1)

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        commands: Sequence[tuple[Any, ...]] = (),
        header: bool = True,
        long: bool = False,
    ) -> Table:
        cls = LongTable if long else Table
        table = cls(
            rows,
            colWidths=list(widths),
            repeatRows=1 if header else 0,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        if header:
            style += [
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0, NAVY),
            ]
        style += list(commands)
        table.setStyle(self.ts(style))
        return table

    def heads(self, *labels: str, centre: Sequence[int] = ()) -> list[Paragraph]:
        return [
            self.p(text(label), self.s.head_cell_center if i in centre else self.s.head_cell)
            for i, label in enumerate(labels)
        ]

    def score_cell(self, label: str, colour: str | None, style: ParagraphStyle) -> Paragraph:
        del colour  # the colour goes on the cell background
        return self.p(f'<font color="white"><b>{text(label)}</b></font>', style)

    # Sections --------------------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story.append(PageBreak())
        story += self.summary()
        story.append(PageBreak())
        for index, domain in enumerate(self.c.domains):
            if index:
                story += [Spacer(1, 14), CondPageBreak(170)]
            story += self.domain_section(domain)
        story.append(PageBreak())
        story += self.action_plan()
        story.append(PageBreak())
        story += self.appendix()
        for flowable in story:
            flowable._is_story_item = True  # type: ignore[attr-defined]
        return story

    def cover(self) -> list[Flowable]:
        c, s = self.c, self.s
        band = Table(
            [
                [self.p(text(_("Partnership readiness report").upper()), s.kicker)],
                [self.p(text(c.heading), s.cover_title)],
                [self.p(text(c.organisation), s.cover_org)],
            ],
            colWidths=[self.width],
        )
        band.setStyle(
            self.ts(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), NAVY),
                    ("LEFTPADDING", (0, 0), (-1, -1), 18),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                    ("TOPPADDING", (0, 0), (-1, 0), 20),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 22),
                    ("TOPPADDING", (0, 1), (-1, -1), 2),
                ]
            )
        )
        flowables: list[Flowable] = [
            Bookmark(_("Cover")),
            band,
            Spacer(1, 16),
        ]
        flowables.append(self.key_figures())
        flowables.append(Spacer(1, 16))
        if c.is_draft:
            flowables.append(self.draft_notice())
            flowables.append(Spacer(1, 12))
        flowables.append(self.facts_table())
        return flowables

    def key_figures(self) -> Table:
        c, s = self.c, self.s
        third = self.width / 3
        level_style = ParagraphStyle("lvl", parent=s.figure, textColor=colors.white)
        level_label = ParagraphStyle("lvll", parent=s.figure_label, textColor=colors.white)
        rows = [
            [
                self.p(text(_("Level {n}").format(n=c.level.level)), level_style),
                self.p(text(c.overall_text), s.figure),
                self.p(text(c.completeness_text), s.figure),
            ],
            [
                self.p(text(c.level_label), level_label),
                self.p(text(_("overall score out of 100")), s.figure_label),
                self.p(
                    text(
                        _("complete ({done} of {total} questions)").format(
                            done=c.answered + c.na, total=c.relevant
                        )
                    ),
                    s.figure_label,
                ),
            ],
        ]
        table = Table(rows, colWidths=[third] * 3)
        table.setStyle(
            self.ts(
                [
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(c.level_colour)),
                    ("BACKGROUND", (1, 0), (-1, -1), SOFT),
                    ("LINEBEFORE", (2, 0), (2, -1), 2, colors.white),
                    ("LINEBEFORE", (1, 0), (1, -1), 2, colors.white),
                    ("TOPPADDING", (0, 0), (-1, 0), 12),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return table

    def draft_notice(self) -> Table:
        c, s = self.c, self.s
        message = ngettext(
            "This assessment is incomplete: {n} applicable question is not answered yet. "
            "Unanswered questions count as 0, so the figures are provisional.",
            "This assessment is incomplete: {n} applicable questions are not answered yet. "
            "Unanswered questions count as 0, so the figures are provisional.",
            c.unanswered,
        ).format(n=c.unanswered)
        box = Table(
            [
                [
                    self.p(f'<font color="#DC2626"><b>{text(draft_word())}</b></font>', s.body),
                    self.p(text(message), s.small),
                ]
            ],
            colWidths=[60, self.width - 60],
        )
        box.setStyle(
            self.ts(
                [
                    ("BOX", (0, 0), (-1, -1), 1, DRAFT_RED),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FEF2F2")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return box

    def facts_table(self) -> Table:
        c, s = self.c, self.s
        q = c.report.result.questionnaire
        blank = "—"
        facts = [
            (_("Organisation"), c.organisation or blank),
            (_("Type of organisation"), c.organisation_kind or blank),
            (_("Sector"), c.sector or blank),
            (_("Country"), c.country or blank),
            (_("Audience"), c.audience),
            (
                _("Questionnaire"),
                _("{title} ({id}, version {version})").format(
                    title=c.questionnaire_title, id=q.id, version=q.version
                ),
            ),
            (_("Assessor"), c.assessor or blank),
            (_("Status"), c.status),
            (_("Started"), c.created),
            (_("Last updated"), c.updated),
            (_("Report generated"), c.generated),
        ]
        rows = [
            [self.p(text(label), s.cell_bold), self.p(text(value), s.cell)]
            for label, value in facts
        ]
        rows.append(
            [
                self.p(text(_("Marking")), s.cell_bold),
                self.p(
                    f"<b>{text(c.marking.value)}</b> — {text(c.marking_meaning)}",
                    s.cell,
                ),
            ]
        )
        return self.table(
            rows,
            [130, self.width - 130],
            [("BACKGROUND", (0, 0), (0, -1), PALE)],
            header=False,
        )

    def summary(self) -> list[Flowable]:
        c, s = self.c, self.s
        out: list[Flowable] = [self.h1(_("Executive summary"))]
        sentence = _(
            "{organisation} reaches <b>level {n} — {label}</b> with an overall score of "
            "<b>{score}</b> out of 100; {completeness} of the applicable questions are answered."
        ).format(
            organisation=text(c.organisation or _("The organisation")),
            n=c.level.level,
            label=text(c.level_label),
            score=c.overall_text,
            completeness=c.completeness_text,
        )
        out.append(self.p(sentence))
        out += self.cap_explanation()
        out.append(Spacer(1, 4))
        out.append(self.charts())
        out.append(Spacer(1, 8))
        out.append(self.domain_table())
        out.append(CondPageBreak(120))
        out.append(self.h2(_("Top priority actions")))
        top = c.actions[:5]
        if top:
            out.append(self.actions_table(top, long=False))
            if len(c.actions) > len(top):
                out.append(Spacer(1, 4))
                out.append(
                    self.p(
                        text(
                            ngettext(
                                "{n} more action follows in the action plan.",
                                "{n} more actions follow in the action plan.",
                                len(c.actions) - len(top),
                            ).format(n=len(c.actions) - len(top))
                        ),
                        s.muted,
                    )
                )
        else:
            out.append(self.p(text(_("No action is due."))))
        return out

    def cap_explanation(self) -> list[Flowable]:
        c, s = self.c, self.s
        if not c.capping_questions:
            return [self.p(text(_("No critical question limits the level.")), s.body)]
        if c.is_capped:
            intro = _(
                "The level is capped by critical questions: on the score alone the organisation "
                "would reach level {n} — {label}."
            ).format(n=c.uncapped_level.level, label=c.uncapped_label)
        else:
            intro = _(
                "These critical questions are below their threshold. They would cap the level, "
                "but the score does not reach above their cap anyway:"
            )
        out: list[Flowable] = [self.p(text(intro))]
        shown_caps = c.capping_questions[:MAX_CAPS_LISTED]
        for q in shown_caps:
            cap = q.critical.cap_level if q.critical else c.level.level
            markup = (
                f"<b>{text(q.number)}</b> {text(q.text)} — "
                + text(_("answer: {answer}").format(answer=q.answer))
                + ' <font color="#B91C1C">'
                + text(_("(caps the level at {n})").format(n=cap))
                + "</font>"
            )
            out.append(Paragraph(markup, s.bullet, bulletText="•"))
        more = len(c.capping_questions) - len(shown_caps)
        if more > 0:
            out.append(
                self.p(
                    text(
                        ngettext(
                            "… and {n} more critical question (see the action plan).",
                            "… and {n} more critical questions (see the action plan).",
                            more,
                        ).format(n=more)
                    ),
                    s.muted,
                )
            )
        return out

    def charts(self) -> Flowable:
        c = self.c
        domains = c.domains
        gap = 10.0
        if len(domains) >= 3:
            left = self.width * 0.46 - gap / 2
            right = self.width - left - gap
            bars = bar_chart(domains, c.levels, self.fonts, right)
            radar_h = max(bars.height, 230.0)
            radar = radar_chart(domains, c.levels, self.fonts, left, radar_h)
            table = Table([[radar, bars]], colWidths=[left + gap, right])
        else:
            bars = bar_chart(domains, c.levels, self.fonts, self.width * 0.8)
            table = Table(
                [[bars]], colWidths=[self.width], style=[("ALIGN", (0, 0), (-1, -1), "CENTER")]
            )
        table.setStyle(
            self.ts(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return table

    def domain_table(self) -> Table:
        c, s = self.c, self.s
        rows: list[list[Any]] = [
            self.heads(
                _("Domain"),
                _("Score"),
                _("Level"),
                _("Answered"),
                _("N/A"),
                _("Not answered"),
                centre=(1, 3, 4, 5),
            )
        ]
        commands: list[tuple[Any, ...]] = []
        for i, d in enumerate(c.domains, start=1):
            rows.append(
                [
                    self.p(text(f"{d.number}. {d.title}"), s.cell),
                    self.score_cell(d.score_text, d.colour, s.cell_center),
                    self.p(text(f"{d.level.level} — {d.level_label}" if d.level else "—"), s.cell),
                    self.p(str(d.answered), s.cell_center),
                    self.p(str(d.na), s.cell_center),
                    self.p(str(d.unanswered), s.cell_center),
                ]
            )
            commands.append(
                ("BACKGROUND", (1, i), (1, i), colors.HexColor(d.colour) if d.colour else MUTED)
            )
        fixed = [52, 110, 58, 40, 66]
        widths = [self.width - sum(fixed), *fixed]
        commands.append(("VALIGN", (0, 1), (-1, -1), "MIDDLE"))
        return self.table(rows, widths, commands)

    def actions_table(self, actions: Sequence[ActionView], long: bool) -> Table:
        s = self.s
        rows: list[list[Any]] = [
            self.heads(_("No."), _("Priority"), _("Action"), _("Current answer"), centre=(0, 1))
        ]
        commands: list[tuple[Any, ...]] = []
        for index, action in enumerate(actions, start=1):
            q = action.question
            cell: list[Flowable] = [self.p(text(action.text), s.cell)]
            meta = f"{q.number} · {q.id} · {q.domain_title}"
            cell.append(self.p(text(meta), s.tiny))
            if action.capping and q.critical is not None:
                cell.append(
                    self.p(
                        f'<font color="#B91C1C"><b>{text(_("Critical"))}</b></font> — '
                        + text(
                            _("limits the level to {n} until improved").format(
                                n=q.critical.cap_level
                            )
                        ),
                        s.cell_small,
                    )
                )
            answer = q.answer
            if q.is_choice and q.status is Status.ANSWERED and q.points is not None:
                answer = f"{q.answer} ({q.score_text})"
            rows.append(
                [
                    self.p(str(action.rank), s.cell_center),
                    self.p(f"<b>{action.priority_text}</b>", s.cell_center),
                    cell,
                    self.p(text(answer), s.cell),
                ]
            )
            if action.capping:
                commands.append(("LINEBEFORE", (0, index), (0, index), 2.5, RED))
        fixed = [30, 48, 110]
        widths = [fixed[0], fixed[1], self.width - sum(fixed), fixed[2]]
        return self.table(rows, widths, commands, long=long)

    def domain_section(self, domain: DomainView) -> list[Flowable]:
        s = self.s
        title = f"{domain.number}. {domain.title}"
        out: list[Flowable] = [self.h1(title)]
        if domain.description:
            out.append(self.p(text(domain.description), s.muted))
        facts = [
            (_("Score"), domain.score_text),
            (
                _("Level"),
                f"{domain.level.level} — {domain.level_label}" if domain.level else "—",
            ),
            (_("Answered"), f"{domain.answered} / {domain.applicable + domain.na}"),
            (_("N/A"), str(domain.na)),
            (_("Weight"), points(domain.weight)),
        ]
        # Score and level sit on the domain's level colour, in white; the rest on grey.
        coloured = 2 if domain.colour else 0

        def ink(markup: str, index: int) -> str:
            return f'<font color="white">{markup}</font>' if index < coloured else markup

        strip = Table(
            [
                [
                    self.p(ink(text(label), i), s.figure_label)
                    for i, (label, _v) in enumerate(facts)
                ],
                [
                    self.p(ink(f"<b>{text(value)}</b>", i), s.cell_center)
                    for i, (_l, value) in enumerate(facts)
                ],
            ],
            colWidths=[self.width / len(facts)] * len(facts),
        )
        strip_style: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, -1), SOFT),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBEFORE", (1, 0), (-1, -1), 2, colors.white),
        ]
        if domain.colour:
            strip_style.append(("BACKGROUND", (0, 0), (1, -1), colors.HexColor(domain.colour)))
        strip.setStyle(self.ts(strip_style))
        out += [strip, Spacer(1, 10)]
        out.append(self.questions_table(domain))
        return out

    def questions_table(self, domain: DomainView) -> Table:
        rows: list[list[Any]] = [
            self.heads(_("No."), _("Question"), _("Answer"), _("Score"), centre=(0, 3))
        ]
        commands: list[tuple[Any, ...]] = []
        for index, q in enumerate(domain.questions, start=1):
            rows.append(self.question_row(q))
            faded = q.status is Status.NOT_RELEVANT
            if q.is_choice and q.status is Status.ANSWERED and q.value is not None:
                colour = colors.HexColor(ramp_colour(q.value))
                commands.append(("BACKGROUND", (3, index), (3, index), colour))
            elif q.is_choice and q.status is Status.UNANSWERED:
                commands.append(("BACKGROUND", (3, index), (3, index), colors.HexColor("#FEE2E2")))
            else:
                commands.append(("BACKGROUND", (3, index), (3, index), SOFT))
            if faded:
                commands.append(("BACKGROUND", (0, index), (2, index), PALE))
            if q.flagged:
                commands.append(("LINEBEFORE", (0, index), (0, index), 2.5, ORANGE))
        commands.append(("VALIGN", (3, 1), (3, -1), "MIDDLE"))
        fixed_no, fixed_answer, fixed_score = 30, 128, 48
        widths = [
            fixed_no,
            self.width - fixed_no - fixed_answer - fixed_score,
            fixed_answer,
            fixed_score,
        ]
        return self.table(rows, widths, commands, long=True)

    def question_row(self, q: QuestionView) -> list[Any]:
        s = self.s
        cell: list[Flowable] = [self.p(text(q.text), s.cell)]
        tags = [text(q.id)]
        if q.critical is not None:
            colour = "#B91C1C" if q.capping else "#6B7280"
            tags.append(
                f'<font color="{colour}"><b>'
                + text(_("critical: below {below} caps at level {cap}")).format(
                    below=text(points(q.critical.below)), cap=q.critical.cap_level
                )
                + "</b></font>"
            )
        if q.weight != 1:
            tags.append(text(_("weight {w}").format(w=points(q.weight))))
        if q.flagged:
            tags.append(
                '<font color="#C2410C"><b>⚑ ' + text(_("flagged for review")) + "</b></font>"
            )
        cell.append(self.p(" · ".join(tags), s.tiny))
        if not q.is_choice and q.status is Status.ANSWERED:
            cell.append(self.p(f"<b>{text(_('Answer'))}:</b> {text(q.answer)}", s.cell_small))
        if q.justification:
            cell.append(
                self.p(
                    f"<b>{text(_('N/A justification'))}:</b> {text(q.justification)}",
                    s.cell_small,
                )
            )
        if q.comment:
            cell.append(self.p(f"<b>{text(_('Comment'))}:</b> {text(q.comment)}", s.cell_small))
        if q.rank is not None:
            cell.append(
                self.p(
                    '<font color="#1F3A5F">→ '
                    + text(_("Action {n} in the action plan").format(n=q.rank))
                    + "</font>",
                    s.tiny,
                )
            )
        if not q.is_choice:
            answer = _("Free text") if q.status is Status.ANSWERED else q.answer
            score = "—"
        else:
            answer = q.answer
            score = q.score_text if q.status is not Status.NOT_RELEVANT else "—"
        answer_style = s.cell if q.status is Status.ANSWERED else s.cell_small
        answer_markup = text(answer)
        if q.status is Status.UNANSWERED:
            answer_markup = f'<font color="#B91C1C">{answer_markup}</font>'
        elif q.status in (Status.NA, Status.NOT_RELEVANT):
            answer_markup = f'<font color="#6B7280">{answer_markup}</font>'
        coloured = q.is_choice and q.status is Status.ANSWERED
        score_markup = f"<b>{text(score)}</b>"
        if coloured:
            score_markup = f'<font color="white">{score_markup}</font>'
        return [
            self.p(f"<b>{text(q.number)}</b>", s.cell_center),
            cell,
            self.p(answer_markup, answer_style),
            self.p(score_markup, s.cell_center),
        ]

    def action_plan(self) -> list[Flowable]:
        c, s = self.c, self.s
        out: list[Flowable] = [self.h1(_("Prioritised action plan"))]
        if not c.actions:
            out.append(
                self.p(
                    text(
                        _(
                            "No action is due: every applicable question meets its "
                            "recommendation threshold."
                        )
                    )
                )
            )
            return out
        out.append(
            self.p(
                text(
                    ngettext(
                        "{n} action. Priority = domain weight × question weight × (1 − value), "
                        "doubled for critical questions that limit the level (marked with a red "
                        "edge).",
                        "{n} actions, highest priority first. Priority = domain weight × "
                        "question weight × (1 − value), doubled for critical questions that "
                        "limit the level (marked with a red edge).",
                        len(c.actions),
                    ).format(n=len(c.actions))
                ),
                s.muted,
            )
        )
        out.append(self.actions_table(c.actions, long=True))
        return out

    def appendix(self) -> list[Flowable]:
        c, s = self.c, self.s
        q = c.report.result.questionnaire
        out: list[Flowable] = [self.h1(_("Appendix"))]
        out.append(self.h2(_("How the score is calculated")))
        for paragraph in method_paragraphs():
            out.append(self.p(text(paragraph), s.small))
        level_rows: list[list[Any]] = [
            self.heads(_("Level"), _("Label"), _("Overall score"), centre=(0,))
        ]
        commands: list[tuple[Any, ...]] = []
        for i, lv in enumerate(c.levels, start=1):
            level_rows.append(
                [
                    self.p(f'<font color="white"><b>{lv.level.level}</b></font>', s.cell_center),
                    self.p(text(lv.label), s.cell),
                    self.p(text(lv.range_text), s.cell),
                ]
            )
            commands.append(("BACKGROUND", (0, i), (0, i), colors.HexColor(lv.colour)))
        out.append(KeepTogether([Spacer(1, 4), self.table(level_rows, [50, 180, 120], commands)]))

        out.append(self.h2(_("N/A justifications")))
        if c.na_questions:
            rows: list[list[Any]] = [self.heads(_("Question"), _("Justification"))]
            for view in c.na_questions:
                rows.append(
                    [
                        [
                            self.p(text(view.text), s.cell_small),
                            self.p(text(f"{view.number} · {view.id}"), s.tiny),
                        ],
                        self.p(text(view.justification), s.cell),
                    ]
                )
            half = self.width * 0.45
            out.append(self.table(rows, [half, self.width - half], long=True))
        else:
            out.append(self.p(text(_("No question was answered N/A.")), s.small))

        if c.not_relevant:
            out.append(self.h2(_("Questions that do not apply")))
            out.append(
                self.p(
                    text(
                        _(
                            "Given earlier answers, these questions do not apply and are left "
                            "out of every figure: {ids}."
                        ).format(ids=", ".join(v.id for v in c.not_relevant))
                    ),
                    s.small,
                )
            )

        out.append(self.h2(_("Document information")))
        info = [
            (_("Questionnaire"), f"{c.questionnaire_title} ({q.id})"),
            (_("Questionnaire version"), q.version),
            (_("Questionnaire SHA-256"), c.report.questionnaire_sha256),
            (_("Tool version"), f"Partnership Readiness {c.report.tool_version}"),
            (_("Report generated"), c.generated),
            (_("Language"), c.language),
            (_("Marking"), f"{c.marking.value} — {c.marking_meaning}"),
        ]
        rows = [
            [self.p(text(label), s.cell_bold), self.p(text(value), s.cell)] for label, value in info
        ]
        out.append(
            self.table(
                rows, [130, self.width - 130], [("BACKGROUND", (0, 0), (0, -1), PALE)], False
            )
        )
        return out


# --------------------------------------------------------------------------------------------


def render_pdf(
    report: Report,
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    page_size: str = "A4",
    progress: Progress | None = None,
) -> None:
    """Write ``report`` as a PDF to a path or a binary stream.

    ``progress(done, total, message)`` is called as the work advances.
    """
    size = resolve_page_size(page_size)
    if progress is not None:
        progress(0, 1, _("Preparing the PDF report"))
    fonts = register_fonts()
    content = build_content(report)
    width = size[0] - 2 * MARGIN_X
    story = StoryBuilder(content, fonts, width).build()
    target: str | IO[bytes] = (
        os.fspath(path_or_stream)
        if isinstance(path_or_stream, (str, os.PathLike))
        else path_or_stream
    )
    doc = ReportDocument(target, content, fonts, size, progress, len(story))

    doc.build(story, canvasmaker=_canvas_class(fonts))
    if progress is not None:
        progress(len(story) + 1, len(story) + 1, _("PDF report written"))
