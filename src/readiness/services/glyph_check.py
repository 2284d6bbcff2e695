"""Say which characters a PDF report could not draw (DESIGN section 5; issue 9 item 9)."""

from __future__ import annotations

from readiness.domain.report import Report
from readiness.i18n import _
from readiness.reports.glyphs import REPLACEMENT, report_texts, undrawable

MAX_LISTED = 20


def undrawable_note(report: Report) -> str:
    """One line naming the characters no embedded font covers ("" when there are none)."""
    missing = undrawable(report_texts(report))
    if not missing:
        return ""
    listed = " ".join(missing[:MAX_LISTED]) + (" …" if len(missing) > MAX_LISTED else "")
    return _("note: the PDF could not draw {n} character(s), shown as '{mark}': {chars}").format(
        n=len(missing), mark=REPLACEMENT, chars=listed
    )
