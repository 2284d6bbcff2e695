"""Scoring properties over the built-in questionnaires with random answer sets (hypothesis)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.domain.answers import (
    Answer,
    ChoiceAnswer,
    Evidence,
    EvidenceKind,
    NotApplicable,
    TextAnswer,
)
from readiness.domain.model import Questionnaire
from readiness.domain.scoring import ScoreResult, Status, score
from readiness.services.catalog import find_builtin
from readiness.services.results import score_json
from readiness.services.scoring import score_answers_file

QUESTIONNAIRES = {
    qid: find_builtin(qid).questionnaire for qid in ("company-readiness", "defence-unit-readiness")
}
COMPANY = QUESTIONNAIRES["company-readiness"]

TEXT_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
FAST = settings(max_examples=50, deadline=None)


def referenced(questionnaire: Questionnaire) -> set[str]:
    """Questions some condition looks at: changing them can switch other questions on or off."""
    return {ref for q in questionnaire.questions() if q.relevant for ref in q.relevant.references()}


@st.composite
def answer_sets(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Answer]:
    """Each question: an option, N/A with a justification (where allowed), text, or nothing."""
    answers: dict[str, Answer] = {}
    for question in questionnaire.questions():
        if not question.is_choice:
            if draw(st.booleans()):
                answers[question.id] = TextAnswer(
                    draw(st.text(TEXT_ALPHABET, min_size=1, max_size=8))
                )
            continue
        assert question.scale is not None
        choices: list[Answer | None] = [None]
        choices += [ChoiceAnswer(o.id) for o in question.scale.options]
        if question.allow_na:
            choices.append(NotApplicable("not our business"))
        answer = draw(st.sampled_from(choices))
        if answer is not None:
            answers[question.id] = answer
    return answers


def domain_scores(result: ScoreResult) -> dict[str, float | None]:
    return {d.id: d.score for d in result.domains}


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
@FAST
@given(data=st.data())
def test_scores_and_completeness_stay_in_range(qid: str, data: st.DataObject) -> None:
    questionnaire = QUESTIONNAIRES[qid]
    result = score(questionnaire, data.draw(answer_sets(questionnaire)))
    assert 0.0 <= result.overall <= 100.0
    for d in result.domains:
        assert d.score is None or 0.0 <= d.score <= 100.0
        assert d.answered <= d.applicable
    assert 0.0 <= result.completeness <= 1.0
    assert result.level.level <= result.uncapped_level.level
    allowance = questionnaire.scoring.max_levels_above_weakest_domain
    levels = [d.level.level for d in result.domains if d.level is not None]
    if allowance is not None and levels:
        assert result.level.level <= min(levels) + allowance
    for qid in result.capped_by:
        cap = questionnaire.question(qid).cap_for(
            None if result.questions[qid].option is None else result.questions[qid].option.score
        )
        assert cap is not None and result.level.level <= cap
    for qid in result.unverified:
        assert result.questions[qid].status is Status.ANSWERED
        assert (result.questions[qid].value or 0) >= 0.75
    priorities = [r.priority for r in result.recommendations]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(priorities))


# Raising an answer can switch on a conditional follow-up that then counts 0 (unanswered)
# and lowers the domain. So only questions no condition refers to are raised: their value
# decides nothing but their own term in Σ(weight × q), which grows.
RAISABLE = {
    qid: [q for q in qn.questions() if q.is_scored and q.id not in referenced(qn)]
    for qid, qn in QUESTIONNAIRES.items()
}


@FAST
@given(data=st.data())
def test_raising_an_answer_never_lowers_its_domain(data: st.DataObject) -> None:
    answers = data.draw(answer_sets(COMPANY))
    question = data.draw(st.sampled_from(RAISABLE[COMPANY.id]))
    assert question.scale is not None
    options = sorted(question.scale.options, key=lambda o: o.score)
    low = data.draw(st.integers(0, len(options) - 2))
    high = data.draw(st.integers(low + 1, len(options) - 1))
    before = score(COMPANY, {**answers, question.id: ChoiceAnswer(options[low].id)})
    after = score(COMPANY, {**answers, question.id: ChoiceAnswer(options[high].id)})
    old = before.domain(question.domain_id).score
    new = after.domain(question.domain_id).score
    if before.questions[question.id].status is Status.NOT_RELEVANT:
        assert new == old
    else:
        assert new is not None and old is not None
        assert new >= old - 1e-9
        assert after.overall >= before.overall - 1e-9


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
@FAST
@given(data=st.data())
def test_a_higher_answer_never_lowers_the_level(qid: str, data: st.DataObject) -> None:
    # domain levels only rise, the overall only rises, and a critical tier only relaxes
    questionnaire = QUESTIONNAIRES[qid]
    answers = data.draw(answer_sets(questionnaire))
    question = data.draw(st.sampled_from(RAISABLE[qid]))
    assert question.scale is not None
    options = sorted(question.scale.options, key=lambda o: o.score)
    low = data.draw(st.integers(0, len(options) - 2))
    high = data.draw(st.integers(low + 1, len(options) - 1))
    before = score(questionnaire, {**answers, question.id: ChoiceAnswer(options[low].id)})
    after = score(questionnaire, {**answers, question.id: ChoiceAnswer(options[high].id)})
    assert after.level.level >= before.level.level


@st.composite
def evidence_sets(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Evidence]:
    """Evidence on any questions, dated from well before to just after the as-of date."""
    chosen = draw(st.sets(st.sampled_from([q.id for q in questionnaire.questions()])))
    return {
        qid: Evidence(
            draw(st.sampled_from(list(EvidenceKind))),
            "ref",
            AS_OF - timedelta(days=draw(st.integers(-5, 1000))),
        )
        for qid in chosen
    }


AS_OF = date(2026, 11, 29)


@pytest.mark.parametrize("qid", sorted(QUESTIONNAIRES))
@FAST
@given(data=st.data())
def test_adding_evidence_never_changes_a_score(qid: str, data: st.DataObject) -> None:
    questionnaire = QUESTIONNAIRES[qid]
    answers = data.draw(answer_sets(questionnaire))
    some = data.draw(evidence_sets(questionnaire))
    more = {**data.draw(evidence_sets(questionnaire)), **some}  # some, plus evidence on others
    bare = score(questionnaire, answers, {}, AS_OF)
    results = [bare, score(questionnaire, answers, some, AS_OF)]
    results.append(score(questionnaire, answers, more, AS_OF))
    shapes = [score_json(r) for r in results]
    unverified = [set(shape.pop("unverified")) for shape in shapes]
    assert shapes[0] == shapes[1] == shapes[2]
    assert [r.domains for r in results[1:]] == [bare.domains] * 2
    # evidence only ever takes claims off the unverified list
    assert unverified[0] >= unverified[1] >= unverified[2]


# N/A on a question no condition refers to changes only its own domain's sums. A question a
# condition names could switch questions in other domains on or off, so those are left out.
NA_ABLE = [
    q for q in COMPANY.questions() if q.is_scored and q.allow_na and q.id not in referenced(COMPANY)
]


@FAST
@given(data=st.data())
def test_na_never_changes_another_domain(data: st.DataObject) -> None:
    answers = data.draw(answer_sets(COMPANY))
    question = data.draw(st.sampled_from(NA_ABLE))
    before = score(COMPANY, answers)
    after = score(COMPANY, {**answers, question.id: NotApplicable("does not apply")})
    for old, new in zip(before.domains, after.domains, strict=True):
        if old.id != question.domain_id:
            assert new == old


def _as_file_value(answer: Answer) -> object:
    if isinstance(answer, ChoiceAnswer):
        return answer.option_id
    if isinstance(answer, NotApplicable):
        return {"na": answer.justification}
    assert isinstance(answer, TextAnswer)
    return answer.text


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_order_of_answers_file_entries_changes_nothing(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    answers = data.draw(answer_sets(COMPANY))
    shuffled = data.draw(st.permutations(list(answers)))
    folder = tmp_path_factory.mktemp("order")
    results = []
    for name, keys in (("a.yaml", list(answers)), ("b.yaml", shuffled)):
        path = Path(folder) / name
        body = {
            "questionnaire": COMPANY.id,
            "answers": {k: _as_file_value(answers[k]) for k in keys},
        }
        path.write_text(yaml.safe_dump(body, sort_keys=False, allow_unicode=True), "utf-8")
        results.append(score_answers_file(path))
    first, second = results
    assert score_json(first) == score_json(second)
    assert first.overall == second.overall
    assert first.questions == second.questions
    # and the same as scoring the dict directly, in reverse order
    direct = score(COMPANY, dict(reversed(answers.items())))
    assert score_json(direct) == score_json(first)
