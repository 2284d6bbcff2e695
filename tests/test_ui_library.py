"""The questionnaire library in the window: add a tailored questionnaire, answer it, upgrade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QMessageBox

from readiness.questionnaire.xlsx_writer import template_data, write_template
from readiness.services import library
from readiness.ui.dialogs import AssessmentDialog
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


def choose_file(path: Path) -> Any:
    def handler(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")  # what a user types the path into
        name.setText(str(path))
        dialog.accept()

    return handler


def test_add_an_excel_questionnaire_and_answer_it(
    open_window: Any, qtbot: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    workbook = tmp_path / "tailored.xlsx"
    write_template(workbook)
    h = open_window()
    org = h.workspace.add_organisation("Kaleva Telecom Oy", "company")
    dialogs.expect(choose_file(workbook))
    h.controller.library.act_add.trigger()
    assert not dialogs.failures, dialogs.failures
    assert h.status_text() == "Questionnaire my-questionnaire 0.1.0 installed."

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, AssessmentDialog)
        offered = [dialog.questionnaire.itemData(i) for i in range(dialog.questionnaire.count())]
        assert "my-questionnaire@0.1.0" in offered
        dialog.questionnaire.setCurrentIndex(offered.index("my-questionnaire@0.1.0"))
        assert dialog.hint.text() == (
            "1 question to answer in 1 domain; 1 more only if earlier answers call for them."
        )
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    dialogs.expect(pick)
    h.controller.actions.new_assessment(org.id)
    state = h.state()
    assert state.questionnaire.id == "my-questionnaire"
    h.view.questions.setFocus()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_3)
    assert h.state().details["trust.contact-24-7"].answer.option_id == "3"


def test_a_broken_questionnaire_lists_its_problems(
    open_window: Any, qtbot: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    data = template_data()
    data["version"] = "one"
    data["audience"] = "navy"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    h = open_window()
    shown: list[str] = []

    def read(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        shown.append(box.detailedText())

    dialogs.expect(choose_file(broken))
    dialogs.expect(read)
    h.controller.library.act_add.trigger()
    assert shown[0] == "broken.yaml has 2 problem(s); nothing was installed."
    assert "version: 'one' is not valid" in shown[1] and "audience" in shown[1]
    assert [e.source for e in library.available(h.workspace)] == ["builtin", "builtin"]


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    old = template_data()
    new = template_data()
    new["version"] = "0.2.0"
    new["domains"][0]["questions"].append(
        {"id": "trust.new-q", "type": "choice", "scale": "maturity", "text": {"en": "New?"}}
    )
    paths = (tmp_path / "v1.yaml", tmp_path / "v2.yaml")
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return paths


def test_upgrade_from_the_window_marks_answers_to_review(
    open_window: Any, qtbot: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    v1, v2 = _versions(tmp_path)
    h = open_window()
    library.install(h.workspace, v1)
    org = h.workspace.add_organisation("Acme", "company")
    first = h.workspace.new_assessment(org.id, "my-questionnaire", "Spring")
    h.workspace.answer(first.id, "trust.contact-24-7", "3")
    h.workspace.answer(first.id, "trust.contact-tested", "2")
    h.controller.open_assessment(first.id)
    h.controller.update_actions()
    assert not h.controller.library.act_upgrade.isEnabled()
    library.install(h.workspace, v2)
    h.controller.update_actions()
    assert h.controller.library.act_upgrade.isEnabled()
    assert h.view.review_bar.isHidden()

    dialogs.expect(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    h.controller.library.act_upgrade.trigger()
    upgraded = h.controller.assessment_id
    assert upgraded != first.id
    assert h.state().summary.questionnaire_version == "0.2.0"
    assert h.status_text() == "Upgraded: 2 answer(s) carried to review, 0 dropped."
    assert not h.view.review_bar.isHidden()
    assert h.view.review_label.text().startswith("Upgraded draft: 2 carried answer(s) to review")
    h.view.review_only.setChecked(True)
    assert h.visible_ids() == ["trust.contact-24-7", "trust.contact-tested"]
    assert "↻" in h.view.visible.index(0, 0).data()
    # touching an answer reviews it
    h.controller.select_question("trust.contact-24-7")
    h.view.questions.setFocus()
    qtbot.keyClick(h.view.questions, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: h.visible_ids() == ["trust.contact-tested"], timeout=2000)
    assert h.workspace.state(first.id).details["trust.contact-24-7"].answer.option_id == "3"
