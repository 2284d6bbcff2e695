"""Answers files (DESIGN section 3): interpretation and every kind of mistake, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.domain.scoring import Status
from readiness.services.errors import UserError
from readiness.services.scoring import score_answers_file

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"  # questions: trust.contact, trust.isac, trust.notes (text), legal.nda


def write(tmp_path: Path, body: str, questionnaire: str | None = "mini") -> Path:
    path = tmp_path / "answers.yaml"
    head = f"questionnaire: {questionnaire}\n" if questionnaire else ""
    path.write_text(head + "answers:\n" + body, encoding="utf-8")
    return path


def test_a_valid_file_is_interpreted_by_question_type(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "  trust.contact: 3\n"  # an unquoted number is the option id "3"
        '  trust.isac: "2"\n'
        '  trust.notes: "4"\n'  # a text question takes it as free text
        "  legal.nda: {na: We have no defence customers}\n",
    )
    result = score_answers_file(path, MINI)
    statuses = {qid: r.status for qid, r in result.questions.items()}
    assert statuses == {
        "trust.contact": Status.ANSWERED,
        "trust.isac": Status.ANSWERED,
        "trust.notes": Status.ANSWERED,
        "legal.nda": Status.NA,
    }
    assert result.questions["trust.contact"].option.id == "3"
    assert result.domain("trust").score == pytest.approx(62.5)


def test_empty_answer_is_unanswered(tmp_path: Path) -> None:
    result = score_answers_file(write(tmp_path, "  trust.contact:\n"), MINI)
    assert result.questions["trust.contact"].status is Status.UNANSWERED


def error(path: Path, questionnaire: Path | None = MINI) -> str:
    with pytest.raises(UserError) as raised:
        score_answers_file(path, questionnaire)
    message = str(raised.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("  trust.contactt: '1'", "unknown question 'trust.contactt' in questionnaire 'mini'"),
        ("  trust.contact: '7'", "unknown option '7' for question 'trust.contact' (options: 0,"),
        ("  trust.contact: Yes we do", "unknown option 'Yes we do' for question 'trust.contact'"),
        ("  trust.contact: {na: ''}", "N/A for question 'trust.contact' needs a justification"),
        ("  trust.contact: {na: '   '}", "N/A for question 'trust.contact' needs a justification"),
        ("  trust.contact: {na: }", "N/A for question 'trust.contact' needs a justification"),
        ("  trust.contact: {why: x}", "question 'trust.contact': expected an option id or {na:"),
        ("  trust.contact: [1, 2]", "question 'trust.contact': expected an option id or text"),
        ("  trust.contact: true", "question 'trust.contact': expected an option id or text"),
        ("  trust.notes: {na: no notes}", "question 'trust.notes' takes free text, not an option"),
    ],
)
def test_each_mistake_names_the_question_and_line(tmp_path: Path, line: str, words: str) -> None:
    path = write(tmp_path, "  trust.isac: '2'\n" + line + "\n")
    message = error(path)
    assert message.startswith(f"{path}:4: answers[")
    assert words in message


def test_na_where_not_allowed(tmp_path: Path) -> None:
    questionnaire = tmp_path / "q.yaml"
    questionnaire.write_text(
        MINI.read_text(encoding="utf-8").replace(
            "        text: {en: ISAC?}\n", "        text: {en: ISAC?}\n        allow_na: false\n"
        ),
        encoding="utf-8",
    )
    path = write(tmp_path, "  trust.isac: {na: not a member}\n")
    assert error(path, questionnaire) == (
        f"{path}:3: answers[\"trust.isac\"]: question 'trust.isac' cannot be answered N/A"
    )


def test_every_problem_is_counted(tmp_path: Path) -> None:
    path = write(tmp_path, "  nobody: '1'\n  trust.contact: '9'\n  trust.isac: {na: ''}\n")
    message = error(path)
    assert message.startswith(f"{path}:3: ")
    assert "nobody" in message
    assert message.endswith("(and 2 more problems; run 'readiness validate' to list them)")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("questionnaire: mini\nanswer:\n  trust.contact: '1'\n", encoding="utf-8")
    assert error(path) == (
        f"{path}:2: answer: unknown key 'answer' (known: questionnaire, answers)"
    )


def test_unknown_builtin_questionnaire(tmp_path: Path) -> None:
    message = error(write(tmp_path, "  x: '1'\n", questionnaire="no-such-thing"), None)
    assert message.startswith("unknown questionnaire 'no-such-thing' (built-in: ")
    assert "company-readiness" in message and "defence-unit-readiness" in message


def test_questionnaire_mismatch_with_given_path(tmp_path: Path) -> None:
    path = write(tmp_path, "  trust.contact: '1'\n", questionnaire="company-readiness")
    message = error(path, MINI)
    assert "answers are for questionnaire 'company-readiness'" in message
    assert "'mini'" in message


def test_no_questionnaire_named_nor_given(tmp_path: Path) -> None:
    message = error(write(tmp_path, "  trust.contact: '1'\n", questionnaire=None), None)
    assert "name the questionnaire" in message


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    assert "not found" in error(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"questionnaire: mini\nanswers: [\n")
    assert error(bad).startswith(f"{bad}:")
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    assert "expected 'questionnaire:' and 'answers:' keys" in error(listing)
    answers_list = write(tmp_path, "  - trust.contact\n")
    assert "expected a mapping of question id to answer" in error(answers_list)


def test_builtin_questionnaire_by_id(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "questionnaire: company-readiness\n"
        "answers:\n"
        '  trust.contact-24-7: "3"\n'
        "  incentives.main-obstacle: Nobody asked us\n",
        encoding="utf-8",
    )
    result = score_answers_file(path)
    assert result.questionnaire.id == "company-readiness"
    assert result.questions["trust.contact-24-7"].option.id == "3"
    assert result.questions["incentives.main-obstacle"].status is Status.ANSWERED
