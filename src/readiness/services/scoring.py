"""Score an answers file against a built-in questionnaire or one given by path."""

from __future__ import annotations

from pathlib import Path

from readiness.domain.scoring import ScoreResult, score
from readiness.i18n import _
from readiness.questionnaire.answers_evidence import evidence_in
from readiness.questionnaire.answers_file import answers_from, read_answers_file
from readiness.questionnaire.files import file_problem
from readiness.questionnaire.issues import FileProblems
from readiness.services import catalog
from readiness.services.errors import UserError


class AnswersFileErrors(UserError):
    """Every problem of an answers file, one ``FILE:LINE: path: message`` per line."""

    def __init__(self, problems: FileProblems) -> None:
        self.lines = [str(issue) for issue in problems.issues]
        super().__init__("\n".join(self.lines))


def score_answers_file(answers_path: Path, questionnaire_path: Path | None = None) -> ScoreResult:
    if problem := file_problem(answers_path):
        raise UserError(
            _("answers file {path}: {problem}").format(path=answers_path, problem=problem)
        )
    try:
        document = read_answers_file(answers_path)
    except FileProblems as exc:
        raise AnswersFileErrors(exc) from exc
    if questionnaire_path is not None:
        loaded = catalog.load_path(questionnaire_path)
        named = document.questionnaire_id
        if named is not None and named != loaded.questionnaire.id:
            raise UserError(
                _(
                    "{file}: answers are for questionnaire '{named}' but {path} is '{actual}'"
                ).format(
                    file=answers_path,
                    named=named,
                    path=questionnaire_path,
                    actual=loaded.questionnaire.id,
                )
            )
    elif document.questionnaire_id is None:
        if document.issues:
            raise AnswersFileErrors(FileProblems(document.issues))
        raise UserError(
            _(
                "{file}: name the questionnaire ('questionnaire: ID') or use --questionnaire PATH"
            ).format(file=answers_path)
        )
    else:
        loaded = catalog.find_builtin(document.questionnaire_id)
    try:
        answers = answers_from(document, loaded.questionnaire)
    except FileProblems as exc:
        raise AnswersFileErrors(exc) from exc
    # the evidence rule is judged on the file's as_of date, default today (DESIGN section 3)
    evidence = evidence_in(document.document.data)
    return score(loaded.questionnaire, answers, evidence, getattr(document, "as_of", None))
