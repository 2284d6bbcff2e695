"""Regenerate the exchange screenshots, offscreen, in a temporary folder (two workspaces).

    python scripts/exchange_screenshots.py [--out docs/screenshots] [--size 1280x800]

Writes send.png (File > Send assessment… with a trusted partner ticked), import.png (File >
Import packages… after importing three files, one of them refused) and imported.png (the
imported assessment, read-only, with the banner naming its signer).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


def cli(db: Path, *args: str) -> str:
    from readiness.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(db), *args])
    if code != 0:
        raise SystemExit(f"readiness {' '.join(args)} failed")
    return out.getvalue().strip()


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
        for name in ("READINESS_DB", "READINESS_DATABASE_URL", "READINESS_KEYS"):
            os.environ.pop(name, None)
        for name, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            os.environ[name] = str(folder / sub)
        os.environ["READINESS_LOG_DIR"] = str(folder / "logs")
        return _shoot(folder, args.out, width, height)


def _packages(folder: Path) -> tuple[Path, list[Path]]:
    """A CIMIC cell's workspace and three files for it: two good packages, one damaged."""
    unit, company, other = folder / "unit.db", folder / "company.db", folder / "other.db"
    cli(unit, "keys", "--name", "CIMIC Cell North")
    cli(company, "keys", "--name", "Nordwind Energi AS")
    cli(other, "keys", "--name", "Baltic Logistics")
    cli(unit, "keys", "card", "-o", str(folder / "unit.card"))
    cli(company, "keys", "card", "-o", str(folder / "company.card"))
    cli(unit, "keys", "trust", str(folder / "company.card"))
    files = []
    for db, name, sector in (
        (company, "Nordwind Energi AS", "energy"),
        (other, "Baltic Logistics", "logistics"),
    ):
        org = cli(db, "org", "add", name, "--kind", "company", "--sector", sector)
        assessment = cli(
            db,
            "assessment",
            "new",
            "--org",
            org,
            "--questionnaire",
            "company-readiness",
            "--title",
            "Readiness 2026",
        )
        for question, option in (
            ("governance.crisis-executive", "3"),
            ("trust.contact-24-7", "4"),
            ("trust.tlp", "2"),
            ("legal.nda-mou", "1"),
        ):
            cli(db, "answer", assessment, question, option)
        path = folder / f"{name.split()[0]}-readiness-2026.readiness"
        cli(db, "package", "export", assessment, "-o", str(path), "--to", str(folder / "unit.card"))
        files.append(path)
    damaged = folder / "copied-from-usb.readiness"
    damaged.write_bytes(files[0].read_bytes()[:-40])
    files.append(damaged)
    return unit, files


def _shoot(folder: Path, out: Path, width: int, height: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from readiness.services.workspace import Workspace
    from readiness.ui.app_window import MainWindow
    from readiness.ui.controllers import Controller
    from readiness.ui.exchange_dialogs import ImportDialog
    from readiness.ui.settings import set_application_names

    unit, files = _packages(folder)
    set_application_names()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from readiness.ui.language import install_qt_translations

    install_qt_translations(app)  # READINESS_LANG=fr: Qt's own buttons in French too

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    workspace = Workspace.open(unit)
    window = MainWindow()
    controller = Controller(window, workspace)
    controller.start()
    window.resize(width, height)
    window.show()
    exchange = controller.exchange
    dialog = ImportDialog(exchange._run_import, files, window)
    dialog.resize(900, 560)
    dialog.show()
    dialog.start()
    grab(dialog, "import")
    dialog.close()
    controller.refresh_lists()
    imported = [a for a in workspace.assessments() if a.organisation.startswith("Nordwind")]
    controller.open_assessment(imported[0].id)
    grab(window, "imported")
    org = workspace.add_organisation("CIMIC Cell North", "defence_unit")
    local = workspace.new_assessment(org.id, "defence-unit-readiness", "Readiness 2026")
    controller.open_assessment(local.id)
    send = exchange.send_dialog()
    assert send is not None
    send.recipients.item(0).setCheckState(send.recipients.item(0).checkState().Checked)
    send.path.setText("~/Documents/CIMIC Cell North - Readiness 2026.readiness")
    send.resize(820, send.minimumSizeHint().height())
    send.show()
    grab(send, "send")
    send.close()
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
