"""The portfolio report as a PDF (DESIGN sections 5 and 9): per questionnaire, a heatmap of
domain scores by organisation — each cell its colour and its number, never colour alone."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from readiness.domain.overview_report import PortfolioReport
from readiness.domain.portfolio import PortfolioTable
from readiness.i18n import _
from readiness.reports.content import kind_label
from readiness.reports.pdf.overview_page import (
    OverviewStory,
    Target,
    build_pdf,
    figure,
    page_size,
    register_fonts,
    score_fill,
)
from readiness.reports.pdf.style import MARGIN_X, SOFT, text


def ink_on(fill: colors.Color) -> colors.Color:
    """Black or white text, whichever reads better on ``fill``."""
    luminance = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return colors.black if luminance > 0.55 else colors.white


class PortfolioStory(OverviewStory):
    def build(self, report: PortfolioReport) -> list[Flowable]:
        story: list[Flowable] = [*self.title_band(), Spacer(1, 10)]
        story.append(
            self.p(
                text(
                    _(
                        "One row per organisation and questionnaire: its latest completed "
                        "assessment, or its latest draft when none is completed (marked "
                        "“draft”). Each cell holds the domain score out of 100 on a red "
                        "(low) to green (high) background; “–” means the domain has no score "
                        "(all its questions N/A or not relevant, or not in that version)."
                    )
                ),
                self.s.muted,
            )
        )
        if not report.tables:
            story.append(self.p(text(_("No assessments yet."))))
        for index, table in enumerate(report.tables):
            if index:
                story.append(PageBreak())
            title = report.questionnaire_titles.get(table.questionnaire, table.questionnaire)
            story.append(
                self.h1(
                    _("{title} ({id} {version})").format(
                        title=title, id=table.questionnaire, version=table.version
                    ),
                    title,
                )
            )
            story.append(self.heatmap(table))
        return story

    def heatmap(self, table: PortfolioTable) -> Flowable:
        s = self.s
        domains = table.domains
        first, status, score = 150.0, 64.0, 50.0
        rest = max(self.width - first - status - score, 40.0 * max(len(domains), 1))
        each = rest / max(len(domains), 1)
        small = ParagraphStyle("heat_head", parent=s.head_cell_center, fontSize=7, leading=8.6)
        labels = [(_("Status"), status), (_("Overall"), score)]
        labels += [(d.title, each) for d in domains]
        header = [self.p(text(_("Organisation")), s.head_cell)] + [
            self.p(text(label), _unbroken(small, label, width - 6)) for label, width in labels
        ]
        rows: list[list[object]] = [header]
        commands: list[tuple[object, ...]] = []
        for r, row in enumerate(table.rows, start=1):
            kind = kind_label(row.kind)
            where = ", ".join(part for part in (kind, row.sector, row.country) if part)
            cells: list[object] = [
                self.p(f"<b>{text(row.organisation)}</b><br/>{text(where)}", s.cell_small),
                self.p(
                    text(_("completed") if row.status == "completed" else _("draft")),
                    s.cell_center,
                ),
            ]
            values = [row.score, *[row.domains.get(d.id) for d in domains]]
            for c, value in enumerate(values, start=2):
                fill = score_fill(value)
                cells.append(
                    self.p(
                        f'<font color="#{ink_on(fill).hexval()[2:]}"><b>{figure(value)}</b></font>',
                        s.cell_center,
                    )
                )
                commands.append(("BACKGROUND", (c, r), (c, r), fill))
            rows.append(cells)
        commands.append(("BACKGROUND", (0, 1), (1, -1), SOFT))
        commands.append(("LEFTPADDING", (1, 0), (-1, -1), 3))
        commands.append(("RIGHTPADDING", (1, 0), (-1, -1), 3))
        return self.table(rows, [first, status, score] + [each] * len(domains), commands, long=True)


def _unbroken(style: ParagraphStyle, label: str, room: float) -> ParagraphStyle:
    """``style``, smaller when the label's longest word is wider than ``room`` points (down
    to 5 pt), so a narrow heading wraps between words and never splits one (French domain
    titles: "Gouvernance", "Reconnaissance")."""
    longest = max(
        (stringWidth(w, style.fontName, style.fontSize) for w in label.split()), default=0
    )
    if longest <= room:
        return style
    size = max(5.0, style.fontSize * room / longest)
    return ParagraphStyle(
        f"{style.name}_{size:.1f}", parent=style, fontSize=size, leading=size * 1.2
    )


def render_portfolio_pdf(report: PortfolioReport, target: Target) -> None:
    """Write the portfolio report as a landscape A4 PDF to a path or binary stream."""
    fonts = register_fonts()
    size = page_size(wide=True)
    story = PortfolioStory(report.facts, fonts, size[0] - 2 * MARGIN_X).build(report)
    build_pdf(report.facts, target, story, fonts, size, _("Portfolio of partnership readiness"))
