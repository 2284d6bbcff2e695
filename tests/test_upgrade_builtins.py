"""Each 1.0.0 demo assessment upgrades to the current built-in version with every answer kept.

The 1.0.0 built-ins and the demo answers as 1.0.0 held them are kept in tests/data, so this
test replays what a user who made the demo with the first release meets after an update.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.version_diff import upgrade_problems
from readiness.questionnaire.loader import load_file
from readiness.services import catalog, library
from readiness.services.upgrade import upgrade
from readiness.services.workspace import Workspace

DATA = Path(__file__).parent / "data"
DEMOS = sorted((DATA / "demo-1.0.0").glob("*.json"))
KIND = {"company-readiness": "company", "defence-unit-readiness": "defence_unit"}


def _builtin(questionnaire_id: str):
    return next(
        e.loaded for e in catalog.builtin() if e.loaded.questionnaire.id == questionnaire_id
    )


@pytest.mark.parametrize("questionnaire_id", sorted(KIND))
def test_the_builtin_migrations_cover_every_change_since_1_0_0(questionnaire_id: str) -> None:
    old = load_file(DATA / f"{questionnaire_id}-1.0.0.yaml").questionnaire
    new = _builtin(questionnaire_id).questionnaire
    assert new.version != old.version
    assert upgrade_problems(old, new) == []


def _detail(value: object) -> AnswerDetail:
    if isinstance(value, str):
        return AnswerDetail(ChoiceAnswer(value))
    assert isinstance(value, dict)
    if "na" in value and len(value) == 1:
        return AnswerDetail(NotApplicable(value["na"]))
    answer = None
    if "option" in value:
        answer = ChoiceAnswer(value["option"])
    elif "na" in value:
        answer = NotApplicable(value["na"])
    elif "text" in value:
        answer = TextAnswer(value["text"])
    return AnswerDetail(answer, value.get("comment", ""), bool(value.get("flagged")))


@pytest.mark.parametrize("demo", DEMOS, ids=lambda p: p.stem)
def test_each_1_0_0_demo_assessment_upgrades(demo: Path, tmp_path: Path) -> None:
    saved = json.loads(demo.read_text(encoding="utf-8"))
    qid = saved["questionnaire"]
    workspace = Workspace.open(tmp_path / "old.db")
    try:
        assert library.install(workspace, DATA / f"{qid}-1.0.0.yaml").outcome == "installed"
        org = workspace.add_organisation(saved["organisation"], KIND[qid])
        old = workspace.new_assessment(org.id, f"{qid}@1.0.0", saved["title"])
        questionnaire = workspace.questionnaire_of(old).questionnaire
        for question_id, value in saved["answers"].items():
            detail = _detail(value)
            question = questionnaire.question(question_id)
            if isinstance(detail.answer, ChoiceAnswer) and question and not question.is_choice:
                detail = AnswerDetail(TextAnswer(detail.answer.option_id))
            if detail.answer is not None:
                _set(workspace, old.id, question_id, detail)
        before = workspace.state(old.id)
        result = upgrade(workspace, old.id)
        new = _builtin(qid).questionnaire
        assert result.version == new.version
        rules = {}
        for block in new.migrations:
            if "1.0.0" in block.from_versions:
                rules.update(block.rules)
        for question_id, detail in before.details.items():
            if detail.answer is None:
                continue
            rule = rules.get(question_id)
            target = rule.target if rule else question_id
            if target is None:
                assert question_id in result.dropped
                continue
            assert target in result.carried, (question_id, result.reasons.get(question_id))
        after = workspace.state(result.id)
        assert after.summary.status.value == "draft"
        assert workspace.state(old.id).details == before.details
    finally:
        workspace.close()


def _set(workspace: Workspace, assessment_id: str, question_id: str, detail: AnswerDetail) -> None:
    answer = detail.answer
    if isinstance(answer, ChoiceAnswer):
        workspace.answer(assessment_id, question_id, answer.option_id)
    elif isinstance(answer, NotApplicable):
        workspace.answer_na(assessment_id, question_id, answer.justification)
    elif isinstance(answer, TextAnswer):
        workspace.answer_text(assessment_id, question_id, answer.text)
    if detail.comment:
        workspace.set_comment(assessment_id, question_id, detail.comment)
