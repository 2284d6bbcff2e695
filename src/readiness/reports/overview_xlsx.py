"""The portfolio and partnership reports as Excel workbooks (DESIGN sections 5 and 9).

Same manners as the assessment workbook (``reports.xlsx``): the TLP marking on every sheet's
first row and in the print header and footer, DRAFT beside it when an assessment shown is
incomplete, user text always a text cell (never a formula). Heatmap cells carry their number
and their colour.
"""

from __future__ import annotations

import os
from typing import IO, Any

from openpyxl.styles import Alignment, PatternFill

from readiness import locale_format
from readiness.domain.overview_report import OverviewFacts, PartnershipReport, PortfolioReport
from readiness.i18n import _
from readiness.reports.content import kind_label, ramp_colour
from readiness.reports.xlsx import (
    BODY_FONT,
    CENTRE,
    LABEL_FILL,
    LABEL_FONT,
    WRAP_TOP,
    WorkbookWriter,
    fit_row,
    font,
    put,
)

Target = str | os.PathLike[str] | IO[bytes]
NO_SCORE = PatternFill("solid", fgColor="E5E7EB")


def _fill(value: float | None) -> PatternFill:
    if value is None:
        return NO_SCORE
    return PatternFill("solid", fgColor=ramp_colour(value / 100.0).lstrip("#").upper())


def _number(value: float | None) -> float | str:
    return "–" if value is None else round(value + 0.0, 1)


class OverviewWorkbook(WorkbookWriter):
    """WorkbookWriter's sheet furniture (marking row, print setup) for an overview report."""

    def __init__(self, facts: OverviewFacts):
        super().__init__(facts)  # type: ignore[arg-type]
        self.facts = facts

    def title_rows(self, ws: Any, first_row: int = 2) -> int:
        put(ws, first_row, 1, self.facts.title, font=font(bold=True, size=14))
        put(ws, first_row + 1, 1, self.facts.subtitle, font=LABEL_FONT)
        put(
            ws,
            first_row + 2,
            1,
            _("Generated {date} by Partnership Readiness {version}").format(
                date=locale_format.moment(self.facts.generated_at), version=self.facts.tool_version
            ),
        )
        return first_row + 4

    def finish(self, target: Target) -> None:
        props = self.wb.properties
        props.title = self.facts.title[:250]
        props.subject = self.facts.subtitle[:250]
        props.creator = "Partnership Readiness"
        props.keywords = self.facts.marking.value
        out = os.fspath(target) if isinstance(target, str | os.PathLike) else target
        self.wb.save(out)


def render_portfolio_xlsx(report: PortfolioReport, target: Target) -> None:
    """One sheet per questionnaire: organisation, kind, sector, country, status, overall and
    one coloured, numbered column per domain; filters and a frozen header."""
    book = OverviewWorkbook(report.facts)
    if not report.tables:
        ws = book.new_sheet(_("Portfolio"), [60], landscape=True)
        row = book.title_rows(ws)
        put(ws, row, 1, _("No assessments yet."))
    for table in report.tables:
        widths = [34, 12, 20, 8, 12, 10, 10] + [14] * len(table.domains)
        ws = book.new_sheet(table.questionnaire, widths, landscape=True)
        row = book.title_rows(ws)
        put(
            ws,
            row - 1,
            1,
            _("{title} ({id} {version})").format(
                title=report.questionnaire_titles.get(table.questionnaire, table.questionnaire),
                id=table.questionnaire,
                version=table.version,
            ),
            font=LABEL_FONT,
        )
        labels = [
            _("Organisation"),
            _("Kind"),
            _("Sector"),
            _("Country"),
            _("Status"),
            _("Overall"),
            _("Level"),
            *[d.title for d in table.domains],
        ]
        header = row
        book.header_row(ws, header, labels)
        for item in table.rows:
            row += 1
            values: list[Any] = [
                item.organisation,
                kind_label(item.kind),
                item.sector,
                item.country,
                _("completed") if item.status == "completed" else _("draft"),
            ]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, alignment=WRAP_TOP)
            put(ws, row, 6, _number(item.score), fill=_fill(item.score), alignment=CENTRE)
            put(ws, row, 7, item.level, alignment=CENTRE)
            for offset, domain in enumerate(table.domains):
                value = item.domains.get(domain.id)
                put(ws, row, 8 + offset, _number(value), fill=_fill(value), alignment=CENTRE)
        ws.freeze_panes = ws.cell(row=header + 1, column=2)
        last = ws.cell(row=max(row, header), column=len(labels)).coordinate
        ws.auto_filter.ref = f"A{header}:{last}"
    book.finish(target)


def render_partnership_xlsx(report: PartnershipReport, target: Target) -> None:
    """Sheets: Mismatches (plain words and the figures), Topics (one row per question of each
    side, with its answer), About (the two assessments, the note and the method)."""
    from readiness.reports.pdf.partnership_report import method_text

    book = OverviewWorkbook(report.facts)
    ws = book.new_sheet(_("Mismatches"), [34, 11, 11, 11, 11, 90], landscape=True)
    row = book.title_rows(ws)
    labels = [_("Topic"), _("Company"), _("Unit"), _("Gap"), _("Mismatch"), _("In plain words")]
    book.header_row(ws, row, labels)
    header = row
    for topic in report.topics:
        row += 1
        put(ws, row, 1, topic.label, font=LABEL_FONT if topic.mismatch else BODY_FONT)
        put(ws, row, 2, _number(topic.company_value), alignment=CENTRE)
        put(ws, row, 3, _number(topic.unit_value), alignment=CENTRE)
        gap_fill = PatternFill("solid", fgColor="FECACA") if topic.mismatch else LABEL_FILL
        put(ws, row, 4, _number(topic.shown_gap), fill=gap_fill, alignment=CENTRE)
        put(ws, row, 5, _("yes") if topic.mismatch else _("no"), alignment=CENTRE)
        put(ws, row, 6, topic.sentence, alignment=WRAP_TOP)
        fit_row(ws, row, 6)
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    ws.auto_filter.ref = f"A{header}:F{max(row, header)}"

    ws = book.new_sheet(_("Topics"), [30, 12, 28, 16, 60, 40], landscape=True)
    row = 2
    labels = [_("Topic"), _("Side"), _("Organisation"), _("Question"), _("Text"), _("Answer")]
    book.header_row(ws, row, labels)
    header = row
    for topic in report.topics:
        for side, name, items in (
            (_("company"), report.company.organisation, topic.company),
            (_("unit"), report.unit.organisation, topic.unit),
        ):
            for item in items:
                row += 1
                answer = (
                    item.answer
                    if item.counted
                    else _("{answer} (not counted)").format(answer=item.answer)
                )
                for column, value in enumerate(
                    (topic.label, side, name, item.question_id, item.text, answer), start=1
                ):
                    put(ws, row, column, value, alignment=WRAP_TOP)
                fit_row(ws, row, 6)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    ws.auto_filter.ref = f"A{header}:F{max(row, header)}"

    ws = book.new_sheet(_("About"), [26, 90], landscape=False)
    row = book.title_rows(ws)
    facts = [
        (_("Company"), report.company.organisation),
        (_("Company assessment"), f"{report.company.title} ({report.company.assessment_id})"),
        (_("Company questionnaire"), f"{report.company.questionnaire} {report.company.version}"),
        (_("Defence unit"), report.unit.organisation),
        (_("Unit assessment"), f"{report.unit.title} ({report.unit.assessment_id})"),
        (_("Unit questionnaire"), f"{report.unit.questionnaire} {report.unit.version}"),
        (_("Paired topics"), report.paired),
        (_("Compared"), report.compared),
        (_("Mismatches"), report.mismatches),
        (_("Mean gap"), _number(report.mean_abs_gap)),
        (_("Note"), report.note),
        (_("Method"), method_text()),
    ]
    for label, value in facts:
        put(ws, row, 1, label, font=LABEL_FONT, fill=LABEL_FILL, alignment=WRAP_TOP)
        put(ws, row, 2, value, alignment=Alignment(wrap_text=True, vertical="top"))
        fit_row(ws, row, 2)
        row += 1
    book.finish(target)
