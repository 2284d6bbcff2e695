"""The action plan and the appendix of the PDF report (method, N/A reasons, document facts)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
)

from readiness.i18n import _, ngettext
from readiness.reports.content import method_paragraphs
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.style import PALE, text


class PlanSection(StoryBase):
    """The prioritised action plan and the appendix."""

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
        out.append(self.p(text(c.method_summary)))
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
                        ).format(ids=", ".join(v.number for v in c.not_relevant))
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
