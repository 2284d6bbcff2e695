"""The cover page: title band, key figures, draft notice and assessment facts."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
)

from readiness.i18n import _, ngettext
from readiness.reports.content import draft_word
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.page import Bookmark
from readiness.reports.pdf.style import DRAFT_RED, NAVY, PALE, SOFT, heading_text, text


class CoverSection(StoryBase):
    """The cover page: title band, key figures, draft notice and assessment facts."""

    def cover(self) -> list[Flowable]:
        c, s = self.c, self.s
        band = Table(
            [
                [self.p(text(_("Partnership readiness report").upper()), s.kicker)],
                [self.p(heading_text(c.heading), s.cover_title)],
                [self.p(heading_text(c.organisation), s.cover_org)],
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
        if c.report.source:
            facts.append((_("Source"), c.report.source))
        rows = [
            [self.p(text(label), s.cell_bold), self.p(text(value, 400, 6), s.cell)]
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
