"""Answering view benchmark on a generated 1,000-question questionnaire.

Run from the repository root::

    python -m bench.answer_view_bench [--repeat 15]

Generates the questionnaire with bench/questionnaire_bench.py (20 domains x 50 questions,
guidance and anchors on every question, critical and conditional questions), starts an
assessment on it in a temporary database with a third of the questions answered, and opens it
in the real main window (offscreen unless a display is set). Then times, over N repeats, with
the event queue processed so what is timed includes the repaint:

- model load: opening the assessment in the answering view (state, models, results, charts);
- switching question: Alt+Down to the next question (editor filled with text and anchors);
- answering one question: a digit key -> saved in SQLite, rescored, list/progress/results
  refreshed, next question shown (the full UI round trip);
- filter: Ctrl+F and typing a word into the find box (list filtered, first match shown),
  and clearing it again.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _median_ms(
    function: Callable[[], object], repeat: int, settle: Callable[[], None]
) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        settle()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(repeat: int) -> str:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.questionnaire_bench import generate_questionnaire
    from readiness.questionnaire.loader import load_text
    from readiness.services.workspace import Workspace
    from readiness.ui.app_window import MainWindow
    from readiness.ui.controllers import Controller
    from readiness.ui.settings import set_application_names

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def settle() -> None:
        app.processEvents()
        app.processEvents()

    with tempfile.TemporaryDirectory(prefix="readiness-answer-bench-") as tmp:
        folder = Path(tmp)
        set_application_names()
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        text, spec = generate_questionnaire(20, 50, 20240611, "bench-1000")
        loaded = load_text(text, "bench-1000.yaml")
        questions = list(loaded.questionnaire.questions())
        workspace = Workspace.open(folder / "bench.db")
        organisation = workspace.add_organisation("Bench AG", "company")
        summary = workspace.new_assessment(
            organisation.id, "bench-1000", "Bench", "bench", loaded=loaded
        )
        rng = random.Random(7)
        for question in rng.sample(questions, len(questions) // 3):
            workspace.answer(summary.id, question.id, str(rng.randrange(5)))

        window = MainWindow()
        controller = Controller(window, workspace)
        controller.start()
        window.resize(1280, 800)
        window.show()
        settle()
        results: dict[str, list[float]] = {}

        results["model load (open the assessment)"] = _median_ms(
            lambda: controller.open_assessment(summary.id), repeat, settle
        )
        view = window.answering
        view.questions.setFocus()
        controller.select_question(view.visible.index(0, 0).data(Qt.ItemDataRole.UserRole + 1))
        settle()
        results["switch question (Alt+Down)"] = _median_ms(
            lambda: QTest.keyClick(
                view.questions, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
            ),
            repeat,
            settle,
        )
        digits = iter([str(rng.randrange(5)) for _ in range(repeat)])
        results["answer one question (digit key, saved, rescored, next shown)"] = _median_ms(
            lambda: QTest.keyClick(view.questions, next(digits)), repeat, settle
        )
        words = iter(
            rng.choice(["exercise", "contract", "liaison", "supplier", "tlp"])
            for _ in range(repeat)
        )

        def find() -> None:
            QTest.keyClick(view.questions, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(view.find, next(words))

        def clear() -> None:
            QTest.keyClick(view.find, Qt.Key.Key_Escape)

        find_times: list[float] = []
        clear_times: list[float] = []
        for _ in range(repeat):
            find_times += _median_ms(find, 1, settle)
            clear_times += _median_ms(clear, 1, settle)
        results["filter: Ctrl+F and type a word (per word)"] = find_times
        results["filter: Escape clears (all 1,000 back)"] = clear_times
        shown = view.visible.rowCount()
        window.close()
        workspace.close()

    lines = [
        f"Answering view, 1,000-question questionnaire ({len(questions)} questions, "
        f"{spec.conditional} conditional, {shown} shown), median of {repeat} "
        f"(QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs)",
        "",
        "| step | median | min | max |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, values in results.items():
        lines.append(
            f"| {name} | {statistics.median(values):.1f} ms | {min(values):.1f} ms | "
            f"{max(values):.1f} ms |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    print(run(max(3, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
