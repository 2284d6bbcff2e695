"""Window start-up benchmark: `readiness gui` until the main window painted, vs bare PySide6.

Run from the repository root::

    python -m bench.startup_bench [--runs 9]

Each run is a fresh subprocess. The clock starts just before the process is spawned and stops at
the timestamp the process prints right after the window's first paint event
(``READINESS_BENCH_EXIT_ON_SHOW=1`` makes ``readiness.ui.launch`` print it and quit). The
baseline is a bare PySide6 script (QApplication + an empty QMainWindow) measured the same way in
the same run, interleaved with the app runs so both see the same machine state. Without a
display the runs use ``QT_QPA_PLATFORM=offscreen``. Three app cases: a first run on an empty
database (the welcome page), a database with the demo data (the assessment list), and the same
with the last assessment reopened (questions page, charts filled).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 1.2  # first paint, issue 17
DATA_RATIO = 2.0  # the list or welcome page painted with its data, issue 17
MARKER = "READINESS_WINDOW_SHOWN"
PREVIEW = "READINESS_WINDOW_PREVIEW"
READY = "READINESS_WINDOW_READY"

BASELINE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("baseline")
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) \\
                and watched.window() is window:
            print("{MARKER}", f"{{time.time():.6f}}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
spy = FirstPaint(app)
app.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    # as installed: pip compiles the bytecode at install time; without it every process would
    # compile our modules from source again (about 10 ms for `--help` alone)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["READINESS_BENCH_EXIT_ON_SHOW"] = "1"
    env["READINESS_LOG_DIR"] = str(folder / "logs")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / name.lower())
    return env


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the window's first paint, to its data shown, to the window usable) of one
    start: the data is shown by the start-up preview when there is one, else when usable."""
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    marks = {
        line.split()[0]: float(line.split()[1]) - start
        for line in done.stdout.splitlines()
        if line.startswith((MARKER, PREVIEW, READY))
    }
    if MARKER not in marks:
        raise RuntimeError(f"no marker from {command}: rc={done.returncode} {done.stderr[-800:]}")
    usable = marks.get(READY, marks[MARKER])
    return marks[MARKER], marks.get(PREVIEW, usable), usable


def _prepare(folder: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """The commands to time, with their environments (settings kept apart per case)."""
    from readiness.services.demo import seed
    from readiness.services.workspace import Workspace

    app = [sys.executable, "-m", "readiness.cli"]
    cases: dict[str, tuple[list[str], dict[str, str]]] = {}
    cases["bare PySide6 QMainWindow"] = ([sys.executable, "-c", BASELINE], _environment(folder))
    empty = folder / "empty"
    empty.mkdir()
    cases["readiness gui, first run (welcome page)"] = (
        [*app, "--db", str(empty / "r.db"), "gui"],
        _environment(empty),
    )
    demo = folder / "demo"
    demo.mkdir()
    workspace = Workspace.open(demo / "r.db")
    for _ in seed(workspace):
        pass
    nordlicht = next(a for a in workspace.assessments() if a.organisation.startswith("Nord"))
    workspace.close()
    cases["readiness gui, demo data (assessment list)"] = (
        [*app, "--db", str(demo / "r.db"), "gui"],
        _environment(demo),
    )
    reopen = folder / "reopen"
    reopen.mkdir()
    env = _environment(reopen)
    _remember(env, demo / "r.db", nordlicht.id)
    cases["readiness gui, demo data, last assessment reopened"] = (
        [*app, "--db", str(demo / "r.db"), "gui"],
        env,
    )
    return cases


def _remember(env: dict[str, str], db: Path, assessment_id: str) -> None:
    """Write the settings a previous session would have left (last assessment, page)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from readiness.ui.settings import Settings, set_application_names\n"
        "app = QCoreApplication([])\n"
        "set_application_names()\n"
        "s = Settings()\n"
        "s.set_last_assessment(Path(sys.argv[1]), sys.argv[2])\n"
        "s.set_last_page('questions')\n"
        "s.sync()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db), assessment_id], env=env, check=True)


def run(runs: int) -> str:
    with tempfile.TemporaryDirectory(prefix="readiness-startup-") as tmp:
        cases = _prepare(Path(tmp))
        for command, env in cases.values():  # warm the file cache once, not timed
            _time(command, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        data: dict[str, list[float]] = {name: [] for name in cases}
        ready: dict[str, list[float]] = {name: [] for name in cases}
        for index in range(runs):
            for name, (command, env) in cases.items():
                shown, filled, usable = _time(command, env)
                times[name].append(shown)
                data[name].append(filled)
                ready[name].append(usable)
            print(f"run {index + 1}/{runs} done", file=sys.stderr, flush=True)
    baseline_name = next(iter(cases))
    baseline = statistics.median(times[baseline_name])
    lines = [
        f"Start-up until the main window's first paint, median of {runs} runs "
        f"(QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM') or 'offscreen/auto'}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)",
        "",
        "| case | window shown (median) | min | max | ratio to bare | target "
        "| data shown (median) | ratio | target | usable (median) | ratio |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |",
    ]

    def verdict(name: str, ratio: float, target: float) -> str:
        if name == baseline_name:
            return "—"
        if target == DATA_RATIO and "reopened" in name:
            return "(none: questions page)"
        return f"≤ {target} {'met' if ratio <= target else 'MISSED'}"

    for name, values in times.items():
        median = statistics.median(values)
        filled = statistics.median(data[name])
        usable = statistics.median(ready[name])
        lines.append(
            f"| {name} | {median * 1000:.0f} ms | {min(values) * 1000:.0f} ms | "
            f"{max(values) * 1000:.0f} ms | {median / baseline:.2f} | "
            f"{verdict(name, median / baseline, TARGET_RATIO)} | {filled * 1000:.0f} ms | "
            f"{filled / baseline:.2f} | {verdict(name, filled / baseline, DATA_RATIO)} | "
            f"{usable * 1000:.0f} ms | {usable / baseline:.2f} |"
        )
    lines += [
        "",
        "Window shown: the first paint of the main window (menus, status bar, 'Opening the "
        "database…'). Data shown: the first paint of the page with its data: the start-up "
        "preview (list or welcome page read without SQLAlchemy, greyed until usable) when "
        "there is one, else the filled page. Usable: the first paint after the Workspace "
        "opened on its worker thread and the window was enabled.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per case (>= 7)")
    args = parser.parse_args(argv)
    print(run(max(7, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
