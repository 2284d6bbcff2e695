"""Issue 9 item 6: export manners. A missing documents folder is created (or the home folder
used), the dialog stays open on a bad folder without losing the marking, the extension is added,
overwriting asks first, and the last folder and marking are remembered per kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from readiness.services.demo import seed
from readiness.ui.controllers import export as export_module
from readiness.ui.record_dialogs import ConfirmDialog
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    missing = tmp_path / "home" / "Documents"
    monkeypatch.setattr(
        export_module.QStandardPaths, "writableLocation", staticmethod(lambda _kind: str(missing))
    )
    return missing


def opened(open_window: Any) -> Any:
    h = open_window()
    list(seed(h.workspace))
    h.controller.refresh_lists()
    cimic = next(a for a in h.workspace.assessments() if a.organisation == "CIMIC Group North")
    h.controller.open_assessment(cimic.id)
    return h


def wait_export(h: Any, qtbot: Any) -> None:
    for task in list(h.controller.tasks):
        qtbot.waitUntil(lambda t=task: t.done, timeout=60_000)


def test_export_manners(
    open_window: Any, qtbot: Any, dialogs: Dialogs, documents: Path, tmp_path: Path
) -> None:
    h = opened(open_window)
    out = tmp_path / "out"
    out.mkdir()
    states: list[tuple[str, bool, str]] = []

    def first(dialog: QDialog) -> None:
        suggested = Path(dialog.path.text())
        assert suggested.parent == documents and documents.is_dir()  # created, not failed
        dialog.marking.setCurrentIndex(dialog.marking.findData("TLP:GREEN"))
        dialog.path.setText(str(tmp_path / "no-such-folder" / "r.pdf"))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        states.append((dialog.error.text(), dialog.isVisible(), dialog.marking.currentText()))
        dialog.path.setText(str(out / "report"))  # no extension
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)

    dialogs.expect(first)
    h.window.act_export_pdf.trigger()
    wait_export(h, qtbot)
    error, still_open, marking = states[0]
    assert "does not exist" in error and still_open and marking == "TLP:GREEN"
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")

    asked: list[str] = []

    def second(dialog: QDialog) -> None:
        assert Path(dialog.path.text()).parent == out  # the last folder, remembered
        assert dialog.marking.currentText() == "TLP:GREEN"  # the last marking, remembered
        dialog.path.setText(str(out / "report.pdf"))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # exists: asks; we say no
        asked.append("kept open" if dialog.isVisible() else "closed")
        dialog.reject()

    def refuse(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        assert "report.pdf already exists" in dialog.text.text()
        dialog.reject()

    dialogs.expect(second)
    dialogs.expect(refuse)
    before = (out / "report.pdf").stat().st_mtime_ns
    h.window.act_export_pdf.trigger()
    assert asked == ["kept open"]
    assert (out / "report.pdf").stat().st_mtime_ns == before

    def third(dialog: QDialog) -> None:  # Excel remembers its own folder: none yet
        assert Path(dialog.path.text()).parent == documents
        dialog.reject()

    dialogs.expect(third)
    h.window.act_export_xlsx.trigger()
