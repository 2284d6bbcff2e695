"""Scoring method 2 (DESIGN section 3): critical tiers, domain levels, the weakest-domain limit,
profile questions, low confidence and unverified claims, each with hand-computed expectations.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from readiness.domain.answers import (
    ChoiceAnswer,
    Evidence,
    EvidenceKind,
    NotApplicable,
    answer_problem,
)
from readiness.domain.scoring import Status, score
from readiness.services.results import score_json
from test_scoring import answers, domain, make, q, scores

TIERS = "critical: [{below: 2, cap_level: 2}, {below: 3, cap_level: 3}, {below: 4, cap_level: 4}]"
LIMIT = "scoring:\n  max_levels_above_weakest_domain: 1\n"


def limited(*domains: str):
    """A questionnaire with the weakest-domain limit K = 1."""
    from readiness.questionnaire.loader import load_text
    from test_scoring import HEADER

    header = HEADER.replace("levels:\n", LIMIT + "levels:\n")
    return load_text(header + "".join(domains)).questionnaire


# Critical tiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "level", "capped"),
    [
        (None, 2, True),  # unanswered: the lowest cap of its tiers
        ("0", 2, True),
        ("1", 2, True),
        ("2", 3, True),  # "Defined" on a critical question: at most level 3
        ("3", 4, True),
        ("4", 5, False),  # only tested with partners lets level 5 through
    ],
)
def test_critical_tiers_cap_by_the_answer(option: str | None, level: int, capped: bool) -> None:
    # 10 questions at 4 outweigh the critical one: the score is >= 90.9, level 5 uncapped
    others = [q(f"a.x{i}") for i in range(10)]
    qn = make(domain("a", q("a.crit", TIERS), *others))
    given = {f"a.x{i}": ChoiceAnswer("4") for i in range(10)}
    if option is not None:
        given["a.crit"] = ChoiceAnswer(option)
    result = score(qn, given)
    assert result.uncapped_level.level == 5
    assert result.level.level == level
    assert result.capped_by == (("a.crit",) if capped else ())


def test_capped_by_lists_a_tier_even_when_the_score_level_is_lower() -> None:
    # a.crit at 3 caps at 4, but the score (3/4 + 0) / 2 = 37.5 is level 2 anyway
    qn = make(domain("a", q("a.crit", TIERS), q("a.x")))
    result = score(qn, answers(a_crit="3", a_x="0"))
    assert result.capped_by == ("a.crit",)
    assert result.level.level == result.uncapped_level.level == 2


def test_na_on_a_tiered_critical_question_does_not_cap() -> None:
    qn = make(domain("a", q("a.crit", TIERS), q("a.x")))
    result = score(qn, answers(a_crit="na", a_x="4"))
    assert result.capped_by == ()
    assert result.level.level == 5


# Domain levels and the weakest-domain limit ---------------------------------------------------


def test_each_domain_gets_the_level_of_its_shown_score() -> None:
    qn = make(
        domain("a", q("a.x", scale="fine")),  # 39.96 shown as 40.0: level 3
        domain("b", q("b.x")),  # 75: level 4
        domain("c", q("c.x")),  # N/A: no score, no level
    )
    result = score(qn, answers(a_x="a", b_x="3", c_x="na"))
    assert [None if d.level is None else d.level.level for d in result.domains] == [3, 4, None]
    assert [d["level"] for d in score_json(result)["domains"]] == [3, 4, None]


def test_weakest_domain_limits_the_level() -> None:
    # a = 100 (level 5), b = 100 (level 5), c = 0 (level 1): overall 66.7 (level 4);
    # the limit is level 1 + 1 = 2, and c is the domain that holds it down
    qn = limited(domain("a", q("a.x")), domain("b", q("b.x")), domain("c", q("c.x")))
    result = score(qn, answers(a_x="4", b_x="4", c_x="0"))
    assert result.overall == pytest.approx(200 / 3)
    assert result.uncapped_level.level == 4
    assert result.level.level == 2
    assert result.limited_by_domains == ("c",)
    assert score_json(result)["overall"]["limited_by_domains"] == ["c"]


def test_limited_by_lists_every_domain_at_the_lowest_level_in_order() -> None:
    # a = 0, b = 100, c = 0, d = 100, e = 100: overall 60 (level 4), limit 2
    qn = limited(*(domain(d, q(f"{d}.x")) for d in "abcde"))
    result = score(qn, answers(a_x="0", b_x="4", c_x="0", d_x="4", e_x="4"))
    assert result.uncapped_level.level == 4
    assert result.level.level == 2
    assert result.limited_by_domains == ("a", "c")


def test_no_limit_when_the_weakest_domain_is_close_enough() -> None:
    # a = 100 (5), b = 75 (4): overall 87.5 (level 5) <= 4 + 1: not limited
    qn = limited(domain("a", q("a.x")), domain("b", q("b.x")))
    result = score(qn, answers(a_x="4", b_x="3"))
    assert result.level.level == 5
    assert result.limited_by_domains == ()


def test_limit_is_listed_even_where_a_critical_cap_is_lower_still() -> None:
    # a: crit 0 and x 4 = 50 (level 3); b, c, d = 100 (5): overall 87.5 (level 5);
    # the limit is 3 + 1 = 4, the critical cap is 2: level 2, and both reasons are listed
    qn = limited(
        domain("a", q("a.crit", "critical: {below: 2, cap_level: 2}"), q("a.x")),
        domain("b", q("b.x")),
        domain("c", q("c.x")),
        domain("d", q("d.x")),
    )
    result = score(qn, answers(a_crit="0", a_x="4", b_x="4", c_x="4", d_x="4"))
    assert result.uncapped_level.level == 5
    assert result.level.level == 2
    assert result.capped_by == ("a.crit",)
    assert result.limited_by_domains == ("a",)


def test_without_the_scoring_block_there_is_no_limit() -> None:
    qn = make(domain("a", q("a.x")), domain("b", q("b.x")), domain("c", q("c.x")))
    result = score(qn, answers(a_x="4", b_x="4", c_x="0"))
    assert result.level.level == 4
    assert result.limited_by_domains == ()


def test_domains_without_a_score_do_not_count_for_the_limit() -> None:
    qn = limited(domain("a", q("a.x")), domain("b", q("b.x")))
    result = score(qn, answers(a_x="4", b_x="na"))
    assert result.level.level == 5
    assert result.limited_by_domains == ()


# Profile questions ----------------------------------------------------------------------------

PROFILE = "type: profile"


def test_profile_questions_are_never_scored_but_count_for_completeness() -> None:
    qn = make(
        domain("p", q("p.nis2", PROFILE), q("p.sector", PROFILE)),
        domain("a", q("a.x"), q("a.y")),
    )
    result = score(qn, answers(p_nis2="0", a_x="4", a_y="2"))
    assert scores(result) == {"p": None, "a": pytest.approx(75.0)}
    assert result.overall == pytest.approx(75.0)
    assert result.questions["p.nis2"].status is Status.ANSWERED
    assert result.questions["p.sector"].status is Status.UNANSWERED
    assert result.completeness == pytest.approx(3 / 4)
    # never recommended, never unverified, never capping
    assert [r.question.id for r in result.recommendations] == []
    assert "p.nis2" not in score(qn, answers(p_nis2="4")).unverified
    assert score_json(result)["domains"][0] == {
        "id": "p",
        "score": None,
        "level": None,
        "answered": 0,
        "na": 0,
        "applicable": 0,
        "low_confidence": False,
    }


def test_profile_questions_drive_conditions() -> None:
    qn = make(
        domain("p", q("p.nis2", PROFILE)),
        domain("a", q("a.notify", "relevant: \"${p.nis2} != '0'\""), q("a.x")),
    )
    out_of_scope = score(qn, answers(p_nis2="0", a_notify="0", a_x="4"))
    assert out_of_scope.questions["a.notify"].status is Status.NOT_RELEVANT
    assert scores(out_of_scope)["a"] == pytest.approx(100.0)
    in_scope = score(qn, answers(p_nis2="2", a_notify="0", a_x="4"))
    assert scores(in_scope)["a"] == pytest.approx(50.0)


def test_profile_questions_are_never_na() -> None:
    qn = make(domain("p", q("p.nis2", PROFILE)), domain("a", q("a.x")))
    problem = answer_problem(qn, "p.nis2", NotApplicable("we do not know"))
    assert problem == "question 'p.nis2' is a profile question and is never N/A"
    result = score(qn, {"p.nis2": NotApplicable("x"), "a.x": ChoiceAnswer("4")})
    assert result.questions["p.nis2"].status is Status.UNANSWERED
    assert result.completeness == pytest.approx(1 / 2)


# Low confidence -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight_x", "given", "low"),
    [
        (1, {"a_x": "4", "a_y": "4", "a_z": "na"}, False),  # 1 of 3: exactly a third, not more
        (1, {"a_x": "4", "a_y": "na", "a_z": "na"}, True),  # 2 of 3
        (3, {"a_x": "na", "a_y": "4", "a_z": "4"}, True),  # weight 3 of 5
        (3, {"a_x": "4", "a_y": "na"}, False),  # 1 of 5; the unanswered a.z still counts
    ],
)
def test_low_confidence_when_na_weight_exceeds_a_third(
    weight_x: float, given: dict[str, str], low: bool
) -> None:
    qn = make(domain("a", q("a.x", f"weight: {weight_x}"), q("a.y"), q("a.z")))
    result = score(qn, answers(**given))
    assert result.domains[0].low_confidence is low
    assert score_json(result)["domains"][0]["low_confidence"] is low


def test_a_domain_with_no_score_is_not_low_confidence() -> None:
    qn = make(domain("a", q("a.x"), q("a.y")))
    result = score(qn, answers(a_x="na", a_y="na"))
    assert result.domains[0].score is None
    assert result.domains[0].low_confidence is False


def test_irrelevant_questions_do_not_count_for_confidence() -> None:
    qn = make(domain("a", q("a.gate"), q("a.f1", 'relevant: "${a.gate} >= 2"'), q("a.x")))
    result = score(qn, answers(a_gate="0", a_x="na", a_f1="na"))
    # relevant: a.gate (answered) and a.x (N/A): 1 of 2 > a third
    assert result.domains[0].low_confidence is True


# Evidence and the unverified list -------------------------------------------------------------

AS_OF = date(2026, 11, 29)


def evidence(days_before: int) -> Evidence:
    return Evidence(EvidenceKind.EXERCISE, "AAR p.4", AS_OF - timedelta(days=days_before))


def test_high_answers_without_recent_evidence_are_unverified() -> None:
    qn = make(domain("a", q("a.two"), q("a.three"), q("a.four"), q("a.na")), domain("b", q("b.x")))
    given = answers(a_two="2", a_three="3", a_four="4", a_na="na", b_x="4")
    result = score(qn, given, {}, AS_OF)
    # q >= 0.75: options 3 and 4; in questionnaire order
    assert result.unverified == ("a.three", "a.four", "b.x")
    assert score_json(result)["unverified"] == ["a.three", "a.four", "b.x"]


@pytest.mark.parametrize(
    ("days_before", "verified"),
    [(0, True), (730, True), (731, False), (-1, False)],  # a future date verifies nothing
)
def test_evidence_counts_for_730_days_before_the_as_of_date(
    days_before: int, verified: bool
) -> None:
    qn = make(domain("a", q("a.x")))
    result = score(qn, answers(a_x="4"), {"a.x": evidence(days_before)}, AS_OF)
    assert result.unverified == (() if verified else ("a.x",))


def test_evidence_never_changes_scores_levels_or_recommendations() -> None:
    qn = make(domain("a", q("a.c", TIERS), q("a.x"), q("a.y")))
    given = answers(a_c="3", a_x="4", a_y="1")
    bare = score(qn, given, {}, AS_OF)
    backed = score(qn, given, {k: evidence(10) for k in ("a.c", "a.x", "a.y")}, AS_OF)
    assert bare.unverified == ("a.c", "a.x")
    assert backed.unverified == ()
    a, b = score_json(bare), score_json(backed)
    a.pop("unverified"), b.pop("unverified")
    assert a == b


def test_irrelevant_and_unanswered_questions_are_never_unverified() -> None:
    qn = make(domain("a", q("a.gate"), q("a.f", 'relevant: "${a.gate} >= 2"'), q("a.u")))
    result = score(qn, answers(a_gate="1", a_f="4"), {}, AS_OF)
    assert result.unverified == ()


def test_as_of_defaults_to_today() -> None:
    qn = make(domain("a", q("a.x")))
    today = Evidence(EvidenceKind.RECORD, "log", date.today())
    result = score(qn, answers(a_x="4"), {"a.x": today})
    assert result.unverified == ()
    assert result.as_of == date.today()
