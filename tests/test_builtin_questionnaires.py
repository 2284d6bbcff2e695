"""The shipped questionnaires: valid (by our loader and by a standard JSON Schema validator),
big enough, fully written, and mirrored across the two audiences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from readiness.domain.model import Questionnaire
from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.loader import load_file, validate_file
from readiness.questionnaire.yaml_source import parse, read_text

FILES = {
    "company": builtin_questionnaires_dir() / "company-readiness.yaml",
    "defence_unit": builtin_questionnaires_dir() / "defence-unit-readiness.yaml",
}
DRAFT = Path("/work/shared/content/question-bank-draft.md")


@pytest.fixture(params=sorted(FILES), ids=str, scope="module")
def audience(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def questionnaires() -> dict[str, Questionnaire]:
    return {aud: load_file(path).questionnaire for aud, path in FILES.items()}


def test_only_these_two_ship() -> None:
    assert sorted(builtin_questionnaires_dir().glob("*.yaml")) == sorted(FILES.values())


def test_validates_with_zero_issues(audience: str) -> None:
    assert validate_file(FILES[audience]) == []


def test_standard_json_schema_validator_agrees(audience: str) -> None:
    schema_path = builtin_questionnaires_dir() / "schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = parse(read_text(FILES[audience])).data
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_standard_validator_rejects_what_ours_rejects(tmp_path: Path) -> None:
    """Guards the test above against a schema that accepts everything."""
    schema = json.loads((builtin_questionnaires_dir() / "schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    text = FILES["company"].read_text(encoding="utf-8").replace("version: 1.0.0", "version: v1", 1)
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    assert [e.path for e in validate_file(broken)] == ["version"]
    assert [list(e.absolute_path) for e in validator.iter_errors(parse(text).data)] == [["version"]]


def test_audience_and_size(audience: str, questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires[audience]
    assert q.audience == audience
    assert len(q.domains) >= 7
    assert sum(1 for x in q.questions() if x.is_choice) >= 30


def test_every_choice_question_is_fully_written(
    audience: str, questionnaires: dict[str, Questionnaire]
) -> None:
    q = questionnaires[audience]
    incomplete = []
    for question in q.questions():
        if not question.is_choice:
            continue
        assert question.scale is not None
        option_ids = {o.id for o in question.scale.options}
        if (
            len(question.anchors) != 5
            or set(question.anchors) != option_ids
            or not question.guidance
            or not question.recommendation
            or any(not text.get("en", "").strip() for text in question.anchors.values())
        ):
            incomplete.append(question.id)
    assert incomplete == []


def test_at_least_one_conditional_question(
    audience: str, questionnaires: dict[str, Questionnaire]
) -> None:
    conditional = [x for x in questionnaires[audience].questions() if x.relevant is not None]
    assert conditional
    # and its condition really switches: unanswered -> not relevant
    assert not conditional[0].relevant.evaluate(lambda _qid: None)


# The mirror-topic table of the content draft (/work/shared/content/question-bank-draft.md),
# copied here so the suite also runs where that file is not around.
MIRROR_TOPICS = [
    "contact_24_7",
    "tlp_handling",
    "nda_mou",
    "standby_contracts",
    "cleared_staff_release",
    "exercise_participation",
    "joint_lessons",
    "liaison",
    "reporting_format",
    "compensation_liability",
    "partner_benefits",
    "dialogue_forums",
    "baseline_requirements_map",
]


def test_mirror_topic_list_matches_the_draft() -> None:
    if not DRAFT.is_file():
        pytest.skip("content draft not available here")
    text = DRAFT.read_text(encoding="utf-8")
    table = text[text.index("|---|") : text.index("Scale (all questions)")]
    assert re.findall(r"^\| ([a-z0-9_]+) \|", table, flags=re.M) == MIRROR_TOPICS


def test_every_mirror_topic_is_in_both(questionnaires: dict[str, Questionnaire]) -> None:
    for audience, q in questionnaires.items():
        present = {t for x in q.questions() for t in x.topics}
        missing = [t for t in MIRROR_TOPICS if t not in present]
        assert missing == [], audience
