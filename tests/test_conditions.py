"""The `relevant` condition language: precedence, values, missing values, errors, no eval."""

from __future__ import annotations

import time

import pytest

from readiness.domain.conditions import (
    MAX_DEPTH,
    MAX_LENGTH,
    And,
    Comparison,
    ConditionError,
    Not,
    Or,
    parse_condition,
)
from readiness.domain.model import Option


def opt(option_id: str, score: float) -> Option:
    return Option(option_id, score, {"en": option_id})


def lookup_from(**values: Option | None):
    """Question ids use '-' in place of '.'/'-' so they can be keyword arguments."""
    table = {k.replace("_", "."): v for k, v in values.items()}
    return table.get


def holds(source: str, **values: Option | None) -> bool:
    return parse_condition(source).evaluate(lookup_from(**values))


T, F = opt("4", 4), opt("0", 0)  # ${x} = 4 is true for T, false for F


def test_and_binds_tighter_than_or() -> None:
    condition = parse_condition("${a} = 4 or ${b} = 4 and ${c} = 4")
    assert isinstance(condition, Or)
    assert isinstance(condition.parts[1], And)
    # a or (b and c) is true with a alone; (a or b) and c would be false
    assert holds("${a} = 4 or ${b} = 4 and ${c} = 4", a=T, b=F, c=F)
    assert not holds("(${a} = 4 or ${b} = 4) and ${c} = 4", a=T, b=F, c=F)
    assert holds("${a} = 4 and ${b} = 4 or ${c} = 4", a=F, b=F, c=T)


def test_not_and_parentheses() -> None:
    condition = parse_condition("not(${a} = 4 or ${b} = 4)")
    assert isinstance(condition, Not)
    assert holds("not(${a} = 4 or ${b} = 4)", a=F, b=F)
    assert not holds("not(${a} = 4 or ${b} = 4)", a=F, b=T)
    assert holds("not(not(${a} = 4))", a=T)
    assert holds("((${a} = 4))", a=T)


def test_references_are_listed() -> None:
    condition = parse_condition("${x.one} >= 1 and not(${y-two} = ${x.one})")
    assert list(condition.references()) == ["x.one", "y-two", "x.one"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("${q} = '3'", True),  # string: compares the option id
        ("${q} = 3", False),  # number: compares the score (1.5)
        ("${q} = 1.5", True),
        ("${q} >= 2", False),
        ("${q} < 2", True),
        ("${q} > -1", True),
        ("'3' = ${q}", True),  # literal on the left works the same
        ("1.5 = ${q}", True),
        ("${q} != '3'", False),
        ("${q} != 3", True),
    ],
)
def test_numbers_compare_scores_strings_compare_ids(source: str, expected: bool) -> None:
    assert holds(source, q=opt("3", 1.5)) is expected


def test_ref_against_ref_compares_scores_not_ids() -> None:
    # ids sort the other way round from scores, so an id comparison would give the opposite
    low_score_high_id, high_score_low_id = opt("z", 1), opt("a", 3)
    assert holds("${a} < ${b}", a=low_score_high_id, b=high_score_low_id)
    assert not holds("${a} > ${b}", a=low_score_high_id, b=high_score_low_id)
    assert holds("${a} = ${b}", a=opt("x", 2), b=opt("y", 2))


@pytest.mark.parametrize("op", ["=", "!=", "<", "<=", ">", ">="])
def test_missing_value_makes_every_comparison_false(op: str) -> None:
    for source in (f"${{q}} {op} 2", f"${{q}} {op} '2'", f"2 {op} ${{q}}", f"${{q}} {op} ${{r}}"):
        assert holds(source, q=None, r=opt("2", 2)) is False, source
        # not(...) of a false comparison is true
        assert holds(f"not({source})", q=None, r=opt("2", 2)) is True, source


def test_unknown_question_behaves_like_missing() -> None:
    assert not holds("${nobody} != 1")
    assert holds("not(${nobody} = 1) and not(${nobody} != 1)")


@pytest.mark.parametrize(
    ("source", "position", "words"),
    [
        ("${q} >= 2 & 1", 10, "unexpected text '& 1' at character 11"),
        ("${q", 0, "unexpected text '${q' at character 1"),
        ("${q} = 'open", 7, "unexpected text ''open' at character 8"),
        ("${q} >= 2 AND ${r} = 1", 10, "unknown word 'AND' at character 11"),
        ("${q} = yes", 7, "unknown word 'yes'"),
        ("${q}", 4, "expected a comparison (= != < <= > >=) at character 5, found end"),
        ("(${q} = 1", 9, "expected ')' at character 10"),
        ("${q} = 1)", 8, "expected 'and', 'or' or the end at character 9, found ')'"),
        ("${q} = = 1", 7, "at character 8, found '='"),
        ("not ${q} = 1", 4, "expected '(' at character 5"),
        ("${q} = 1 or", 11, "at character 12, found end of condition"),
        ("${q} == 1", 6, "at character 7"),
    ],
)
def test_syntax_errors_carry_positions(source: str, position: int, words: str) -> None:
    with pytest.raises(ConditionError) as raised:
        parse_condition(source)
    assert raised.value.position == position
    assert words in str(raised.value)


@pytest.mark.parametrize("source", ["", "   ", "\n\t"])
def test_empty_condition(source: str) -> None:
    with pytest.raises(ConditionError, match="condition is empty"):
        parse_condition(source)


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os')",
        "__import__('os').system('true') = 1",
        "${q}.__class__ = 1",
        "open('/etc/passwd') = 1",
        "lambda: 1",
        "${q} = 1 if True else 2",
        "[x for x in ()]",
        "${q} = 1; import os",
    ],
)
def test_python_is_never_evaluated(source: str) -> None:
    with pytest.raises(ConditionError):
        parse_condition(source)


def test_too_long_condition_is_refused_quickly() -> None:
    source = " and ".join(["${q} = 1"] * 1000)
    assert len(source) > MAX_LENGTH
    start = time.perf_counter()
    with pytest.raises(ConditionError, match=f"longer than {MAX_LENGTH}"):
        parse_condition(source)
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("opening", ["(", "not("])
def test_too_deep_condition_is_refused_quickly(opening: str) -> None:
    depth = MAX_DEPTH + 1
    source = opening * depth + "${q} = 1" + ")" * depth
    assert len(source) <= MAX_LENGTH
    start = time.perf_counter()
    with pytest.raises(ConditionError, match=f"deeper than {MAX_DEPTH}"):
        parse_condition(source)
    assert time.perf_counter() - start < 0.1
    # one level less is fine
    ok = opening * MAX_DEPTH + "${q} = 1" + ")" * MAX_DEPTH
    assert parse_condition(ok).evaluate(lookup_from(q=opt("1", 1)))  # MAX_DEPTH is even


def test_long_flat_chain_within_limits_parses() -> None:
    source = " or ".join(f"${{q{i}}} = {i}" for i in range(120))
    assert len(source) <= MAX_LENGTH
    condition = parse_condition(source)
    assert isinstance(condition, Or) and len(condition.parts) == 120
    assert all(isinstance(p, Comparison) for p in condition.parts)
    assert condition.evaluate(lookup_from(q119=opt("x", 119)))
