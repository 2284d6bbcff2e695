"""One organisation's assessments over time (DESIGN section 9), from cached figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from readiness.domain.portfolio import ScoredAssessment, recency


@dataclass(frozen=True, slots=True)
class TrendSeries:
    """One questionnaire id's assessments of one organisation, oldest first."""

    questionnaire: str
    points: tuple[ScoredAssessment, ...]

    def version_changes(self) -> tuple[int, ...]:
        """Indexes of the points whose version differs from the point before."""
        return tuple(
            i
            for i in range(1, len(self.points))
            if self.points[i].version != self.points[i - 1].version
        )


def trend(assessments: Iterable[ScoredAssessment]) -> tuple[TrendSeries, ...]:
    """Every assessment of one organisation, grouped by questionnaire id (sorted by id),
    each series oldest first by last change (then creation, then id)."""
    groups: dict[str, list[ScoredAssessment]] = {}
    for item in assessments:
        groups.setdefault(item.questionnaire, []).append(item)
    return tuple(
        TrendSeries(questionnaire, tuple(sorted(groups[questionnaire], key=recency)))
        for questionnaire in sorted(groups)
    )
