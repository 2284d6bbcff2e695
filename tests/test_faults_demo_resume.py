"""An interrupted demo (a full disk, a kill) is completed by the next run, never taken for done
(issue 8, items 1 and 3; DESIGN section 1: a rerun never takes half a result for done)."""

from __future__ import annotations

import itertools
from pathlib import Path

from readiness.services.demo import seed
from readiness.services.workspace import Workspace


def answers_by_title(db: Path) -> dict[str, dict[str, object]]:
    workspace = Workspace.open(db)
    try:
        return {
            summary.title: {
                qid: (d.answer, d.comment, d.flagged)
                for qid, d in workspace.state(summary.id).details.items()
            }
            for summary in workspace.assessments()
        }
    finally:
        workspace.close()


def test_an_interrupted_demo_is_completed_by_the_next_run(tmp_path: Path) -> None:
    whole = tmp_path / "whole.db"
    workspace = Workspace.open(whole)
    list(seed(workspace))
    workspace.close()

    cut = tmp_path / "cut.db"
    workspace = Workspace.open(cut)
    list(itertools.islice(seed(workspace), 12))  # stops after a few answers, as a full disk would
    workspace.close()
    # seeding is one transaction (issue 9): an interrupted one leaves nothing to take for done
    assert answers_by_title(cut) == {}

    workspace = Workspace.open(cut)
    list(seed(workspace))
    workspace.close()
    assert answers_by_title(cut) == answers_by_title(whole)
