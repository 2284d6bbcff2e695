"""The PDF's "unverified claims" section: high answers that rest on word alone (DESIGN 3, 5)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from readiness.i18n import _, ngettext
from readiness.reports.pdf.base import StoryBase
from readiness.reports.pdf.style import text


class ClaimsSection(StoryBase):
    """Every unverified answer, with its domain and answer, in questionnaire order."""

    def unverified_claims(self) -> list[Flowable]:
        c, s = self.c, self.s
        out: list[Flowable] = [self.h1(_("Unverified claims"))]
        if not c.unverified:
            out.append(
                self.p(
                    text(
                        _(
                            "Every high answer is backed by evidence dated within 24 months "
                            "before {date}."
                        ).format(date=c.as_of or c.updated)
                    ),
                    s.small,
                )
            )
            return out
        out.append(
            self.p(
                text(
                    ngettext(
                        "{n} high answer has no evidence (a document, record, exercise report or "
                        "partner confirmation) dated within 24 months before {date}. It still "
                        "counts in every figure; ask for the evidence before relying on it.",
                        "{n} high answers have no evidence (a document, record, exercise report "
                        "or partner confirmation) dated within 24 months before {date}. They "
                        "still count in every figure; ask for the evidence before relying on "
                        "them.",
                        len(c.unverified),
                    ).format(n=len(c.unverified), date=c.as_of or c.updated)
                ),
                s.muted,
            )
        )
        rows: list[list[Any]] = [self.heads(_("No."), _("Question"), _("Answer"), _("Evidence"))]
        for q in c.unverified:
            rows.append(
                [
                    self.p(f"<b>{text(q.number)}</b>", s.cell_center),
                    [
                        self.p(text(q.text), s.cell_small),
                        self.p(text(f"{q.id} · {q.domain_title}"), s.tiny),
                    ],
                    self.p(text(f"{q.answer} ({q.score_text})"), s.cell_small),
                    self.p(
                        text(
                            _("{evidence} — too old or dated after the assessment").format(
                                evidence=q.evidence
                            )
                            if q.evidence
                            else _("none")
                        ),
                        s.cell_small,
                    ),
                ]
            )
        fixed = [30, 120, 110]
        widths = [fixed[0], self.width - sum(fixed), fixed[1], fixed[2]]
        out.append(self.table(rows, widths, long=True))
        return out
