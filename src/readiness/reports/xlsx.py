"""The readiness report as an Excel workbook (DESIGN section 5), written with openpyxl.

Sheets: Summary (key figures, domain table with a colour scale, native radar and bar charts),
Answers (one row per question, frozen header, filters), Actions (prioritised) and About
(questionnaire version and hash, tool version, method). The TLP marking stands in the first row
of every sheet and in the print header and footer.

User text never becomes a formula: every string is written as a string cell (``data_type`` "s",
with Excel's quote prefix when it starts like a formula), so ``=1+1`` or ``#N/A`` typed by a user
stays exactly that text. Characters XML cannot hold are replaced, and over-long text is cut to
Excel's cell limit instead of producing a file Excel must "repair".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from copy import copy
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from readiness.domain.report import Marking, Report
from readiness.domain.scoring import Status, shown
from readiness.i18n import _
from readiness.reports.content import (
    REPLACEMENT,
    QuestionView,
    ReportContent,
    build_content,
    clean,
    draft_word,
    method_paragraphs,
    status_word,
)

Progress = Callable[[int, int, str], None]

EXCEL_CELL_LIMIT = 32_767
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

NAVY = "1F3A5F"
INK = "1F2937"
MUTED = "6B7280"
SOFT = "F3F4F6"
RULE = "D1D5DB"
DRAFT_RED = "DC2626"

FONT_NAME = "Arial"  # everywhere: Excel has it, LibreOffice maps it to Liberation Sans
BODY_SIZE = 10


def font(**kw: Any) -> Font:
    kw.setdefault("size", BODY_SIZE)
    return Font(name=FONT_NAME, **kw)


HEADER_FONT = font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
LABEL_FONT = font(bold=True, color=INK)
BODY_FONT = font(color=INK)
LABEL_FILL = PatternFill("solid", fgColor=SOFT)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)
THIN_BOTTOM = Border(bottom=Side(style="thin", color=RULE))


def safe_text(value: str) -> str:
    """Text an xlsx cell can hold: illegal XML characters replaced, cut to Excel's limit."""
    value = clean(value)
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - 1] + "…"
    return value


# Styling a cell attribute by attribute hashes every style object each time, which dominates
# the run time of a 1,000-row sheet. Each distinct combination is applied once; later cells
# copy the finished style array. The key holds the style objects themselves, so their ids stay
# unique while the cache lives; the cache lives on its workbook, whose style lists the arrays
# index into.
_StyleCache = dict[tuple[tuple[str, int], ...], tuple[tuple[Any, ...], Any]]


def _style_cache(ws: Worksheet) -> _StyleCache:
    workbook = ws.parent
    cache = getattr(workbook, "_readiness_style_cache", None)
    if cache is None:
        cache = {}
        workbook._readiness_style_cache = cache
    return cache


def put(ws: Worksheet, row: int, column: int, value: Any, **style: Any) -> Any:
    """Write ``value``; strings always become text cells, never formulas or error values."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = safe_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error
        if text.startswith(_FORMULA_START):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    else:
        cell.value = value
    style.setdefault("font", BODY_FONT)
    cache = _style_cache(ws)
    key = tuple(sorted((name, id(setting)) for name, setting in style.items()))
    known = cache.get(key)
    if known is not None:
        quote = cell.quotePrefix
        cell._style = copy(known[1])
        if quote:
            cell.quotePrefix = True
        return cell
    for name, setting in style.items():
        setattr(cell, name, setting)
    if not cell.quotePrefix:
        cache[key] = (tuple(style.values()), copy(cell._style))
    return cell


def fit_row(ws: Worksheet, row: int, columns: int, minimum: float = 15.0) -> None:
    """Set a row's height from its wrapped text (neither Excel nor LibreOffice does on load)."""
    height = minimum
    for column in range(1, columns + 1):
        cell = ws.cell(row=row, column=column)
        value = cell.value
        if not isinstance(value, str) or not value or not cell.alignment.wrap_text:
            continue
        width = _cell_width(ws, cell.row, cell.column)
        size = float(cell.font.sz or BODY_SIZE) if cell.font else BODY_SIZE
        per_line = max(int((width - 1) * 1.3 * BODY_SIZE / size), 4)
        lines = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
        height = max(height, lines * size * 1.3 + 4)
    ws.row_dimensions[row].height = min(409.0, height)


def _cell_width(ws: Worksheet, row: int, column: int) -> float:
    def width(index: int) -> float:
        return ws.column_dimensions[get_column_letter(index)].width or 8.43

    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sum(width(i) for i in range(merged.min_col, merged.max_col + 1))
    return width(column)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _print_colour(marking: Marking) -> str:
    """The TLP colour for a printed header: white (TLP:CLEAR) would vanish on paper."""
    return "000000" if marking is Marking.CLEAR else _hex(marking.colour)


def _hf_escape(value: str) -> str:
    """Fixed text for a header/footer, where ``&`` starts a code."""
    return value.replace("&", "&&")


class WorkbookWriter:
    def __init__(self, content: ReportContent):
        self.c = content
        self.wb = Workbook()
        self.wb.remove(self.wb.active)  # sheets are created in order below

    # Shared sheet furniture ---------------------------------------------------------------------
    def new_sheet(self, title: str, widths: Sequence[float], landscape: bool) -> Worksheet:
        ws = self.wb.create_sheet(_sheet_title(title))
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        self.marking_row(ws, widths)
        self.print_setup(ws, landscape)
        return ws

    def marking_row(self, ws: Worksheet, widths: Sequence[float]) -> None:
        c = self.c
        marking = c.marking
        # Merge enough columns to hold the label in a black box.
        span, room = 1, widths[0] if widths else 10
        while room < 30 and span < len(widths):
            room += widths[span]
            span += 1
        put(
            ws,
            1,
            1,
            marking.value,
            font=font(bold=True, size=14, color=_hex(marking.colour)),
            fill=PatternFill("solid", fgColor="000000"),
            alignment=Alignment(horizontal="left", vertical="center", indent=1),
        )
        if span > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=span)
        if c.is_draft:
            put(
                ws,
                1,
                span + 1,
                draft_word(),
                font=font(bold=True, size=14, color=DRAFT_RED),
                alignment=Alignment(horizontal="left", vertical="center", indent=1),
            )
        ws.row_dimensions[1].height = 24

    def print_setup(self, ws: Worksheet, landscape: bool) -> None:
        c = self.c
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = False
        ws.page_margins.top = 0.9
        ws.page_margins.bottom = 0.9
        colour = _print_colour(c.marking)
        for part in (ws.oddHeader.right, ws.oddFooter.right):
            part.text = c.marking.value
            part.size = 12
            part.font = "Arial,Bold"
            part.color = colour
        ws.oddHeader.left.text = "&A"  # the sheet name
        ws.oddHeader.left.size = 9
        if c.is_draft:
            ws.oddHeader.center.text = _hf_escape(draft_word())
            ws.oddHeader.center.size = 12
            ws.oddHeader.center.font = "Arial,Bold"
            ws.oddHeader.center.color = DRAFT_RED
        footer = _hf_escape(_("Page {page} of {total}"))
        ws.oddFooter.left.text = footer.replace("{page}", "&P").replace("{total}", "&N")
        ws.oddFooter.left.size = 9

    def header_row(self, ws: Worksheet, row: int, labels: Sequence[str]) -> None:
        for column, label in enumerate(labels, start=1):
            put(
                ws,
                row,
                column,
                label,
                font=HEADER_FONT,
                fill=HEADER_FILL,
                alignment=Alignment(wrap_text=True, vertical="center"),
            )
        ws.row_dimensions[row].height = 30

    # Sheets -------------------------------------------------------------------------------------
    def summary(self) -> None:
        c = self.c
        q = c.report.result.questionnaire
        widths = [6, 32, 10, 20, 11, 7, 13, 9]
        ws = self.new_sheet(_("Summary"), widths, landscape=True)
        put(ws, 2, 1, _("Partnership readiness report"), font=font(bold=True, size=16, color=NAVY))
        put(ws, 3, 1, c.heading, font=font(bold=True, size=12, color=INK))
        ws.row_dimensions[2].height = 24

        blank = "—"
        facts: list[tuple[str, Any, dict[str, Any]]] = [
            (_("Organisation"), c.organisation or blank, {}),
            (_("Type of organisation"), c.organisation_kind or blank, {}),
            (_("Sector"), c.sector or blank, {}),
            (_("Country"), c.country or blank, {}),
            (_("Audience"), c.audience, {}),
            (_("Questionnaire"), f"{c.questionnaire_title} ({q.id})", {}),
            (_("Questionnaire version"), q.version, {}),
            (_("Assessor"), c.assessor or blank, {}),
            (_("Status"), c.status, {}),
            (_("Started"), c.created, {}),
            (_("Last updated"), c.updated, {}),
            (_("Report generated"), c.generated, {}),
            (
                _("Level"),
                c.level_text,
                {
                    "font": font(bold=True, color="FFFFFF"),
                    "fill": PatternFill("solid", fgColor=_hex(c.level_colour)),
                },
            ),
            (
                _("Overall score"),
                shown(c.report.result.overall),
                {"number_format": "0.0", "font": font(bold=True)},
            ),
            (
                _("Completeness"),
                round(c.completeness, 4),
                {"number_format": "0.0%", "font": font(bold=True)},
            ),
            (
                _("Capped by"),
                ", ".join(v.number for v in c.capping_questions) or _("none"),
                {},
            ),
            (
                _("Limited by the weakest domains"),
                ", ".join(d.id for d in c.limiting_domains) or _("none"),
                {},
            ),
            (_("Unverified claims"), str(len(c.unverified)), {}),
            (_("Level without the cap"), c.uncapped_text, {}),
            (_("Marking"), f"{c.marking.value} — {c.marking_meaning}", {}),
        ]
        row = 5
        last_col = len(widths)
        for label, value, style in facts:
            put(ws, row, 1, label, font=LABEL_FONT, fill=LABEL_FILL, alignment=WRAP_TOP)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            merged_style = {
                "alignment": Alignment(wrap_text=True, vertical="top", horizontal="left")
            }
            merged_style.update(style)
            put(ws, row, 3, value, **merged_style)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=last_col)
            fit_row(ws, row, last_col)
            row += 1

        row += 1
        put(ws, row, 1, _("Scores by domain"), font=font(bold=True, size=12, color=NAVY))
        row += 1
        header = row
        self.header_row(
            ws,
            header,
            [
                _("No."),
                _("Domain"),
                _("Score"),
                _("Level"),
                _("Answered"),
                _("N/A"),
                _("Not answered"),
                _("Weight"),
            ],
        )
        for d in c.scored_domains:
            row += 1
            put(ws, row, 1, str(d.number), alignment=CENTRE, border=THIN_BOTTOM)
            put(ws, row, 2, d.title, alignment=WRAP_TOP, border=THIN_BOTTOM)
            put(
                ws,
                row,
                3,
                shown(d.score) if d.score is not None else None,
                number_format="0.0",
                font=font(bold=True),
                alignment=CENTRE,
                border=THIN_BOTTOM,
            )
            put(
                ws,
                row,
                4,
                f"{d.level.level} — {d.level_label}" if d.level else _("no score"),
                alignment=WRAP_TOP,
                border=THIN_BOTTOM,
            )
            put(ws, row, 5, d.answered, alignment=CENTRE, border=THIN_BOTTOM)
            put(ws, row, 6, d.na, alignment=CENTRE, border=THIN_BOTTOM)
            put(ws, row, 7, d.unanswered, alignment=CENTRE, border=THIN_BOTTOM)
            put(ws, row, 8, d.weight, alignment=CENTRE, border=THIN_BOTTOM)
            fit_row(ws, row, len(widths))
        first, last = header + 1, row
        if c.scored_domains:
            ws.conditional_formatting.add(
                f"C{first}:C{last}",
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="F8696B",
                    mid_type="num",
                    mid_value=50,
                    mid_color="FFEB84",
                    end_type="num",
                    end_value=100,
                    end_color="63BE7B",
                ),
            )
            self.charts(ws, header, first, last)

    def charts(self, ws: Worksheet, header: int, first: int, last: int) -> None:
        c = self.c
        numbers = Reference(ws, min_col=1, min_row=first, max_row=last)
        titles = Reference(ws, min_col=2, min_row=first, max_row=last)
        scores = Reference(ws, min_col=3, min_row=header, max_row=last)

        radar = RadarChart()
        radar.type = "marker"
        radar.style = 26
        radar.title = _("Domain scores")
        radar.add_data(scores, titles_from_data=True)
        radar.set_categories(numbers)  # domain numbers keep the plot large; names in the table
        radar.y_axis.scaling.min = 0
        radar.y_axis.scaling.max = 100
        radar.y_axis.majorUnit = 20
        radar.y_axis.delete = False
        radar.x_axis.delete = False
        radar.legend = None
        radar.y_axis.number_format = "0"
        radar.height = 12
        radar.width = 20
        series = radar.series[0]
        series.graphicalProperties.line.solidFill = NAVY
        series.graphicalProperties.line.width = 28575  # EMU: 2.25 pt
        series.marker.symbol = "circle"
        series.marker.size = 7
        series.marker.graphicalProperties.solidFill = NAVY
        series.marker.graphicalProperties.line.solidFill = NAVY
        ws.add_chart(radar, "J2")

        bars = BarChart()
        bars.type = "bar"
        bars.style = 10
        bars.title = _("Score by domain (0–100)")
        bars.add_data(scores, titles_from_data=True)
        bars.set_categories(titles)
        bars.y_axis.scaling.min = 0
        bars.y_axis.scaling.max = 100
        bars.y_axis.majorUnit = 20
        bars.y_axis.delete = False
        bars.x_axis.delete = False
        bars.x_axis.scaling.orientation = "maxMin"  # first domain at the top, as in the table
        bars.legend = None
        bars.gapWidth = 60
        bars.height = max(7.0, 1.1 * len(c.scored_domains) + 2.5)
        bars.width = 20
        bar_series = bars.series[0]
        bar_series.graphicalProperties.solidFill = NAVY
        for index, domain in enumerate(c.scored_domains):
            if domain.colour:
                point = DataPoint(idx=index)
                point.graphicalProperties.solidFill = _hex(domain.colour)
                point.graphicalProperties.line.solidFill = _hex(domain.colour)
                bar_series.dPt.append(point)
        bars.dataLabels = DataLabelList()
        bars.dataLabels.showVal = True
        bars.dataLabels.showCatName = False
        bars.dataLabels.showSerName = False
        bars.dataLabels.showLegendKey = False
        bars.dataLabels.showPercent = False
        bars.y_axis.number_format = "0"
        bars.y_axis.majorGridlines = None
        ws.add_chart(bars, "J28")

    def answers(self) -> None:
        """One row per question, legible when printed (issue 9 item 9): landscape, the columns
        a reader needs with their text wrapped; the recommendation lives on Actions, and the
        question id (for machines) is the last column, left out of the print area."""
        c = self.c
        labels = [
            _("No."),
            _("Domain"),
            _("Question"),
            _("Status"),
            _("Answer"),
            _("Score"),
            _("Max"),
            _("Critical"),
            _("N/A justification"),
            _("Comment"),
            _("Flagged"),
            _("Priority"),
            _("Evidence"),
            _("Unverified"),
            _("Question ID"),
        ]
        widths = [6, 16, 42, 11, 20, 7, 6, 10, 24, 28, 8, 8, 24, 10, 26]
        ws = self.new_sheet(_("Answers"), widths, landscape=True)
        self.header_row(ws, 2, labels)
        yes, no = _("Yes"), _("No")
        centred = (1, 6, 7, 11, 12, 14)
        row = 2
        for q in c.questions:
            row += 1
            critical = ""
            if q.cap is not None:
                critical = _("caps at {n}").format(n=q.cap)
            elif q.critical is not None:
                critical = q.tiers_text
            values: list[Any] = [
                q.number,
                q.domain_title,
                q.text,
                status_word(q.status),
                q.answer,
                (q.points if q.points is not None else unanswered_points(q))
                if q.is_scored
                else None,  # a profile question is never scored
                q.max_points if q.is_scored else None,
                critical,
                q.justification,
                q.comment,
                yes if q.flagged else no,
                round(q.priority, 4) if q.priority is not None else None,
                q.evidence,
                yes if q.unverified else "",
                q.id,
            ]
            for column, value in enumerate(values, start=1):
                style: dict[str, Any] = {"alignment": WRAP_TOP, "border": THIN_BOTTOM}
                if column in centred:
                    style["alignment"] = CENTRE
                put(ws, row, column, value, **style)
            if q.status is Status.UNANSWERED and q.is_choice:
                ws.cell(row=row, column=4).font = font(color="B91C1C", bold=True)
            if q.capping:
                ws.cell(row=row, column=8).font = font(color="B91C1C", bold=True)
            if q.flagged:
                ws.cell(row=row, column=11).font = font(color="C2410C", bold=True)
            if q.unverified:
                ws.cell(row=row, column=14).font = font(color="B45309", bold=True)
            fit_row(ws, row, len(labels) - 1)
        ws.freeze_panes = "D3"
        last = get_column_letter(len(labels))
        ws.auto_filter.ref = f"A2:{last}{max(row, 3)}"
        ws.print_title_rows = "2:2"
        ws.print_area = f"A1:{get_column_letter(len(labels) - 1)}{max(row, 3)}"

    def actions(self) -> None:
        c = self.c
        labels = [
            _("No."),
            _("Priority"),
            _("Domain"),
            _("Question ID"),
            _("Question"),
            _("Current answer"),
            _("Limits the level"),
            _("Action"),
        ]
        widths = [7, 9, 24, 26, 50, 24, 14, 60]
        ws = self.new_sheet(_("Actions"), widths, landscape=True)
        self.header_row(ws, 2, labels)
        row = 2
        for action in c.actions:
            row += 1
            q = action.question
            limits = ""
            if action.capping and q.cap is not None:
                limits = _("to level {n}").format(n=q.cap)
            answer = q.answer
            if q.status is Status.ANSWERED and q.points is not None:
                answer = f"{q.answer} ({q.score_text})"
            values: list[Any] = [
                action.rank,
                round(action.priority, 4),
                q.domain_title,
                q.id,
                q.text,
                answer,
                limits,
                action.text,
            ]
            for column, value in enumerate(values, start=1):
                alignment = CENTRE if column in (1, 2) else WRAP_TOP
                put(ws, row, column, value, alignment=alignment, border=THIN_BOTTOM)
            if limits:
                ws.cell(row=row, column=7).font = font(color="B91C1C", bold=True)
            fit_row(ws, row, len(labels))
        if not c.actions:
            put(ws, 3, 1, _("No action is due."))
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = f"A2:{get_column_letter(len(labels))}{max(row, 3)}"
        ws.print_title_rows = "2:2"

    def about(self) -> None:
        c = self.c
        q = c.report.result.questionnaire
        widths = [28, 90]
        ws = self.new_sheet(_("About"), widths, landscape=False)
        put(ws, 2, 1, _("About this report"), font=font(bold=True, size=14, color=NAVY))
        info = [
            (_("Questionnaire"), c.questionnaire_title),
            (_("Questionnaire ID"), q.id),
            (_("Questionnaire version"), q.version),
            (_("Questionnaire SHA-256"), c.report.questionnaire_sha256),
            (_("Tool version"), f"Partnership Readiness {c.report.tool_version}"),
            (_("Report generated"), c.generated),
            (_("Language"), c.language),
            (_("Marking"), c.marking.value),
            (_("Marking meaning"), c.marking_meaning),
        ]
        if c.report.source:
            info.insert(0, (_("Source"), c.report.source))
        row = 3
        for label, value in info:
            row += 1
            put(ws, row, 1, label, font=LABEL_FONT, fill=LABEL_FILL, alignment=WRAP_TOP)
            put(ws, row, 2, value, alignment=WRAP_TOP)
            fit_row(ws, row, 2)
        row += 2
        put(ws, row, 1, _("How the score is calculated"), font=font(bold=True, size=12, color=NAVY))
        for paragraph in (c.method_summary, *method_paragraphs()):
            row += 1
            put(ws, row, 1, paragraph, alignment=WRAP_TOP)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            fit_row(ws, row, 2)
        row += 2
        put(ws, row, 1, _("Levels"), font=font(bold=True, size=12, color=NAVY))
        row += 1
        self.header_row(ws, row, [_("Level"), _("Overall score")])
        for lv in c.levels:
            row += 1
            put(
                ws,
                row,
                1,
                f"{lv.level.level} — {lv.label}",
                font=font(bold=True, color="FFFFFF"),
                fill=PatternFill("solid", fgColor=_hex(lv.colour)),
            )
            put(ws, row, 2, lv.range_text)

    def build(self, progress: Progress | None) -> Workbook:
        steps: list[tuple[str, Callable[[], None]]] = [
            (_("Writing the summary sheet"), self.summary),
            (_("Writing the answers sheet"), self.answers),
            (_("Writing the actions sheet"), self.actions),
            (_("Writing the about sheet"), self.about),
        ]
        total = len(steps) + 1
        for done, (message, step) in enumerate(steps):
            if progress is not None:
                progress(done, total, message)
            step()
        props = self.wb.properties
        props.title = safe_text(self.c.heading)[:250]
        props.subject = safe_text(self.c.organisation)[:250]
        props.creator = "Partnership Readiness"
        props.keywords = self.c.marking.value
        props.description = self.c.marking_meaning
        return self.wb


def unanswered_points(q: QuestionView) -> float | None:
    """An unanswered choice question scores 0; N/A, free text and not relevant have no score."""
    return 0 if q.is_choice and q.status is Status.UNANSWERED else None


def _sheet_title(title: str) -> str:
    """A valid Excel sheet name (a translation might use characters Excel forbids)."""
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title.replace(REPLACEMENT, " ").strip()[:31] or "Sheet"


def render_xlsx(
    report: Report,
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    progress: Progress | None = None,
) -> None:
    """Write ``report`` as an .xlsx workbook to a path or a binary stream.

    ``progress(done, total, message)`` is called as the work advances.
    """
    content = build_content(report)
    workbook = WorkbookWriter(content).build(progress)
    if progress is not None:
        progress(4, 5, _("Saving the Excel workbook"))
    target = (
        os.fspath(path_or_stream)
        if isinstance(path_or_stream, (str, os.PathLike))
        else path_or_stream
    )
    workbook.save(target)
    if progress is not None:
        progress(5, 5, _("Excel workbook written"))
