"""Exchange packages in the window (DESIGN section 8): File > Send assessment…, Invite
partner…, Import packages… (also by dropping files on the window), Tools > My keys and
Tools > Partners, and the read-only banner over an imported assessment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMenu

from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.ui.controllers import base
from readiness.ui.controllers.base import PageController
from readiness.ui.controllers.export import suggested_path
from readiness.ui.exchange_dialogs import ImportDialog, InviteDialog, SendDialog, dropped_files
from readiness.ui.keys_dialog import MyKeysDialog, PartnersDialog
from readiness.ui.palette import banner_style

PACKAGE_SUFFIX = ".readiness"


class ExchangeController(PageController):
    name = "exchange"

    def connect(self) -> None:
        w = self.window
        a = w._action
        self.act_send = a(_("&Send assessment…"), "Ctrl+Shift+S", name="actSendAssessment")
        self.act_invite = a(_("&Invite partner…"), name="actInvitePartner")
        self.act_import = a(_("Import pac&kages…"), "Ctrl+Shift+I", name="actImportPackages")
        self.act_keys = a(_("My &keys…"), name="actMyKeys")
        self.act_partners = a(_("&Partners…"), name="actPartners")
        first_export = w.act_export_pdf
        w.file_menu.insertActions(first_export, [self.act_send, self.act_invite, self.act_import])
        w.file_menu.insertSeparator(first_export)
        self.tools_menu = QMenu(_("&Tools"), w)
        self.tools_menu.setObjectName("toolsMenu")
        self.tools_menu.addActions([self.act_keys, self.act_partners])
        w.menuBar().insertMenu(w.help_menu.menuAction(), self.tools_menu)
        self.on(self.act_send.triggered, self.send)
        self.on(self.act_invite.triggered, self.invite)
        self.on(self.act_import.triggered, lambda: self.import_packages([]))
        self.on(self.act_keys.triggered, self.my_keys)
        self.on(self.act_partners.triggered, self.partners)
        self.banner = QLabel()
        self.banner.setObjectName("originBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(banner_style())
        self.banner.hide()
        layout = w.answering.layout()
        if layout is not None:
            layout.insertWidget(0, self.banner)  # type: ignore[attr-defined]
        w.setAcceptDrops(True)
        w.installEventFilter(self)
        self.read_only = False
        selection = w.answering.questions.selectionModel()
        if selection is not None:  # after the answering controller shows the question
            selection.currentChanged.connect(self._keep_read_only)

    def update_actions(self) -> None:
        state = self.app.state
        read_only = bool(state) and not self.banner.isHidden()
        self.act_send.setEnabled(bool(self.app.assessment_id) and not read_only)
        self.act_import.setEnabled(not self.app.tasks)

    # The open assessment -----------------------------------------------------------------------

    def show_origin(self, assessment_id: str) -> None:
        """Show the banner (and make the editor read-only) for an imported assessment."""
        from readiness.services.exchange import origin_of
        from readiness.services.keys import Keys

        origin = origin_of(self.workspace, assessment_id)
        read_only = self.read_only = origin is not None and origin.read_only
        QTimer.singleShot(0, self._keep_read_only)
        if not read_only:
            self.banner.hide()
            return
        assert origin is not None
        trusted = Keys(self.workspace).is_trusted(origin.signer_key_id, origin.signer_public_key)
        self.banner.setText(
            _(
                "Imported and read-only: signed by {name} ({key}, {trust}), revision "
                "{revision}, package of {date}."
            ).format(
                name=origin.signer_name,
                key=origin.signer_key_id,
                trust=_("trusted") if trusted else _("unverified: their card is not trusted"),
                revision=origin.revision,
                date=origin.package_created[:10],
            )
        )
        self.banner.show()

    def _keep_read_only(self, *_args: object) -> None:
        """The question editor takes no input while an imported assessment is open."""
        if self.read_only:
            self.window.answering.editor.setEnabled(False)

    # File --------------------------------------------------------------------------------------

    def send_dialog(self) -> SendDialog | None:
        """The Send dialog for the open assessment (None when none is open)."""
        state = self.app.state
        if state is None:
            return None
        from readiness.domain.report import Marking
        from readiness.services.exchange import origin_of
        from readiness.services.keys import Keys

        summary = state.summary
        origin = origin_of(self.workspace, summary.id)
        inviter = origin.signer_name if origin is not None and origin.signer_recipient else ""
        partners = [(c.name, c.key_id, c.recipient) for c in Keys(self.workspace).trusted()]
        return SendDialog(
            f"{summary.organisation} — {summary.title}",
            partners,
            [m.value for m in Marking],
            summary.marking,
            suggested_path(summary.organisation, summary.title, "readiness"),
            inviter,
            self.window,
        )

    def send(self) -> None:
        dialog = self.send_dialog()
        state = self.app.state
        if dialog is None or state is None:
            return
        from readiness.services.exchange import export_assessment

        summary = state.summary
        if not base.accepted(dialog):
            return
        values = dialog.values()
        sent = export_assessment(
            self.workspace,
            summary.id,
            Path(values["path"]).expanduser(),
            values["to"],
            values["share"],
            values["marking"],
        )
        to = ", ".join(sent.recipients) or _("nobody (signed, not encrypted)")
        self.status(
            _("Sent revision {revision} to {path}, encrypted to {to}").format(
                revision=sent.revision, path=sent.path.name, to=to
            ),
            10000,
        )

    def invite(self) -> None:
        from readiness.domain.model import localize
        from readiness.services.exchange import invite
        from readiness.services.library import available

        organisations = [(o.name, o.id, o.kind.value) for o in self.workspace.organisations()]
        if not organisations:
            raise UserError(_("add the partner's organisation first (File > New organisation)"))
        questionnaires = [
            (
                f"{localize(e.loaded.questionnaire.title)} ({e.id} {e.version})",
                f"{e.id}@{e.version}",
                e.loaded.questionnaire.audience,
            )
            for e in available(self.workspace)
        ]
        dialog = InviteDialog(
            organisations,
            questionnaires,
            suggested_path(_("Invitation"), organisations[0][0], "readiness"),
            self.window,
        )
        if not base.accepted(dialog):
            return
        values = dialog.values()
        sent = invite(
            self.workspace,
            values["organisation"],
            values["questionnaire"],
            Path(values["path"]).expanduser(),
            values["title"] or None,
        )
        self.status(_("Invitation written to {path}").format(path=sent.path.name), 10000)

    def import_packages(self, files: list[Path]) -> None:
        dialog = ImportDialog(self._run_import, files, self.window)
        self.dialog = dialog
        base.exec_dialog(dialog)
        self.app.assessments.refresh_lists()

    def _run_import(
        self, paths: list[Path], progress: Callable[[int, int, str, bool], None]
    ) -> None:
        from readiness.services.package_import import import_packages

        def report(done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
            progress(done, total, result_line(result), result.ok)

        import_packages(self.workspace, paths, report)
        self.app.lists_stale = True

    # Tools -------------------------------------------------------------------------------------

    def my_keys(self) -> None:
        from readiness.services.keys import Keys

        keys = Keys(self.workspace)

        def save(path: Path) -> None:
            base.guarded(self.window, keys.write_card)(path)
            self.status(_("Card saved to {path}").format(path=path.name))

        base.exec_dialog(MyKeysDialog(keys.card(), save, self.window))

    def partners(self) -> None:
        from readiness.services.keys import Keys

        keys = Keys(self.workspace)

        def trust(path: Path) -> list:  # type: ignore[type-arg]
            base.guarded(self.window, keys.trust)(path)
            return keys.trusted()

        def revoke(key_id: str) -> list:  # type: ignore[type-arg]
            base.guarded(self.window, keys.revoke)(key_id)
            return keys.trusted()

        base.exec_dialog(PartnersDialog(keys.trusted(), trust, revoke, self.window))

    # Dropping package files on the window ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            if any(p.suffix == PACKAGE_SUFFIX for p in _local(event)):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = [p for p in dropped_files(event) if p.suffix == PACKAGE_SUFFIX]
            if files:
                event.acceptProposedAction()
                base.guarded(self.window, self.import_packages)(files)
                return True
        return super().eventFilter(watched, event)


def _local(event: QDragEnterEvent) -> list[Path]:
    data = event.mimeData()
    return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] if data else []


def result_line(result) -> str:  # type: ignore[no-untyped-def]
    """One line for one file: its name, the outcome and who signed it, or why not."""
    from readiness.services.package_import import outcome_text

    name = Path(result.file).name
    if not result.ok:
        return _("{file}: {outcome} — {reason}").format(
            file=name, outcome=outcome_text(result.outcome), reason=result.reason
        )
    signer = result.signer
    trust = _("trusted") if signer.trusted else _("unverified signer")
    return _("{file}: {outcome} — {org}, signed by {name} ({trust})").format(
        file=name,
        outcome=outcome_text(result.outcome),
        org=result.organisation,
        name=signer.name,
        trust=trust,
    )
