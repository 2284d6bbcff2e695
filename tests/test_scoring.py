"""Scoring (DESIGN section 3) on small questionnaires with hand-computed expectations."""

from __future__ import annotations

import pytest

from readiness.domain.answers import Answer, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.model import Questionnaire
from readiness.domain.scoring import ScoreResult, Status, score
from readiness.questionnaire.loader import load_text
from readiness.services.results import score_json

HEADER = """\
format: readiness-questionnaire/1
id: t
version: 2.1.0
audience: company
languages: [en]
title: {en: T}
scales:
  maturity:
    options:
      - {id: "0", score: 0, label: {en: Absent}}
      - {id: "1", score: 1, label: {en: Ad hoc}}
      - {id: "2", score: 2, label: {en: Defined}}
      - {id: "3", score: 3, label: {en: Implemented}}
      - {id: "4", score: 4, label: {en: Tested}}
  fine:
    options:
      - {id: low, score: 0, label: {en: Low}}
      - {id: a, score: 999, label: {en: A}}
      - {id: b, score: 998.5, label: {en: B}}
      - {id: c, score: 1000, label: {en: C}}
      - {id: top, score: 2500, label: {en: Top}}
levels:
  - {level: 1, min: 0, label: {en: Initial}}
  - {level: 2, min: 20, label: {en: Developing}}
  - {level: 3, min: 40, label: {en: Defined}}
  - {level: 4, min: 60, label: {en: Managed}}
  - {level: 5, min: 80, label: {en: Optimised}}
domains:
"""


def q(qid: str, extra: str = "", scale: str = "maturity") -> str:
    """One choice question; ``extra`` holds more keys, ';'-separated."""
    lines = [f"      - id: {qid}", f"        scale: {scale}", f"        text: {{en: Text {qid}}}"]
    lines += [f"        {part.strip()}" for part in extra.split(";") if part.strip()]
    return "\n".join(lines) + "\n"


def domain(did: str, *questions: str, weight: float | None = None) -> str:
    head = f"  - id: {did}\n    title: {{en: Domain {did}}}\n"
    if weight is not None:
        head += f"    weight: {weight}\n"
    return head + "    questions:\n" + "".join(questions)


def make(*domains: str) -> Questionnaire:
    return load_text(HEADER + "".join(domains)).questionnaire


def answers(**given: str | None) -> dict[str, Answer]:
    """Keys use '_' for '.'; a value "na" means N/A, "text:..." free text, else an option id."""
    out: dict[str, Answer] = {}
    for key, value in given.items():
        qid = key.replace("_", ".")
        if value == "na":
            out[qid] = NotApplicable("no such activity")
        elif value is not None and value.startswith("text:"):
            out[qid] = TextAnswer(value[5:])
        elif value is not None:
            out[qid] = ChoiceAnswer(value)
    return out


def scores(result: ScoreResult) -> dict[str, float | None]:
    return {d.id: d.score for d in result.domains}


def test_question_and_domain_weights() -> None:
    qn = make(
        domain("a", q("a.x", "weight: 3"), q("a.y"), weight=2),
        domain("b", q("b.x")),
    )
    result = score(qn, answers(a_x="4", a_y="0", b_x="2"))
    assert scores(result) == {"a": pytest.approx(75.0), "b": pytest.approx(50.0)}
    assert result.overall == pytest.approx((2 * 75 + 50) / 3)  # 66.67
    assert result.level.level == 4
    assert score_json(result)["overall"]["score"] == 66.7


def test_na_leaves_the_denominator_and_unanswered_counts_zero() -> None:
    qn = make(domain("a", q("a.x"), q("a.y", "weight: 5"), q("a.z")))
    result = score(qn, answers(a_x="2", a_y="na"))  # a.z unanswered
    assert scores(result) == {"a": pytest.approx(25.0)}  # (0.5 + 0) / 2, a.y out
    (d,) = result.domains
    assert (d.answered, d.na, d.applicable) == (1, 1, 2)
    assert result.questions["a.y"].status is Status.NA
    assert result.questions["a.z"].status is Status.UNANSWERED
    assert result.completeness == pytest.approx(2 / 3)


def test_na_is_refused_where_not_allowed_and_counts_as_unanswered() -> None:
    qn = make(domain("a", q("a.x", "allow_na: false"), q("a.y")))
    result = score(qn, answers(a_x="na", a_y="4"))
    assert result.questions["a.x"].status is Status.UNANSWERED
    assert scores(result) == {"a": pytest.approx(50.0)}


def test_irrelevant_questions_are_ignored_but_their_answers_kept() -> None:
    qn = make(
        domain("a", q("a.gate"), q("a.follow", 'relevant: "${a.gate} >= 2"')),
        domain("b", q("b.other", "relevant: \"${a.follow} = '4'\"")),
    )
    given = answers(a_gate="1", a_follow="0", b_other="0")
    result = score(qn, given)
    assert result.questions["a.follow"].status is Status.NOT_RELEVANT
    # an irrelevant question has no value, so conditions naming it are false too
    assert result.questions["b.other"].status is Status.NOT_RELEVANT
    assert scores(result) == {"a": pytest.approx(25.0), "b": None}
    assert result.completeness == 1.0
    assert [r.question.id for r in result.recommendations] == ["a.gate"]
    # the answers are untouched: raising the gate brings them back into play
    assert given["a.follow"] == ChoiceAnswer("0")
    again = score(qn, {**given, "a.gate": ChoiceAnswer("2")})
    assert scores(again) == {"a": pytest.approx(25.0), "b": None}  # (0.5 + 0) / 2
    assert again.questions["a.follow"].status is Status.ANSWERED


def test_domain_with_nothing_applicable_drops_out_of_overall() -> None:
    qn = make(
        domain("a", q("a.x"), weight=3),
        domain("b", q("b.x"), q("b.y"), weight=100),
    )
    result = score(qn, answers(a_x="3", b_x="na", b_y="na"))
    assert scores(result) == {"a": pytest.approx(75.0), "b": None}
    assert result.overall == pytest.approx(75.0)
    assert result.domain("b").applicable == 0
    assert score_json(result)["domains"][1] == {
        "id": "b",
        "score": None,
        "level": None,
        "answered": 0,
        "na": 2,
        "applicable": 0,
        "low_confidence": False,
    }


def test_overall_is_zero_without_any_scored_domain() -> None:
    qn = make(domain("a", q("a.x"), q("a.y")))
    result = score(qn, answers(a_x="na", a_y="na"))
    assert scores(result) == {"a": None}
    assert result.overall == 0.0
    assert result.level.level == 1
    assert result.completeness == 1.0


def test_completeness_is_one_when_there_are_no_choice_questions() -> None:
    text_only = "      - id: a.notes\n        type: text\n        text: {en: Notes}\n"
    qn = make(domain("a", text_only))
    result = score(qn, {})
    assert result.completeness == 1.0
    assert result.overall == 0.0
    assert scores(result) == {"a": None}
    assert result.recommendations == ()


def test_completeness_counts_answered_and_na_over_relevant_choice_questions() -> None:
    qn = make(
        domain(
            "a",
            q("a.gate"),
            q("a.hidden", "relevant: \"${a.gate} = '4'\""),
            q("a.x"),
            q("a.y"),
            "      - id: a.notes\n        type: text\n        text: {en: Notes}\n",
        )
    )
    result = score(qn, answers(a_gate="0", a_x="na", a_notes="text:anything"))
    # relevant choice questions: gate, x, y (hidden is not relevant, notes is text)
    assert result.completeness == pytest.approx(2 / 3)
    assert not result.complete
    assert score_json(result)["completeness"] == 0.6667
    full = score(qn, answers(a_gate="0", a_x="na", a_y="1"))
    assert full.completeness == 1.0 and full.complete


@pytest.mark.parametrize(
    ("option", "exact", "level"),
    [
        ("a", 39.96, 3),  # shown as 40.0, so level 3 (min 40)
        ("b", 39.94, 2),  # shown as 39.9
        ("c", 40.0, 3),
    ],
)
def test_level_is_judged_on_the_score_rounded_to_one_decimal(
    option: str, exact: float, level: int
) -> None:
    qn = make(domain("a", q("a.x", scale="fine")))
    result = score(qn, answers(a_x=option))
    assert result.overall == pytest.approx(exact)
    assert result.level.level == level
    assert result.uncapped_level.level == level


def test_level_for_almost_forty() -> None:
    qn = make(domain("a", q("a.x")))
    assert qn.level_for(39.99999).level == 2  # level_for takes the shown (rounded) score
    from readiness.domain.scoring import shown

    assert qn.level_for(shown(39.99999)).level == 3


CRITICAL = "critical: {below: 2, cap_level: 2}"


def critical_questionnaire() -> Questionnaire:
    return make(
        domain(
            "a",
            q("a.c1", CRITICAL),
            q("a.gate"),
            q("a.c2", f'{CRITICAL}; relevant: "${{a.gate}} >= 2"'),
            q("a.x"),
        ),
        domain("b", q("b.c3", "critical: {below: 3, cap_level: 3}"), q("b.y")),
    )


def test_unanswered_critical_caps() -> None:
    result = score(critical_questionnaire(), answers(a_gate="4", a_c2="4", a_x="4", b_c3="4"))
    assert result.capped_by == ("a.c1",)
    assert result.uncapped_level.level == 4
    assert result.level.level == 2


@pytest.mark.parametrize(("answer", "caps"), [("0", True), ("1", True), ("2", False)])
def test_critical_below_threshold_caps(answer: str, caps: bool) -> None:
    result = score(
        critical_questionnaire(), answers(a_c1=answer, a_gate="0", a_x="4", b_c3="4", b_y="4")
    )
    assert result.capped_by == (("a.c1",) if caps else ())
    assert result.level.level == (2 if caps else result.uncapped_level.level)


def test_na_and_irrelevant_criticals_do_not_cap() -> None:
    # a.c2 is not relevant (gate 0) and unanswered; a.c1 is N/A
    result = score(
        critical_questionnaire(), answers(a_c1="na", a_gate="0", a_x="4", b_c3="4", b_y="4")
    )
    assert result.capped_by == ()
    assert result.level == result.uncapped_level


def test_capped_by_lists_every_capping_question_in_questionnaire_order() -> None:
    # overall is 21.875 (level 2), so no cap lowers the level, yet all three are listed;
    # answers are given in reverse order to show the order comes from the questionnaire
    given = dict(reversed(answers(a_c1="1", a_gate="2", a_c2="0", b_c3="2").items()))
    result = score(critical_questionnaire(), given)
    assert result.capped_by == ("a.c1", "a.c2", "b.c3")
    assert result.level.level == result.uncapped_level.level == 2
    assert score_json(result)["overall"]["capped_by"] == ["a.c1", "a.c2", "b.c3"]


def test_lowest_cap_wins() -> None:
    # b.c3 caps at 3, a.c1 at 2; everything else full marks: 81.25 and 75 -> 78.1 (level 4)
    result = score(
        critical_questionnaire(),
        answers(a_c1="1", a_gate="4", a_c2="4", a_x="4", b_c3="2", b_y="4"),
    )
    assert result.uncapped_level.level == 4
    assert result.capped_by == ("a.c1", "b.c3")
    assert result.level.level == 2
    only_b = score(
        critical_questionnaire(),
        answers(a_c1="4", a_gate="4", a_c2="4", a_x="4", b_c3="2", b_y="4"),
    )
    assert (only_b.uncapped_level.level, only_b.level.level) == (5, 3)  # 87.5 capped at 3


def test_recommendation_threshold_default_and_explicit() -> None:
    qn = make(
        domain(
            "a",
            q("a.one", "recommendation: {en: Do one}"),
            q("a.two"),
            q("a.three", "recommend_below: 4"),
            q("a.four", "recommend_below: 4"),
            q("a.none"),
            q("a.na"),
        )
    )
    result = score(qn, answers(a_one="1", a_two="2", a_three="3", a_four="4", a_na="na"))
    due = {r.question.id: r for r in result.recommendations}
    # default threshold is half the scale's top (2): "1" due, "2" not; explicit 4: "3" due
    assert set(due) == {"a.one", "a.three", "a.none"}
    assert due["a.one"].priority == pytest.approx(0.75)
    assert due["a.three"].priority == pytest.approx(0.25)
    assert due["a.none"].priority == pytest.approx(1.0)
    assert [r.question.id for r in result.recommendations] == ["a.none", "a.one", "a.three"]
    texts = {r["question"]: r["text"] for r in score_json(result)["recommendations"]}
    assert texts["a.one"] == "Do one"
    assert texts["a.none"] == "Text a.none"  # falls back to the question text


def test_recommendation_priority_uses_both_weights_and_doubles_when_capping() -> None:
    qn = make(
        domain("a", q("a.crit", f"{CRITICAL}; weight: 1.5"), q("a.plain", "weight: 2"), weight=3),
        domain("b", q("b.low"), weight=0.5),
    )
    result = score(qn, answers(a_crit="1", a_plain="1", b_low="0"))
    got = [(r.question.id, r.priority, r.capping) for r in result.recommendations]
    assert got == [
        ("a.crit", pytest.approx(2 * 3 * 1.5 * 0.75), True),  # 6.75
        ("a.plain", pytest.approx(3 * 2 * 0.75), False),  # 4.5
        ("b.low", pytest.approx(0.5), False),
    ]


def test_equal_priorities_keep_questionnaire_order() -> None:
    qn = make(
        domain("a", q("a.x", "weight: 2"), q("a.y"), weight=1),
        domain("b", q("b.x", "weight: 0.5"), q("b.y", "weight: 2"), weight=4),
    )
    result = score(qn, {})
    # priorities: a.x 2, a.y 1, b.x 2, b.y 8
    assert [r.question.id for r in result.recommendations] == ["b.y", "a.x", "b.x", "a.y"]


def test_priorities_within_1e_9_are_equal() -> None:
    # 1 x 0.3 = 0.3, but 3 x 0.1 = 0.30000000000000004: slightly larger, yet "equal",
    # so questionnaire order decides and a.x (first) stays first
    qn = make(
        domain("a", q("a.x", "weight: 0.3"), weight=1),
        domain("b", q("b.x", "weight: 0.1"), weight=3),
    )
    result = score(qn, {})
    first, second = result.recommendations
    assert second.priority > first.priority
    assert second.priority - first.priority < 1e-9
    assert [first.question.id, second.question.id] == ["a.x", "b.x"]
    reverse = make(
        domain("b", q("b.x", "weight: 0.1"), weight=3),
        domain("a", q("a.x", "weight: 0.3"), weight=1),
    )
    assert [r.question.id for r in score(reverse, {}).recommendations] == ["b.x", "a.x"]


def test_score_json_shape_and_rounding() -> None:
    qn = make(
        domain("a", q("a.c", CRITICAL), q("a.x"), q("a.y"), weight=2),
        domain("b", q("b.x", "weight: 3"), q("b.y")),
    )
    # a: (1/4 + 3/4 + 0)/3 = 33.333..; b: (3*1 + 0.25)/4 = 81.25 -> overall 49.305..
    result = score(qn, answers(a_c="1", a_x="3", b_x="4", b_y="1"))
    data = score_json(result)
    assert data == {
        "questionnaire": "t",
        "version": "2.1.0",
        "overall": {
            "score": 49.3,
            "level": 2,
            "level_label": "Developing",
            "capped_by": ["a.c"],
            "limited_by_domains": [],
        },
        "completeness": 0.8,
        "domains": [
            {
                "id": "a",
                "score": 33.3,
                "level": 2,
                "answered": 2,
                "na": 0,
                "applicable": 3,
                "low_confidence": False,
            },
            {
                "id": "b",
                "score": 81.2,
                "level": 5,
                "answered": 2,
                "na": 0,
                "applicable": 2,
                "low_confidence": False,
            },
        ],
        "unverified": ["a.x", "b.x"],  # options 3 and 4 with no evidence
        "recommendations": [
            {"question": "a.c", "priority": 3.0, "text": "Text a.c"},
            {"question": "a.y", "priority": 2.0, "text": "Text a.y"},
            {"question": "b.y", "priority": 0.75, "text": "Text b.y"},
        ],
    }
    assert result.overall == pytest.approx((2 * 100 / 3 + 81.25) / 3)
