"""Render a :class:`readiness.domain.report.Report` to PDF (``pdf``) or Excel (``xlsx``).

The two renderers share one view of the report (``content``) so they always agree on labels,
figures and ordering. This package imports the domain layer only, never storage, services or Qt.
Import the renderer you need (``readiness.reports.pdf`` pulls in reportlab,
``readiness.reports.xlsx`` openpyxl), so using one does not pay for loading the other.
"""
