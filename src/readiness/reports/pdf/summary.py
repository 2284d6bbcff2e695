"""The executive summary: level, what caps it, radar and bar charts, domain table, top actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
)

from readiness.domain.scoring import Status
from readiness.i18n import _, ngettext
from readiness.reports.content import ActionView
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.charts import bar_chart, radar_chart
from readiness.reports.pdf.style import MAX_CAPS_LISTED, MUTED, RED, RULE, text


class SummarySection(StoryBase):
    """The executive summary: level, caps, radar and bars, domain table, top actions."""

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
        return self.limit_explanation() + self.critical_explanation() + self.unverified_note()

    def unverified_note(self) -> list[Flowable]:
        c = self.c
        if not c.unverified:
            return []
        return [
            self.p(
                text(
                    ngettext(
                        "{n} high answer has no recent evidence behind it: see "
                        "'Unverified claims'.",
                        "{n} high answers have no recent evidence behind them: see "
                        "'Unverified claims'.",
                        len(c.unverified),
                    ).format(n=len(c.unverified))
                ),
                self.s.muted,
            )
        ]

    def limit_explanation(self) -> list[Flowable]:
        """The weakest-domain limit (DESIGN section 3), when it holds the level down."""
        c = self.c
        if not c.limiting_domains:
            return []
        names = ", ".join(f"{d.number} {d.title} ({d.level_label})" for d in c.limiting_domains)
        return [
            self.p(
                text(
                    ngettext(
                        "The weakest domain limits the level: {names}.",
                        "The weakest domains limit the level: {names}.",
                        len(c.limiting_domains),
                    ).format(names=names)
                )
            )
        ]

    def critical_explanation(self) -> list[Flowable]:
        c, s = self.c, self.s
        if not c.capping_questions:
            return [self.p(text(_("No critical question limits the level.")), s.body)]
        lowered = any(
            q.cap is not None and q.cap < c.uncapped_level.level for q in c.capping_questions
        )
        if lowered:
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
            cap = q.cap if q.cap is not None else c.level.level
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
        domains = c.scored_domains
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
        for i, d in enumerate(c.scored_domains, start=1):
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
                                n=q.cap if q.cap is not None else q.critical.cap_level
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
