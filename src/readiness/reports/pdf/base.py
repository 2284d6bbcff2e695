"""Helpers shared by the PDF report's sections: styled paragraphs, headings, tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    LongTable,
    Paragraph,
    Table,
    TableStyle,
)

from readiness.reports.content import ReportContent
from readiness.reports.fonts import Fonts
from readiness.reports.pdf.page import Heading
from readiness.reports.pdf.style import NAVY, RULE, make_styles, text


class KeptTable(LongTable):
    """A long table that keeps its rows whole and never leaves one row alone on a page
    (issue 9 item 9): a page holds at least two of its body rows on each side of a break, and a
    row is only cut across pages when it could not fit on half a page anyway."""

    MIN_ROWS = 2
    CUT_ONLY_ABOVE = 0.5  # share of an A4/letter frame (about 700 pt) a row must exceed

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight, doInRowSplit=False)
        if not parts:
            body = self._rowHeights[self.repeatRows : self.repeatRows + 1]
            header = sum(self._rowHeights[: self.repeatRows])
            too_tall = bool(body) and body[0] > 700 * self.CUT_ONLY_ABOVE
            if too_tall and availHeight - header >= 700 * self.CUT_ONLY_ABOVE:
                return self._splitRows(availHeight, doInRowSplit=True)
            return []  # the whole table, or its next row, goes to the next page
        if len(parts) != 2:
            return parts
        body_rows = len(self._cellvalues) - self.repeatRows
        if body_rows < 2 * self.MIN_ROWS:
            return parts
        first_rows = len(parts[0]._cellvalues) - self.repeatRows
        second_rows = len(parts[1]._cellvalues) - self.repeatRows
        if first_rows < self.MIN_ROWS:
            following = self._rowHeights[self.repeatRows + first_rows]
            if following > 700 * self.CUT_ONLY_ABOVE:  # the next row needs a page of its own
                return self._splitRows(availHeight, doInRowSplit=True) or parts
            return []
        if second_rows < self.MIN_ROWS:
            keep = first_rows - (self.MIN_ROWS - second_rows)
            height = sum(self._rowHeights[: self.repeatRows + keep]) + 0.5
            shorter = self._splitRows(height, doInRowSplit=False)
            return shorter or []
        return parts


class StoryBase:
    """What every section builds with: the report content, fonts, styles and frame width
    (points), plus helpers for paragraphs, headings and tables."""

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
        cls = KeptTable if long else Table
        table = cls(
            rows,
            colWidths=list(widths),
            repeatRows=1 if header else 0,
            splitByRow=1,
            splitInRow=1 if long else 0,
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
