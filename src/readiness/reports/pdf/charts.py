"""Vector charts for the PDF: a radar of the domain scores and a horizontal bar chart.

Drawn from reportlab.graphics shapes rather than the stock chart widgets so every label uses the
embedded font (the widgets default to an unembedded Helvetica that has no Cyrillic or Greek),
long domain titles wrap instead of overflowing, and the rings sit on the level thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from readiness.i18n import _
from readiness.reports.content import DomainView, LevelView
from readiness.reports.fonts import Fonts

INK = colors.HexColor("#1F2937")
MUTED = colors.HexColor("#6B7280")
GRID = colors.HexColor("#D1D5DB")
TRACK = colors.HexColor("#F3F4F6")
ACCENT = colors.HexColor("#1F3A5F")


def wrap(text: str, font: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    """Greedy word wrap to ``width`` points; the last line gets an ellipsis when cut."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    lines = [fit(line, font, size, width) for line in lines]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + " …", font, size, width, force_ellipsis=True)
    return lines or [""]


def fit(text: str, font: str, size: float, width: float, force_ellipsis: bool = False) -> str:
    """``text`` cut with an ellipsis so it fits in ``width`` points."""
    if not force_ellipsis and stringWidth(text, font, size) <= width:
        return text
    # No glyph is narrower than a fifth of the size: cut absurdly long text before measuring.
    text = text[: int(width / (size * 0.2)) + 1].rstrip(" …")
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _label_block(
    lines: Sequence[str],
    x: float,
    y_top: float,
    anchor: str,
    font: str,
    size: float,
    colour: colors.Color = INK,
) -> Group:
    group = Group()
    for index, line in enumerate(lines):
        group.add(
            String(
                x,
                y_top - size - index * size * 1.2,
                line,
                fontName=font,
                fontSize=size,
                fillColor=colour,
                textAnchor=anchor,
            )
        )
    return group


def radar_chart(
    domains: Sequence[DomainView],
    levels: Sequence[LevelView],
    fonts: Fonts,
    width: float,
    height: float,
    titles: bool | None = None,
) -> Drawing:
    """Spider chart of the domain scores (0-100); rings at each level's minimum score.

    Spokes are labelled with the domain number and score; with ``titles`` (default: when the
    drawing is wide enough) the domain title is added, wrapped on up to two lines.
    """
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=7)
    n = len(domains)
    size = 7.2
    if titles is None:
        titles = width >= 380
    label_width = min(110.0, width * 0.24) if titles else 24.0
    lines_per_label = 3 if titles else 2
    radius = min(width / 2 - label_width - 10, height / 2 - lines_per_label * size * 1.2 - 10)
    radius = max(radius, 30.0)
    cx, cy = width / 2, height / 2

    def point(i: int, fraction: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        return cx + radius * fraction * math.cos(angle), cy + radius * fraction * math.sin(angle)

    rings = sorted({lv.level.min for lv in levels if 0 < lv.level.min < 100} | {100.0})
    for ring in rings:
        pts: list[float] = []
        for i in range(n):
            pts.extend(point(i, ring / 100))
        outer = ring == 100.0
        drawing.add(
            Polygon(
                pts,
                strokeColor=MUTED if outer else GRID,
                strokeWidth=0.8 if outer else 0.5,
                fillColor=None,
                strokeDashArray=None if outer else [2, 2],
            )
        )
    for i in range(n):
        x, y = point(i, 1.0)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
    # Ring values along the gap between the first two spokes, clear of the labels.
    for ring in rings:
        angle = math.pi / 2 - math.pi / n
        x = cx + radius * ring / 100 * math.cos(angle)
        y = cy + radius * ring / 100 * math.sin(angle)
        drawing.add(
            String(
                x + 1.5,
                y - 1.5,
                f"{ring:g}",
                fontName=fonts.regular,
                fontSize=5.5,
                fillColor=MUTED,
            )
        )

    data: list[float] = []
    for i, domain in enumerate(domains):
        data.extend(point(i, (domain.score or 0.0) / 100))
    fill = colors.Color(ACCENT.red, ACCENT.green, ACCENT.blue, alpha=0.22)
    drawing.add(Polygon(data, strokeColor=ACCENT, strokeWidth=1.4, fillColor=fill))
    for i, domain in enumerate(domains):
        x, y = point(i, (domain.score or 0.0) / 100)
        colour = colors.HexColor(domain.colour) if domain.colour else MUTED
        drawing.add(Circle(x, y, 2.6, fillColor=colour, strokeColor=colors.white, strokeWidth=0.6))

    for i, domain in enumerate(domains):
        angle = math.pi / 2 - 2 * math.pi * i / n
        lx = cx + (radius + 6) * math.cos(angle)
        ly = cy + (radius + 6) * math.sin(angle)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        if titles:
            lines = wrap(f"{domain.number}. {domain.title}", fonts.regular, size, label_width, 2)
        else:
            lines = [str(domain.number)]
        score = domain.score_text if domain.score is not None else _("n/a")
        block_height = (len(lines) + 1) * size * 1.2
        if sin > 0.2:
            top = ly + block_height  # label above the spoke's end
        elif sin < -0.2:
            top = ly - 1  # below
        else:
            top = ly + block_height / 2
        drawing.add(_label_block(lines, lx, top, anchor, fonts.bold, size, INK))
        drawing.add(
            String(
                lx,
                top - size - len(lines) * size * 1.2,
                score,
                fontName=fonts.bold,
                fontSize=size,
                fillColor=colors.HexColor(domain.colour) if domain.colour else MUTED,
                textAnchor=anchor,
            )
        )
    return drawing


def bar_chart(
    domains: Sequence[DomainView],
    levels: Sequence[LevelView],
    fonts: Fonts,
    width: float,
    row_height: float | None = None,
) -> Drawing:
    """Horizontal bars, one per domain, coloured by the level each domain score reaches.

    Up to ten domains get 27 pt rows with titles on up to three lines; more domains share about
    300 pt (at least 14 pt a row), with one-line titles, so the chart stays beside the radar.
    """
    if row_height is None:
        row_height = 27.0 if len(domains) <= 10 else max(14.0, 300.0 / len(domains))
    max_lines = 3 if row_height >= 26 else (2 if row_height >= 20 else 1)
    size = 7.2 if max_lines > 1 else 6.8
    label_width = min(120.0, width * 0.4)
    top_pad, bottom_pad = 14.0, 16.0
    height = top_pad + bottom_pad + row_height * len(domains)
    drawing = Drawing(width, height, initialFontName=fonts.regular, initialFontSize=7)
    x0 = label_width + 6
    x1 = width - 26
    span = x1 - x0

    def x_at(score: float) -> float:
        return x0 + span * score / 100

    # Level bands: thresholds as dashed lines with the level number above.
    for lv in levels:
        if 0 < lv.level.min < 100:
            x = x_at(lv.level.min)
            drawing.add(
                Line(
                    x,
                    bottom_pad,
                    x,
                    height - top_pad + 4,
                    strokeColor=GRID,
                    strokeWidth=0.5,
                    strokeDashArray=[2, 2],
                )
            )
    for index, lv in enumerate(levels):
        low = lv.level.min
        high = levels[index + 1].level.min if index + 1 < len(levels) else 100.0
        drawing.add(
            String(
                x_at((low + high) / 2),
                height - top_pad + 4,
                _("L{n}").format(n=lv.level.level),
                fontName=fonts.bold,
                fontSize=6,
                fillColor=colors.HexColor(lv.colour),
                textAnchor="middle",
            )
        )
    for tick in range(0, 101, 20):
        drawing.add(
            String(
                x_at(tick),
                bottom_pad - 10,
                str(tick),
                fontName=fonts.regular,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    drawing.add(Line(x0, bottom_pad, x1, bottom_pad, strokeColor=MUTED, strokeWidth=0.6))

    bar = min(12.0, row_height * 0.55)
    for i, domain in enumerate(domains):
        centre = height - top_pad - row_height * (i + 0.5)
        drawing.add(
            Rect(x0, centre - bar / 2, span, bar, fillColor=TRACK, strokeColor=None, strokeWidth=0)
        )
        if domain.score is not None:
            colour = colors.HexColor(domain.colour) if domain.colour else ACCENT
            drawing.add(
                Rect(
                    x0,
                    centre - bar / 2,
                    max(span * domain.score / 100, 0.8),
                    bar,
                    fillColor=colour,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
            value = domain.score_text
            value_x = x_at(domain.score) + 3
        else:
            value = _("n/a")
            value_x = x0 + 3
        drawing.add(
            String(
                value_x,
                centre - size / 2 + 1,
                value,
                fontName=fonts.bold,
                fontSize=size,
                fillColor=INK,
            )
        )
        lines = wrap(
            f"{domain.number}. {domain.title}", fonts.regular, size, label_width, max_lines
        )
        block = len(lines) * size * 1.2
        drawing.add(
            _label_block(lines, label_width, centre + block / 2, "end", fonts.regular, size)
        )
    return drawing
