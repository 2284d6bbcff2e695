"""Export: the dialog (file, marking, page size), then the report written on a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

from readiness.i18n import _
from readiness.ui.controllers import base
from readiness.ui.controllers.base import PageController
from readiness.ui.dialogs import ExportDialog
from readiness.ui.record_dialogs import ConfirmDialog
from readiness.ui.workers import Report


def default_folder(remembered: str = "") -> Path:
    """The last folder used for this kind when it still exists, else the documents folder
    (created when missing), else the home folder (issue 9 item 6)."""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        try:
            Path(documents).mkdir(parents=True, exist_ok=True)
            return Path(documents)
        except OSError:
            pass
    return Path.home()


def suggested_path(organisation: str, title: str, kind: str, folder: Path | None = None) -> Path:
    """'Organisation - Title.<kind>' in ``folder`` (default: :func:`default_folder`), unsafe
    characters replaced."""
    folder = folder or default_folder()
    name = f"{organisation} - {title}"
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip()
    return folder / f"{safe or 'assessment'}.{kind}"


class ExportController(PageController):
    name = "export"

    def connect(self) -> None:
        w = self.window
        self.on(w.act_export_pdf.triggered, lambda: self.export("pdf"))
        self.on(w.act_export_xlsx.triggered, lambda: self.export("xlsx"))

    def update_actions(self) -> None:
        enabled = bool(self.app.selected_assessment_id()) and not self.app.tasks
        for action in (self.window.act_export_pdf, self.window.act_export_xlsx):
            action.setEnabled(enabled)

    def export(self, kind: str) -> None:
        """Ask where and how, then write the report (``kind``: pdf, xlsx) of the assessment
        selected on the visible page — never one opened earlier (issue 9 item 1)."""
        assessment_id = self.app.selected_assessment_id()
        if not assessment_id:
            return
        from readiness.domain.report import DEFAULT_MARKING, Marking

        summary = self.workspace.assessment(assessment_id)
        settings = self.app.settings
        folder = default_folder(settings.export_folder(kind))
        suggested = suggested_path(summary.organisation, summary.title, kind, folder)
        marking = settings.export_marking(kind) or summary.marking or DEFAULT_MARKING.value
        dialog = ExportDialog(kind, suggested, [m.value for m in Marking], marking, self.window)
        dialog.confirm_overwrite = lambda path: base.accepted(
            ConfirmDialog(
                _("Replace file?"),
                _("{name} already exists in {folder}. Replace it?").format(
                    name=path.name, folder=path.parent
                ),
                _("Replace"),
                dialog,
            )
        )
        if not base.accepted(dialog):
            return
        values = dialog.values()
        report = self.workspace.report(summary.id, values["marking"])
        path = Path(values["path"])
        settings.set_export(kind, str(path.parent), values["marking"])

        def job(progress: Report) -> Path:
            from readiness.services.export import export_report

            options: dict[str, Any] = {"pdf": path} if kind == "pdf" else {"xlsx": path}
            export_report(report, page_size=values["page_size"], progress=progress, **options)
            return path

        def done(written: object) -> None:
            from readiness.services.glyph_check import undrawable_note

            note = undrawable_note(report) if kind == "pdf" else ""
            message = _("Exported {path}").format(path=written)
            self.status(f"{message} — {note}" if note else message, 15000 if note else 8000)

        self.app.run_task(_("Exporting {name}…").format(name=path.name), job, done)
