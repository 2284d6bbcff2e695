"""The questionnaire library in the window: File > Add questionnaire…, Assessment > Upgrade….

DESIGN sections 2 and 6 (``questionnaires add``, ``assessment upgrade``). The actions live here,
not in the window's action list, so the library is one self-contained controller.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from readiness.i18n import _
from readiness.services import library
from readiness.services.errors import UserError
from readiness.ui.controllers import base
from readiness.ui.controllers.base import PageController

MAX_SHOWN_PROBLEMS = 30


def assessment_menu(window: object) -> QMenu:
    """The window's Assessment menu (made once, before Help)."""
    menu = getattr(window, "assessment_menu", None)
    if isinstance(menu, QMenu):
        return menu
    bar = window.menuBar()  # type: ignore[attr-defined]
    menu = QMenu(_("&Assessment"), window)  # type: ignore[arg-type]
    menu.setObjectName("assessmentMenu")
    bar.insertMenu(window.help_menu.menuAction(), menu)  # type: ignore[attr-defined]
    window.assessment_menu = menu  # type: ignore[attr-defined]
    return menu


class LibraryController(PageController):
    name = "library"

    def connect(self) -> None:
        w = self.window
        self.act_add = QAction(_("&Add questionnaire…"), w)
        self.act_add.setObjectName("actAddQuestionnaire")
        self.act_add.setStatusTip(
            _("Install a questionnaire file (YAML or Excel) in this workspace")
        )
        self.act_upgrade = QAction(_("&Upgrade to a newer version…"), w)
        self.act_upgrade.setObjectName("actUpgrade")
        self.act_upgrade.setStatusTip(
            _("Start a new draft on a newer questionnaire version; this one stays as it is")
        )
        w.file_menu.insertAction(w.act_demo, self.act_add)
        assessment_menu(w).addAction(self.act_upgrade)
        self.on(self.act_add.triggered, self.add_questionnaire)
        self.on(self.act_upgrade.triggered, self.upgrade)

    def update_actions(self) -> None:
        self.act_add.setEnabled(not self.app.tasks)
        target = self.target()
        self.act_upgrade.setEnabled(bool(target) and self._has_newer(target))

    def _has_newer(self, assessment_id: str) -> bool:
        from readiness.services.upgrade import newer_versions

        try:
            return bool(newer_versions(self.workspace, assessment_id))
        except UserError:  # a vanished or unreadable assessment: nothing to upgrade
            return False

    def target(self) -> str:
        """The assessment the upgrade acts on: on the list page the selected row, on the
        assessment's own pages the open one; "" when there is none."""
        return self.app.selected_assessment_id()  # one rule for every action (issue 9 item 1)

    def add_questionnaire(self) -> None:
        dialog = QFileDialog(self.window, _("Add questionnaire"))
        dialog.setObjectName("addQuestionnaireDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([_("Questionnaires (*.yaml *.yml *.xlsx)"), _("All files (*)")])
        if not base.accepted(dialog) or not dialog.selectedFiles():
            return
        from pathlib import Path

        path = Path(dialog.selectedFiles()[0])
        try:
            done = library.install(self.workspace, path)
        except library.InstallProblems as problems:
            self._show_problems(path.name, [str(i) for i in problems.issues])
            return
        q = done.loaded.questionnaire
        messages = {
            "installed": _("Questionnaire {id} {version} installed."),
            "already installed": _("Questionnaire {id} {version} was already installed."),
            "built in": _("Questionnaire {id} {version} is built in; nothing to install."),
        }
        self.status(messages[done.outcome].format(id=q.id, version=q.version))
        self.app.update_actions()

    def _show_problems(self, name: str, lines: list[str]) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("questionnaireProblems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Questionnaire not installed"))
        box.setText(
            _("{name} has {n} problem(s); nothing was installed.").format(name=name, n=len(lines))
        )
        shown = lines[:MAX_SHOWN_PROBLEMS]
        if len(lines) > len(shown):
            shown.append(_("… and {n} more").format(n=len(lines) - len(shown)))
        box.setDetailedText("\n".join(shown))
        box.setInformativeText(shown[0] if shown else "")
        base.exec_dialog(box)

    def upgrade(self) -> None:
        from readiness.services.upgrade import newer_versions, upgrade

        assessment_id = self.target()
        if not assessment_id:
            return
        versions = newer_versions(self.workspace, assessment_id)
        if not versions:
            self.status(_("This assessment is on the newest known questionnaire version."))
            return
        box = QMessageBox(self.window)
        box.setObjectName("upgradeConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Upgrade assessment"))
        box.setText(
            _(
                "Start a new draft on version {version}? Answers that still fit are carried "
                "over and marked to review; this assessment stays as it is."
            ).format(version=versions[-1])
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        if base.exec_dialog(box) != QMessageBox.StandardButton.Ok:
            return
        result = upgrade(self.workspace, assessment_id, versions[-1])
        self.app.lists_stale = True
        self.app.answering.open_assessment(result.id)
        self.status(
            _("Upgraded: {carried} answer(s) carried to review, {dropped} dropped.").format(
                carried=len(result.carried), dropped=len(result.dropped)
            )
        )
