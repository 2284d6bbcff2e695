"""Dialogs: new organisation, new assessment, export options, shortcuts and about."""

from __future__ import annotations

import html
import os
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness import __version__
from readiness.domain.model import localize
from readiness.domain.records import Organisation, OrganisationKind
from readiness.i18n import _, ngettext
from readiness.services.library import Available
from readiness.ui.a11y import Dialog
from readiness.ui.assessment_list import kind_label
from readiness.ui.palette import error_colour


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _line(name: str, accessible: str, placeholder: str = "", limit: int = 0) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if limit:
        edit.setMaxLength(limit)
    return edit


class OrganisationDialog(Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(_("New organisation"))
        self.name = _line("organisationName", _("Name"), _("e.g. Nordlicht Energie AG"), 200)
        self.kind = QComboBox()
        self.kind.setObjectName("organisationKind")
        self.kind.setAccessibleName(_("Kind"))
        for kind in OrganisationKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.sector = _line("organisationSector", _("Sector"), _("e.g. Energy, Logistics"), 100)
        self.country = _line("organisationCountry", _("Country"), _("e.g. DE"), 64)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Kind:"), self.kind)
        form.addRow(_("&Sector:"), self.sector)
        form.addRow(_("&Country:"), self.country)
        self.buttons = _buttons(self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Create"))
        self.ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "kind": str(self.kind.currentData()),
            "sector": self.sector.text().strip(),
            "country": self.country.text().strip(),
        }


class AssessmentDialog(Dialog):
    """Organisation, then only the questionnaires that fit its kind, a title and an assessor."""

    def __init__(
        self,
        organisations: Sequence[Organisation],
        questionnaires: Sequence[Available],
        selected_organisation: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentDialog")
        self.setWindowTitle(_("New assessment"))
        self._organisations = list(organisations)
        self._questionnaires = list(questionnaires)
        self.organisation = QComboBox()
        self.organisation.setObjectName("assessmentOrganisation")
        self.organisation.setAccessibleName(_("Organisation"))
        for organisation in self._organisations:
            self.organisation.addItem(
                f"{organisation.name} ({kind_label(organisation.kind)})", organisation.id
            )
        self.questionnaire = QComboBox()
        # long titles (French runs longer) must not squeeze the form's labels: show about 40
        # characters and elide the rest; the drop-down list shows every title whole
        self.questionnaire.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.questionnaire.setMinimumContentsLength(40)
        self.questionnaire.setObjectName("assessmentQuestionnaire")
        self.questionnaire.setAccessibleName(_("Questionnaire"))
        self.title = _line(
            "assessmentTitle", _("Title"), _("e.g. Annual readiness review 2026"), 300
        )
        self.assessor = _line("assessmentAssessor", _("Assessor"), _("Your name and role"), 200)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("&Questionnaire:"), self.questionnaire)
        form.addRow("", self.hint)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Assessor:"), self.assessor)
        self.buttons = _buttons(self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Start"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        self.questionnaire.currentIndexChanged.connect(self._questionnaire_changed)
        index = max(0, self.organisation.findData(selected_organisation))
        self.organisation.setCurrentIndex(index)
        self._organisation_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _organisation_changed(self) -> None:
        row = self.organisation.currentIndex()
        organisation = self._organisations[row] if 0 <= row < len(self._organisations) else None
        self.questionnaire.clear()
        if organisation is not None:
            for entry in self._questionnaires:
                questionnaire = entry.loaded.questionnaire
                if organisation.kind.fits(questionnaire.audience):
                    self.questionnaire.addItem(
                        f"{localize(questionnaire.title)} ({questionnaire.id} "
                        f"{questionnaire.version})",
                        f"{questionnaire.id}@{questionnaire.version}",
                    )
        self._questionnaire_changed()

    def _questionnaire_changed(self) -> None:
        has = self.questionnaire.count() > 0
        self.ok.setEnabled(has)
        if not self._organisations:
            self.hint.setText(_("Create an organisation first."))
            return
        if not has:
            self.hint.setText(_("No questionnaire fits this kind of organisation."))
            return
        qid = self.questionnaire.currentData()
        entry = next(
            (
                e
                for e in self._questionnaires
                if f"{e.loaded.questionnaire.id}@{e.loaded.questionnaire.version}" == qid
            ),
            None,
        )
        if entry is None:
            self.hint.setText("")
            return
        questionnaire = entry.loaded.questionnaire
        from readiness.domain.progress import question_counts

        counts = question_counts(questionnaire)  # the same count the header starts from
        domains = len(questionnaire.domains)
        hint = (
            ngettext("{count} question to answer", "{count} questions to answer", counts.to_answer)
            + " "
            + ngettext("in {domains} domain", "in {domains} domains", domains)
        ).format(count=counts.to_answer, domains=domains)
        if counts.conditional:
            hint += _("; ") + _("{n} more only if earlier answers call for them").format(
                n=counts.conditional
            )
        if counts.text:
            hint += _("; ") + _("{n} optional free-text question(s)").format(n=counts.text)
        self.hint.setText(hint + ".")

    def values(self) -> dict[str, str]:
        return {
            "organisation_id": str(self.organisation.currentData() or ""),
            "questionnaire_id": str(self.questionnaire.currentData() or ""),
            "title": self.title.text().strip(),
            "assessor": self.assessor.text().strip(),
        }


class ExportDialog(Dialog):
    """Where to write the report, with which marking (TLP) and page size."""

    def __init__(
        self,
        kind: str,
        suggested: Path,
        markings: Sequence[str],
        default_marking: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export PDF") if kind == "pdf" else _("Export Excel"))
        self.path = _line("exportPath", _("File"))
        self.path.setText(str(suggested))
        browse = QPushButton(_("&Browse…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.marking = QComboBox()
        self.marking.setObjectName("exportMarking")
        self.marking.setAccessibleName(_("Marking"))
        for label in markings:
            self.marking.addItem(label, label)
        self.marking.setCurrentIndex(max(0, self.marking.findData(default_marking)))
        self.marking.setToolTip(_("Traffic Light Protocol label printed on every page and sheet"))
        self.page_size = QComboBox()
        self.page_size.setObjectName("exportPageSize")
        self.page_size.setAccessibleName(_("Page size"))
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem(_("US Letter"), "letter")
        form = QFormLayout()
        file_label = QLabel(_("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        form.addRow(_("&Marking:"), self.marking)
        if kind == "pdf":
            form.addRow(_("&Page size:"), self.page_size)
        else:
            self.page_size.hide()
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setWordWrap(True)
        error_palette = self.error.palette()
        error_palette.setColor(QPalette.ColorRole.WindowText, error_colour(error_palette))
        self.error.setPalette(error_palette)
        self.error.hide()
        form.addRow("", self.error)
        self.confirm_overwrite: Callable[[Path], bool] = lambda _path: True
        self.buttons = _buttons(self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Export"))
        self.path.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def _browse(self) -> None:
        pattern = _("PDF files (*.pdf)") if self.kind == "pdf" else _("Excel files (*.xlsx)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path.text(), pattern
        )
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path:
        """The chosen file, with the kind's extension added when it is missing."""
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != f".{self.kind}":
            path = path.with_name(path.name + f".{self.kind}")
        return path

    def accept(self) -> None:
        """Stay open, saying why, while the file cannot be written; ask before overwriting."""
        path = self.target()
        folder = path.parent
        problem = ""
        if not folder.is_dir():
            problem = _("The folder {folder} does not exist.").format(folder=folder)
        elif not os.access(folder, os.W_OK):
            problem = _("The folder {folder} cannot be written to.").format(folder=folder)
        elif path.is_dir():
            problem = _("{path} is a folder.").format(path=path)
        if problem:
            self.error.setText(problem + " " + _("Choose another file."))
            self.error.show()
            self.path.setFocus()
            return
        if path.exists() and not self.confirm_overwrite(path):
            self.path.setFocus()
            return
        self.path.setText(str(path))
        self.error.hide()
        super().accept()

    def values(self) -> dict[str, str]:
        return {
            "path": str(self.target()),
            "marking": str(self.marking.currentData()),
            "page_size": str(self.page_size.currentData()),
        }


class ShortcutsDialog(Dialog):
    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 3)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(_("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([_("Menu"), _("Command"), _("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            _(
                "In the question list and the question panel, digits choose an option and the "
                "next question follows. Keys typed into a text box stay in the text box."
            )
        )
        note.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table)
        layout.addWidget(box)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 30)


def about_text(db_path: Path | None) -> str:
    rows = [
        (_("Version"), __version__),
        (_("Qt"), qVersion()),
        (_("PySide6"), pyside_version),
        (_("Python"), f"{platform.python_version()} ({sys.implementation.name})"),
        (_("Database"), str(db_path) if db_path else _("(not a file)")),
    ]
    cells = "".join(
        f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    name = html.escape(_("Partnership Readiness"))
    summary = html.escape(_("Offline self-assessment of crisis-cooperation readiness."))
    return f"<h3>{name}</h3><p>{summary}</p><table>{cells}</table>"


class AboutDialog(Dialog):
    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About Partnership Readiness"))
        self.label = QLabel(about_text(db_path))
        self.label.setObjectName("aboutText")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(box)
