"""File > Send assessment…, Invite partner… and Import packages… (DESIGN section 8).

Views only: the controller (``ui/controllers/exchange.py``) gives them what to show and the
functions that act; the import dialog accepts files dropped on it and shows one result line per
file under a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.i18n import _
from readiness.ui.a11y import Dialog
from readiness.ui.keys_dialog import grouped
from readiness.ui.palette import error_colour


def package_filter() -> str:
    """The file dialogs' filter for exchange packages, in the current language."""
    return _("Partnership Readiness packages (*.readiness);;All files (*)")


def _path_row(edit: QLineEdit, parent: QWidget, title: str, save: bool) -> QHBoxLayout:
    browse = QPushButton(_("&Browse…"))

    def ask() -> None:
        if save:
            path, _f = QFileDialog.getSaveFileName(parent, title, edit.text(), package_filter())
        else:
            path, _f = QFileDialog.getOpenFileName(parent, title, edit.text(), package_filter())
        if path:
            edit.setText(path)

    browse.clicked.connect(ask)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class SendDialog(Dialog):
    """Recipients (trusted partners, card files), share mode, marking and the file to write.

    ``partners``: (name, key id, age recipient) of each trusted card.
    """

    def __init__(
        self,
        title: str,
        partners: Sequence[tuple[str, str, str]],
        markings: Sequence[str],
        marking: str,
        suggested: Path,
        inviter: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setWindowTitle(_("Send assessment"))
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.recipients = QListWidget()
        self.recipients.setObjectName("sendRecipients")
        self.recipients.setAccessibleName(_("Recipients"))
        self.recipients.setMaximumHeight(self.fontMetrics().height() * 9)
        for name, key_id, recipient in partners:
            item = QListWidgetItem(f"{name}   {grouped(key_id)}")
            item.setData(Qt.ItemDataRole.UserRole, recipient)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        add_card = QPushButton(_("Add a &card file…"))
        add_card.clicked.connect(self._add_card)
        hint = (
            _("Encrypted to {name} (who invited you) unless you tick other recipients.").format(
                name=inviter
            )
            if inviter
            else _("Without recipients the package is signed but not encrypted.")
        )
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.share = QCheckBox(_("&Share mode"))
        self.share.setObjectName("sendShare")
        share_hint = QLabel(
            _("Share mode leaves out comments, N/A reasons, free text, names and exact dates.")
        )
        share_hint.setWordWrap(True)
        self.share.setAccessibleDescription(share_hint.text())
        self.marking = QComboBox()
        self.marking.setObjectName("sendMarking")
        self.marking.addItems(list(markings))
        self.marking.setCurrentText(marking)
        self.path = QLineEdit(str(suggested))
        self.path.setObjectName("sendPath")
        form = QFormLayout()
        form.addRow(_("Recipients:"), self.recipients)
        form.addRow("", add_card)
        form.addRow("", self.hint)
        form.addRow(_("&Marking:"), self.marking)
        form.addRow("", self.share)
        form.addRow("", share_hint)
        form.addRow(_("File:"), _path_row(self.path, self, _("Send assessment"), save=True))
        self.buttons = _ok_cancel(self, _("Send"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def _add_card(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Add a card"), "", _("Contact cards (*.card);;All files (*)")
        )
        if path:
            item = QListWidgetItem(_("Card file: {name}").format(name=Path(path).name))
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.recipients.addItem(item)

    def values(self) -> dict[str, Any]:
        to = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.recipients.item(i) for i in range(self.recipients.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        return {
            "to": to,
            "share": self.share.isChecked(),
            "marking": self.marking.currentText(),
            "path": self.path.text().strip(),
        }


class InviteDialog(Dialog):
    """An organisation, a questionnaire that fits it, a title and the invitation file.

    ``organisations``: (label, id, kind); ``questionnaires``: (label, "QID@VERSION", audience).
    """

    def __init__(
        self,
        organisations: Sequence[tuple[str, str, str]],
        questionnaires: Sequence[tuple[str, str, str]],
        suggested: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.setWindowTitle(_("Invite partner"))
        self._questionnaires = list(questionnaires)
        self.organisation = QComboBox()
        self.organisation.setObjectName("inviteOrganisation")
        for label, organisation_id, kind in organisations:
            self.organisation.addItem(label, (organisation_id, kind))
        self.questionnaire = QComboBox()
        # long titles (French runs longer) must not squeeze the form's labels: show about 40
        # characters and elide the rest; the drop-down list shows every title whole
        self.questionnaire.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.questionnaire.setMinimumContentsLength(40)
        self.questionnaire.setObjectName("inviteQuestionnaire")
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("optional; the questionnaire and today's date"))
        self.title.setMaxLength(300)
        self.path = QLineEdit(str(suggested))
        self.path.setObjectName("invitePath")
        form = QFormLayout()
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("&Questionnaire:"), self.questionnaire)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("File:"), _path_row(self.path, self, _("Invite partner"), save=True))
        self.buttons = _ok_cancel(self, _("Write invitation"))
        note = QLabel(
            _(
                "The invitation carries the questionnaire, your card and a new assessment "
                "for the organisation; their answers come back to the same records."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.organisation.currentIndexChanged.connect(self._fill_questionnaires)
        self._fill_questionnaires()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _fill_questionnaires(self, *_args: object) -> None:
        data = self.organisation.currentData()
        kind = data[1] if data else ""
        self.questionnaire.clear()
        for label, spec, audience in self._questionnaires:
            if kind in ("other", audience):
                self.questionnaire.addItem(label, spec)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.questionnaire.count() > 0)

    def values(self) -> dict[str, str]:
        data = self.organisation.currentData()
        return {
            "organisation": data[0] if data else "",
            "questionnaire": str(self.questionnaire.currentData() or ""),
            "title": self.title.text().strip(),
            "path": self.path.text().strip(),
        }


class ImportDialog(Dialog):
    """Files to import (added or dropped), a progress bar and one result line per file.

    ``run(paths, progress)`` imports and calls ``progress(done, total, line, ok)`` per file.
    """

    def __init__(
        self,
        run: Callable[[list[Path], Callable[[int, int, str, bool], None]], None],
        files: Sequence[Path] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import packages"))
        self.setAcceptDrops(True)
        self._run = run
        intro = QLabel(_("Add the .readiness files from the removable medium, or drop them here."))
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("importFiles")
        self.files.setAccessibleName(_("Files to import"))
        add = QPushButton(_("&Add files…"))
        add.clicked.connect(self._ask_files)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setValue(0)
        self.results = QListWidget()
        self.results.setObjectName("importResults")
        self.results.setAccessibleName(_("Results"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("importStart")
        self.import_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel(_("Results:")))
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.add_files(files)
        self.setMinimumSize(
            self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 24
        )

    def paths(self) -> list[Path]:
        return [
            Path(str(self.files.item(i).data(Qt.ItemDataRole.UserRole)))
            for i in range(self.files.count())
        ]

    def add_files(self, files: Sequence[Path]) -> None:
        known = set(self.paths())
        for path in files:
            if path not in known:
                item = QListWidgetItem(path.name)
                item.setToolTip(str(path))
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.files.addItem(item)
                known.add(path)
        self.import_button.setEnabled(self.files.count() > 0)

    def _ask_files(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, _("Import packages"), "", package_filter())
        self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files(dropped_files(event))
        event.acceptProposedAction()

    def start(self) -> None:
        """Import every listed file, showing progress and one line per file."""
        paths = self.paths()
        if not paths:
            return
        self.import_button.setEnabled(False)
        self.results.clear()
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)

        def progress(done: int, total: int, line: str, ok: bool) -> None:
            item = QListWidgetItem(("✔ " if ok else "✘ ") + line)
            if not ok:
                item.setForeground(error_colour(self.results.palette()))  # and "✘"
            self.results.addItem(item)
            self.progress.setValue(done)
            QApplication.processEvents()

        try:
            self._run(paths, progress)
        finally:
            self.files.clear()
            self.import_button.setEnabled(False)


def dropped_files(event: QDropEvent) -> list[Path]:
    """The local files of a drop, in order."""
    return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
