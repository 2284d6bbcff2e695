"""Questions by number or id, and answers as readable lines for the command line (issue 9
item 7; DESIGN section 6: ``QUESTION`` is a question id or its number as the window shows it)."""

from __future__ import annotations

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.model import Questionnaire, localize
from readiness.domain.numbering import question_by_number, question_numbers
from readiness.domain.progress import progress
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.state import AssessmentState


def resolve_question(questionnaire: Questionnaire, given: str) -> str:
    """The question id ``given`` names (an id, or a number such as ``2.5``); UserError else."""
    found = question_by_number(questionnaire, given)
    if found is None:
        raise UserError(
            _(
                "unknown question '{question}' in questionnaire '{qid}' (give an id such as "
                "{example} or a number such as {number})"
            ).format(
                question=given.strip(),
                qid=questionnaire.id,
                example=next(iter(question_numbers(questionnaire)), "x"),
                number=next(iter(question_numbers(questionnaire).values()), "1.1"),
            )
        )
    return found


def answer_text(questionnaire: Questionnaire, question_id: str, detail: AnswerDetail) -> str:
    """``3 — Implemented``, ``N/A: why``, the free text, or ``unanswered``."""
    answer = detail.answer
    question = questionnaire.question(question_id)
    if isinstance(answer, ChoiceAnswer):
        option = question.scale.option(answer.option_id) if question and question.scale else None
        label = localize(option.label) if option else ""
        return f"{answer.option_id} — {label}" if label else answer.option_id
    if isinstance(answer, NotApplicable):
        return _("N/A: {why}").format(why=answer.justification)
    if isinstance(answer, TextAnswer):
        return answer.text
    return _("unanswered")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def saved_line(state: AssessmentState, question_id: str) -> str:
    """What ``answer`` saved, in one line, with where the assessment stands now."""
    questionnaire = state.questionnaire
    number = question_numbers(questionnaire).get(question_id, "")
    detail = state.details.get(question_id, AnswerDetail())
    extras = []
    if detail.comment:
        extras.append(_("comment: {text}").format(text=_one_line(detail.comment)))
    if detail.flagged:
        extras.append(_("flagged for review"))
    figures = progress(state.result)
    line = _("Saved {number} {question}: {answer}").format(
        number=number,
        question=question_id,
        answer=_one_line(answer_text(questionnaire, question_id, detail)),
    )
    if extras:
        line += " (" + _("; ").join(extras) + ")"
    return (
        line
        + " · "
        + _("{done} of {total} answered").format(done=figures.done, total=figures.total)
    )


def answer_lines(state: AssessmentState) -> list[str]:
    """Every answered, N/A, commented or flagged question, by domain, for ``assessment show``."""
    questionnaire = state.questionnaire
    numbers = question_numbers(questionnaire)
    lines = [_("Answers:")]
    shown = 0
    for domain in questionnaire.domains:
        rows = []
        for question in domain.questions:
            detail = state.details.get(question.id)
            if detail is None or detail.is_empty:
                continue
            flag = "  [" + _("flagged") + "]" if detail.flagged else ""
            rows.append(
                f"    {numbers[question.id]:<6} {question.id}: "
                f"{_one_line(answer_text(questionnaire, question.id, detail))}{flag}"
            )
            if detail.comment:
                rows.append(
                    "           " + _("comment: {text}").format(text=_one_line(detail.comment))
                )
        if rows:
            lines.append(f"  {localize(domain.title)}")
            lines.extend(rows)
            shown += 1
    if not shown:
        lines.append("  " + _("none yet"))
    return lines
