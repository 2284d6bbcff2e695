"""Portfolio rows from cached assessment figures (DESIGN section 9).

Pure functions over :class:`ScoredAssessment` records: storage hands them over with the
per-domain scores cached at the last answer change, so nothing here rescores anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class DomainInfo:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class ScoredAssessment:
    """One assessment with the figures cached at its last change.

    ``score`` 0–100 and ``completeness`` 0–1 as cached; ``domains`` maps each domain id of the
    assessment's own questionnaire version to its full-precision score, None when unscored.
    ``updated`` is the last change (the assessment's as-of date); ``created`` breaks ties.
    """

    assessment_id: str
    organisation_id: str
    organisation: str
    kind: str
    sector: str
    country: str
    questionnaire: str
    version: str
    title: str
    status: str
    completeness: float
    score: float
    level: int
    created: datetime
    updated: datetime
    domains: Mapping[str, float | None]
    snapshot: str = ""
    """sha256 of the questionnaire snapshot the assessment is answered against."""
    stale: bool = False
    """True when the per-domain cache is empty (not yet filled after a migration or import)."""


@dataclass(frozen=True, slots=True)
class PortfolioTable:
    """One questionnaire id: the domains of its highest version in use and one row per org."""

    questionnaire: str
    version: str
    domains: tuple[DomainInfo, ...]
    rows: tuple[ScoredAssessment, ...]


def version_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """Sort key for semantic versions: 1.10.0 after 1.9.0; a pre-release before its release."""
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?", version)
    if not match:
        return ((), 0, version)
    numbers = tuple(int(part) for part in match.group(1, 2, 3))
    pre = match.group(4)
    return (numbers, 0 if pre else 1, pre or "")


def recency(item: ScoredAssessment) -> tuple[datetime, datetime, str]:
    """Sort key for "latest": last change, then creation, then id."""
    return (item.updated, item.created, item.assessment_id)


def latest(assessments: Iterable[ScoredAssessment]) -> ScoredAssessment | None:
    """The latest completed assessment, else the latest draft; None for none.

    Latest means the most recent last change, then the most recent creation, then the id.
    """
    items = list(assessments)
    completed = [a for a in items if a.status == COMPLETED]
    pool = completed or items
    return max(pool, key=recency) if pool else None


def portfolio(
    assessments: Iterable[ScoredAssessment],
    domains_of: Mapping[tuple[str, str], tuple[DomainInfo, ...]],
) -> tuple[PortfolioTable, ...]:
    """One table per questionnaire id (sorted by id), one row per organisation (by name).

    ``domains_of[(questionnaire id, version)]`` lists that version's domains; each table uses
    the domains of the highest version among its rows. KeyError when a version is missing.
    """
    groups: dict[str, dict[str, list[ScoredAssessment]]] = {}
    for item in assessments:
        groups.setdefault(item.questionnaire, {}).setdefault(item.organisation_id, []).append(item)
    tables = []
    for questionnaire in sorted(groups):
        rows = [latest(items) for items in groups[questionnaire].values()]
        chosen = sorted(
            (r for r in rows if r is not None),
            key=lambda r: (r.organisation.casefold(), r.organisation_id),
        )
        highest = max((r.version for r in chosen), key=version_key)
        tables.append(
            PortfolioTable(
                questionnaire, highest, domains_of[(questionnaire, highest)], tuple(chosen)
            )
        )
    return tuple(tables)
