"""The readiness report as a PDF (DESIGN section 5), laid out with reportlab platypus.

Structure: cover, executive summary (level, what caps it, radar and bar charts, top actions), one
section per domain, the prioritised action plan and an appendix (method, N/A justifications,
document information). Every page carries the TLP marking right-aligned in the header and the
footer (its colour on black, 12 pt), "Page n of N" and, for an incomplete assessment, DRAFT.

Modules: ``style`` (palette, geometry, paragraph styles, text escaping), ``page`` (the page
template: header, footer, marking, page numbers, DRAFT, outline), ``base`` (helpers for sections),
the sections ``cover``, ``summary``, ``domains`` and ``plan`` assembled in order by ``story``, and
``charts`` (radar and bars as reportlab drawings). This module is the entry point.
"""

from __future__ import annotations

import os
from typing import IO

from readiness.domain.report import Report
from readiness.i18n import _
from readiness.reports.content import build_content
from readiness.reports.fonts import register_fonts
from readiness.reports.pdf.page import ReportDocument, canvas_class
from readiness.reports.pdf.story import StoryBuilder
from readiness.reports.pdf.style import MARGIN_X, PAGE_SIZES, Progress, resolve_page_size

__all__ = ["PAGE_SIZES", "Progress", "render_pdf", "resolve_page_size"]


def render_pdf(
    report: Report,
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    page_size: str = "A4",
    progress: Progress | None = None,
) -> None:
    """Write ``report`` as a PDF to a path or a binary stream.

    ``progress(done, total, message)`` is called as the work advances.
    """
    size = resolve_page_size(page_size)
    if progress is not None:
        progress(0, 1, _("Preparing the PDF report"))
    fonts = register_fonts()
    content = build_content(report)
    width = size[0] - 2 * MARGIN_X
    story = StoryBuilder(content, fonts, width).build()
    target: str | IO[bytes] = (
        os.fspath(path_or_stream)
        if isinstance(path_or_stream, (str, os.PathLike))
        else path_or_stream
    )
    doc = ReportDocument(target, content, fonts, size, progress, len(story))

    doc.build(story, canvasmaker=canvas_class(fonts))
    if progress is not None:
        progress(len(story) + 1, len(story) + 1, _("PDF report written"))
