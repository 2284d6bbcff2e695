"""Question numbers as people see them: "2.5" is domain 2, question 5 (issue 9 items 7 and 9).

One source for the window, the command line and the reports.
"""

from __future__ import annotations

from readiness.domain.model import Questionnaire


def question_numbers(questionnaire: Questionnaire) -> dict[str, str]:
    """Question id -> its number ("domain.question", both from 1), in questionnaire order."""
    cached = questionnaire.derived.get("question-numbers")
    if cached is None:
        cached = {
            question.id: f"{d}.{q}"
            for d, domain in enumerate(questionnaire.domains, start=1)
            for q, question in enumerate(domain.questions, start=1)
        }
        questionnaire.derived["question-numbers"] = cached
    return cached  # type: ignore[no-any-return]


def question_by_number(questionnaire: Questionnaire, given: str) -> str | None:
    """The id of the question ``given`` names, by id or by number ("2.5"); None when neither."""
    given = given.strip()
    if questionnaire.question(given) is not None:
        return given
    for question_id, number in question_numbers(questionnaire).items():
        if number == given:
            return question_id
    return None


def label(questionnaire: Questionnaire, question_id: str) -> str:
    """ "2.5 (trust.tlp)" for messages that must name a question both ways."""
    number = question_numbers(questionnaire).get(question_id)
    return f"{number} ({question_id})" if number else question_id
