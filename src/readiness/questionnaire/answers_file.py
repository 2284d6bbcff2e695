"""The answers file (DESIGN section 3): answers for scoring without a database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.domain.answers import (
    Answer,
    ChoiceAnswer,
    NotApplicable,
    TextAnswer,
    answer_problem,
)
from readiness.domain.model import Questionnaire
from readiness.i18n import _
from readiness.questionnaire.issues import FileProblems, Issue, format_path
from readiness.questionnaire.yaml_source import Document, YamlProblem, parse, read_text


@dataclass(frozen=True)
class AnswersDocument:
    questionnaire_id: str | None
    document: Document
    name: str


def read_answers_file(path: Path, name: str | None = None) -> AnswersDocument:
    shown = name or str(path)
    try:
        document = parse(read_text(path))
    except YamlProblem as exc:
        raise FileProblems([Issue(shown, exc.line, "(file)", str(exc))]) from exc
    data = document.data
    if not isinstance(data, dict):
        raise FileProblems(
            [Issue(shown, 1, "(document)", _("expected 'questionnaire:' and 'answers:' keys"))]
        )
    unknown = [k for k in data if k not in ("questionnaire", "answers")]
    if unknown:
        raise FileProblems(
            [
                Issue(
                    shown,
                    document.line((unknown[0],)),
                    format_path((str(unknown[0]),)),
                    _("unknown key '{key}' (known: questionnaire, answers)").format(key=unknown[0]),
                )
            ]
        )
    qid = data.get("questionnaire")
    if qid is not None and not isinstance(qid, str):
        raise FileProblems(
            [
                Issue(
                    shown,
                    document.line(("questionnaire",)),
                    "questionnaire",
                    _("expected a questionnaire id"),
                )
            ]
        )
    return AnswersDocument(qid, document, shown)


def answers_from(source: AnswersDocument, questionnaire: Questionnaire) -> dict[str, Answer]:
    """Interpret the answers against a questionnaire, listing every problem with its line."""
    document = source.document
    raw = document.data.get("answers") or {}
    if not isinstance(raw, dict):
        raise FileProblems(
            [
                Issue(
                    source.name,
                    document.line(("answers",)),
                    "answers",
                    _("expected a mapping of question id to answer"),
                )
            ]
        )
    answers: dict[str, Answer] = {}
    issues: list[Issue] = []
    for key, value in raw.items():
        path = ("answers", str(key))
        answer, problem = _interpret(questionnaire, str(key), value)
        if problem is None and answer is not None:
            problem = answer_problem(questionnaire, str(key), answer)
        if problem is not None:
            issues.append(Issue(source.name, document.line(path), format_path(path), problem))
        elif answer is not None:
            answers[str(key)] = answer
    if issues:
        raise FileProblems(issues)
    return answers


def _interpret(
    questionnaire: Questionnaire, question_id: str, value: Any
) -> tuple[Answer | None, str | None]:
    question = questionnaire.question(question_id)
    if isinstance(value, dict):
        if set(value) != {"na"}:
            return None, _(
                "question '{question}': expected an option id or {{na: justification}}"
            ).format(question=question_id)
        justification = value["na"]
        if justification is not None and not isinstance(justification, str):
            return None, _(
                "question '{question}': the N/A justification must be text, not a list, "
                "a mapping or a number"
            ).format(question=question_id)
        return NotApplicable(justification or ""), None
    if value is None:
        return None, None
    if isinstance(value, bool | list):
        return None, _("question '{question}': expected an option id or text").format(
            question=question_id
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if question is not None and not question.is_choice:
        return TextAnswer(str(value)), None
    return ChoiceAnswer(str(value)), None
