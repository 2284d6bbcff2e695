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
    text = FILES["company"].read_text(encoding="utf-8")
    text = re.sub(r"^version: .*$", "version: v1", text, count=1, flags=re.MULTILINE)
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    assert [e.path for e in validate_file(broken)] == ["version"]
    assert [list(e.absolute_path) for e in validator.iter_errors(parse(text).data)] == [["version"]]


def test_audience_and_size(audience: str, questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires[audience]
    assert q.audience == audience
    assert len(q.domains) >= 7
    scored = sum(1 for x in q.questions() if x.is_scored)
    assert 30 <= scored < 75  # the answering test presses "4" 80 times


def test_every_choice_question_is_fully_written(
    audience: str, questionnaires: dict[str, Questionnaire]
) -> None:
    q = questionnaires[audience]
    incomplete = []
    for question in q.questions():
        if not question.is_scored:
            continue
        assert question.scale is not None
        option_ids = {o.id for o in question.scale.options}
        if (
            len(question.anchors) != 5
            or set(question.anchors) != option_ids
            or not question.guidance
            or not question.recommendation
            or any(not text.get("en", "").strip() for text in question.anchors.values())
            or len({text["en"].strip().lower() for text in question.anchors.values()}) != 5
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


# The mirror topics of questionnaires 1.1.0 (content review 2026-11, section "mirror topics").
# The shared content draft is not ours and is not compared: the questionnaires are the source.
MIRROR_TOPICS = [
    "contact_24_7",
    "tlp_handling",
    "nda_mou",
    "standby_contracts",
    "clearances",
    "rapid_release",
    "exercise_participation",
    "joint_lessons",
    "liaison",
    "reporting_format",
    "compensation",
    "liability_insurance",
    "partner_benefits",
    "dialogue_forums",
    "baseline_requirements_map",
    "legal_basis",
    "standing_partnership",
    "planning_assumptions",
    "decision_timelines",
    "shared_data_protection",
    "service_assurance",
    "capacity_deconfliction",
    "priority_access",
    "supply_chain_trust",
    "company_concerns",
    "secure_channel",
    "reservists",
    "tabletops",
    "regional_coordination",
]


def test_every_mirror_topic_is_in_both(questionnaires: dict[str, Questionnaire]) -> None:
    for audience, q in questionnaires.items():
        present = {t for x in q.questions() for t in x.topics}
        missing = [t for t in MIRROR_TOPICS if t not in present]
        assert missing == [], audience


def test_no_topic_is_on_one_side_only(questionnaires: dict[str, Questionnaire]) -> None:
    sides = [{t for x in q.questions() for t in x.topics} for q in questionnaires.values()]
    assert sides[0] == sides[1] == set(MIRROR_TOPICS)


# The seed article (../shared/content/000_b79753424e41c671.txt): its four barriers and five
# ways forward. Every one must be measured by at least 3 scored questions on each side, read
# from the questions' `serves` tags.
BARRIERS = {
    "B1": "mutual hesitation: trust and sharing (data exposure, reputation, classification)",
    "B2": "legal and procedural gaps",
    "B3": "cultural differences: decision-making and timelines",
    "B4": "no structured recognition, compensation or partnership incentives",
}
WAYS_FORWARD = {
    "W1": "permanent, pre-cleared resilience partnerships",
    "W2": "corporate partners in training and exercises",
    "W3": "harmonised frameworks for rapid, secure sharing and coordination",
    "W4": "recognition, incentives and shared lessons learned",
    "W5": "dedicated spaces for dialogue and exchange",
}


def test_every_barrier_and_way_forward_is_measured_on_both_sides(
    questionnaires: dict[str, Questionnaire],
) -> None:
    for audience, q in questionnaires.items():
        counts = {tag: 0 for tag in (*BARRIERS, *WAYS_FORWARD)}
        for question in q.questions():
            assert set(question.serves) <= set(counts), question.id
            if question.is_scored:
                for tag in question.serves:
                    counts[tag] += 1
        assert {tag: n for tag, n in counts.items() if n < 3} == {}, audience


# Every question id of version 1.0.0, so that answers carry over to later versions (DESIGN
# section 2). 1.2.0 adds French and keeps every 1.1.0 question as well (test_builtin_french.py).
IDS_1_0_0 = {
    "company": (
        "governance.crisis-executive governance.board-briefing governance.baseline-map "
        "governance.crisis-team trust.contact-24-7 trust.tlp trust.isac trust.isac-sharing-rules "
        "trust.sharing-matrix trust.legal-protections legal.nda-mou legal.standby-contracts "
        "legal.statutory-obligations legal.incident-notification security.cleared-staff "
        "security.facility-clearance security.fsc-safeguards security.critical-roles "
        "security.reservists continuity.bcp-tested continuity.risk-assessment "
        "continuity.supplies-autonomy continuity.degraded-operations "
        "exercises.national-participation exercises.findings-shared exercises.joint-tabletop "
        "exercises.staff-training exercises.lessons-tracked interoperability.liaison-officer "
        "interoperability.decision-timelines interoperability.reporting-format "
        "interoperability.priority-escalation incentives.compensation "
        "incentives.liability-insurance incentives.partner-benefits incentives.dialogue-forums "
        "incentives.main-obstacle"
    ),
    "defence_unit": (
        "mandate.providers-in-plans mandate.baseline-map mandate.peacetime-mandate "
        "mandate.requirements-cycle partners.provider-register partners.register-details "
        "partners.relationship-owners partners.company-concerns partners.csirt-isac-links "
        "sharing.releasability sharing.tlp sharing.secure-channels sharing.channel-onboarding "
        "sharing.two-way legal.legal-basis legal.standby-contracts legal.compensation-liability "
        "legal.nda-mou exercises.company-participation exercises.scenario-co-design "
        "exercises.unclassified-variants exercises.unclassified-feed exercises.joint-lessons "
        "liaison.business-awareness liaison.lno-arrangements liaison.plain-language-requests "
        "liaison.reserve-specialists recognition.formal-recognition recognition.partner-benefits "
        "recognition.dialogue-forums recognition.rotation-continuity recognition.main-obstacle"
    ),
}


def test_old_question_ids_are_kept(audience: str, questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires[audience]
    assert q.version == "1.2.0"
    missing = [qid for qid in IDS_1_0_0[audience].split() if q.question(qid) is None]
    assert missing == []


def test_levels_and_weakest_domain_limit(
    audience: str, questionnaires: dict[str, Questionnaire]
) -> None:
    q = questionnaires[audience]
    assert [lv.label["en"] for lv in q.levels] == [
        "Initial",
        "Developing",
        "Established",
        "Practised",
        "Partnership-tested",
    ]
    assert q.scoring.max_levels_above_weakest_domain == 1
    critical = [x for x in q.questions() if x.tiers]
    assert len(critical) == 5
    for question in critical:  # level 5 needs every critical question tested with partners
        assert question.cap_for(3) == 4 and question.cap_for(2) == 3 and question.cap_for(4) is None


def test_na_only_where_scope_really_varies(questionnaires: dict[str, Questionnaire]) -> None:
    allowed = {
        aud: sorted(x.id for x in q.questions() if x.is_scored and x.allow_na)
        for aud, q in questionnaires.items()
    }
    assert allowed == {
        "company": [
            "legal.incident-notification",
            "security.cleared-staff",
            "security.critical-roles",
            "security.facility-clearance",
            "security.fsc-safeguards",
            "security.reservists",
            "trust.isac",
            "trust.isac-sharing-rules",
        ],
        "defence_unit": [
            "exercises.unclassified-feed",
            "exercises.unclassified-variants",
            "liaison.reserve-specialists",
        ],
    }


def test_profile_questions_gate_what_applies(questionnaires: dict[str, Questionnaire]) -> None:
    from readiness.domain.answers import ChoiceAnswer
    from readiness.domain.scoring import Status, score

    q = questionnaires["company"]
    profile = [x.id for x in q.questions() if not x.is_scored and x.is_choice]
    assert profile == [
        "profile.sector",
        "profile.nis2",
        "profile.cer",
        "profile.dora",
        "profile.classified-role",
    ]
    out_of_scope = {
        "profile.sector": ChoiceAnswer("health"),
        "profile.nis2": ChoiceAnswer("no"),
        "profile.cer": ChoiceAnswer("no"),
        "profile.dora": ChoiceAnswer("no"),
        "profile.classified-role": ChoiceAnswer("no"),
    }
    gated = [
        "legal.incident-notification",
        "security.cleared-staff",
        "continuity.service-assurance",
    ]
    result = score(q, out_of_scope)
    assert [result.questions[g].status for g in gated] == [Status.NOT_RELEVANT] * 3
    # unanswered profile questions leave every question in play
    assert all(score(q, {}).questions[g].status is Status.UNANSWERED for g in gated)
    in_scope = {**out_of_scope, "profile.nis2": ChoiceAnswer("essential")}
    in_scope["profile.sector"] = ChoiceAnswer("telecom")
    in_scope["profile.classified-role"] = ChoiceAnswer("unknown")
    result = score(q, in_scope)
    assert all(result.questions[g].status is Status.UNANSWERED for g in gated)
