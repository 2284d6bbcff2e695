"""Hostile questionnaires and snapshots stay bounded (issue 8, item 8; DESIGN section 2): each
message carries a bounded amount, each file a bounded number of messages, the work is bounded,
the real cause is named; non-finite and huge numbers are FILE:LINE errors; a stored snapshot is
checked against its sha256 and validated with the same bounds."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env
from readiness.questionnaire.issues import FileProblems
from readiness.questionnaire.loader import MAX_ISSUES, load_text
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from storage_helpers import MINI, load, start

BASE = MINI.read_text(encoding="utf-8")


def problems(text: str) -> tuple[list[str], float]:
    started = time.perf_counter()
    with pytest.raises(FileProblems) as raised:
        load_text(text, "hostile.yaml")
    return [str(i) for i in raised.value.issues], time.perf_counter() - started


def codes(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    found = [f"{a}{b}-{c}{d}" for a in letters for b in letters for c in "ABCDEFGH" for d in "AB"]
    return ", ".join(found[:count])


@pytest.mark.parametrize("count", [2_000, 10_000])
def test_many_languages_are_bounded(count: int) -> None:
    lines, seconds = problems(BASE.replace("languages: [en]", f"languages: [en, {codes(count)}]"))
    assert seconds < 5, seconds
    assert len(lines) <= MAX_ISSUES + 1
    assert max(len(line) for line in lines) < 400
    assert any("at most" in line and "languages" in line for line in lines)


def test_a_flat_list_of_a_million_numbers_is_named_for_what_it_is() -> None:
    lines, seconds = problems("[" + ",".join("1" for _ in range(1_000_000)) + "]\n")
    assert seconds < 5, seconds
    assert len(lines) == 1
    assert "alias" not in lines[0] and "more than" in lines[0] and "values" in lines[0]


def test_an_alias_bomb_is_still_called_one() -> None:
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        bomb.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 10) + "]")
    lines, seconds = problems("\n".join(bomb) + "\n")
    assert seconds < 5 and len(lines) == 1 and "alias" in lines[0]


def test_many_anchors_give_a_bounded_report() -> None:
    extra = "".join(f"  - &a{i} {{bad: {i}}}\n" for i in range(200_000))
    lines, seconds = problems(BASE + "extra:\n" + extra)
    assert seconds < 10, seconds
    assert len(lines) <= MAX_ISSUES + 1


def test_many_errors_are_capped_with_a_count() -> None:
    questions = "".join(
        f"      - {{id: trust.x{i}, scale: nosuch, text: {{en: Q}}}}\n" for i in range(500)
    )
    text = BASE.replace("    questions:\n", "    questions:\n" + questions, 1)
    lines, _seconds = problems(text)
    assert len(lines) == MAX_ISSUES + 1
    assert "more problems" in lines[-1]


@pytest.mark.parametrize(
    ("replacement", "words"),
    [
        ("score: .nan,", "not a finite number"),
        ("score: .inf,", "not a finite number"),
        ("score: -.Inf,", "not a finite number"),
        ("score: " + "9" * 5000 + ",", "4300 digits"),
    ],
)
def test_non_finite_and_huge_numbers_are_file_line_errors(replacement: str, words: str) -> None:
    text = BASE.replace("score: 1,", replacement, 1)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if replacement in row)
    lines, _seconds = problems(text)
    assert lines == [lines[0]] and lines[0].startswith(f"hostile.yaml:{line}: ")
    assert words in lines[0]


def test_validate_prints_file_line_for_inf(tmp_path: Path) -> None:
    path = tmp_path / "inf.yaml"
    path.write_text(BASE.replace("score: 2,", "score: .inf,", 1), encoding="utf-8")
    done = cli(cli_env(tmp_path), "validate", str(path))
    assert done.returncode == 1
    assert f"{path}:12: " in done.stderr and "finite" in done.stderr


def _tamper(db: Path, content: str, sha: str | None = None) -> None:
    with closing(sqlite3.connect(db)) as raw:
        if sha is None:
            raw.execute("UPDATE questionnaire_snapshots SET content = ?", (content,))
        else:
            raw.execute(
                "UPDATE questionnaire_snapshots SET content = ?, sha256 = ?", (content, sha)
            )
        raw.commit()


@pytest.fixture(autouse=True)
def _fresh_snapshot_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsed snapshots are cached per process by sha256: start each test without them, as a
    window that opens a crafted shared database would."""
    from readiness.services import state as state_module

    monkeypatch.setattr(state_module, "_SNAPSHOTS", {})


def test_a_snapshot_that_does_not_match_its_sha256_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.close()
    _tamper(db, BASE.replace("Absent", "Tampered"))
    workspace = Workspace.open(db)
    try:
        with pytest.raises(UserError, match="does not match its checksum"):
            workspace.state(assessment)
    finally:
        workspace.close()


def test_a_crafted_snapshot_is_validated_with_the_same_bounds(tmp_path: Path) -> None:
    db = tmp_path / "crafted.db"
    workspace = Workspace.open(db)
    assessment = start(workspace, load(MINI))
    workspace.close()
    crafted = BASE.replace("languages: [en]", f"languages: [en, {codes(10_000)}]")
    _tamper(db, crafted, hashlib.sha256(crafted.encode("utf-8")).hexdigest())
    started = time.perf_counter()
    workspace = Workspace.open(db)
    try:
        with pytest.raises(UserError) as raised:
            workspace.state(assessment)
    finally:
        workspace.close()
    assert time.perf_counter() - started < 10
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 400


def test_the_value_bound_counts_each_value_once_however_deep() -> None:
    """A 1,000-question questionnaire holds about 43,000 values; nesting must not multiply
    them (the bound once counted each value again for every container around it, and
    refused bench/questionnaire_bench.py's 1,000-question file as 'more than 100000')."""
    from readiness.questionnaire.yaml_source import MAX_VALUES, parse

    per_leaf = 10
    leaves = (MAX_VALUES // 2) // per_leaf  # about half the bound, six levels deep
    text = "a:\n b:\n  c:\n   d:\n    e:\n" + "".join(
        f"     k{i}: [" + ", ".join("1" for _ in range(per_leaf)) + "]\n" for i in range(leaves)
    )
    document = parse(text)
    assert len(document.data["a"]["b"]["c"]["d"]["e"]) == leaves
    twice = "a:\n b:\n" + "".join(
        f"  k{i}: [" + ", ".join("1" for _ in range(per_leaf)) + "]\n" for i in range(2 * leaves)
    )
    with pytest.raises(Exception, match="more than"):
        parse(twice)  # about 1.1 times the bound, counted once: still refused
