"""Hostile questionnaire files: each gets exactly one clear issue, fast, never a crash or hang."""

from __future__ import annotations

import random
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.questionnaire.loader import validate_file


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghi":  # 9**9 = 387 million values once expanded
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return ("\n".join(lines) + "\n").encode()


def _block_mapping_bomb() -> bytes:
    """Billion laughs with block mappings instead of flow lists."""
    out = ["l0: &l0 {a: lol, b: lol, c: lol, d: lol, e: lol, f: lol, g: lol, h: lol}"]
    for i in range(1, 9):
        out.append(f"l{i}: &l{i}")
        out += [f"  k{j}: *l{i - 1}" for j in range(8)]
    return ("\n".join(out) + "\n").encode()


def _big_file(path: Path) -> None:
    line = b"# " + b"x" * 1021 + b"\n"  # 1 KiB of valid YAML comment
    with path.open("wb") as f:
        f.write(b"format: readiness-questionnaire/1\n")
        for _ in range(10 * 1024 + 1):
            f.write(line)


_RANDOM = random.Random(20240601)

# name -> (bytes or writer, expected line, words the message must contain)
CASES: dict[str, tuple[bytes | Callable[[Path], None], int, str]] = {
    "alias-bomb": (_alias_bomb(), 6, "alias bomb"),  # e holds 100,000 values: trips at f
    "alias-bomb-block": (_block_mapping_bomb(), 40, "alias bomb"),  # trips inside l5
    "deep-flow-list": (b"x: " + b"[" * 5000 + b"]" * 5000 + b"\n", 1, "nesting deeper"),
    "deep-flow-map": (b"x: " + b"{a: " * 5000 + b"1" + b"}" * 5000 + b"\n", 1, "nesting deeper"),
    # block style: a 5000-deep indented mapping would be > 10 MB, so nest with compact "- - -"
    "deep-block-list": (b"x:\n" + b"- " * 5000 + b"end\n", 2, "nesting deeper"),
    "deep-block-map": ("".join(" " * i + f"k{i}:\n" for i in range(400)).encode(), 65, "nesting"),
    "latin-1": ("format: x\ntitle: {en: Café}\n".encode("latin-1"), 2, "not valid UTF-8"),
    "nul-bytes": (b"format: x\nid: y\x00\x00\n", 2, "binary file"),
    "random-bytes": (_RANDOM.randbytes(4096), 0, "binary file"),
    "random-no-nul": (bytes(_RANDOM.randrange(128, 256) for _ in range(4096)), 1, "UTF-8"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", 3, "binary file"),
    "empty": (b"", 1, "empty"),
    "whitespace": (b"  \n\t\n\n   \n", 1, "empty"),
    "comment-only": (b"# nothing here\n", 1, "questionnaire mapping"),
    "two-documents": (b"id: a\n---\nid: b\n", 2, "more than one YAML document"),
    "top-level-list": (b"- format: readiness-questionnaire/1\n- id: x\n", 1, "mapping"),
    "top-level-scalar": (b"just some words\n", 1, "mapping"),
    "mapping-as-key": (b"format: x\n? {a: 1}\n: b\n", 2, "cannot be used as a key"),
    "list-as-key": (b"{[1, 2]: b}\n", 1, "cannot be used as a key"),
    "unknown-alias": (b"a: *nowhere\n", 1, "unknown alias"),
    "self-alias": (b"a: &x [1, *x]\n", 1, "unknown alias"),
    "over-10-mb": (_big_file, 1, "at most 10 MB"),
}


@pytest.fixture(params=sorted(CASES), ids=str)
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, int, str]:
    content, line, words = CASES[request.param]
    path = tmp_path / f"{request.param}.yaml"
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path, line, words


def test_one_clear_issue_quickly(hostile: tuple[Path, int, str]) -> None:
    path, line, words = hostile
    start = time.perf_counter()
    issues = validate_file(path, "hostile.yaml")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert len(issues) == 1, "\n".join(map(str, issues))
    issue = issues[0]
    assert issue.file == "hostile.yaml"
    assert words in issue.message
    if line:
        assert issue.line == line
    else:  # random bytes: the first NUL's line is whatever the seed gives
        assert issue.line >= 1
    assert str(issue).startswith(f"hostile.yaml:{issue.line}: ")


def test_cli_validate_rejects_hostile_files_without_traceback(
    tmp_path: Path, readiness_cmd: list[str], cli_env: dict[str, str]
) -> None:
    paths = []
    for name, (content, _line, _words) in CASES.items():
        path = tmp_path / f"{name}.yaml"
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
        paths.append(str(path))
    done = subprocess.run(
        [*readiness_cmd, "validate", *paths],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[-1] == f"{len(CASES)} of {len(CASES)} file(s) have errors"
    for path in paths:  # one issue line per file
        assert sum(line.startswith(f"{path}:") for line in lines) == 1, path
    assert done.stdout == ""
