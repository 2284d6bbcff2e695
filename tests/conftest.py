"""Shared test set-up: offscreen Qt, no network, and every user folder redirected to tmp."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
):
    """No test may touch the real user data, config or log folders."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("READINESS_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("READINESS_DB", str(home / "readiness.db"))
    monkeypatch.delenv("READINESS_DATABASE_URL", raising=False)
    yield


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running `readiness` in a subprocess, isolated like the tests."""
    env = dict(os.environ)
    env["READINESS_DB"] = str(tmp_path / "cli.db")
    env["READINESS_LOG_DIR"] = str(tmp_path / "logs")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture
def readiness_cmd() -> list[str]:
    """How to invoke the installed command line in a subprocess."""
    return [sys.executable, "-m", "readiness.cli"]
