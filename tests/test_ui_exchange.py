"""The window's exchange: File > Import packages… (several files, drop on the window, progress,
one result line per file), the read-only banner naming the signer, File > Send assessment…,
Tools > My keys and Tools > Partners (DESIGN section 8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from exchange_helpers import Side, make_side
from readiness.ui.keys_dialog import grouped
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


def _packages(tmp_path: Path) -> tuple[Side, Side, Path, Path]:
    unit = make_side(tmp_path / "unit", "CIMIC Cell North")
    company = make_side(tmp_path / "company", "Nordwind Energi")
    card = unit.card(tmp_path / "unit.card")
    unit.ok("keys", "trust", str(company.card(tmp_path / "company.card")))
    org = company.ok("org", "add", "Nordwind Energi AS", "--kind", "company")
    assessment = company.ok(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness"
    )
    company.ok("answer", assessment, "trust.contact-24-7", "3")
    good = tmp_path / "nordwind.readiness"
    company.ok("package", "export", assessment, "-o", str(good), "--to", str(card))
    bad = tmp_path / "broken.readiness"
    bad.write_bytes(b"not a package")
    return unit, company, good, bad


def test_import_send_and_banner(open_window: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    unit, _company, good, bad = _packages(tmp_path)
    harness = open_window(unit.db)
    controller = harness.controller
    lines: list[str] = []

    def run_import(dialog: QDialog) -> None:
        assert dialog.objectName() == "importDialog"
        assert dialog.files.count() == 2
        dialog.import_button.click()
        assert dialog.progress.value() == dialog.progress.maximum() == 2
        lines.extend(dialog.results.item(i).text() for i in range(dialog.results.count()))
        dialog.reject()

    dialogs.expect(run_import)
    controller.exchange.import_packages([good, bad])
    assert len(lines) == 2
    assert "created" in lines[0] and "Nordwind Energi" in lines[0] and "trusted" in lines[0]
    assert "refused" in lines[1] and "broken.readiness" in lines[1]

    [imported] = harness.workspace.assessments()
    controller.open_assessment(imported.id)
    QApplication.processEvents()
    banner = controller.exchange.banner
    assert banner.isVisible() and "Nordwind Energi" in banner.text()
    assert "read-only" in banner.text() and not harness.editor.isEnabled()
    assert not controller.exchange.act_send.isEnabled()

    # A local assessment can be sent, encrypted to a trusted partner picked in the dialog.
    org = harness.workspace.add_organisation("CIMIC Cell North", "defence_unit")
    local = harness.workspace.new_assessment(org.id, "defence-unit-readiness")
    controller.open_assessment(local.id)
    assert not banner.isVisible() and harness.editor.isEnabled()
    assert controller.exchange.act_send.isEnabled()
    target = tmp_path / "sent.readiness"

    def fill_send(dialog: QDialog) -> None:
        assert dialog.objectName() == "sendDialog"
        assert dialog.recipients.count() == 1
        dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.path.setText(str(target))
        dialog.buttons.accepted.emit()

    dialogs.expect(fill_send)
    controller.exchange.act_send.trigger()
    assert target.read_bytes().startswith(b"age-encryption.org/v1")
    assert "Nordwind Energi" in harness.status_text()


def test_dropping_packages_on_the_window_opens_the_import(
    open_window: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    unit, _company, good, _bad = _packages(tmp_path)
    harness = open_window(unit.db)
    seen: list[int] = []

    def look(dialog: QDialog) -> None:
        seen.append(dialog.files.count())
        dialog.reject()

    dialogs.expect(look)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert QApplication.sendEvent(harness.window, enter) and enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(harness.window, event)
    assert seen == [1]


def test_my_keys_and_partners(open_window: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    unit, _company, _good, _bad = _packages(tmp_path)
    harness = open_window(unit.db)
    key_id = json.loads(unit.ok("keys", "--json"))["signing"]["key_id"]
    shown: dict[str, Any] = {}

    def keys(dialog: QDialog) -> None:
        shown["fingerprint"] = dialog.fingerprint.text()
        shown["size"] = dialog.fingerprint.font().pointSizeF()
        shown["base"] = dialog.font().pointSizeF()

    dialogs.expect(keys)
    harness.controller.exchange.act_keys.trigger()
    assert shown["fingerprint"] == grouped(key_id)
    assert shown["size"] >= 2 * shown["base"]

    def partners(dialog: QDialog) -> None:
        shown["rows"] = dialog.table.rowCount()
        dialog.table.selectRow(0)
        dialog.findChild(QPushButton, "revokeCard").click()
        shown["after"] = dialog.table.rowCount()

    dialogs.expect(partners)
    harness.controller.exchange.act_partners.trigger()
    assert (shown["rows"], shown["after"]) == (1, 0)
    assert json.loads(unit.ok("keys", "list", "--json")) == []
