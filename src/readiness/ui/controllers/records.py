"""Edit, delete (to the trash), restore, empty the trash and remove demo data from the window.

Issue 9 items 1 and 2: every action acts on what is selected on the page the user is looking
at (see :meth:`Controller.selected_assessment_id`), and is disabled with nothing selected. Edit >
Undo right after a delete restores what was deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from readiness.domain.trash import TrashKind
from readiness.i18n import _
from readiness.ui.assessment_list import ItemIdRole
from readiness.ui.controllers import base
from readiness.ui.controllers.base import PageController
from readiness.ui.record_dialogs import (
    ConfirmDialog,
    EditAssessmentDialog,
    EditOrganisationDialog,
    TrashDialog,
)

if TYPE_CHECKING:
    from readiness.ui.controllers.app import Controller


class RecordsController(PageController):
    name = "records"

    def __init__(self, app: Controller) -> None:
        super().__init__(app)
        self.pending: tuple[TrashKind, str, str] | None = None  # undo of the last delete
        self.trash_dialog: TrashDialog | None = None

    def connect(self) -> None:
        w = self.window
        on = self.on
        on(w.act_edit.triggered, self.edit_selected)
        on(w.act_delete.triggered, self.delete_selected)
        on(w.act_open.triggered, self.app.assessments.open_selected)
        on(w.act_trash.triggered, self.show_trash)
        on(w.act_empty_trash.triggered, self.empty_trash)
        on(w.act_remove_demo.triggered, self.remove_demo)
        page = w.assessments
        page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        page.table.addActions(
            [w.act_open, w.act_edit, w.act_delete, w.act_export_pdf, w.act_export_xlsx]
        )
        page.organisations.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        page.organisations.addActions([w.act_edit, w.act_delete])

    # What the actions act on -------------------------------------------------------------------

    def target(self) -> tuple[TrashKind, str] | None:
        """The selected assessment on the visible page, else the selected organisation on the
        assessments page when the organisation list has focus or no assessment is selected."""
        w = self.window
        if not w.built:
            return None
        page = w.assessments
        organisation_id = page.organisations.currentIndex().data(ItemIdRole) or ""
        on_list = w.pages.currentWidget() is page
        if (
            on_list
            and organisation_id
            and (page.organisations.hasFocus() or not self.app.selected_assessment_id())
        ):
            return TrashKind.ORGANISATION, organisation_id
        assessment_id = self.app.selected_assessment_id()
        return (TrashKind.ASSESSMENT, assessment_id) if assessment_id else None

    def update_actions(self) -> None:
        w = self.window
        target = self.target()
        busy = bool(self.app.tasks)
        for action in (w.act_edit, w.act_delete):
            action.setEnabled(target is not None and not busy)
        if target is not None and target[0] is TrashKind.ORGANISATION:
            w.act_edit.setText(_("&Edit organisation…"))
            w.act_delete.setText(_("&Delete organisation"))
        else:
            w.act_edit.setText(_("&Edit assessment…"))
            w.act_delete.setText(_("&Delete assessment"))
        w.act_open.setEnabled(
            w.built
            and w.pages.currentWidget() is w.assessments
            and bool(self.app.selected_assessment_id())
        )
        w.act_remove_demo.setEnabled(not busy)
        w.act_empty_trash.setEnabled(not busy)
        if self.pending is not None:
            w.act_undo.setEnabled(True)

    # Edit --------------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        from readiness.services.editing import edit_assessment, edit_organisation

        target = self.target()
        if target is None:
            return
        kind, identifier = target
        if kind is TrashKind.ORGANISATION:
            organisation = self.workspace.organisation(identifier)
            dialog = EditOrganisationDialog(organisation, self.window)
            if not base.accepted(dialog):
                return
            saved = edit_organisation(self.workspace, identifier, **dialog.values())
            self.status(_("Saved organisation {name}").format(name=saved.name))
        else:
            summary = self.workspace.assessment(identifier)
            dialog = EditAssessmentDialog(summary, self.window)
            if not base.accepted(dialog):
                return
            values = dialog.values()
            saved_summary = edit_assessment(self.workspace, identifier, **values)
            self.status(_("Saved assessment {title}").format(title=saved_summary.title))
        self._refresh()

    # Delete, undo, restore ---------------------------------------------------------------------

    def delete_selected(self) -> None:
        from readiness.services.trash import delete_assessment, delete_organisation

        target = self.target()
        if target is None:
            return
        kind, identifier = target
        self.window.answering.editor.flush()
        if kind is TrashKind.ORGANISATION:
            organisation = delete_organisation(self.workspace, identifier)
            name = organisation.name
            closes = self.app.state is not None and (
                self.app.state.summary.organisation_id == organisation.id
            )
        else:
            summary = delete_assessment(self.workspace, identifier)
            name = f"{summary.organisation} — {summary.title}"
            closes = self.app.assessment_id == summary.id
        self.pending = (kind, identifier, name)
        if closes:
            self._close_assessment()
        self._refresh()
        self.status(_("Moved {name} to the trash (Edit > Undo brings it back)").format(name=name))

    def undo_delete(self) -> bool:
        """Restore what the last delete moved to the trash; False when there is none."""
        if self.pending is None:
            return False
        kind, identifier, name = self.pending
        self.pending = None
        self._restore(kind.value, identifier)
        self.status(_("Restored {name}").format(name=name))
        return True

    def forget_delete(self) -> None:
        """Another change came after the delete: Undo is about that change now."""
        self.pending = None

    def _restore(self, kind: str, identifier: str) -> None:
        from readiness.services.trash import restore_assessment, restore_organisation

        if kind == TrashKind.ORGANISATION.value:
            restore_organisation(self.workspace, identifier)
        else:
            restore_assessment(self.workspace, identifier)
        self._refresh()
        if kind == TrashKind.ASSESSMENT.value:
            self.app.assessments.select_assessment(identifier)
        self.app.update_actions()

    def _close_assessment(self) -> None:
        self.app.assessment_id = ""
        self.app.state = None
        self.window.show_assessments()

    def _refresh(self) -> None:
        self.app.lists_stale = True
        self.app.assessments.refresh_lists()
        if self.app.assessment_id:
            self.app.state = self.workspace.state(self.app.assessment_id)
            self.app.answering.show_state(self.app.state)
        self.app.update_actions()
        if self.trash_dialog is not None:
            self._fill_trash()

    # Trash -------------------------------------------------------------------------------------

    def show_trash(self) -> None:
        dialog = TrashDialog(self.window)
        self.trash_dialog = dialog
        dialog.restoreRequested.connect(base.guarded(self.window, self._restore_from_dialog))
        dialog.emptyRequested.connect(base.guarded(self.window, self.empty_trash))
        self._fill_trash()
        try:
            base.exec_dialog(dialog)
        finally:
            self.trash_dialog = None

    def _fill_trash(self) -> None:
        from readiness.services.trash import items

        if self.trash_dialog is not None:
            self.trash_dialog.set_items(items(self.workspace))

    def _restore_from_dialog(self, kind: str, identifier: str) -> None:
        self.pending = None
        self._restore(kind, identifier)
        self.status(_("Restored from the trash"))

    def empty_trash(self) -> None:
        from readiness.services.trash import empty, pending

        waiting = pending(self.workspace)
        if waiting.nothing:
            self.status(_("The trash is empty."))
            return
        text = _(
            "Remove {orgs} organisation(s), {assessments} assessment(s) and {answers} answer(s) "
            "for good? This cannot be undone."
        ).format(
            orgs=waiting.organisations, assessments=waiting.assessments, answers=waiting.answers
        )
        dialog = ConfirmDialog(_("Empty trash"), text, _("Empty trash"), self.window)
        if not base.accepted(dialog):
            return
        removed = empty(self.workspace)
        self.pending = None
        self._refresh()
        self.status(
            _("Emptied the trash: {assessments} assessment(s) removed for good").format(
                assessments=removed.assessments
            )
        )

    # Demo data ---------------------------------------------------------------------------------

    def remove_demo(self) -> None:
        from readiness.services.demo import remove_demo

        demo = [s for s in self.workspace.assessments() if s.demo]
        organisations = [o for o in self.workspace.organisations() if o.demo]
        if not demo and not organisations:
            self.status(_("There is no demo data to remove."))
            return
        text = _(
            "Remove the demo data: {orgs} organisation(s) and {assessments} assessment(s)? "
            "Nothing you made is touched."
        ).format(orgs=len(organisations), assessments=len(demo))
        dialog = ConfirmDialog(_("Remove demo data"), text, _("Remove demo data"), self.window)
        if not base.accepted(dialog):
            return
        if self.app.state is not None and self.app.state.summary.demo:
            self._close_assessment()
        removed, _kept = remove_demo(self.workspace)
        self.pending = None
        self._refresh()
        self.status(
            _("Removed demo data: {assessments} assessment(s)").format(
                assessments=removed.assessments
            )
        )
