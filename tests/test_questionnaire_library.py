"""Installed questionnaires (DESIGN sections 2 and 6): add, list by version, start, refuse."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from backends import Backend
from readiness.paths import builtin_questionnaires_dir
from readiness.questionnaire.xlsx_writer import template_data, write_workbook
from readiness.services import library
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace


def _yaml(path: Path, **changes: object) -> Path:
    import yaml

    data = template_data()
    data.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def workspace(backend: Backend) -> Workspace:
    """A workspace on each database backend (SQLite file, PostgreSQL schema)."""
    ws = Workspace.open(backend.target)
    yield ws
    ws.close()


def test_install_lists_and_starts_the_highest_version(workspace: Workspace, tmp_path: Path):
    first = library.install(workspace, _yaml(tmp_path / "a.yaml", version="1.2.0"))
    assert first.outcome == "installed"
    assert library.install(workspace, tmp_path / "a.yaml").outcome == "already installed"
    workbook = tmp_path / "b.xlsx"
    data = template_data()
    data["version"] = "1.10.0"
    write_workbook(data, workbook)
    assert library.install(workspace, workbook).outcome == "installed"
    _yaml(tmp_path / "c.yaml", version="1.9.0")
    library.install(workspace, tmp_path / "c.yaml")

    mine = [(e.version, e.source) for e in library.available(workspace) if e.id == data["id"]]
    assert mine == [("1.2.0", "installed"), ("1.9.0", "installed"), ("1.10.0", "installed")]
    assert library.find(workspace, "my-questionnaire").questionnaire.version == "1.10.0"
    assert library.find(workspace, "my-questionnaire@1.2.0").questionnaire.version == "1.2.0"
    with pytest.raises(UserError, match=r"has no version 2\.0\.0 \(known: 1\.2\.0, 1\.9\.0"):
        library.find(workspace, "my-questionnaire@2.0.0")

    org = workspace.add_organisation("Acme", "company")
    started = workspace.new_assessment(org.id, "my-questionnaire@1.9.0")
    assert workspace.questionnaire_of(started).questionnaire.version == "1.9.0"


def test_same_version_other_content_is_refused_naming_both_hashes(
    workspace: Workspace, tmp_path: Path
):
    original = library.install(workspace, _yaml(tmp_path / "a.yaml"))
    changed = _yaml(tmp_path / "b.yaml", title={"en": "Changed title"})
    with pytest.raises(UserError) as refused:
        library.install(workspace, changed)
    message = str(refused.value)
    assert original.loaded.sha256 in message
    from readiness.questionnaire.loader import load_file

    assert load_file(changed).sha256 in message
    assert [e.loaded.sha256 for e in library.available(workspace) if e.source == "installed"] == [
        original.loaded.sha256
    ]


def test_a_builtin_cannot_be_shadowed(workspace: Workspace, tmp_path: Path):
    builtin = sorted(builtin_questionnaires_dir().glob("*.yaml"))[0]
    assert library.install(workspace, builtin).outcome == "built in"
    original = builtin.read_text(encoding="utf-8")
    text = original.replace("Partnership readiness", "X Partnership readiness", 1)
    assert text != original  # the shadow really differs (its title)
    (tmp_path / "shadow.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="already known with other content"):
        library.install(workspace, tmp_path / "shadow.yaml")


def test_invalid_file_lists_every_problem(workspace: Workspace, tmp_path: Path):
    bad = _yaml(tmp_path / "bad.yaml", version="one", audience="navy")
    with pytest.raises(library.InstallProblems) as problems:
        library.install(workspace, bad)
    assert len(problems.value.issues) == 2
    assert library.available(workspace)[-1].source == "builtin"


def test_cli_add_and_json(tmp_path: Path, cli_env: dict[str, str], readiness_cmd: list[str]):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*readiness_cmd, *args], cwd=tmp_path, env=cli_env, capture_output=True, text=True
        )

    _yaml(tmp_path / "mine.yaml")
    added = run("questionnaires", "add", "mine.yaml")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("installed questionnaire my-questionnaire 0.1.0 (sha256 ")
    rows = json.loads(run("questionnaires", "--json").stdout)
    assert {(r["id"], r["source"]) for r in rows} >= {
        ("my-questionnaire", "installed"),
        ("company-readiness", "builtin"),
    }
    mine = next(r for r in rows if r["id"] == "my-questionnaire")
    assert mine["path"] is None and mine["title"] == "My tailored questionnaire"
    bad = _yaml(tmp_path / "bad.yaml", version="one")
    failed = run("questionnaires", "add", bad.name)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "bad.yaml:3: version: 'one' is not valid: expected a semantic version such as 1.0.0",
        "not installed: bad.yaml has errors",
    ]
