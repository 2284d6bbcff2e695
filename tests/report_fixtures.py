"""Build :class:`Report` objects for the report tests from the built-in questionnaire."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from readiness.domain.answers import Answer, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.model import (
    Critical,
    Domain,
    Level,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Scale,
)
from readiness.domain.report import AnswerDetail, Marking, Report
from readiness.domain.scoring import score
from readiness.services.catalog import find_builtin

HOSTILE_MARKUP = "<b>&amp;</b>"
FORMULAS = ("=1+1", "+cmd", "-2", "@SUM(A1)")
POLISH = "Zażółć gęślą jaźń"
GREEK = "Ελληνικά"
CYRILLIC = "Кириллица"
HOSTILE_TEXTS = (HOSTILE_MARKUP, *FORMULAS, POLISH, GREEK, CYRILLIC)

WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def company():
    """The built-in company questionnaire (LoadedQuestionnaire: .questionnaire, .sha256)."""
    return find_builtin("company-readiness")


def full_answers(questionnaire: Questionnaire) -> dict[str, Answer]:
    """Every question answered, with a spread of options so all levels of colour show."""
    answers: dict[str, Answer] = {}
    for index, question in enumerate(questionnaire.questions()):
        if question.is_choice:
            assert question.scale is not None
            options = question.scale.options
            answers[question.id] = ChoiceAnswer(options[(index * 3 + 1) % len(options)].id)
        else:
            answers[question.id] = TextAnswer("Funding for joint exercises.")
    return answers


def make_report(
    answers: dict[str, Answer] | None = None,
    details: dict[str, AnswerDetail] | None = None,
    *,
    loaded=None,
    organisation: str = "Nordic Grid Operator AS",
    title: str = "Annual readiness review 2025",
    assessor: str = "Kari Nordmann",
    marking: Marking = Marking.AMBER_STRICT,
    kind: str = "company",
    status: str = "completed",
) -> Report:
    """A report over ``loaded`` (default: the company questionnaire) scored from ``answers``.

    ``details`` defaults to the answers without comments; answers present only in ``details``
    are scored too.
    """
    loaded = loaded or company()
    questionnaire = loaded.questionnaire
    if answers is None:
        answers = full_answers(questionnaire)
    merged = dict(details or {})
    for question_id, answer in answers.items():
        old = merged.get(question_id)
        merged[question_id] = AnswerDetail(
            answer, old.comment if old else "", old.flagged if old else False
        )
    scored = {qid: d.answer for qid, d in merged.items() if d.answer is not None}
    return Report(
        organisation=organisation,
        organisation_kind=kind,
        sector="energy",
        country="NO",
        title=title,
        assessor=assessor,
        status=status,
        marking=marking,
        questionnaire_sha256=getattr(loaded, "sha256", "0" * 64),
        created_at=WHEN,
        updated_at=WHEN,
        generated_at=WHEN,
        tool_version="0.1.0",
        result=score(questionnaire, scored),
        details=merged,
    )


def complete_report(**kwargs) -> Report:
    report = make_report(**kwargs)
    assert not report.is_draft
    return report


def incomplete_report(**kwargs) -> Report:
    """Only the first half of the questions answered."""
    questionnaire = (kwargs.get("loaded") or company()).questionnaire
    answers = full_answers(questionnaire)
    half = dict(list(answers.items())[: len(answers) // 2])
    report = make_report(half, status="draft", **kwargs)
    assert report.is_draft
    return report


def na_everywhere(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with N/A allowed on every scored question (1.1.0 allows it on few)."""
    domains = tuple(
        replace(d, questions=tuple(replace(q, allow_na=q.is_scored) for q in d.questions))
        for d in questionnaire.domains
    )
    return replace(questionnaire, domains=domains)


def hostile_report(marking: Marking = Marking.RED) -> Report:
    """User text everywhere a user can type: markup, formulas, three scripts, control chars."""
    loaded = _Loaded(na_everywhere(company().questionnaire))
    questionnaire = loaded.questionnaire
    answers = full_answers(questionnaire)
    choice = [q for q in questionnaire.questions() if q.is_scored and q.allow_na and not q.relevant]
    text_questions = [q for q in questionnaire.questions() if not q.is_choice]
    details: dict[str, AnswerDetail] = {}
    # One comment per hostile string, on different questions; one N/A justification each too.
    for question, hostile in zip(choice, HOSTILE_TEXTS, strict=False):
        details[question.id] = AnswerDetail(answers[question.id], comment=hostile, flagged=True)
    for question, hostile in zip(reversed(choice), HOSTILE_TEXTS, strict=False):
        answers[question.id] = NotApplicable(hostile)
    if text_questions:
        answers[text_questions[0].id] = TextAnswer('=HYPERLINK("http://x")\x01\x0b tail')
    return make_report(
        answers,
        details,
        loaded=loaded,
        organisation=f"{HOSTILE_MARKUP} {POLISH}",
        title=f"{GREEK} {CYRILLIC} =1+1",
        assessor="@SUM(A1)",
        marking=marking,
    )


class _Loaded:
    def __init__(self, questionnaire: Questionnaire):
        self.questionnaire = questionnaire
        self.sha256 = "f" * 64


def synthetic(questions: int = 200, domains: int = 8, domain_titles: tuple[str, ...] = ()):
    """A generated questionnaire of ``questions`` choice questions (LoadedQuestionnaire-like);
    ``domain_titles`` name the first domains (the rest are "Synthetic domain N")."""
    scale = Scale(
        "maturity",
        tuple(Option(str(i), float(i), {"en": f"Option {i}"}) for i in range(5)),
    )
    levels = tuple(
        Level(n, float(m), {"en": f"Level {n}"})
        for n, m in zip(range(1, 6), range(0, 100, 20), strict=True)
    )
    per = max(1, questions // domains)
    built = []
    for d in range(domains):
        qs = tuple(
            Question(
                id=f"d{d}.q{i}",
                domain_id=f"d{d}",
                type=QuestionType.CHOICE,
                text={"en": f"Synthetic question {i} of domain {d}: is the thing in place? " * 2},
                scale=scale,
                weight=1.0 + (i % 3),
                critical=Critical(2, 2) if i == 0 else None,
                recommendation={"en": f"Improve the thing number {i} in domain {d}."},
            )
            for i in range(per)
        )
        title = domain_titles[d] if d < len(domain_titles) else f"Synthetic domain {d}"
        built.append(Domain(f"d{d}", {"en": title}, qs))
    questionnaire = Questionnaire(
        id="synthetic",
        version="1.0.0",
        audience="company",
        languages=("en",),
        title={"en": "Synthetic questionnaire"},
        scales={"maturity": scale},
        levels=levels,
        domains=tuple(built),
    )
    return _Loaded(questionnaire)
