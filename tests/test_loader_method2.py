"""Loader errors for the keys of scoring method 2 (DESIGN sections 2 and 3), each with its line.

Edits of tests/data/mini.yaml, as in test_loader_errors.py (see its line map).
"""

from __future__ import annotations

from pathlib import Path

from readiness.questionnaire.loader import load_text
from test_loader_errors import edited, issues_for, only

TIERS = (
    "        critical:\n"
    "          - {below: 2, cap_level: 2}\n"
    "          - {below: 3, cap_level: 3}\n"
    "          - {below: 4, cap_level: 4}\n"
)
ONE_TIER = "        critical: {below: 2, cap_level: 2}\n"
PROFILE = (
    "      - id: trust.sector\n"
    "        type: profile\n"
    "        scale: maturity\n"
    "        text: {en: Sector?}\n"
)
ISAC = "      - id: trust.isac\n"


def test_tiers_scoring_block_profile_and_serves_load(tmp_path: Path) -> None:
    text = edited(
        (ONE_TIER, TIERS),
        ("levels:\n", "scoring:\n  max_levels_above_weakest_domain: 1\nlevels:\n"),
        (ISAC, PROFILE + ISAC),
        ("        text: {en: ISAC?}\n", "        text: {en: ISAC?}\n        serves: [B1, W3]\n"),
        ('relevant: "${trust.isac} >= 2"', "relevant: \"${trust.sector} = '2'\""),
    )
    assert issues_for(tmp_path, text) == []
    questionnaire = load_text(text).questionnaire
    contact = questionnaire.question("trust.contact")
    assert [(t.below, t.cap_level) for t in contact.tiers] == [(2, 2), (3, 3), (4, 4)]
    assert contact.critical.cap_level == 2  # the unanswered cap
    assert [contact.cap_for(s) for s in (None, 0, 1, 2, 3, 4)] == [2, 2, 2, 3, 4, None]
    assert questionnaire.scoring.max_levels_above_weakest_domain == 1
    sector = questionnaire.question("trust.sector")
    assert sector.is_choice and not sector.is_scored and not sector.allow_na
    assert questionnaire.question("trust.isac").serves == ("B1", "W3")


def test_one_tier_still_loads_as_one_tier(tmp_path: Path) -> None:
    contact = load_text(edited()).questionnaire.question("trust.contact")
    assert [(t.below, t.cap_level) for t in contact.tiers] == [(2, 2)]


def test_tier_in_a_list_with_unknown_cap_level(tmp_path: Path) -> None:
    issue = only(
        issues_for(tmp_path, edited((ONE_TIER, TIERS.replace("cap_level: 3", "cap_level: 9"))))
    )
    assert (issue.line, issue.path) == (31, "domains[0].questions[0].critical[1].cap_level")
    assert issue.message == "cap_level 9 is not one of the levels (1, 2, 3, 4, 5)"


def test_tiers_must_ascend(tmp_path: Path) -> None:
    text = edited((ONE_TIER, TIERS.replace("{below: 3, cap_level: 3}", "{below: 3, cap_level: 2}")))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (31, "domains[0].questions[0].critical[1]")
    assert issue.message == (
        "tiers must ascend: each needs a higher 'below' and a higher 'cap_level' than the tier "
        "before (below 2, cap_level 2)"
    )


def test_tier_below_above_the_scale(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited((ONE_TIER, TIERS.replace("below: 4", "below: 5")))))
    assert (issue.line, issue.path) == (32, "domains[0].questions[0].critical[2].below")
    assert issue.message == "below 5 is above the scale's highest score 4, so it always caps"


def test_critical_neither_tier_nor_list(tmp_path: Path) -> None:
    issue = only(issues_for(tmp_path, edited((ONE_TIER, "        critical: 2\n"))))
    assert (issue.line, issue.path) == (29, "domains[0].questions[0].critical")
    assert issue.message == (
        "expected a tier {below: N, cap_level: L} or a list of tiers, got the number 2"
    )


def test_tier_with_unknown_key(tmp_path: Path) -> None:
    text = edited((ONE_TIER, TIERS.replace("{below: 4, cap_level: 4}", "{below: 4, cap: 4}")))
    issues = issues_for(tmp_path, text)
    assert [(i.line, i.path) for i in issues] == [
        (32, "domains[0].questions[0].critical[2]"),
        (32, "domains[0].questions[0].critical[2].cap"),
    ]
    assert issues[0].message == "missing required key 'cap_level'"
    assert issues[1].message.startswith("unknown key 'cap' (known: below, cap_level)")


def test_scoring_block_errors(tmp_path: Path) -> None:
    text = edited(("levels:\n", "scoring:\n  max_levels_above_weakest_domain: -1\nlevels:\n"))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (16, "scoring.max_levels_above_weakest_domain")
    assert issue.message == "must be at least 0, got -1"
    text = edited(("levels:\n", "scoring:\n  max_levels_above_weakest: 1\nlevels:\n"))
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (16, "scoring.max_levels_above_weakest")
    assert "did you mean 'max_levels_above_weakest_domain'?" in issue.message


def test_profile_question_rejects_scoring_keys(tmp_path: Path) -> None:
    profile = (
        PROFILE
        + "        weight: 2\n        allow_na: true\n        critical: {below: 1, cap_level: 1}\n"
    )
    issues = issues_for(tmp_path, edited((ISAC, profile + ISAC)))
    assert [(i.line, i.path, i.message) for i in issues] == [
        (
            34,
            "domains[0].questions[1].weight",
            "'weight' does not apply to a profile question: it is never scored",
        ),
        (
            35,
            "domains[0].questions[1].allow_na",
            "a profile question is never N/A; remove 'allow_na'",
        ),
        (
            36,
            "domains[0].questions[1].critical",
            "'critical' does not apply to a profile question: it is never scored",
        ),
    ]


def test_profile_question_needs_a_scale(tmp_path: Path) -> None:
    profile = PROFILE.replace("        scale: maturity\n", "")
    issue = only(issues_for(tmp_path, edited((ISAC, profile + ISAC))))
    assert (issue.line, issue.path) == (30, "domains[0].questions[1]")
    assert issue.message == "a profile question needs a 'scale' (known: maturity)"


def test_serves_tags_are_checked(tmp_path: Path) -> None:
    text = edited(
        ("        text: {en: ISAC?}\n", "        text: {en: ISAC?}\n        serves: [B 1]\n")
    )
    issue = only(issues_for(tmp_path, text))
    assert (issue.line, issue.path) == (33, "domains[0].questions[1].serves[0]")
    assert issue.message == "'B 1' is not valid: expected a short tag such as B1 or W3"


def test_unknown_question_type_lists_profile(tmp_path: Path) -> None:
    text = edited(("        type: text\n", "        type: profiles\n"))
    issue = only(issues_for(tmp_path, text))
    assert issue.message == (
        "the text 'profiles' is not allowed (expected one of: choice, text, profile)"
    )
