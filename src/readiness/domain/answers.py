"""What a respondent said about one question: an option, N/A with a reason, or free text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from readiness.domain.model import Questionnaire
from readiness.i18n import _


@dataclass(frozen=True, slots=True)
class ChoiceAnswer:
    option_id: str


@dataclass(frozen=True, slots=True)
class NotApplicable:
    justification: str


@dataclass(frozen=True, slots=True)
class TextAnswer:
    text: str


Answer = ChoiceAnswer | NotApplicable | TextAnswer
Answers = Mapping[str, Answer]


class EvidenceKind(StrEnum):
    """What backs a claim (DESIGN section 3)."""

    DOCUMENT = "document"
    RECORD = "record"
    EXERCISE = "exercise"
    PARTNER_CONFIRMATION = "partner_confirmation"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Evidence behind an answer: its kind, a reference a reader can find, and its date."""

    kind: EvidenceKind
    reference: str
    date: date


EVIDENCE_VALID_DAYS = 730
"""Evidence older than this many days before the as-of date no longer verifies a claim."""


@dataclass(frozen=True, slots=True)
class AnswerDetail:
    """Everything said about one question: the answer and the review aids around it."""

    answer: Answer | None = None
    comment: str = ""
    flagged: bool = False
    evidence: Evidence | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.answer is None and not self.comment and not self.flagged and self.evidence is None
        )


def answer_problem(questionnaire: Questionnaire, question_id: str, answer: Answer) -> str | None:
    """Why ``answer`` cannot be given to ``question_id``, or None when it is acceptable."""
    question = questionnaire.question(question_id)
    if question is None:
        return _("unknown question '{question}' in questionnaire '{questionnaire}'").format(
            question=question_id, questionnaire=questionnaire.id
        )
    if isinstance(answer, TextAnswer):
        if question.is_choice:
            return _("question '{question}' needs an option, not free text").format(
                question=question_id
            )
        return None
    if not question.is_choice:
        return _("question '{question}' takes free text, not an option or N/A").format(
            question=question_id
        )
    if isinstance(answer, NotApplicable):
        if not question.is_scored:
            return _("question '{question}' is a profile question and is never N/A").format(
                question=question_id
            )
        if not question.allow_na:
            return _("question '{question}' cannot be answered N/A").format(question=question_id)
        if not answer.justification.strip():
            return _("N/A for question '{question}' needs a justification").format(
                question=question_id
            )
        return None
    assert question.scale is not None
    if question.scale.option(answer.option_id) is None:
        known = ", ".join(o.id for o in question.scale.options)
        return _("unknown option '{option}' for question '{question}' (options: {known})").format(
            option=answer.option_id, question=question_id, known=known
        )
    return None
