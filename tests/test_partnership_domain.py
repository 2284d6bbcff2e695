"""Partnership comparison, portfolio rows and trends (DESIGN section 9), computed by hand.

The questionnaires are built here, small and explicit, so these figures do not move when the
built-in questionnaires change.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from portfolio_helpers import domain, loaded, q
from readiness.domain.answers import Answer, ChoiceAnswer, NotApplicable
from readiness.domain.model import Questionnaire
from readiness.domain.partnership import ComparisonError, TopicComparison, TopicSide, compare
from readiness.domain.portfolio import DomainInfo, ScoredAssessment, latest, portfolio, version_key
from readiness.domain.trend import trend


def questionnaire(qid: str, audience: str, version: str, questions: str) -> Questionnaire:
    return loaded(qid, audience, version, domain("a", questions)).questionnaire


COMPANY = questionnaire(
    "co",
    "company",
    "1.0.0",
    q("c.contact", "contact_24_7", "weight: 2")
    + q("c.contact2", "contact_24_7")
    + q("c.gate")
    + q("c.fuel", "fuel")
    + q("c.fuel-more", "fuel", 'relevant: "${c.gate} >= 3"')
    + q("c.nda", "nda")
    + q("c.liaison", "liaison")
    + q("c.exercise", "exercise")
    + q("c.only", "company_only"),
)
UNIT = questionnaire(
    "un",
    "defence_unit",
    "2.0.0",
    q("u.contact", "contact_24_7")
    + q("u.fuel", "fuel", "weight: 3")
    + q("u.fuel2", "fuel")
    + q("u.nda", "nda")
    + q("u.liaison", "liaison")
    + q("u.gate")
    + q("u.exercise", "exercise", 'relevant: "${u.gate} >= 2"')
    + q("u.only", "unit_only"),
)


def answers(**given: str) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for key, value in given.items():
        qid = key.replace("__", "-").replace("_", ".")
        out[qid] = NotApplicable("not here") if value == "na" else ChoiceAnswer(value)
    return out


COMPANY_ANSWERS = answers(
    c_contact="3",
    c_contact2="1",
    c_gate="1",
    c_fuel="0",
    c_fuel__more="4",  # irrelevant (c.gate < 3): kept but ignored
    c_nda="na",
    # c.liaison unanswered: counts 0
    c_exercise="2",
    c_only="4",
)
UNIT_ANSWERS = answers(
    u_contact="4",
    u_fuel="4",
    u_fuel2="na",
    u_nda="2",
    u_liaison="1",
    u_gate="0",
    u_exercise="4",  # irrelevant (u.gate < 2)
    u_only="4",
)


def test_comparison_by_topic_by_hand() -> None:
    result = compare(COMPANY, COMPANY_ANSWERS, UNIT, UNIT_ANSWERS)
    got = {t.topic: (t.company.value, t.unit.value, t.shown_gap, t.mismatch) for t in result.topics}
    assert got["contact_24_7"][0] == pytest.approx(100 * (2 * 0.75 + 1 * 0.25) / 3)  # 58.33
    assert got["contact_24_7"][1:] == (100.0, -41.7, False)
    assert got["fuel"] == (0.0, 100.0, -100.0, True)  # irrelevant follow-up and N/A left out
    assert got["liaison"] == (0.0, 25.0, -25.0, False)  # unanswered counts 0
    assert got["nda"] == (None, 50.0, None, False)  # only N/A on the company side
    assert got["exercise"] == (50.0, None, None, False)  # only an irrelevant question
    # Only topics both sides tag; |gap| descending, then the null gaps by topic.
    assert [t.topic for t in result.topics] == [
        "fuel",
        "contact_24_7",
        "liaison",
        "exercise",
        "nda",
    ]
    assert (result.paired, result.compared, result.mismatches) == (5, 3, 1)
    assert result.mean_abs_gap == pytest.approx((100 + 125 / 3 + 25) / 3)  # 55.56
    fuel = result.topics[0]
    assert fuel.company.questions == ("c.fuel", "c.fuel-more")
    assert fuel.unit.questions == ("u.fuel", "u.fuel2")


def test_either_order_gives_the_same_comparison() -> None:
    one = compare(COMPANY, COMPANY_ANSWERS, UNIT, UNIT_ANSWERS)
    other = compare(UNIT, UNIT_ANSWERS, COMPANY, COMPANY_ANSWERS)
    assert one.company is COMPANY and other.company is COMPANY
    assert [(t.topic, t.gap) for t in one.topics] == [(t.topic, t.gap) for t in other.topics]


def test_two_companies_cannot_be_compared() -> None:
    with pytest.raises(ComparisonError, match="one company and one defence-unit"):
        compare(COMPANY, {}, COMPANY, {})


def test_no_answers_at_all_compares_zero_with_zero() -> None:
    result = compare(COMPANY, {}, UNIT, {})
    assert {t.topic: t.gap for t in result.topics} == {
        "contact_24_7": 0.0,
        "fuel": 0.0,
        "liaison": 0.0,
        "nda": 0.0,
        "exercise": None,  # the unit's only exercise question is irrelevant without u.gate
    }
    assert result.mismatches == 0 and result.mean_abs_gap == 0.0


def test_mismatch_is_judged_on_the_gap_as_shown() -> None:
    def pair(company: float, unit: float) -> TopicComparison:
        return TopicComparison("t", TopicSide((), company), TopicSide((), unit))

    assert pair(50.0, 100.0).mismatch  # exactly 50 counts
    assert pair(74.96, 25.0).mismatch  # 49.96 is shown as 50.0
    assert not pair(74.94, 25.0).mismatch  # 49.94 is shown as 49.9
    assert pair(100.0, 0.0).shown_gap == 100.0
    assert pair(0.0, 100.0).shown_gap == -100.0


def test_no_paired_topic_gives_null_mean() -> None:
    lonely = questionnaire("lonely", "defence_unit", "1.0.0", q("x.only", "nobody_else"))
    result = compare(COMPANY, COMPANY_ANSWERS, lonely, {})
    assert result.topics == () and result.mean_abs_gap is None


# Portfolio and trend -------------------------------------------------------------------------


def scored(
    aid: str,
    org: str,
    status: str,
    updated: str,
    version: str = "1.0.0",
    domains: dict[str, float | None] | None = None,
    qid: str = "co",
    name: str | None = None,
) -> ScoredAssessment:
    when = datetime.fromisoformat(updated)
    return ScoredAssessment(
        assessment_id=aid,
        organisation_id=org,
        organisation=name or org.upper(),
        kind="company",
        sector="energy",
        country="DE",
        questionnaire=qid,
        version=version,
        title=aid,
        status=status,
        completeness=1.0 if status == "completed" else 0.5,
        score=50.0,
        level=2,
        created=when,
        updated=when,
        domains=domains or {"a": 50.0},
    )


def test_latest_completed_wins_over_a_newer_draft() -> None:
    old_done = scored("1", "o", "completed", "2026-01-01")
    new_done = scored("2", "o", "completed", "2026-03-01")
    newer_draft = scored("3", "o", "draft", "2026-05-01")
    assert latest([old_done, newer_draft, new_done]) is new_done
    assert latest([newer_draft, scored("4", "o", "draft", "2026-02-01")]) is newer_draft
    assert latest([]) is None


def test_portfolio_one_row_per_organisation_and_questionnaire() -> None:
    domains = {
        ("co", "1.0.0"): (DomainInfo("a", "A"),),
        ("co", "1.1.0"): (DomainInfo("a", "A"), DomainInfo("b", "B")),
        ("un", "2.0.0"): (DomainInfo("u", "U"),),
    }
    items = [
        scored("b1", "beta", "draft", "2026-02-01", name="beta"),
        scored("a1", "alpha", "completed", "2026-01-01", "1.0.0", {"a": 10.0}, name="Alpha"),
        scored("a2", "alpha", "draft", "2026-06-01", "1.1.0", {"a": 90.0, "b": None}),
        scored("c1", "gamma", "completed", "2026-03-01", "1.1.0", {"a": 20.0, "b": 30.0}),
        scored("u1", "unit", "completed", "2026-03-01", "2.0.0", {"u": 1.0}, qid="un"),
    ]
    tables = portfolio(items, domains)
    assert [t.questionnaire for t in tables] == ["co", "un"]
    company = tables[0]
    # Highest version in use among the chosen rows decides the columns (gamma is on 1.1.0).
    assert company.version == "1.1.0"
    assert [d.id for d in company.domains] == ["a", "b"]
    # Sorted by name, case-insensitively; alpha's completed 1.0.0 beats its newer draft.
    assert [r.assessment_id for r in company.rows] == ["a1", "b1", "c1"]


def test_version_order_is_numeric() -> None:
    versions = ["1.10.0", "1.9.0", "1.9.0-rc.1", "2.0.0", "1.1.0"]
    assert sorted(versions, key=version_key) == ["1.1.0", "1.9.0-rc.1", "1.9.0", "1.10.0", "2.0.0"]


def test_trend_oldest_first_with_version_changes() -> None:
    items = [
        scored("3", "o", "draft", "2026-07-01", "1.1.0"),
        scored("1", "o", "completed", "2025-01-01", "1.0.0"),
        scored("2", "o", "completed", "2026-01-01", "1.0.0"),
        scored("u", "o", "completed", "2026-01-01", "2.0.0", qid="un"),
    ]
    series = trend(items)
    assert [s.questionnaire for s in series] == ["co", "un"]
    assert [p.assessment_id for p in series[0].points] == ["1", "2", "3"]
    assert series[0].version_changes() == (2,)
    assert series[1].version_changes() == ()
