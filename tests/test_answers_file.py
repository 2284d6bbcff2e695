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
        ("  trust.contact: true", "reads an unquoted yes/no/on/off as true; quote the option"),
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


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "  nobody: '1'\n  trust.contact: '9'\n  trust.isac: {na: ''}\n")
    lines = error(path).splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "nobody" in lines[0] and "'9'" in lines[1] and "justification" in lines[2]
    assert "validate" not in error(path)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("questionnaire: mini\nanswer:\n  trust.contact: '1'\n", encoding="utf-8")
    assert error(path) == (
        f"{path}:2: answer: unknown key 'answer' (known: questionnaire, version, as_of, answers)"
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


def test_yaml_booleans_and_empty_na_are_all_reported_with_a_quoting_hint(tmp_path: Path) -> None:
    """Issue 9 item 4: `d1.member: yes` and `{na: ""}` in one file, both reported, no hint to
    run `validate` (which reads questionnaires, not answers files)."""
    questionnaire = tmp_path / "yn.yaml"
    questionnaire.write_text(
        MINI.read_text(encoding="utf-8")
        .replace(
            "  maturity:\n",
            '  yn:\n    options:\n      - {id: "no", score: 0, label: {en: "No"}}\n'
            '      - {id: "yes", score: 1, label: {en: "Yes"}}\n  maturity:\n',
        )
        .replace(
            "        scale: maturity\n        text: {en: ISAC?}",
            "        scale: yn\n        text: {en: ISAC?}",
        )
        .replace("${trust.isac} >= 2", "${trust.isac} = 'yes'"),
        encoding="utf-8",
    )
    path = write(tmp_path, '  trust.isac: yes\n  trust.contact: {na: ""}\n', questionnaire="mini")
    lines = error(path, questionnaire).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f'{path}:3: answers["trust.isac"]: ')
    assert 'quote the option id, e.g. "yes"' in lines[0]
    assert lines[1].startswith(f"{path}:4: ") and "justification" in lines[1]
    fixed = write(tmp_path, '  trust.isac: "yes"\n', questionnaire="mini")
    assert score_answers_file(fixed, questionnaire).questions["trust.isac"].option.id == "yes"


def test_long_form_version_and_as_of(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "questionnaire: mini\nversion: 1.0.0\nas_of: 2026-11-29\nanswers:\n"
        '  trust.contact:\n    option: "4"\n    comment: Used in March\n    flagged: false\n'
        "    evidence: {kind: exercise, reference: AAR p.4, date: 2026-03-20}\n"
        "  trust.isac: {option: 2, comment: x}\n  trust.notes: {text: free}\n"
        "  legal.nda: {na: not yet}\n",
        encoding="utf-8",
    )
    result = score_answers_file(path, MINI)
    assert result.questions["trust.contact"].option.id == "4"
    assert result.questions["trust.isac"].option.id == "2"
    assert result.questions["trust.notes"].status is Status.ANSWERED
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "questionnaire: mini\nversion: 9.9.9\nas_of: soon\nanswers:\n"
        '  trust.contact: {option: "4", na: x}\n'
        "  trust.isac: {option: 2, evidence: {kind: rumour}}\n",
        encoding="utf-8",
    )
    lines = error(bad).splitlines()
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in lines] == ["2", "3", "5", "6"]
    assert "version 9.9.9" in lines[0] and "YYYY-MM-DD" in lines[1]
    assert "only one of" in lines[2] and "rumour" in lines[3]


def test_assessment_show_json_scores_as_an_answers_file(tmp_path: Path) -> None:
    import json

    from readiness.cli import main
    from readiness.services.demo import seed
    from readiness.services.results import score_json
    from readiness.services.workspace import Workspace

    workspace = Workspace.open(tmp_path / "w.db")
    for _step in seed(workspace):
        pass
    target = next(a for a in workspace.assessments() if a.title == "Annual readiness review 2026")
    state = workspace.state(target.id)
    workspace.close()
    out = tmp_path / "show.json"
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert (
            main(["--db", str(tmp_path / "w.db"), "assessment", "show", target.id, "--json"]) == 0
        )
    out.write_text(buffer.getvalue(), encoding="utf-8")
    shown = json.loads(buffer.getvalue())
    assert any(isinstance(v, dict) and "comment" in v for v in shown["answers"].values())
    assert score_json(score_answers_file(out)) == score_json(state.result)
