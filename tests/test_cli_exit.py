"""The command line's fast exit (issue 17): output flushed, database closed, exit codes kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from readiness.services.demo import seed
from readiness.services.workspace import Workspace
from storage_helpers import run_cli


def _cli(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli([sys.executable, "-m", "readiness.cli"], env, cwd, *args)


def test_fast_exit_flushes_output_and_closes_the_database(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "demo.db"
    workspace = Workspace.open(db)
    for _ in seed(workspace):
        pass
    workspace.close()
    env = dict(cli_env, READINESS_DB=str(db))
    rows = json.loads(_cli(env, tmp_path, "assessment", "list", "--json").stdout)
    assert len(rows) >= 3  # the whole JSON arrived through the pipe
    first = rows[0]["id"]
    show = json.loads(_cli(env, tmp_path, "assessment", "show", first, "--json").stdout)
    question, value = next(iter(show["answers"].items()))
    option = value if isinstance(value, str) else value.get("option")
    other = "0" if option != "0" else "1"
    done = _cli(env, tmp_path, "answer", first, question, other)
    assert done.returncode == 0, done.stderr
    wal = Path(str(db) + "-wal")  # closed: the last connection checkpointed the WAL
    assert not wal.exists() or wal.stat().st_size == 0
    again = json.loads(_cli(env, tmp_path, "assessment", "show", first, "--json").stdout)
    shown = again["answers"][question]
    assert (shown if isinstance(shown, str) else shown.get("option")) == other
    help_text = _cli(env, tmp_path, "--help")
    assert help_text.returncode == 0 and help_text.stdout.startswith("usage: readiness")
    version = _cli(env, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("readiness ")
    assert _cli(env, tmp_path, "--bogus").returncode == 2
    bad = _cli(env, tmp_path, "assessment", "show", "zzzz")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
