"""An installed wheel carries the compiled catalogue (hatch_build.py; DESIGN sections 6 and 11):
the .mo is built from the .po at wheel time, the .po stays out, and French works from the
installed files alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MO = "readiness/builtin/resources/locale/fr/LC_MESSAGES/readiness.mo"

pytest.importorskip("hatchling", reason="the wheel build hook needs hatchling (test extra)")


def _project_copy(target: Path) -> Path:
    """The project's build inputs, with a small French catalogue of our own."""
    target.mkdir()
    for name in ("pyproject.toml", "hatch_build.py", "README.md"):
        shutil.copy2(REPO / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "locale")
    for name in ("src", "questionnaires", "resources"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    po = target / "resources" / "locale" / "fr" / "LC_MESSAGES" / "readiness.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "show the version"\nmsgstr "afficher la version (du test)"\n\n'
        '#, fuzzy\nmsgid "what to do"\nmsgstr "à éviter"\n',
        encoding="utf-8",
    )
    return target


def test_the_wheel_carries_the_compiled_catalogue_and_french_works_installed(tmp_path):
    project = _project_copy(tmp_path / "project")
    out = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", str(out), str(project)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    wheel = next(out.glob("partnership_readiness-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "installed")
    assert MO in names
    assert not [n for n in names if n.endswith((".po", ".pot"))]
    assert "readiness/builtin/resources/fonts/DejaVuSans.ttf" in names
    assert not (project / "resources" / "locale" / "fr" / "LC_MESSAGES" / "readiness.mo").exists()

    env = dict(os.environ, PYTHONPATH=str(tmp_path / "installed"), READINESS_LANG="fr")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "--help"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "afficher la version (du test)" in done.stdout
    assert "à éviter" not in done.stdout  # fuzzy entries are not compiled
    assert not (tmp_path / "cache").exists()  # the shipped .mo is used as it is
