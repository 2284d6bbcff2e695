"""Workspace details around stored data: id prefixes, assessment details, text that must be
stored exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backends import Backend
from readiness.domain.answers import AnswerDetail, ChoiceAnswer
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import MINI, load, start


@pytest.fixture
def workspace(backend: Backend) -> Iterator[Workspace]:
    opened = Workspace.open(backend.target)
    yield opened
    opened.close()


def test_ids_resolve_from_a_prefix_or_in_capitals(workspace: Workspace) -> None:
    assessment = start(workspace, load(MINI))
    assert workspace.assessment(assessment[:8]).id == assessment
    assert workspace.assessment(assessment.upper()).id == assessment
    with pytest.raises(UserError, match="too short: give at least 4 characters"):
        workspace.assessment(assessment[:3])  # too short to be taken as a prefix
    with pytest.raises(UserError, match="unknown assessment id"):
        workspace.assessment("ffff" if not assessment.startswith("ffff") else "0000")


def test_ambiguous_prefix_is_refused(workspace: Workspace, backend: Backend) -> None:
    assessment = start(workspace, load(MINI))
    twins = ["abcd1111-0000-4000-8000-000000000000", "abcd2222-0000-4000-8000-000000000000"]
    for twin in twins:
        backend.execute(
            "INSERT INTO assessments (id, organisation_id, snapshot_id, title, status,"
            " marking, assessor, created_at, updated_at, score, level, completeness)"
            " SELECT ?, organisation_id, snapshot_id, title, status,"
            " marking, assessor, created_at, updated_at, score, level, completeness"
            " FROM assessments WHERE id = ?",
            twin,
            assessment,
        )
    with pytest.raises(UserError, match="ambiguous"):
        workspace.assessment("abcd")
    assert workspace.assessment("abcd2").id == twins[1]
    assert workspace.assessment(twins[0]).id == twins[0]


@pytest.mark.parametrize("given", ["%%%%", "____", "%"])
def test_wildcards_are_not_ids(workspace: Workspace, given: str) -> None:
    """Regression: id prefixes went into LIKE unescaped, so '%%%%' or '____' matched any id."""
    assessment = start(workspace, load(MINI))
    organisation = workspace.assessment(assessment).organisation_id
    with pytest.raises(UserError, match="unknown assessment id"):
        workspace.assessment(given * (4 // len(given)))
    with pytest.raises(UserError, match="unknown organisation id"):
        workspace.organisation(given * (4 // len(given)))
    assert organisation  # the data is there; only the lookup must refuse


def test_update_details(workspace: Workspace) -> None:
    assessment = start(workspace, load(MINI))
    summary = workspace.update_details(
        assessment, title="  New title  ", assessor="Ёлка", marking="TLP:RED"
    )
    assert (summary.title, summary.assessor, summary.marking) == ("New title", "Ёлка", "TLP:RED")
    with pytest.raises(UserError):
        workspace.update_details(assessment, title="   ")
    with pytest.raises(UserError):
        workspace.update_details(assessment, marking="SECRET")
    assert workspace.assessment(assessment).marking == "TLP:RED"


@pytest.mark.parametrize(
    "text",
    [
        "<b>&amp;</b>",
        "=1+1",
        "@SUM(A1)",
        "Привет, мир",
        "🛰️👩🏽‍🚀",
        "line 1\nline 2\r\nline 3\rend",
        "  spaces kept  ",
        "NUL\x00inside",
        "x" * 100_000,
    ],
)
def test_comments_are_stored_exactly(workspace: Workspace, backend: Backend, text: str) -> None:
    assessment = start(workspace, load(MINI))
    workspace.answer(assessment, "trust.contact", "2")
    if backend.is_postgresql and "\x00" in text:  # PostgreSQL text cannot hold U+0000
        with pytest.raises(UserError, match="NUL") as refused:
            workspace.set_comment(assessment, "trust.contact", text)
        assert len(str(refused.value).splitlines()) == 1
        assert workspace.state(assessment).details["trust.contact"].comment == ""
        return
    workspace.set_comment(assessment, "trust.contact", text)
    detail = workspace.state(assessment).details["trust.contact"]
    assert detail == AnswerDetail(ChoiceAnswer("2"), text, False)
    workspace.undo(assessment)
    workspace.redo(assessment)  # the history JSON round-trips it too
    assert workspace.state(assessment).details["trust.contact"].comment == text


def test_failed_save_leaves_nothing(workspace: Workspace, backend: Backend) -> None:
    assessment = start(workspace, load(MINI))
    with pytest.raises(UserError):
        workspace.answer(assessment, "trust.contact", "9")
    with pytest.raises(UserError):
        workspace.answer_na(assessment, "trust.contact", "   ")
    with pytest.raises(UserError):
        workspace.answer(assessment, "no.such", "1")
    assert backend.count("answers") == 0
    assert backend.count("answer_history") == 0
    assert workspace.can_undo_redo(assessment) == (False, False)
