"""Apply an answers file (DESIGN section 3 form) to a stored assessment in one transaction.

``readiness answer ID --file ANSWERS`` (DESIGN section 6): a script answering 60 questions
opens the database once instead of 60 times. Every problem of the file is reported, with its
line, before anything is written; then all the answers are saved, or none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness.domain.answers import NotApplicable, TextAnswer
from readiness.domain.records import Change
from readiness.i18n import _
from readiness.questionnaire.answers_evidence import evidence_in
from readiness.questionnaire.answers_file import answers_from, read_answers_file
from readiness.questionnaire.files import file_problem
from readiness.questionnaire.issues import FileProblems
from readiness.services.answer_edit import KEEP, AnswerEdit
from readiness.services.errors import UserError
from readiness.services.scoring import AnswersFileErrors
from readiness.services.text_input import checked_optional, checked_text
from readiness.services.workspace import Workspace


def apply_answers_file(workspace: Workspace, assessment_id: str, path: Path) -> list[Change]:
    """Answer the questions the file at ``path`` lists, all or nothing.

    A listed question gets the file's answer; the long form's ``comment``, ``flagged`` and
    ``evidence`` are saved too; questions the file does not list are left as they are. Returns
    the changes made (a question whose answer is already the file's makes none). Raises
    AnswersFileErrors with every problem of the file (``FILE:LINE: path: message``), or
    UserError for a file that cannot be read, a file for another questionnaire or version, an
    unknown or read-only assessment; then nothing is saved.
    """
    if problem := file_problem(path):
        raise UserError(_("answers file {path}: {problem}").format(path=path, problem=problem))
    summary = workspace.assessment(assessment_id)
    try:
        document = read_answers_file(path)
        shown_id = document.document.data.get("id")  # `assessment show --json` output
        if isinstance(shown_id, str) and shown_id != summary.id:
            raise UserError(
                _(
                    "{file} holds the answers of assessment {other}, not of {this}; to copy "
                    "them into {this}, remove its 'id' line"
                ).format(file=path, other=shown_id[:8], this=summary.id[:8])
            )
        named = document.questionnaire_id
        if named is not None and named != summary.questionnaire_id:
            raise UserError(
                _(
                    "{file}: answers are for questionnaire '{named}' but the assessment uses "
                    "'{actual}'"
                ).format(file=path, named=named, actual=summary.questionnaire_id)
            )
        questionnaire = workspace.questionnaire_of(summary).questionnaire
        answers = answers_from(document, questionnaire)
    except FileProblems as exc:
        raise AnswersFileErrors(exc) from exc
    for answer in answers.values():  # text that YAML escapes let through
        if isinstance(answer, NotApplicable):
            checked_text(answer.justification, _("the N/A justification"))
        elif isinstance(answer, TextAnswer):
            checked_text(answer.text, _("the answer text"))
    evidence = evidence_in(document.document.data)
    raw = document.document.data.get("answers") or {}
    edits = []
    for key, value in raw.items():
        question_id = str(key)
        long_form: dict[Any, Any] = (
            value if isinstance(value, dict) and set(value) != {"na"} else {}
        )
        comment = long_form.get("comment")
        edits.append(
            AnswerEdit(
                question_id,
                answer=answers.get(question_id, KEEP),
                comment=checked_optional(
                    None if comment is None else str(comment), _("the comment")
                ),
                flagged=long_form.get("flagged"),
                evidence=evidence.get(question_id, KEEP),
            )
        )
    return workspace.change_answers(summary.id, edits)
