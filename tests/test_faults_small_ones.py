"""Smaller faults of issue 8, item 9: a folder or a device named as such (never "not found",
never read), and an N/A justification that is not text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env

MINI = Path(__file__).parent / "data" / "mini.yaml"


def test_score_a_folder_says_folder(tmp_path: Path) -> None:
    done = cli(cli_env(tmp_path), "score", str(tmp_path))
    assert done.returncode == 1
    assert "folder" in done.stderr and "not found" not in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("special", ["/dev/null", "fifo"])
def test_validate_a_device_or_pipe_says_so(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)  # reading it would block for ever
    done = cli(cli_env(tmp_path), "validate", special, timeout=30)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "not found" not in done.stderr
    done = cli(cli_env(tmp_path), "score", special, timeout=30)
    assert done.returncode == 1 and "not a regular file" in done.stderr


@pytest.mark.parametrize("value", ["[1, 2]", "{a: b}", "5"])
def test_na_justification_must_be_text(tmp_path: Path, value: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        f"questionnaire: mini\nanswers:\n  trust.contact: {{na: {value}}}\n", encoding="utf-8"
    )
    done = cli(cli_env(tmp_path), "score", str(answers), "--questionnaire", str(MINI))
    assert done.returncode == 1, done.stdout
    assert "justification must be text" in done.stderr
