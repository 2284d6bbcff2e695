"""The answers file (DESIGN section 3): answers for scoring without a database.

Every problem is collected and reported together, each as ``FILE:LINE: path: message``. Accepts
the short forms (option id, ``{na: why}``, free text), the long form (``option``/``na``/``text``
with ``comment``, ``flagged``, ``evidence``), ``version`` and ``as_of``; the other keys of
``assessment show --json`` output are ignored, so that output is itself an answers file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from readiness.domain.answers import (
    Answer,
    ChoiceAnswer,
    NotApplicable,
    TextAnswer,
    answer_problem,
)
from readiness.domain.evidence import evidence_from_dict
from readiness.domain.model import Questionnaire
from readiness.i18n import _
from readiness.questionnaire.issues import FileProblems, Issue, format_path
from readiness.questionnaire.yaml_source import Document, YamlProblem, parse, read_text

KEYS = ("questionnaire", "version", "as_of", "answers")
SHOW_KEYS = frozenset(
    {
        "id",
        "organisation",
        "organisation_id",
        "status",
        "title",
        "read_only",
        "overall",
        "completeness",
        "domains",
        "unverified",
        "recommendations",
    }
)
"""Keys of `assessment show --json` that an answers file ignores (DESIGN section 6)."""

LONG_KEYS = ("option", "na", "text", "comment", "flagged", "evidence")
EVIDENCE_KEYS = ("kind", "reference", "date")
EVIDENCE_KINDS = ("document", "record", "exercise", "partner_confirmation")


@dataclass
class AnswersDocument:
    questionnaire_id: str | None
    document: Document
    name: str
    version: str | None = None
    as_of: date | None = None
    issues: list[Issue] = field(default_factory=list)

    def issue(self, path: tuple[str, ...], message: str) -> None:
        self.issues.append(Issue(self.name, self.document.line(path), format_path(path), message))


def read_answers_file(path: Path, name: str | None = None) -> AnswersDocument:
    """Read the file's top level; problems there are kept in ``issues`` (raised by
    ``answers_from`` with the rest). FileProblems at once when the file is not YAML at all."""
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
    source = AnswersDocument(None, document, shown)
    for key in data:
        if key not in KEYS and key not in SHOW_KEYS:
            source.issue(
                (str(key),),
                _("unknown key '{key}' (known: {known})").format(key=key, known=", ".join(KEYS)),
            )
    qid = data.get("questionnaire")
    if qid is not None and not isinstance(qid, str):
        source.issue(("questionnaire",), _("expected a questionnaire id"))
    else:
        source.questionnaire_id = qid
    version = data.get("version")
    if version is not None:
        if isinstance(version, str | int | float) and not isinstance(version, bool):
            source.version = str(version)
        else:
            source.issue(("version",), _("expected a version such as 1.1.0"))
    if "as_of" in data:
        source.as_of = _date(source, ("as_of",), data["as_of"])
    return source


def _date(source: AnswersDocument, path: tuple[str, ...], value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    source.issue(path, _("expected a date as YYYY-MM-DD"))
    return None


def answers_from(source: AnswersDocument, questionnaire: Questionnaire) -> dict[str, Answer]:
    """Interpret the answers against a questionnaire; FileProblems with every problem found
    (the top level's included), in file order."""
    data = source.document.data
    raw = data.get("answers") or {}
    if not isinstance(raw, dict):
        source.issue(("answers",), _("expected a mapping of question id to answer"))
        raw = {}
    if source.version is not None and source.version != questionnaire.version:
        source.issue(
            ("version",),
            _("answers are for version {wanted}, but {qid} here is version {have}").format(
                wanted=source.version, qid=questionnaire.id, have=questionnaire.version
            ),
        )
    answers: dict[str, Answer] = {}
    for key, value in raw.items():
        path = ("answers", str(key))
        answer, problem = _interpret(source, questionnaire, str(key), value)
        if problem is None and answer is not None:
            problem = answer_problem(questionnaire, str(key), answer)
        if problem is not None:
            source.issue(path, problem)
        elif answer is not None:
            answers[str(key)] = answer
    if source.issues:
        raise FileProblems(sorted(source.issues, key=lambda issue: issue.line))
    return answers


def _bool_hint(question_id: str, value: bool) -> str:
    return _(
        "question '{question}': YAML reads an unquoted yes/no/on/off as {value}; "
        'quote the option id, e.g. "{example}"'
    ).format(
        question=question_id,
        value=str(value).lower(),
        example="yes" if value else "no",
    )


def _interpret(
    source: AnswersDocument, questionnaire: Questionnaire, question_id: str, value: Any
) -> tuple[Answer | None, str | None]:
    question = questionnaire.question(question_id)
    if isinstance(value, dict):
        if set(value) == {"na"}:
            justification = value["na"]
            if justification is not None and not isinstance(justification, str):
                return None, _(
                    "question '{question}': the N/A justification must be text, not a list, "
                    "a mapping or a number"
                ).format(question=question_id)
            return NotApplicable(justification or ""), None
        return _long_form(source, questionnaire, question_id, value)
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, _bool_hint(question_id, value)
    if isinstance(value, list):
        return None, _("question '{question}': expected an option id or text").format(
            question=question_id
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if question is not None and not question.is_choice:
        return TextAnswer(str(value)), None
    return ChoiceAnswer(str(value)), None


def _long_form(
    source: AnswersDocument, questionnaire: Questionnaire, question_id: str, value: dict[Any, Any]
) -> tuple[Answer | None, str | None]:
    unknown = [k for k in value if k not in LONG_KEYS]
    if unknown:
        return None, _(
            "question '{question}': expected an option id or {{na: justification}}, or the long "
            "form with {known} (unknown key '{key}')"
        ).format(question=question_id, key=unknown[0], known=", ".join(LONG_KEYS))
    given = [k for k in ("option", "na", "text") if value.get(k) is not None]
    if len(given) > 1:
        return None, _("question '{question}': give only one of option, na and text").format(
            question=question_id
        )
    base = ("answers", question_id)
    flagged = value.get("flagged", False)
    if flagged is not None and not isinstance(flagged, bool):
        source.issue((*base, "flagged"), _("expected true or false"))
    comment = value.get("comment")
    if comment is not None and not isinstance(comment, str | int | float):
        source.issue((*base, "comment"), _("expected text"))
    evidence = value.get("evidence")
    if evidence is not None:
        _check_evidence(source, (*base, "evidence"), evidence)
    if not given:
        return None, None  # a comment or flag alone: unanswered
    key = given[0]
    inner = value[key]
    if key == "na":
        if not isinstance(inner, str):
            return None, _(
                "question '{question}': the N/A justification must be text, not a list, "
                "a mapping or a number"
            ).format(question=question_id)
        return NotApplicable(inner), None
    if isinstance(inner, bool):
        return None, _bool_hint(question_id, inner)
    if isinstance(inner, dict | list):
        return None, _("question '{question}': expected an option id or text").format(
            question=question_id
        )
    if isinstance(inner, float) and inner.is_integer():
        inner = int(inner)
    if key == "text":
        return TextAnswer(str(inner)), None
    return ChoiceAnswer(str(inner)), None


def _check_evidence(source: AnswersDocument, path: tuple[str, ...], evidence: Any) -> None:
    if not isinstance(evidence, dict):
        source.issue(path, _("expected {{kind, reference, date}}"))
        return
    before = len(source.issues)
    for key in evidence:
        if key not in EVIDENCE_KEYS:
            source.issue(
                (*path, str(key)),
                _("unknown key '{key}' (known: {known})").format(
                    key=key, known=", ".join(EVIDENCE_KEYS)
                ),
            )
    kind = evidence.get("kind")
    if kind not in EVIDENCE_KINDS:
        source.issue(
            (*path, "kind"),
            _("unknown evidence kind '{kind}' (known: {known})").format(
                kind=kind, known=", ".join(EVIDENCE_KINDS)
            ),
        )
    if "date" in evidence:
        _date(source, (*path, "date"), evidence["date"])
    if len(source.issues) == before:  # the rest as `answer --evidence` checks it
        try:
            evidence_from_dict(evidence)
        except ValueError as exc:
            source.issue(path, str(exc))
