"""Screenshots for docs/accessibility.md: the high-contrast palette, and QT_SCALE_FACTOR 1.5 on a
1280×800 screen, from the demo data in a temporary folder, offscreen.

    python scripts/a11y_screenshots.py --contrast high            # a11y-high-contrast-*.png
    python scripts/a11y_screenshots.py --scale 1.5                # a11y-scale-1.5-*.png

QT_SCALE_FACTOR is read when the QApplication starts, so each scale is its own run; the window
is 1280/scale × 800/scale logical pixels, i.e. 1280×800 device pixels in the picture.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--contrast", choices=["normal", "high"], default="normal")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # before Qt starts
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="readiness-a11y-shots-") as tmp:
        folder = Path(tmp)
        os.environ["HOME"] = str(folder)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(folder / name.lower())
        os.environ["READINESS_LOG_DIR"] = str(folder / "logs")
        os.environ.pop("READINESS_DATABASE_URL", None)
        os.environ["READINESS_DB"] = str(folder / "demo.db")
        prefix = "a11y-high-contrast" if args.contrast == "high" else f"a11y-scale-{args.scale:g}"
        return _shoot(folder, args.out, prefix, args.contrast, args.scale)


def _shoot(folder: Path, out: Path, prefix: str, contrast: str, scale: float) -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from readiness.services.demo import seed
    from readiness.services.workspace import Workspace
    from readiness.ui.app_window import MainWindow
    from readiness.ui.controllers import Controller
    from readiness.ui.palette import apply_theme
    from readiness.ui.settings import set_application_names

    set_application_names()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(contrast)
    workspace = Workspace.open(folder / "demo.db")
    for _step in seed(workspace):
        pass
    window = MainWindow()
    controller = Controller(window, workspace)
    controller.start()
    window.resize(round(1280 / scale), round(800 / scale))
    window.show()
    written = []

    def grab(name: str, focus: QWidget | None = None) -> None:
        if focus is not None:  # as after a Tab press: the focus ring shows
            focus.setFocus(Qt.FocusReason.TabFocusReason)
            window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        for _ in range(5):
            app.processEvents()
        path = out / f"{prefix}-{name}.png"
        window.grab().save(str(path))
        written.append(path)

    nordlicht = next(a for a in workspace.assessments() if a.organisation.startswith("Nordlicht"))
    controller.open_assessment(nordlicht.id, question_id="trust.sharing-matrix")
    grab("answering", window.answering.editor.comment)
    cimic = next(a for a in workspace.assessments() if a.organisation.startswith("CIMIC"))
    controller.open_assessment(cimic.id, tab=1)
    grab("results", window.results.recommendations)
    controller.portfolio.show()
    grab("portfolio", controller.portfolio.page.table)
    controller.partnership.show()
    grab("partnership", controller.partnership.page.bars)
    window.close()
    workspace.close()
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
