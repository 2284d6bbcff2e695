"""The three answer patterns of the 2026-11 content review that reached level 5 on 1.0.0.

On 1.1.0 each must stay at level 3 or below (issue 10): critical questions at "2 Defined" with
everything else at 4; one whole domain at 0 with the rest at 4; critical questions at 4 with
everything else N/A.
"""

from __future__ import annotations

import pytest

from readiness.domain.answers import Answer, ChoiceAnswer, NotApplicable
from readiness.domain.model import Questionnaire
from readiness.domain.scoring import score
from readiness.services.catalog import find_builtin

QUESTIONNAIRES = {
    qid: find_builtin(qid).questionnaire for qid in ("company-readiness", "defence-unit-readiness")
}


def scored(q: Questionnaire) -> list[str]:
    return [x.id for x in q.questions() if x.is_scored]


def everything(q: Questionnaire, option: str = "4") -> dict[str, Answer]:
    return {qid: ChoiceAnswer(option) for qid in scored(q)}


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
def test_all_fours_is_level_5(qid: str) -> None:
    """The patterns below start from here: without the loophole, the top is reachable."""
    result = score(QUESTIONNAIRES[qid], everything(QUESTIONNAIRES[qid]))
    assert result.level.level == 5
    assert result.capped_by == () and result.limited_by_domains == ()


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
def test_critical_questions_at_defined_cap_at_3(qid: str) -> None:
    q = QUESTIONNAIRES[qid]
    answers = everything(q)
    critical = [x.id for x in q.questions() if x.tiers]
    answers.update({c: ChoiceAnswer("2") for c in critical})
    result = score(q, answers)
    assert result.uncapped_level.level == 5  # the score alone would still say 5
    assert result.level.level <= 3
    assert result.capped_by == tuple(critical)


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
def test_one_domain_at_zero_is_limited_to_2(qid: str) -> None:
    q = QUESTIONNAIRES[qid]
    for domain in q.domains:
        ids = [x.id for x in domain.questions if x.is_scored]
        if not ids:
            continue  # the profile domain is never scored
        answers = everything(q)
        answers.update({i: ChoiceAnswer("0") for i in ids})
        result = score(q, answers)
        assert result.level.level <= 3, domain.id
        assert domain.id in result.limited_by_domains or result.capped_by, domain.id


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
def test_critical_at_4_and_everything_else_na_stays_low(qid: str) -> None:
    q = QUESTIONNAIRES[qid]
    critical = {x.id for x in q.questions() if x.tiers}
    answers: dict[str, Answer] = {
        i: ChoiceAnswer("4") if i in critical else NotApplicable("does not apply to us")
        for i in scored(q)
    }
    result = score(q, answers)
    assert result.level.level <= 3
    assert result.completeness < 1  # N/A is refused where the scope does not vary
