"""Portfolio and trends as the window, the reports and ``--json`` need them (DESIGN section 9).

Everything is read from the score caches (per-domain scores included) in one query; only the
questionnaire snapshots behind the domain titles are parsed, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness.domain.model import Questionnaire, localize
from readiness.domain.portfolio import (
    DomainInfo,
    PortfolioTable,
    ScoredAssessment,
    portfolio,
)
from readiness.domain.records import Organisation
from readiness.domain.scoring import shown
from readiness.domain.trend import TrendSeries, trend
from readiness.services.workspace import Workspace
from readiness.storage import portfolio as store


def _domains(questionnaire: Questionnaire, language: str | None) -> tuple[DomainInfo, ...]:
    return tuple(DomainInfo(d.id, localize(d.title, language)) for d in questionnaire.domains)


def portfolio_tables(
    workspace: Workspace, questionnaire_id: str | None = None, language: str | None = None
) -> tuple[PortfolioTable, ...]:
    """One table per questionnaire id: each organisation's latest completed (else latest)
    assessment, with the domains (titles in ``language``) of the highest version in use.

    Raises UserError for database failures.
    """
    with workspace._read() as session:
        items = store.scored_assessments(session, questionnaire_id, latest_only=True)
    if any(item.stale for item in items):  # e.g. rows written by an import: fill, read again
        workspace.refresh_stale_scores()
        with workspace._read() as session:
            items = store.scored_assessments(session, questionnaire_id, latest_only=True)
    with workspace._read() as session:
        snapshots = {(a.questionnaire, a.version): a.snapshot for a in items}
        domains_of = {
            key: _domains(workspace._loaded(session, sha).questionnaire, language)
            for key, sha in snapshots.items()
        }
    return portfolio(items, domains_of)


def _score(value: float | None) -> float | None:
    return None if value is None else shown(value)


def row_json(row: ScoredAssessment, domains: tuple[DomainInfo, ...]) -> dict[str, Any]:
    return {
        "organisation_id": row.organisation_id,
        "organisation": row.organisation,
        "kind": row.kind,
        "sector": row.sector,
        "country": row.country,
        "assessment_id": row.assessment_id,
        "title": row.title,
        "status": row.status,
        "completeness": round(row.completeness, 1),
        "score": shown(row.score),
        "level": row.level,
        "updated": row.updated.isoformat(timespec="seconds"),
        "domains": {d.id: _score(row.domains.get(d.id)) for d in domains},
    }


def portfolio_json(tables: tuple[PortfolioTable, ...]) -> dict[str, Any]:
    """The ``portfolio --json`` object of DESIGN section 9; every value to one decimal."""
    return {
        "questionnaires": [
            {
                "id": table.questionnaire,
                "version": table.version,
                "domains": [{"id": d.id, "title": d.title} for d in table.domains],
                "rows": [row_json(row, table.domains) for row in table.rows],
            }
            for table in tables
        ]
    }


# Trend -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    organisation: Organisation
    series: tuple[TrendSeries, ...]
    domain_titles: dict[tuple[str, str], tuple[DomainInfo, ...]]
    """Domains of each (questionnaire id, version) in the series, titles localized."""


def organisation_trend(
    workspace: Workspace, organisation_id: str, language: str | None = None
) -> Trend:
    """Every assessment of one organisation over time. UserError for an unknown id."""
    organisation = workspace.organisation(organisation_id)
    with workspace._read() as session:
        items = store.scored_assessments(session, organisation_id=organisation.id)
        titles = {
            (a.questionnaire, a.version): _domains(
                workspace._loaded(session, a.snapshot).questionnaire, language
            )
            for a in items
        }
    return Trend(organisation, trend(items), titles)


def trend_json(result: Trend) -> dict[str, Any]:
    """The ``trend ORG --json`` object of DESIGN section 9; points oldest first."""
    return {
        "organisation_id": result.organisation.id,
        "organisation": result.organisation.name,
        "series": [
            {
                "questionnaire": series.questionnaire,
                "points": [
                    {
                        "assessment_id": p.assessment_id,
                        "version": p.version,
                        "date": p.updated.date().isoformat(),
                        "status": p.status,
                        "score": shown(p.score),
                        "level": p.level,
                        "domains": {
                            d.id: _score(p.domains.get(d.id))
                            for d in result.domain_titles[(p.questionnaire, p.version)]
                        },
                    }
                    for p in series.points
                ],
            }
            for series in result.series
        ],
    }
