"""The evidence form of the answering view: kind, reference and date of what backs an answer.

Keyboard-first and small (DESIGN sections 3 and 4): Ctrl+B (Question > Evidence) reaches the
kind, Tab moves on, Enter in the reference or date saves, the Remove button takes it off. It
only lays widgets out and emits signals; the editing controller saves through the workspace.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.answers import Evidence, EvidenceKind
from readiness.domain.evidence import make_evidence
from readiness.i18n import _


def kind_labels() -> dict[EvidenceKind, str]:
    return {
        EvidenceKind.DOCUMENT: _("Document"),
        EvidenceKind.RECORD: _("Record"),
        EvidenceKind.EXERCISE: _("Exercise report"),
        EvidenceKind.PARTNER_CONFIRMATION: _("Partner confirmation"),
    }


class EvidenceForm(QGroupBox):
    """Signals carry the question id; ``saved`` also the checked Evidence."""

    saved = Signal(str, object)  # question id, Evidence
    removed = Signal(str)  # question id
    refused = Signal(str)  # one line saying what is wrong

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Evidence (Ctrl+B)"), parent)
        self.setObjectName("evidenceForm")
        self.setAccessibleName(_("Evidence"))
        self._question_id: str | None = None
        self._shown: Evidence | None = None

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("evidenceKind")
        self.kind.setAccessibleName(_("Evidence kind"))
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.reference = QLineEdit()
        self.reference.setObjectName("evidenceReference")
        self.reference.setAccessibleName(_("Evidence reference"))
        self.reference.setPlaceholderText(_("Reference, e.g. AAR 2026-03 p.4"))
        self.day = QLineEdit()
        self.day.setObjectName("evidenceDate")
        self.day.setAccessibleName(_("Evidence date (YYYY-MM-DD)"))
        self.day.setPlaceholderText(_("YYYY-MM-DD"))
        self.day.setMaximumWidth(self.day.fontMetrics().horizontalAdvance("0000-00-00000"))
        kind_label = QLabel(_("&Kind"))
        kind_label.setBuddy(self.kind)  # a combo box's name is its label (AT-SPI)
        row.addWidget(kind_label)
        row.addWidget(self.kind)
        row.addWidget(self.reference, 1)
        row.addWidget(self.day)
        layout.addLayout(row)

        buttons = QHBoxLayout()
        self.state = QLabel()
        self.state.setObjectName("evidenceState")
        self.state.setWordWrap(True)
        self.save_button = QPushButton(_("Save evidence"))
        self.save_button.setObjectName("evidenceSave")
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName("evidenceRemove")
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._remove)
        self.reference.returnPressed.connect(self.save)
        self.day.returnPressed.connect(self.save)
        self.setFocusProxy(self.kind)

    def show_evidence(self, question_id: str, evidence: Evidence | None, unverified: bool) -> None:
        """Fill the form for ``question_id``; ``unverified``: its answer needs evidence."""
        same = question_id == self._question_id and evidence == self._shown
        self._question_id = question_id
        self._shown = evidence
        if not same or not self.isAncestorOf(self.focusWidget()):
            kind = evidence.kind.value if evidence else EvidenceKind.DOCUMENT.value
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self.reference.setText(evidence.reference if evidence else "")
            self.day.setText(evidence.date.isoformat() if evidence else date.today().isoformat())
        self.remove_button.setEnabled(evidence is not None)
        if evidence is not None:
            self.state.setText(_("Saved evidence backs this answer."))
        elif unverified:
            self.state.setText(_("Unverified: this answer has no evidence."))
        else:
            self.state.setText("")

    def save(self) -> None:
        if self._question_id is None:
            return
        try:
            evidence = make_evidence(
                str(self.kind.currentData()), self.reference.text(), self.day.text()
            )
        except ValueError as exc:
            self.refused.emit(str(exc))
            return
        if evidence != self._shown:
            self.saved.emit(self._question_id, evidence)

    def _remove(self) -> None:
        if self._question_id is not None and self._shown is not None:
            self.removed.emit(self._question_id)

    def focus(self) -> None:
        self.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)
