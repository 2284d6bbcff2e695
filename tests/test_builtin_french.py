"""Both built-in questionnaires in French (DESIGN section 11, issue 15 item 3).

Every text object of every built-in questionnaire (any mapping with an ``en`` key: titles,
descriptions, domain texts, question texts, guidance, anchors, option and level labels,
recommendations) has a non-empty ``fr`` that is really French: it keeps the English text's
numbers and placeholders, differs from the English for sentences, and follows French
typography. Version 1.2.0 only adds the French: its structure and scoring are those of 1.1.0
(kept in tests/data), and a 1.1.0 assessment upgrades to it with every answer carried.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from readiness.domain.answers import ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.model import localize
from readiness.domain.scoring import score
from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.loader import load_file
from readiness.questionnaire.yaml_source import parse, read_text
from readiness.services import library
from readiness.services.upgrade import upgrade
from readiness.services.workspace import Workspace

DATA = Path(__file__).parent / "data"
FILES = {
    "company-readiness": builtin_questionnaires_dir() / "company-readiness.yaml",
    "defence-unit-readiness": builtin_questionnaires_dir() / "defence-unit-readiness.yaml",
}
FRENCH = sorted(FILES)
PREVIOUS = "1.1.0"  # the last release without French, kept in tests/data
KIND = {"company-readiness": "company", "defence-unit-readiness": "defence_unit"}
# English mistakes of 1.1.0 that 1.2.0 corrects: (questionnaire, path) -> (1.1.0 text, 1.2.0 text).
ENGLISH_FIXES = {
    ("defence-unit-readiness", "description"): (
        "Intended for military point of contactrs and",  # a search-and-replace slip
        "Intended for CIMIC officers and",
    ),
}

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|\$\{[^{}]*\}|%\(?\w*\)?[sd]")


def _data(path: Path) -> Any:
    return parse(read_text(path)).data


def text_objects(node: Any, path: str = "") -> list[tuple[str, dict[str, str]]]:
    """Every mapping with an ``en`` key under ``node``, with its path, in file order."""
    if isinstance(node, dict):
        if "en" in node:
            return [(path, node)]
        found = []
        for key, value in node.items():
            found += text_objects(value, f"{path}.{key}" if path else str(key))
        return found
    if isinstance(node, list):
        found = []
        for index, value in enumerate(node):
            found += text_objects(value, f"{path}[{index}]")
        return found
    return []


@pytest.fixture(params=FRENCH, scope="module")
def french(request: pytest.FixtureRequest) -> list[tuple[str, dict[str, str]]]:
    data = _data(FILES[request.param])
    assert data["languages"] == ["en", "fr"]
    return text_objects(data)


def test_the_walk_finds_every_kind_of_text() -> None:
    """Guards the tests below against a walk that finds nothing (or misses a kind of text)."""
    paths = [p for p, _t in text_objects(_data(FILES["company-readiness"]))]
    assert len(paths) > 400
    for kind in ("title", "description", ".label", ".text", ".guidance", ".anchors.4"):
        assert any(p.endswith(kind) for p in paths), kind
    assert any(p.endswith(".recommendation") for p in paths)
    assert any(re.fullmatch(r"domains\[\d+\]\.title", p) for p in paths)


def test_every_text_object_has_french(french: list[tuple[str, dict[str, str]]]) -> None:
    missing = [path for path, text in french if not str(text.get("fr", "")).strip()]
    assert missing == []


def test_french_keeps_numbers_and_placeholders(french: list[tuple[str, dict[str, str]]]) -> None:
    wrong = []
    for path, text in french:
        en, fr = str(text["en"]), str(text["fr"])
        if sorted(PLACEHOLDER.findall(en)) != sorted(PLACEHOLDER.findall(fr)):
            wrong.append((path, "placeholders"))
        lost = set(NUMBER.findall(en)) - set(NUMBER.findall(fr))
        if lost:
            wrong.append((path, sorted(lost)))
    assert wrong == []


def test_french_sentences_are_not_english(french: list[tuple[str, dict[str, str]]]) -> None:
    """A sentence copied instead of translated; short labels may be the same word (Initial)."""
    copied = [p for p, t in french if len(str(t["en"]).split()) >= 3 and t["fr"] == t["en"]]
    assert copied == []
    english = re.compile(r"\b(the|and|with|should|which|whether|have been)\b")
    assert [p for p, t in french if english.search(str(t["fr"]))] == []


def test_french_typography(french: list[tuple[str, dict[str, str]]]) -> None:
    """Curly apostrophes, guillemets with no-break spaces, a no-break space before ; : ! ?

    The no-break space is U+00A0, as in the catalogue: the PDF renderer (reportlab) breaks lines
    at the narrow one (U+202F), which left a lone "?" on the next line of a report table.
    """
    wrong = []
    for path, text in french:
        fr = str(text["fr"])
        if "'" in fr or '"' in fr:
            wrong.append((path, "straight quote"))
        if re.search(r"[ \u202f][;:!?»]|«[ \u202f]|\w[;!?»]|«\w", fr):
            wrong.append((path, "no no-break space at punctuation"))
    assert wrong == []


@pytest.mark.parametrize("questionnaire_id", FRENCH)
def test_the_loaded_questionnaire_reads_in_french(questionnaire_id: str) -> None:
    q = load_file(FILES[questionnaire_id]).questionnaire
    assert q.languages == ("en", "fr") or list(q.languages) == ["en", "fr"]
    assert localize(q.title, "fr").startswith("Préparation au partenariat")
    assert localize(q.levels[-1].label, "fr") == "Éprouvé en partenariat"
    maturity = next(s for s in q.scales.values() if len(s.options) == 5)
    assert localize(maturity.options[4].label, "fr") == "Éprouvé avec les partenaires"


def _without_text(node: Any) -> Any:
    """``node`` with every text object, the version and the migrations taken out."""
    if isinstance(node, dict):
        if "en" in node:
            return "<text>"
        skip = {"version", "languages", "migrations"}
        return {k: _without_text(v) for k, v in node.items() if k not in skip}
    if isinstance(node, list):
        return [_without_text(v) for v in node]
    return node


@pytest.mark.parametrize("questionnaire_id", FRENCH)
def test_the_french_version_changes_no_structure(questionnaire_id: str) -> None:
    """Same ids, types, scales, scores, weights, critical tiers, conditions and topics as 1.1.0;
    same English texts too, so only French was added."""
    old = _data(DATA / f"{questionnaire_id}-{PREVIOUS}.yaml")
    new = _data(FILES[questionnaire_id])
    assert new["version"] == "1.2.0" and old["version"] == PREVIOUS
    assert _without_text(new) == _without_text(old)
    old_en = [(p, t["en"]) for p, t in text_objects(old)]
    for (qid, path), (wrong, right) in ENGLISH_FIXES.items():
        if qid == questionnaire_id:
            index = [p for p, _t in old_en].index(path)
            assert wrong in old_en[index][1]
            old_en[index] = (path, old_en[index][1].replace(wrong, right))
    assert [(p, t["en"]) for p, t in text_objects(new)] == old_en
    assert [set(t) for _p, t in text_objects(old)] == [{"en"}] * len(old_en)


def _answers(questionnaire: Any, pick: int) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for index, question in enumerate(questionnaire.questions()):
        if question.type == "text":
            answers[question.id] = TextAnswer("Délais de décision trop longs")
        elif question.scale is not None:
            options = question.scale.options
            if question.allow_na and (index + pick) % 5 == 0:
                answers[question.id] = NotApplicable("hors périmètre")
            else:
                option = options[(index * pick + pick) % len(options)]
                answers[question.id] = ChoiceAnswer(option.id)
    return answers


@pytest.mark.parametrize("questionnaire_id", FRENCH)
def test_scores_are_those_of_the_previous_version(questionnaire_id: str) -> None:
    old = load_file(DATA / f"{questionnaire_id}-{PREVIOUS}.yaml").questionnaire
    new = load_file(FILES[questionnaire_id]).questionnaire
    for pick in range(1, 6):
        answers = _answers(old, pick)
        before, after = score(old, answers), score(new, answers)
        assert (after.overall, after.level.level) == (before.overall, before.level.level)
        assert [d.score for d in after.domains] == [d.score for d in before.domains]


@pytest.mark.parametrize("questionnaire_id", FRENCH)
def test_a_previous_version_assessment_upgrades_with_every_answer(
    questionnaire_id: str, tmp_path: Path
) -> None:
    """A workspace holding a 1.1.0 assessment keeps it as answered and is offered 1.2.0."""
    workspace = Workspace.open(tmp_path / "readiness.db")
    try:
        old_file = DATA / f"{questionnaire_id}-{PREVIOUS}.yaml"
        assert library.install(workspace, old_file).outcome == "installed"
        org = workspace.add_organisation("Nordlicht Energie", KIND[questionnaire_id])
        old = workspace.new_assessment(org.id, f"{questionnaire_id}@{PREVIOUS}", "2026")
        questionnaire = workspace.questionnaire_of(old).questionnaire
        answers = _answers(questionnaire, 3)
        for question_id, answer in answers.items():
            if isinstance(answer, ChoiceAnswer):
                workspace.answer(old.id, question_id, answer.option_id)
            elif isinstance(answer, NotApplicable):
                workspace.answer_na(old.id, question_id, answer.justification)
            else:
                workspace.answer_text(old.id, question_id, answer.text)
        before = workspace.state(old.id)
        result = upgrade(workspace, old.id)
        assert result.version == "1.2.0"
        assert result.dropped == []
        assert sorted(result.carried) == sorted(answers)
        after = workspace.state(result.id)
        assert {q: d.answer for q, d in after.details.items() if d.answer} == answers
        assert workspace.state(old.id).details == before.details
        versions = [e.version for e in library.available(workspace) if e.id == questionnaire_id]
        assert versions == [PREVIOUS, "1.2.0"]
    finally:
        workspace.close()
