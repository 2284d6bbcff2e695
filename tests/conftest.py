"""Shared test set-up: offscreen Qt, no network, and every user folder redirected to tmp."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import (
    PG_REQUIRED_VARIABLE,
    PG_URL_VARIABLE,
    Backend,
    drop_pg_schema,
    new_pg_schema,
    pg_base_url,
    postgresql_backend,
    sqlite_backend,
)

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
    # English unless a test says otherwise: a developer's French locale must not change the
    # text tests expect, and a test that chose French must not leak it into the next one.
    monkeypatch.setenv("READINESS_LANG", "en")
    from readiness import i18n

    i18n.reset_language()
    yield
    i18n.reset_language()


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


# Database backends (issue 16): SQLite always, PostgreSQL when READINESS_TEST_PG_URL is set.


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Backend]:
    """A fresh, empty database on each backend, chosen for this process through the same
    variables the command line reads (READINESS_DB or READINESS_DATABASE_URL)."""
    if request.param == "sqlite":
        chosen = sqlite_backend(tmp_path / "backend.db")
        monkeypatch.setenv("READINESS_DB", str(chosen.path))
        yield chosen
        return
    base = pg_base_url()
    if base is None:
        reason = f"PostgreSQL variant: set {PG_URL_VARIABLE} (.ci/run does) to run it"
        if os.environ.get(PG_REQUIRED_VARIABLE):
            pytest.fail(reason)
        pytest.skip(reason)
    schema, url = new_pg_schema(base)
    monkeypatch.delenv("READINESS_DB", raising=False)
    monkeypatch.setenv("READINESS_DATABASE_URL", url)
    try:
        yield postgresql_backend(url)
    finally:
        drop_pg_schema(base, schema)
