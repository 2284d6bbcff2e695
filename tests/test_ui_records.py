"""Issue 9 items 1 and 2 in the window: every action acts on what the visible page has
selected (never the assessment opened earlier), is disabled with nothing selected, and the
window title follows the page; edit (F2, Edit menu, context menu), delete to the trash, Edit >
Undo restores, the Trash view restores and empties after a confirmation that says how much,
File > Remove demo data takes out demo rows only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from readiness.services import trash
from readiness.services.demo import seed
from readiness.ui.record_dialogs import (
    ConfirmDialog,
    EditAssessmentDialog,
    EditOrganisationDialog,
    TrashDialog,
)
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]

CTRL = Qt.KeyboardModifier.ControlModifier


def seeded(open_window: Any) -> Any:
    h = open_window()
    list(seed(h.workspace))
    h.controller.refresh_lists()
    h.ids = {a.organisation: a.id for a in h.workspace.assessments()}
    return h


def go_to(h: Any, page: str, select: str) -> None:
    """Show ``page`` ("assessments", "questions", "results") with ``select`` selected/open."""
    c = h.controller
    if page == "assessments":
        c.show_assessments()
        c.assessments.select_organisation("")
        c.assessments.select_assessment(h.ids[select])
    else:
        c.open_assessment(h.ids[select], 0 if page == "questions" else 1)


def export_target(h: Any, qtbot: Any, dialogs: Dialogs, kind: str) -> str:
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        seen.append(dialog.path.text())

    dialogs.expect(look)
    (h.window.act_export_pdf if kind == "pdf" else h.window.act_export_xlsx).trigger()
    return Path(seen[0]).stem


@pytest.mark.parametrize("page", ["assessments", "questions", "results"])
@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_export_acts_on_what_the_page_shows(
    open_window: Any, qtbot: Any, dialogs: Dialogs, page: str, kind: str
) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])  # opened earlier
    go_to(h, page, "CIMIC Group North")
    assert export_target(h, qtbot, dialogs, kind).startswith("CIMIC Group North")


def test_the_leak_case_ctrl_e_on_the_list_after_opening_another(
    open_window: Any, qtbot: Any, dialogs: Dialogs
) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])
    qtbot.keyClick(h.window.answering.questions, Qt.Key.Key_0, CTRL)
    assert h.window.page_name() == "assessments"
    h.controller.assessments.select_assessment(h.ids["CIMIC Group North"])
    seen: list[str] = []
    dialogs.expect(lambda dialog: seen.append(dialog.path.text()))
    qtbot.keyClick(h.window.assessments.table, Qt.Key.Key_E, CTRL)
    assert Path(seen[0]).stem.startswith("CIMIC Group North")


def test_with_nothing_selected_the_actions_are_off(open_window: Any) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])
    h.controller.show_assessments()
    table = h.window.assessments.table
    table.clearSelection()
    table.setCurrentIndex(table.model().index(-1, -1))
    h.window.assessments.organisations.setFocus()
    h.controller.update_actions()
    for action in (h.window.act_export_pdf, h.window.act_export_xlsx, h.window.act_open):
        assert not action.isEnabled(), action.objectName()


def test_window_title_follows_the_page(open_window: Any) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])
    assert h.window.windowTitle() == (
        "Annual readiness review 2026 — Nordlicht Energie AG — Partnership Readiness"
    )
    go_to(h, "assessments", "CIMIC Group North")
    assert h.window.windowTitle() == "Assessments — Partnership Readiness"
    go_to(h, "results", "CIMIC Group North")
    assert h.window.windowTitle().endswith(" — CIMIC Group North — Partnership Readiness")


@pytest.mark.parametrize("page", ["assessments", "questions", "results"])
def test_edit_with_f2_acts_on_the_selected_assessment(
    open_window: Any, qtbot: Any, dialogs: Dialogs, page: str
) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])
    go_to(h, page, "Baltic Freight Logistics")

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EditAssessmentDialog)
        assert dialog.title.text() == "First self-assessment"
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "Renamed")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    dialogs.expect(edit)
    focus = h.window.focusWidget() or h.window
    qtbot.keyClick(focus, Qt.Key.Key_F2)
    assert h.workspace.assessment(h.ids["Baltic Freight Logistics"]).title == "Renamed"
    assert h.workspace.assessment(h.ids["Nordlicht Energie AG"]).title != "Renamed"


def test_edit_an_organisation_from_its_context_menu(
    open_window: Any, qtbot: Any, dialogs: Dialogs
) -> None:
    h = seeded(open_window)
    h.controller.show_assessments()
    org = next(o for o in h.workspace.organisations() if o.name == "CIMIC Group North")
    h.controller.assessments.select_organisation(org.id)
    h.window.assessments.organisations.setFocus()
    h.controller.update_actions()
    actions = h.window.assessments.organisations.actions()
    assert h.window.act_edit in actions and h.window.act_delete in actions
    assert h.window.act_edit.text().replace("&", "") == "Edit organisation…"

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EditOrganisationDialog)
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "CIMIC Group North (NL)")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    dialogs.expect(edit)
    h.window.act_edit.trigger()
    assert h.workspace.organisation(org.id).name == "CIMIC Group North (NL)"
    table_actions = h.window.assessments.table.actions()
    for action in ("act_open", "act_edit", "act_delete", "act_export_pdf", "act_export_xlsx"):
        assert getattr(h.window, action) in table_actions


@pytest.mark.parametrize("page", ["assessments", "questions", "results"])
def test_delete_moves_the_selected_one_to_the_trash_and_undo_restores(
    open_window: Any, qtbot: Any, dialogs: Dialogs, page: str
) -> None:
    h = seeded(open_window)
    h.controller.open_assessment(h.ids["Nordlicht Energie AG"])
    go_to(h, page, "CIMIC Group North")
    answers = len(h.workspace.state(h.ids["CIMIC Group North"]).details)
    h.window.act_delete.trigger()
    live = {a.id for a in h.workspace.assessments()}
    assert h.ids["CIMIC Group North"] not in live and h.ids["Nordlicht Energie AG"] in live
    assert h.window.page_name() == "assessments" or page == "assessments"
    assert h.window.act_undo.isEnabled()
    h.window.act_undo.trigger()  # Edit > Undo right after the delete
    assert h.ids["CIMIC Group North"] in {a.id for a in h.workspace.assessments()}
    assert len(h.workspace.state(h.ids["CIMIC Group North"]).details) == answers


def test_trash_view_restores_and_empties_after_saying_how_much(
    open_window: Any, qtbot: Any, dialogs: Dialogs
) -> None:
    h = seeded(open_window)
    trash.delete_assessment(h.workspace, h.ids["Baltic Freight Logistics"])
    trash.delete_assessment(h.workspace, h.ids["CIMIC Group North"])

    def restore_one_then_empty(dialog: QDialog) -> None:
        assert isinstance(dialog, TrashDialog)
        assert dialog.table.rowCount() == 2
        titles = [dialog.table.item(r, 1).text() for r in range(2)]
        row = next(r for r, t in enumerate(titles) if "Partner readiness" in t)
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 1
        qtbot.mouseClick(dialog.empty, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 0
        dialog.accept()

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        text = dialog.text.text()
        assert "0 organisation(s), 1 assessment(s) and" in text and "answer(s)" in text
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    dialogs.expect(restore_one_then_empty)
    dialogs.expect(confirm)
    h.window.act_trash.trigger()
    live = {a.id for a in h.workspace.assessments()}
    assert h.ids["CIMIC Group North"] in live
    assert h.ids["Baltic Freight Logistics"] not in live
    assert trash.items(h.workspace) == []


def test_remove_demo_data_from_the_file_menu(
    open_window: Any, qtbot: Any, dialogs: Dialogs
) -> None:
    h = seeded(open_window)
    mine = h.workspace.add_organisation("Nordlicht Energie AG", "company")
    h.workspace.new_assessment(mine.id, "company-readiness", "Ours")
    h.controller.refresh_lists()
    assert h.window.act_remove_demo in h.window.file_menu.actions()

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmDialog)
        assert "3 organisation(s) and 3 assessment(s)" in dialog.text.text()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    dialogs.expect(confirm)
    h.window.act_remove_demo.trigger()
    assert [a.title for a in h.workspace.assessments()] == ["Ours"]
    assert h.window.assessments.assessments_model.rowCount() == 1
