"""The portfolio and partnership reports: built once here, written as PDF and/or Excel, each
file atomically (DESIGN sections 5 and 9)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from readiness import __version__
from readiness.domain.model import localize
from readiness.domain.overview_report import (
    OverviewFacts,
    PartnershipReport,
    PortfolioReport,
    SideFacts,
)
from readiness.domain.portfolio import PortfolioTable
from readiness.domain.report import DEFAULT_MARKING
from readiness.i18n import _, current_language, ngettext
from readiness.services import catalog
from readiness.services.errors import UserError
from readiness.services.export import write_atomically
from readiness.services.partnerships import PairComparison
from readiness.services.topic_views import topic_views
from readiness.services.workspace import AssessmentState, Workspace, parse_marking

PathLike = str | os.PathLike[str]


def _title(questionnaire_id: str, language: str) -> str:
    try:
        return localize(catalog.find_builtin(questionnaire_id).questionnaire.title, language)
    except UserError:
        return questionnaire_id


def portfolio_report(
    tables: tuple[PortfolioTable, ...], marking: str | None = None, language: str | None = None
) -> PortfolioReport:
    """DRAFT when any row is a draft (an incomplete assessment)."""
    drafts = any(row.status != "completed" for table in tables for row in table.rows)
    organisations = len({row.organisation_id for table in tables for row in table.rows})
    facts = OverviewFacts(
        title=_("Portfolio of partnership readiness"),
        subtitle=ngettext(
            "{n} organisation, its latest assessment",
            "{n} organisations, latest assessment of each",
            organisations,
        ).format(n=organisations),
        marking=parse_marking(marking) if marking else DEFAULT_MARKING,
        is_draft=drafts,
        generated_at=datetime.now(UTC),
        tool_version=__version__,
        language=language or current_language(),
    )
    titles = {t.questionnaire: _title(t.questionnaire, language) for t in tables}
    return PortfolioReport(facts, tables, titles)


def _side(state: AssessmentState) -> SideFacts:
    summary = state.summary
    return SideFacts(
        summary.id,
        summary.organisation,
        summary.title,
        state.questionnaire.id,
        state.questionnaire.version,
        summary.status.value,
        state.result.complete,
    )


def partnership_report(
    pair: PairComparison, note: str = "", marking: str | None = None, language: str | None = None
) -> PartnershipReport:
    """DRAFT when either side's assessment is incomplete."""
    comparison = pair.comparison
    company, unit = _side(pair.company), _side(pair.unit)
    facts = OverviewFacts(
        title=_("Partnership report"),
        subtitle=_("{company} and {unit}").format(
            company=company.organisation, unit=unit.organisation
        ),
        marking=parse_marking(marking) if marking else DEFAULT_MARKING,
        is_draft=not (company.complete and unit.complete),
        generated_at=datetime.now(UTC),
        tool_version=__version__,
        language=language or current_language(),
    )
    return PartnershipReport(
        facts=facts,
        company=company,
        unit=unit,
        note=note,
        topics=topic_views(pair, language),
        paired=comparison.paired,
        compared=comparison.compared,
        mismatches=comparison.mismatches,
        mean_abs_gap=comparison.mean_abs_gap,
    )


def _targets(pdf: PathLike | None, xlsx: PathLike | None) -> list[tuple[str, Path]]:
    jobs = [(kind, Path(path)) for kind, path in (("pdf", pdf), ("xlsx", xlsx)) if path]
    if not jobs:
        raise UserError(_("nothing to export: give a PDF file, an Excel file or both"))
    if len(jobs) == 2 and jobs[0][1].resolve() == jobs[1][1].resolve():
        raise UserError(
            _("the PDF and the Excel file must be different files: {path}").format(path=jobs[0][1])
        )
    for _kind, path in jobs:
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir():
            raise UserError(_("cannot write {path}: it is a folder").format(path=path))
        if not folder.is_dir():
            raise UserError(_("cannot write {path}: folder not found").format(path=path))
    return jobs


def write_portfolio(
    report: PortfolioReport, pdf: PathLike | None = None, xlsx: PathLike | None = None
) -> list[Path]:
    """Write the portfolio report; returns the paths written, PDF first."""
    written = []
    for kind, path in _targets(pdf, xlsx):
        if kind == "pdf":
            from readiness.reports.pdf.portfolio_report import render_portfolio_pdf

            write_atomically(path, lambda stream: render_portfolio_pdf(report, stream))
        else:
            from readiness.reports.overview_xlsx import render_portfolio_xlsx

            write_atomically(path, lambda stream: render_portfolio_xlsx(report, stream))
        written.append(path)
    return written


def write_partnership(
    report: PartnershipReport, pdf: PathLike | None = None, xlsx: PathLike | None = None
) -> list[Path]:
    """Write the partnership report; returns the paths written, PDF first."""
    written = []
    for kind, path in _targets(pdf, xlsx):
        if kind == "pdf":
            from readiness.reports.pdf.partnership_report import render_partnership_pdf

            write_atomically(path, lambda stream: render_partnership_pdf(report, stream))
        else:
            from readiness.reports.overview_xlsx import render_partnership_xlsx

            write_atomically(path, lambda stream: render_partnership_xlsx(report, stream))
        written.append(path)
    return written


def export_portfolio(
    workspace: Workspace,
    tables: tuple[PortfolioTable, ...],
    pdf: PathLike | None,
    xlsx: PathLike | None,
    marking: str | None = None,
) -> list[Path]:
    del workspace  # the tables carry everything
    return write_portfolio(portfolio_report(tables, marking), pdf, xlsx)


def export_comparison(
    workspace: Workspace,
    pair: PairComparison,
    pdf: PathLike | None,
    xlsx: PathLike | None,
    marking: str | None = None,
) -> list[Path]:
    """The partnership report of two assessments; the note of their organisations'
    partnership, when they have one."""
    from readiness.services.partnerships import records

    note = next(
        (
            r.note
            for r in records(workspace)
            if r.company_id == pair.company.summary.organisation_id
            and r.unit_id == pair.unit.summary.organisation_id
        ),
        "",
    )
    return write_partnership(partnership_report(pair, note, marking), pdf, xlsx)
