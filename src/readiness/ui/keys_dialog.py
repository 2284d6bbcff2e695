"""Tools > My keys and Tools > Partners: this workspace's card with a fingerprint large enough
to read aloud over a phone, and the partners' cards it trusts (DESIGN section 8)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from readiness import locale_format
from readiness.exchange.keys import Card
from readiness.i18n import _
from readiness.storage.exchange import TrustedCard
from readiness.ui.a11y import Dialog


def grouped(key_id: str) -> str:
    """A key id in groups of four, as read aloud: ``647F D567 55C5 9451``."""
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def _read_only(text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setReadOnly(True)
    edit.setAccessibleName(name)
    edit.setCursorPosition(0)
    return edit


class MyKeysDialog(Dialog):
    """This workspace's name, fingerprint (large), public key and recipient; save the card."""

    def __init__(
        self, card: Card, save_card: Callable[[Path], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("myKeysDialog")
        self.setWindowTitle(_("My keys"))
        self._save_card = save_card
        self.card = card
        intro = QLabel(
            _(
                "Give your card to each partner. When they call, read them the fingerprint "
                "below: if it matches the one they see, the card is yours."
            )
        )
        intro.setWordWrap(True)
        self.fingerprint = QLabel(grouped(card.key_id))
        self.fingerprint.setObjectName("fingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.6)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setAccessibleName(_("Fingerprint"))
        form = QFormLayout()
        form.addRow(_("Name:"), QLabel(card.name))
        form.addRow(_("Fingerprint:"), self.fingerprint)
        form.addRow(_("Signing key:"), _read_only(card.public_key, "publicKey"))
        form.addRow(_("Encryption:"), _read_only(card.recipient, "recipient"))
        save = QPushButton(_("&Save card…"))
        save.setObjectName("saveCard")
        save.clicked.connect(self._ask_save)
        copy = QPushButton(_("&Copy fingerprint"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(card.key_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(copy)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def _ask_save(self) -> None:
        name = "".join(c if c.isalnum() or c in "-_ " else "_" for c in self.card.name).strip()
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save card"), f"{name or 'card'}.card", _("Contact cards (*.card)")
        )
        if path:
            self._save_card(Path(path))


class PartnersDialog(Dialog):
    """The partners' cards this workspace trusts: name, fingerprint, since when; trust, revoke.

    ``trust(path)`` and ``revoke(key_id)`` change the store and return the new list.
    """

    def __init__(
        self,
        cards: Sequence[TrustedCard],
        trust: Callable[[Path], Sequence[TrustedCard]],
        revoke: Callable[[str], Sequence[TrustedCard]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnersDialog")
        self.setWindowTitle(_("Partners"))
        self._trust, self._revoke = trust, revoke
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("partnersTable")
        self.table.setAccessibleName(_("Trusted partners"))
        self.table.setHorizontalHeaderLabels([_("Name"), _("Fingerprint"), _("Trusted since")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.empty = QLabel(_("No partner is trusted yet. Ask each partner for their card."))
        add = QPushButton(_("&Trust a card…"))
        add.setObjectName("trustCard")
        add.clicked.connect(self._ask_trust)
        self.revoke_button = QPushButton(_("&Revoke"))
        self.revoke_button.setObjectName("revokeCard")
        self.revoke_button.clicked.connect(self._revoke_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.show_cards(cards)

    def show_cards(self, cards: Sequence[TrustedCard]) -> None:
        self.cards = list(cards)
        self.table.setRowCount(len(self.cards))
        for row, card in enumerate(self.cards):
            since = locale_format.day(card.trusted_at.date())
            for column, text in enumerate((card.name, grouped(card.key_id), since)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.cards)
        self.revoke_button.setEnabled(bool(self.cards))

    def _ask_trust(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Trust a card"), "", _("Contact cards (*.card);;All files (*)")
        )
        if path:
            self.show_cards(self._trust(Path(path)))

    def _revoke_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.cards):
            self.show_cards(self._revoke(self.cards[row].key_id))
