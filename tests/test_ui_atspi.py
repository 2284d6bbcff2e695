"""Issue 18 (c): the real application under Xvfb, seen by an assistive technology through
AT-SPI (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1): its main window's controls are on the bus with
their names, and no focusable control there is nameless.

The probe runs with the distribution's /usr/bin/python3, where pyatspi (python3-pyatspi) lives;
the application runs from this environment (tests/atspi/session.py starts both inside
``xvfb-run -a dbus-run-session``). .ci/run installs the packages when it is root; without them
the test skips and says which are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from readiness.services.demo import seed
from readiness.services.workspace import Workspace

HERE = Path(__file__).resolve().parent
NEEDED = {
    "xvfb-run (xvfb)": "/usr/bin/xvfb-run",
    "xauth": "/usr/bin/xauth",
    "dbus-run-session (dbus-daemon)": "/usr/bin/dbus-run-session",
    "at-spi-bus-launcher (at-spi2-core)": "/usr/libexec/at-spi-bus-launcher",
    "/usr/bin/python3": "/usr/bin/python3",
}


def _missing() -> list[str]:
    missing = [name for name, path in NEEDED.items() if not Path(path).exists()]
    if Path("/usr/bin/python3").exists():
        found = subprocess.run(
            ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False
        )
        if found.returncode != 0:
            missing.append("pyatspi (python3-pyatspi)")
    return missing


def test_main_window_controls_are_named_on_the_at_spi_bus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = _missing()
    if missing:
        reason = "AT-SPI smoke test skipped: missing " + ", ".join(missing)
        with capsys.disabled():
            print(f"\n{reason}")
        pytest.skip(reason)
    db = tmp_path / "demo.db"
    workspace = Workspace.open(db)
    for _step in seed(workspace):
        pass
    workspace.close()
    env = dict(os.environ)
    home = tmp_path / "home"
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "run"),
        PYTHONPATH=os.pathsep.join(p for p in sys.path if p and Path(p).is_dir()),
    )
    (home / "run").mkdir(parents=True)
    os.chmod(home / "run", 0o700)
    command = [
        shutil.which("xvfb-run") or "/usr/bin/xvfb-run",
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        "dbus-run-session",
        "--",
        sys.executable,
        str(HERE / "atspi" / "session.py"),
        str(db),
    ]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    nodes: list[dict[str, Any]] = [
        json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")
    ]
    shown = [n for n in nodes if n["showing"]]
    focusable = [n for n in shown if n["focusable"]]
    with capsys.disabled():
        controls = [n for n in focusable if n["role"] not in ("table cell", "list item")]
        print(
            f"\nAT-SPI: {len(nodes)} objects, {len(focusable)} focusable and showing "
            f"({len(controls)} controls, the rest table cells and list items), none nameless"
        )
    assert nodes[0]["role"] == "application"
    assert any(n["role"] == "frame" and "Partnership Readiness" in n["name"] for n in nodes)
    nameless = [n for n in focusable if not n["name"].strip()]
    assert not nameless, nameless
    names = {(n["role"], n["name"]) for n in shown}
    for expected in [
        ("list", "Organisations"),
        ("table", "Assessments"),
        ("push button", "New organisation"),
        ("push button", "New assessment"),
        ("menu item", "File"),
        ("menu item", "View"),
    ]:
        assert expected in names, (expected, sorted(names))
