"""Questionnaire snapshots (DESIGN section 4): an assessment always scores against the exact
questionnaire it was started with, even after the file was edited or deleted."""

from __future__ import annotations

import hashlib
from pathlib import Path

from backends import Backend
from readiness.domain.model import localize
from readiness.domain.scoring import score
from readiness.questionnaire.loader import load_file
from readiness.services.results import score_json
from readiness.services.workspace import Workspace
from storage_helpers import MINI, start


def answer_some(workspace: Workspace, assessment: str) -> None:
    workspace.answer(assessment, "trust.contact", "1")  # below critical: caps the level
    workspace.answer(assessment, "trust.isac", "3")  # makes legal.nda relevant
    workspace.answer(assessment, "legal.nda", "0")  # due for its recommendation


def texts(workspace: Workspace, assessment: str) -> list[str]:
    state = workspace.state(assessment)
    return [localize(r.text) for r in state.result.recommendations]


def test_scores_against_the_snapshot_after_the_file_changed_and_went(
    tmp_path: Path, backend: Backend
) -> None:
    source = tmp_path / "mine.yaml"
    source.write_bytes(MINI.read_bytes())
    original = source.read_bytes()
    db = backend.target

    workspace = Workspace.open(db)
    assessment = start(workspace, load_file(source))
    answer_some(workspace, assessment)
    state_before = workspace.state(assessment)
    before = score_json(state_before.result)
    before_texts = texts(workspace, assessment)
    assert "Sign an NDA" in before_texts
    workspace.close()

    # Edit the file: another recommendation text and weight; then load it (it is valid) ...
    edited = (
        original.decode()
        .replace("Sign an NDA", "Sign a completely different agreement")
        .replace("        text: {en: ISAC?}", "        text: {en: ISAC?}\n        weight: 5")
    )
    source.write_text(edited, encoding="utf-8")
    changed = load_file(source)
    assert changed.sha256 != hashlib.sha256(original).hexdigest()
    assert changed.questionnaire.question("trust.isac").weight == 5  # type: ignore[union-attr]
    answers = {q: d.answer for q, d in state_before.details.items() if d.answer is not None}
    rescored = score_json(score(changed.questionnaire, answers))
    assert rescored["overall"]["score"] != before["overall"]["score"]  # the edit would matter
    # ... and delete it.
    source.unlink()

    workspace = Workspace.open(db)
    try:
        state = workspace.state(assessment)
        assert score_json(state.result) == before
        assert texts(workspace, assessment) == before_texts
        assert state.loaded.source.encode("utf-8") == original
        assert state.summary.snapshot_sha256 == hashlib.sha256(original).hexdigest()
        assert state.loaded.sha256 == state.summary.snapshot_sha256
        summary = workspace.assessments()[0]
        assert summary.score == before["overall"]["score"]
        # Answering again still scores against the snapshot.
        workspace.answer(assessment, "legal.nda", "4")
        assert "Sign an NDA" not in texts(workspace, assessment)
        workspace.undo(assessment)
        assert score_json(workspace.state(assessment).result) == before
    finally:
        workspace.close()


def test_edited_file_gets_its_own_snapshot_and_the_old_one_is_shared(
    tmp_path: Path, backend: Backend
) -> None:
    source = tmp_path / "mine.yaml"
    source.write_bytes(MINI.read_bytes())
    db = backend.target
    workspace = Workspace.open(db)
    try:
        first = start(workspace, load_file(source), "A")
        second = start(workspace, load_file(source), "B")  # same bytes: same snapshot row
        source.write_text(
            MINI.read_text(encoding="utf-8").replace("Sign an NDA", "Sign it"), encoding="utf-8"
        )
        third = start(workspace, load_file(source), "C")
        answer_some(workspace, first)
        answer_some(workspace, third)
        assert "Sign an NDA" in texts(workspace, first)
        assert "Sign it" in texts(workspace, third)
        assert workspace.state(second).loaded.sha256 == workspace.state(first).loaded.sha256
    finally:
        workspace.close()
    assert backend.count("questionnaire_snapshots") == 2


def test_crlf_file_snapshot_keeps_its_bytes(tmp_path: Path, backend: Backend) -> None:
    source = tmp_path / "windows.yaml"
    source.write_bytes(MINI.read_bytes().replace(b"\n", b"\r\n"))
    workspace = Workspace.open(backend.target)
    try:
        assessment = start(workspace, load_file(source))
        state = workspace.state(assessment)
        assert state.loaded.source.encode("utf-8") == source.read_bytes()
        assert state.summary.snapshot_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    finally:
        workspace.close()


def test_bom_file_snapshot_hash_is_the_file_hash(tmp_path: Path, backend: Backend) -> None:
    """Regression: the byte-order mark was stripped before hashing, so the snapshot sha256
    (shown in reports) was not the sha256 of the file the user has."""
    source = tmp_path / "notepad.yaml"
    source.write_bytes(b"\xef\xbb\xbf" + MINI.read_bytes())
    workspace = Workspace.open(backend.target)
    try:
        assessment = start(workspace, load_file(source))
        state = workspace.state(assessment)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        assert state.summary.snapshot_sha256 == digest == state.loaded.sha256
        assert state.loaded.source.encode("utf-8") == source.read_bytes()
        assert state.questionnaire.id == "mini"
    finally:
        workspace.close()
