"""How scores are shown (DESIGN section 3): one decimal, the figure levels are judged on.

A module of its own so that lists showing cached scores need not import the scoring engine.
"""

from __future__ import annotations


def shown(score: float) -> float:
    """The score as users see it (one decimal); levels are judged on this figure."""
    return round(score + 0.0, 1)
