"""One section per domain: its score, its questions with answers, notes and N/A reasons."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
)

from readiness.domain.scoring import Status
from readiness.i18n import _
from readiness.reports.content import (
    DomainView,
    QuestionView,
    points,
    ramp_colour,
)
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.style import ORANGE, PALE, SOFT, text


class DomainSections(StoryBase):
    """One section per domain: its score, its questions with answers, notes and N/A reasons."""

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
            (_("Answered"), answered_text(domain)),
            (
                _("N/A"),
                str(domain.na) + (" · " + _("low confidence") if domain.low_confidence else ""),
            ),
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
        if domain.limiting:
            out.append(
                self.p(
                    text(
                        _(
                            "This is a weakest domain: it holds the overall level down (see "
                            "the method in the appendix)."
                        )
                    ),
                    s.muted,
                )
            )
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
            if q.is_scored and q.status is Status.ANSWERED and q.value is not None:
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
            label = _("critical: {tiers}").format(tiers=q.tiers_text)
            if q.cap is not None:
                label = _("critical: this answer caps the level at {cap}").format(cap=q.cap)
            tags.append(f'<font color="{colour}"><b>' + text(label) + "</b></font>")
        if not q.is_scored:
            tags.append(text(_("profile: not scored")))
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
        if q.evidence:
            cell.append(self.p(f"<b>{text(_('Evidence'))}:</b> {text(q.evidence)}", s.cell_small))
        if q.unverified:
            cell.append(
                self.p(
                    '<font color="#B45309"><b>'
                    + text(_("Unverified: no evidence from the last 24 months"))
                    + "</b></font>",
                    s.tiny,
                )
            )
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
        elif not q.is_scored:  # a profile question: answered, never scored
            answer = q.answer
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
        coloured = q.is_scored and q.status is Status.ANSWERED
        score_markup = f"<b>{text(score)}</b>"
        if coloured:
            score_markup = f'<font color="white">{score_markup}</font>'
        return [
            self.p(f"<b>{text(q.number)}</b>", s.cell_center),
            cell,
            self.p(answer_markup, answer_style),
            self.p(score_markup, s.cell_center),
        ]


def answered_text(domain: DomainView) -> str:
    """Answered (or N/A) of applicable; for a profile domain, its answered profile questions."""
    if domain.applicable + domain.na == 0:
        asked = [q for q in domain.questions if q.is_choice and q.status is not Status.NOT_RELEVANT]
        done = sum(1 for q in asked if q.status is Status.ANSWERED)
        return f"{done} / {len(asked)}"
    return f"{domain.answered} / {domain.applicable + domain.na}"
