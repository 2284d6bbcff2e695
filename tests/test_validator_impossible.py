"""The validator refuses what can never work (DESIGN section 2; issue 9 item 3): conditions on
option ids a scale lacks or on numbers outside its scores, exponent numbers, UTF-16 files."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.questionnaire.loader import validate_file

BASE = (Path(__file__).parent / "data" / "mini.yaml").read_text(encoding="utf-8")
CONDITION = '        relevant: "${trust.isac} >= 2"'


def issues(tmp_path: Path, text: str, encoding: str = "utf-8") -> list[str]:
    path = tmp_path / "q.yaml"
    path.write_bytes(text.encode(encoding))
    return [f"{i.line}: {i.path}: {i.message}" for i in validate_file(path)]


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("${trust.isac} = 'Yes'", ["'Yes'", "not an option", "never be true"]),
        ("${trust.isac} = 'four'", ["'four'", "options: 0, 1, 2, 3, 4"]),
        ("${trust.isac} >= 7", [">= 7", "0 to 4", "never be true"]),
        ("${trust.isac} < 0", ["< 0", "never be true"]),
        ("9 <= ${trust.isac}", ["<= 9", "never be true"]),
        ("${trust.isac} != -1", ["!= -1", "0 to 4"]),
        ("${trust.isac} >= 2 and (${trust.contact} = 'x' or ${trust.isac} > 1)", ["'x'"]),
    ],
)
def test_impossible_conditions_are_errors(tmp_path: Path, condition: str, words: list[str]) -> None:
    found = issues(tmp_path, BASE.replace(CONDITION, f'        relevant: "{condition}"'))
    assert len(found) == 1, found
    assert found[0].startswith("42: domains[1].questions[0].relevant: ")
    for word in words:
        assert word in found[0]


@pytest.mark.parametrize(
    "condition",
    ["${trust.isac} >= 2", "${trust.isac} = '3'", "4 > ${trust.isac}", "${trust.isac} != 0"],
)
def test_possible_conditions_stay_valid(tmp_path: Path, condition: str) -> None:
    assert issues(tmp_path, BASE.replace(CONDITION, f'        relevant: "{condition}"')) == []


@pytest.mark.parametrize("written", ["5e-1", "1E0", "2.5e-1", "+5e-1"])
def test_exponent_numbers_are_numbers(tmp_path: Path, written: str) -> None:
    text = BASE.replace(
        "        text: {en: ISAC?}", f"        text: {{en: ISAC?}}\n        weight: {written}"
    )
    assert issues(tmp_path, text) == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_is_named_as_utf16(tmp_path: Path, encoding: str) -> None:
    found = issues(tmp_path, BASE, encoding)
    assert len(found) == 1
    assert "UTF-16" in found[0] and "UTF-8" in found[0] and "binary" not in found[0]
