"""Regenerate docs/screenshots/*.png from the demo data, offscreen, in a temporary database.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]

Writes welcome.png (first run), assessments.png (the demo organisations and assessments),
answering.png (a flagged, commented question of the Nordlicht assessment), results.png (the
CIMIC assessment, whose level a critical question caps), trash.png (the Trash view) and,
when the report exporter is installed, export.png (the export dialog with its marking picker).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
        # keep the real user folders untouched: settings, logs and data go to the temp folder
        # (a throwaway home, so the window shows the default ~/.local/share/... location)
        os.environ["HOME"] = str(folder)
        os.environ.pop("READINESS_DB", None)
        os.environ.pop("READINESS_DATABASE_URL", None)
        for name, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            os.environ[name] = str(folder / sub)
        os.environ["READINESS_LOG_DIR"] = str(folder / "logs")
        return _shoot(folder, args.out, width, height)


def _shoot(folder: Path, out: Path, width: int, height: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

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
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def grab(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    workspace = Workspace.open()  # the default location under the throwaway home
    window = MainWindow()
    controller = Controller(window, workspace)
    controller.start()
    window.resize(width, height)
    window.show()
    grab(window, "welcome")

    for _step in seed(workspace):
        pass
    controller.refresh_lists()
    controller.show_assessments()
    grab(window, "assessments")

    nordlicht = next(a for a in workspace.assessments() if a.organisation.startswith("Nordlicht"))
    controller.open_assessment(nordlicht.id, question_id="trust.sharing-matrix")
    grab(window, "answering")

    # the CIMIC assessment shows a capped level (sharing.releasability is critical)
    cimic = next(a for a in workspace.assessments() if a.organisation.startswith("CIMIC"))
    controller.open_assessment(cimic.id, tab=1)
    grab(window, "results")

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPainter

    from readiness.domain.report import DEFAULT_MARKING, Marking
    from readiness.ui.dialogs import ExportDialog

    dialog = ExportDialog(
        "pdf",
        Path("~/Documents/CIMIC Group North - Partner readiness baseline.pdf"),
        [m.value for m in Marking],
        DEFAULT_MARKING.value,
        window,
    )
    dialog.show()
    settle()
    # offscreen windows have no frame: draw a simple title bar so it reads as a dialog
    image = window.grab()
    painter = QPainter(image)
    bar = dialog.fontMetrics().height() + 12
    x = (window.width() - dialog.width()) // 2
    y = (window.height() - dialog.height()) // 3
    painter.fillRect(
        x - 1,
        y - bar - 1,
        dialog.width() + 2,
        dialog.height() + bar + 2,
        Qt.GlobalColor.darkGray,
    )
    painter.fillRect(x, y - bar, dialog.width(), bar, QColor(60, 60, 60))
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(
        x, y - bar, dialog.width(), bar, Qt.AlignmentFlag.AlignCenter, dialog.windowTitle()
    )
    painter.drawPixmap(x, y, dialog.grab())
    painter.end()
    path = out / "export.png"
    image.save(str(path))
    written.append(path)
    dialog.close()

    # the Trash view (issue 9): one deleted assessment, ready to restore or to empty
    from readiness.services import trash
    from readiness.ui.record_dialogs import TrashDialog

    baltic = next(a for a in workspace.assessments() if a.organisation.startswith("Baltic"))
    trash.delete_assessment(workspace, baltic.id)
    trash_view = TrashDialog(window)
    trash_view.set_items(trash.items(workspace))
    trash_view.show()
    grab(trash_view, "trash")
    trash_view.close()
    trash.restore_assessment(workspace, baltic.id)

    window.close()
    workspace.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
