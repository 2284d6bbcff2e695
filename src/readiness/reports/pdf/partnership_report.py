"""The partnership report as a PDF (DESIGN sections 5 and 9): the mismatches in plain words
first, then every mirror topic as a diverging bar (company − unit) and side by side, topic by
topic, with both sides' questions and answers, the partnership's note and the method."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from readiness.domain.overview_report import PartnershipReport, SideFacts, TopicView
from readiness.i18n import _, ngettext
from readiness.reports.fonts import Fonts
from readiness.reports.pdf.charts import fit
from readiness.reports.pdf.overview_page import (
    OverviewStory,
    Target,
    build_pdf,
    figure,
    page_size,
    register_fonts,
)
from readiness.reports.pdf.style import INK, MARGIN_X, MUTED, NAVY, RED, RULE, SOFT, text

BAR_GREY = colors.HexColor("#64748B")


def diverging_bars(topics: tuple[TopicView, ...], fonts: Fonts, width: float) -> Drawing:
    """One row per topic: a bar from the centre line, left when the unit counts on more than
    the company has (negative gap), right when the company has more; its value at the end."""
    row, label_w = 17.0, width * 0.38
    top = 26.0
    height = top + row * max(len(topics), 1) + 8
    drawing = Drawing(width, height)
    centre = label_w + (width - label_w) / 2
    half = (width - label_w) / 2 - 34
    drawing.add(
        String(
            centre - 6,
            height - 12,
            _("← the unit counts on more"),
            fontName=fonts.regular,
            fontSize=7.5,
            fillColor=MUTED,
            textAnchor="end",
        )
    )
    drawing.add(
        String(
            centre + 6,
            height - 12,
            _("the company has more →"),
            fontName=fonts.regular,
            fontSize=7.5,
            fillColor=MUTED,
            textAnchor="start",
        )
    )
    for mark in (-100, -50, 50, 100):
        x = centre + half * mark / 100
        drawing.add(
            Line(
                x, 4, x, height - top + 4, strokeColor=RULE, strokeWidth=0.4, strokeDashArray=[2, 2]
            )
        )
    for index, topic in enumerate(topics):
        y = height - top - (index + 1) * row + 4
        label = fit(topic.label, fonts.bold if topic.mismatch else fonts.regular, 8, label_w - 6)
        drawing.add(
            String(
                0,
                y + 3,
                label,
                fontName=fonts.bold if topic.mismatch else fonts.regular,
                fontSize=8,
                fillColor=INK,
            )
        )
        gap = topic.shown_gap
        if gap is None:
            drawing.add(
                String(
                    centre,
                    y + 3,
                    _("not comparable"),
                    fontName=fonts.regular,
                    fontSize=7.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
            continue
        length = half * abs(gap) / 100
        x = centre - length if gap < 0 else centre
        drawing.add(
            Rect(
                x,
                y,
                max(length, 0.8),
                row - 6,
                strokeWidth=0,
                fillColor=RED if topic.mismatch else BAR_GREY,
            )
        )
        end = centre - length - 3 if gap < 0 else centre + length + 3
        drawing.add(
            String(
                end,
                y + 3,
                figure(gap, signed=True),
                fontName=fonts.bold,
                fontSize=7.5,
                fillColor=RED if topic.mismatch else INK,
                textAnchor="end" if gap < 0 else "start",
            )
        )
    drawing.add(Line(centre, 4, centre, height - top + 4, strokeColor=NAVY, strokeWidth=0.8))
    return drawing


class PartnershipStory(OverviewStory):
    def build(self, report: PartnershipReport) -> list[Flowable]:
        story: list[Flowable] = [*self.title_band(), Spacer(1, 12)]
        story += self.mismatches(report)
        story += [Spacer(1, 6), self.sides(report), Spacer(1, 10)]
        chart = diverging_bars(report.topics, self.fonts, self.width)
        story.append(KeepTogether([self.h1(_("Every mirror topic")), chart]))
        story.append(Spacer(1, 10))
        story.append(self.h1(_("Topic by topic")))
        story += [self.topic_block(report, topic) for topic in report.topics]
        story.append(self.h1(_("Note")))
        note = report.note or _("No note for this partnership.")
        story.append(self.p(text(note), self.s.body if report.note else self.s.muted))
        story.append(self.h2(_("Method")))
        story.append(self.p(text(method_text()), self.s.muted))
        return story

    def mismatches(self, report: PartnershipReport) -> list[Flowable]:
        out: list[Flowable] = [self.h1(_("Mismatches"))]
        found = report.mismatch_topics
        if not found:
            out.append(
                self.p(
                    text(
                        _(
                            "No mismatch: on every one of the {n} paired topics the two sides "
                            "differ by less than 50 points."
                        ).format(n=report.paired)
                    )
                )
            )
            return out
        out.append(
            self.p(
                text(
                    ngettext(
                        "{n} of {paired} paired topics differs by 50 points or more:",
                        "{n} of {paired} paired topics differ by 50 points or more:",
                        len(found),
                    ).format(n=len(found), paired=report.paired)
                )
            )
        )
        for topic in found:
            out.append(
                self.p(
                    f"<b>{text(topic.label)}</b> ({figure(topic.shown_gap, signed=True)}): "
                    f"{text(topic.sentence)}",
                    self.s.bullet,
                )
            )
            out[-1].bulletText = "•"  # type: ignore[attr-defined]
        return out

    def sides(self, report: PartnershipReport) -> Flowable:
        def describe(side: SideFacts) -> str:
            status = _("completed") if side.complete else _("draft (incomplete)")
            return (
                f"<b>{text(side.organisation)}</b><br/>{text(side.title)}<br/>"
                f"{text(side.questionnaire)} {text(side.version)} · {text(status)}"
            )

        mean = figure(None if report.mean_abs_gap is None else round(report.mean_abs_gap, 1))
        summary = _(
            "{paired} paired topics, {compared} compared, {mismatches} mismatches, mean gap {mean}"
        ).format(
            paired=report.paired,
            compared=report.compared,
            mismatches=report.mismatches,
            mean=mean,
        )
        rows = [
            self.heads(_("Company"), _("Defence unit")),
            [
                self.p(describe(report.company), self.s.cell),
                self.p(describe(report.unit), self.s.cell),
            ],
            [self.p(text(summary), self.s.cell_bold), ""],
        ]
        return self.table(
            rows,
            [self.width / 2] * 2,
            [("SPAN", (0, 2), (1, 2)), ("BACKGROUND", (0, 2), (1, 2), SOFT)],
        )

    def topic_block(self, report: PartnershipReport, topic: TopicView) -> Flowable:
        s = self.s
        gap = figure(topic.shown_gap, signed=True)
        title = f"<b>{text(topic.label)}</b>  ·  " + text(
            _("company {c}, unit {u}, gap {gap}").format(
                c=figure(topic.company_value), u=figure(topic.unit_value), gap=gap
            )
        )
        if topic.mismatch:
            mismatch = text(_("mismatch"))
            title += f'  <font color="#B91C1C"><b>{mismatch}</b></font>'

        def side(items: tuple) -> list[Flowable]:
            cells: list[Flowable] = []
            for item in items:
                muted = "" if item.counted else " ({})".format(text(_("not counted")))
                cells.append(self.p(text(item.text), s.cell_small))
                cells.append(self.p(f"<b>{text(item.answer)}</b>{muted}", s.cell))
            return cells

        rows = [
            [self.p(title, s.cell), ""],
            [
                self.p(text(report.company.organisation), s.cell_bold),
                self.p(text(report.unit.organisation), s.cell_bold),
            ],
            [side(topic.company), side(topic.unit)],
        ]
        table = self.table(
            rows,
            [self.width / 2] * 2,
            [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (1, 0), SOFT)],
            header=False,
        )
        return KeepTogether([table, Spacer(1, 6)])


def method_text() -> str:
    return _(
        "Questions of the two questionnaires that share a topic tag are paired. A side's value "
        "is 100 × Σ(weight × option score / highest score) ÷ Σ(weight) over its relevant, "
        "non-N/A choice questions with that topic; an unanswered question counts 0. The gap is "
        "the company's value minus the unit's; a gap of 50 points or more either way is a "
        "mismatch. Topics are listed by the size of the gap, largest first."
    )


def render_partnership_pdf(report: PartnershipReport, target: Target) -> None:
    """Write the partnership report as an A4 PDF to a path or a binary stream."""
    fonts = register_fonts()
    size = page_size(wide=False)
    story = PartnershipStory(report.facts, fonts, size[0] - 2 * MARGIN_X).build(report)
    build_pdf(report.facts, target, story, fonts, size, report.facts.subtitle)
