"""One question's answer change, checked and applied to its stored state (DESIGN sections 3,
4 and 6), with no storage: the Workspace and the command line's ``sqlite3`` write path
(``services/quick.py``) build and apply edits with these same functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from readiness.domain.answers import (
    AnswerDetail,
    ChoiceAnswer,
    Evidence,
    NotApplicable,
    TextAnswer,
    answer_problem,
)
from readiness.domain.evidence import make_evidence, parse_evidence
from readiness.domain.model import Questionnaire
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.text_input import checked_optional, checked_text

KEEP: object = object()
"""An AnswerEdit field left as it is."""


@dataclass(frozen=True)
class AnswerEdit:
    """One question's new answer fields; a field that is ``KEEP`` (answer, evidence) or None
    (comment, flagged) stays as stored. ``answer=None`` clears the answer, ``evidence=None``
    removes the evidence."""

    question_id: str
    answer: object = KEEP
    comment: str | None = None
    flagged: bool | None = None
    evidence: object = KEEP


def checked_evidence(evidence: Evidence | str) -> Evidence:
    """Evidence given as text parsed and checked; UserError with one line when it is wrong."""
    try:
        if isinstance(evidence, str):
            return parse_evidence(checked_text(evidence, _("the evidence")))
        return make_evidence(evidence.kind.value, evidence.reference, evidence.date)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def answer_edit(
    question_id: str,
    *,
    option: str | None = None,
    na: str | None = None,
    text: str | None = None,
    comment: str | None = None,
    flagged: bool | None = None,
    clear: bool = False,
    evidence: Evidence | str | None = None,
    clear_evidence: bool = False,
) -> AnswerEdit:
    """The edit ``Workspace.change_answer`` describes, every text checked (UserError for bad
    input: more than one of option, N/A and text, invalid Unicode, malformed evidence)."""
    given = [value for value in (option, na, text) if value is not None]
    if len(given) + clear > 1:
        raise UserError(_("give only one of an option, N/A or a free text answer"))
    checked_text(question_id, _("the question id"))
    answer: object = KEEP
    if clear:
        answer = None
    elif option is not None:
        answer = ChoiceAnswer(checked_text(option, _("the option")))
    elif na is not None:
        answer = NotApplicable(checked_text(na, _("the N/A justification")).strip())
    elif text is not None:
        answer = TextAnswer(checked_text(text, _("the answer text")))
    new_evidence: object = None if clear_evidence else KEEP
    if evidence is not None:
        if clear_evidence:
            raise UserError(_("give evidence or remove it, not both"))
        new_evidence = checked_evidence(evidence)
    return AnswerEdit(
        question_id, answer, checked_optional(comment, _("the comment")), flagged, new_evidence
    )


def edited(questionnaire: Questionnaire, current: AnswerDetail, edit: AnswerEdit) -> AnswerDetail:
    """``current`` with ``edit`` applied. Raises UserError for an unknown question, evidence
    on a free-text question, or an answer the question does not take (``answer_problem``)."""
    question_id, answer, evidence = edit.question_id, edit.answer, edit.evidence
    question = questionnaire.question(question_id)
    if question is None:
        raise UserError(
            _("unknown question '{question}' in questionnaire '{qid}'").format(
                question=question_id, qid=questionnaire.id
            )
        )
    if evidence is not KEEP and evidence is not None and not question.is_choice:
        raise UserError(
            _("question '{question}' takes free text; evidence backs option answers").format(
                question=question_id
            )
        )
    if answer is not KEEP and answer is not None:
        assert isinstance(answer, ChoiceAnswer | NotApplicable | TextAnswer)
        problem = answer_problem(questionnaire, question_id, answer)
        if problem:
            raise UserError(problem)
    return replace(
        current,
        answer=current.answer if answer is KEEP else answer,  # type: ignore[arg-type]
        comment=current.comment if edit.comment is None else edit.comment,
        flagged=current.flagged if edit.flagged is None else edit.flagged,
        evidence=current.evidence if evidence is KEEP else evidence,  # type: ignore[arg-type]
    )
