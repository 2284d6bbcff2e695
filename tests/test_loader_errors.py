"""Loader errors: one test per kind, each pinned to its exact line, path and message.

Every case is a targeted edit of tests/data/mini.yaml (a small valid questionnaire), so the
line numbers below are deterministic. Line map of the base file (1-based):
  1 format  3 version  6 title  9 scales.maturity.options  16-20 levels
  22 domains[0] (trust)  25 trust.contact  27 scale  28 anchors  29 critical
  30 trust.isac  31 scale  32 text  33 trust.notes  36 domains[1] (legal)  39 legal.nda  41 text
  42 relevant  43 recommendation
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.questionnaire.issues import FileProblems, Issue
from readiness.questionnaire.loader import load_text, validate_file

DATA = Path(__file__).parent / "data"
BASE = (DATA / "mini.yaml").read_text(encoding="utf-8")


def edited(*edits: tuple[str, str]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


def issues_for(tmp_path: Path, text: str) -> list[Issue]:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    issues = validate_file(path)
    for issue in issues:
        assert issue.file == str(path)
        assert str(issue) == f"{path}:{issue.line}: {issue.path}: {issue.message}"
    return issues


def only(issues: list[Issue]) -> Issue:
    assert len(issues) == 1, "\n".join(map(str, issues))
    return issues[0]


def test_base_questionnaire_is_valid(tmp_path: Path) -> None:
    assert issues_for(tmp_path, BASE) == []
    assert load_text(BASE).questionnaire.id == "mini"


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    text = edited(
        ("        text: {en: Contact?}", "        wieght: 2\n        text: {en: Contact?}")
    )
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (27, "domains[0].questions[0].wieght")
    assert issue.message.startswith("unknown key 'wieght'")
    assert "did you mean 'weight'?" in issue.message
    assert "(known: id, type, scale, text, guidance, anchors, weight," in issue.message


def test_wrong_type(tmp_path: Path) -> None:
    text = edited(("        text: {en: ISAC?}", "        weight: heavy\n        text: {en: ISAC?}"))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (32, "domains[0].questions[1].weight")
    assert issue.message == "expected a number, got the text 'heavy'"


def test_missing_required_key(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("title: {en: Mini}\n", ""))))
    assert (issue.line, issue.path, issue.message) == (
        1,
        "(document)",
        "missing required key 'title'",
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "path"),
    [
        ("id: trust.contact", "id: Trust_Contact", 25, "domains[0].questions[0].id"),
        ("  - id: legal\n", "  - id: Legal Stuff\n", 36, "domains[1].id"),
        ("id: mini", "id: Mini", 2, "id"),
    ],
)
def test_bad_id_pattern(tmp_path: Path, old: str, new: str, line: int, path: str) -> None:
    issue = only(issues_for(tmp_path, edited((old, new))))
    assert (issue.line, issue.path) == (line, path)
    assert "is not valid: expected lowercase letters" in issue.message


def test_duplicate_domain_id(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("  - id: legal\n", "  - id: trust\n"))))
    assert (issue.line, issue.path) == (36, "domains[1].id")
    assert issue.message == "domain id 'trust' is already used by domains[0]"


def test_duplicate_question_id(tmp_path: Path) -> None:
    issue = only(
        issues_for(tmp_path, edited(("      - id: legal.nda", "      - id: trust.contact")))
    )
    assert (issue.line, issue.path) == (39, "domains[1].questions[0].id")
    assert issue.message == "question id 'trust.contact' is already used by domains[0].questions[0]"


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    text = edited(("        text: {en: ISAC?}\n", "        text: {en: ISAC?}\n        scale: x\n"))
    issue = only(issues_for(tmp_path, text))
    assert issue.line == 33
    assert issue.message == "duplicate key 'scale' (already given on line 31)"


def test_unknown_scale(tmp_path: Path) -> None:
    text = edited(("        scale: maturity\n        text: {en: ISAC?}", "        scale: maturty\n"
                   "        text: {en: ISAC?}"))  # fmt: skip
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (31, "domains[0].questions[1].scale")
    # DESIGN's example wording, plus a did-you-mean hint
    assert issue.message.startswith("unknown scale 'maturty' (known: maturity)")
    assert "did you mean 'maturity'?" in issue.message


def test_anchor_for_unknown_option(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(('"4": {en: Tested}}', '"5": {en: Tested}}'))))
    assert (issue.line, issue.path) == (28, 'domains[0].questions[0].anchors["5"]')
    assert issue.message == (
        "anchor for unknown option '5' of scale 'maturity' (options: 0, 1, 2, 3, 4)"
    )


def test_unquoted_numeric_anchor_key(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(('"4": {en: Tested}}', "4: {en: Tested}}"))))
    assert (issue.line, issue.path) == (28, "domains[0].questions[0].anchors[4]")
    assert issue.message == 'key 4 must be text; put it in quotes: "4"'


RELEVANT = '"${trust.isac} >= 2"'


def condition_issue(tmp_path: Path, condition: str, *more: tuple[str, str]) -> Issue:
    issue = only(issues_for(tmp_path, edited((RELEVANT, condition), *more)))
    assert (issue.line, issue.path) == (42, "domains[1].questions[0].relevant")
    return issue


def test_condition_syntax_error(tmp_path: Path) -> None:
    issue = condition_issue(tmp_path, '"${trust.isac} >= "')
    assert issue.message == (
        "cannot read condition: expected ${question-id}, a number or a 'string' "
        "at character 18, found end of condition"
    )


def test_condition_forward_reference(tmp_path: Path) -> None:
    later = "      - id: legal.later\n        scale: maturity\n        text: {en: Later}\n"
    text = edited((RELEVANT, '"${legal.later} >= 2"')) + later
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (42, "domains[1].questions[0].relevant")
    assert issue.message == (
        "condition refers to 'legal.later', which is not an earlier question "
        "(conditions may only look back)"
    )


def test_condition_self_reference(tmp_path: Path) -> None:
    issue = condition_issue(tmp_path, '"${legal.nda} >= 2"')
    assert issue.message == "condition refers to its own question 'legal.nda'"


def test_condition_on_text_question(tmp_path: Path) -> None:
    issue = condition_issue(tmp_path, "\"${trust.notes} = 'x'\"")
    assert issue.message == (
        "condition refers to text question 'trust.notes'; only choice and profile questions "
        "have values"
    )


def test_condition_compares_number_with_string(tmp_path: Path) -> None:
    issue = condition_issue(tmp_path, "\"${trust.isac} >= 2 and 1 = '1'\"")
    assert issue.message == "condition compares a number with a string"


def test_missing_language_text(tmp_path: Path) -> None:
    text = edited(
        ("languages: [en]", "languages: [en, fr]"),
        ("title: {en: Mini}", "title: {en: Mini, fr: Mini}"),
    )
    issues = issues_for(tmp_path, text)
    # every text object lacks 'fr' now: the first few are the scale labels, in line order
    assert all(i.message == "missing the 'fr' text (languages: en, fr)" for i in issues)
    assert [i.line for i in issues] == sorted(i.line for i in issues)
    assert (issues[0].line, issues[0].path) == (10, "scales.maturity.options[0].label")
    assert (issues[-1].line, issues[-1].path) == (43, "domains[1].questions[0].recommendation")
    assert len(issues) == 5 + 5 + 2 + 7  # option labels, level labels, domain titles, texts


def test_language_not_listed(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("text: {en: NDA?}", "text: {en: NDA?, fr: NDA ?}"))))
    assert (issue.line, issue.path) == (41, "domains[1].questions[0].text.fr")
    assert issue.message == "language 'fr' is not listed in languages (en)"


def test_levels_not_ascending(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("min: 60", "min: 30"))))
    assert (issue.line, issue.path) == (19, "levels[3].min")
    assert issue.message.startswith("levels must ascend by min: 30 is not above")


def test_first_level_min_not_zero(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("{level: 1, min: 0,", "{level: 1, min: 5,"))))
    assert (issue.line, issue.path, issue.message) == (
        16,
        "levels[0].min",
        "the first level must have min 0, got 5",
    )


def test_duplicate_level(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("{level: 4,", "{level: 3,"))))
    assert (issue.line, issue.path, issue.message) == (
        19,
        "levels[3].level",
        "level 3 is defined twice",
    )


def test_cap_level_not_among_levels(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("cap_level: 2", "cap_level: 7"))))
    assert (issue.line, issue.path) == (29, "domains[0].questions[0].critical.cap_level")
    assert issue.message == "cap_level 7 is not one of the levels (1, 2, 3, 4, 5)"


def test_scale_max_score_zero(tmp_path: Path) -> None:
    edits = [(f"score: {n},", "score: 0,") for n in (1, 2, 3, 4)]
    edits.append(("        critical: {below: 2, cap_level: 2}\n", ""))
    issue = only(issues_for(tmp_path, edited(*edits)))
    assert (issue.line, issue.path) == (9, "scales.maturity.options")
    assert issue.message.startswith("the highest score must be greater than 0")


def test_text_question_with_scale_and_anchors(tmp_path: Path) -> None:
    extra = '        type: text\n        scale: maturity\n        anchors: {"0": {en: Nothing}}\n'
    issues = issues_for(tmp_path, edited(("        type: text\n", extra)))
    assert [(i.line, i.path, i.message) for i in issues] == [
        (35, "domains[0].questions[2].scale", "'scale' only applies to choice questions"),
        (36, "domains[0].questions[2].anchors", "'anchors' only applies to choice questions"),
    ]


def test_choice_question_without_scale(tmp_path: Path) -> None:
    text = edited(("      - id: trust.isac\n        scale: maturity\n", "      - id: trust.isac\n"))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (30, "domains[0].questions[1]")
    assert issue.message == "a choice question needs a 'scale' (known: maturity)"


def test_bad_version(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("version: 1.0.0", 'version: "1.0"'))))
    assert (issue.line, issue.path) == (3, "version")
    assert issue.message == "'1.0' is not valid: expected a semantic version such as 1.0.0"


def test_wrong_format_const(tmp_path: Path) -> None:
    text = edited(("format: readiness-questionnaire/1", "format: readiness-questionnaire/2"))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (1, "format")
    assert issue.message == (
        "expected 'readiness-questionnaire/1', got the text 'readiness-questionnaire/2'"
    )


def test_unquoted_comma_in_multi_word_text(tmp_path: Path) -> None:
    issue = only(
        issues_for(tmp_path, edited(("text: {en: NDA?}", "text: {en: Signed, and sealed}")))
    )
    assert (issue.line, issue.path) == (41, 'domains[1].questions[0].text["and sealed"]')
    assert "cut at a comma" in issue.message
    assert "quotes" in issue.message


def test_unquoted_comma_in_flow_mapping_text(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited(("text: {en: NDA?}", "text: {en: a, b}"))))
    assert (issue.line, issue.path) == (41, "domains[1].questions[0].text.b")
    assert "comma" in issue.message
    assert "quotes" in issue.message


def test_every_error_is_listed_in_line_order(tmp_path: Path) -> None:
    text = edited(
        ("version: 1.0.0", "version: one"),  # line 3
        ("min: 60", "min: 30"),  # line 19
        ("id: trust.contact", "id: trust.Contact"),  # line 25
        ("        text: {en: ISAC?}", "        colour: red\n        text: {en: ISAC?}"),  # line 32
        (RELEVANT, '"${legal.nda} = 1"'),  # line 43 after the insertion above
    )
    issues = issues_for(tmp_path, text)
    assert [(i.line, i.path) for i in issues] == [
        (3, "version"),
        (19, "levels[3].min"),
        (25, "domains[0].questions[0].id"),
        (32, "domains[0].questions[1].colour"),
        (43, "domains[1].questions[0].relevant"),
    ]
    with pytest.raises(FileProblems) as raised:
        load_text(text, "q.yaml")
    assert len(raised.value.issues) == 5
    assert str(raised.value).splitlines()[0].startswith("q.yaml:3: version: ")
