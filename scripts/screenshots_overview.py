"""Screenshots of the Portfolio, Partnership and Trend pages under docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_overview.py [--size 1280x800]

Works in a throwaway home with the demo data, plus two earlier assessments of Nordlicht Energie
AG (one on an older questionnaire version, dated back by plain SQL) so the trend has a history.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="readiness-shots-") as tmp:
        folder = Path(tmp)
        os.environ["HOME"] = str(folder)
        os.environ.pop("READINESS_DATABASE_URL", None)
        os.environ["READINESS_DB"] = str(folder / "readiness.db")
        os.environ["XDG_CONFIG_HOME"] = str(folder / ".config")
        os.environ["READINESS_LOG_DIR"] = str(folder / "logs")
        return _shoot(folder, args.out, width, height)


def _history(workspace, db: Path) -> None:  # type: ignore[no-untyped-def]
    """Two earlier Nordlicht assessments: 0.9.0 in March 2025, the current version in October
    2025."""
    from readiness.questionnaire.loader import load_text
    from readiness.services import catalog

    current = catalog.find_builtin("company-readiness")
    source = re.sub(r"(?m)^version: .*$", "version: 0.9.0", current.source, count=1)
    source = re.sub(r"(?ms)^migrations:.*?(?=^\S|\Z)", "", source)  # none older than 0.9.0
    older = load_text(source)
    nordlicht = next(o for o in workspace.organisations() if o.name.startswith("Nordlicht"))
    plans = [
        (older, "Baseline 2025", "2025-03-14 10:00:00", "1"),
        (current, "Mid-year check 2025", "2025-10-02 10:00:00", "2"),
    ]
    for loaded, title, when, option in plans:
        item = workspace.new_assessment(nordlicht.id, "company-readiness", title, loaded=loaded)
        for question in loaded.questionnaire.questions():
            if question.is_scored and question.relevant is None:
                workspace.answer(item.id, question.id, option)
        with sqlite3.connect(db) as raw:
            raw.execute(
                "UPDATE assessments SET created_at = ?, updated_at = ? WHERE id = ?",
                (when, when, item.id),
            )


def _shoot(folder: Path, out: Path, width: int, height: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from readiness.services.demo import seed
    from readiness.services.workspace import Workspace
    from readiness.ui.app_window import MainWindow
    from readiness.ui.controllers import Controller
    from readiness.ui.settings import set_application_names

    set_application_names()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from readiness.ui.language import install_qt_translations

    install_qt_translations(app)  # READINESS_LANG=fr: Qt's own buttons in French too
    workspace = Workspace.open()
    for _step in seed(workspace):
        pass
    _history(workspace, folder / "readiness.db")
    window = MainWindow()
    controller = Controller(window, workspace)
    controller.start()
    window.resize(width, height)
    window.show()

    def grab(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    controller.portfolio.show()
    grab("portfolio")
    controller.partnership.show()
    controller.partnership.page.bars.set_current(1)
    grab("partnership")
    nordlicht = next(o for o in workspace.organisations() if o.name.startswith("Nordlicht"))
    controller.trend.show()
    controller.trend.show_organisation(nordlicht.id)
    grab("trend")
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
