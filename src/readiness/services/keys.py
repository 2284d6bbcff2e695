"""This workspace's keys and its partners' trusted cards (DESIGN section 8).

Where the keys live: a folder next to the database, named after it (``readiness.db`` ->
``readiness-keys/``), so ``--db`` / ``READINESS_DB`` keep each workspace's keys apart;
``READINESS_KEYS`` overrides the folder; a database behind a URL uses ``readiness-keys/`` in the
user data folder. The folder is 0700 and the key files 0600. Trusted cards (public parts only)
are stored in the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from readiness.exchange.errors import PackageError
from readiness.exchange.keys import Card, KeyFolder, parse_card
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import exchange as repo
from readiness.storage import location
from readiness.storage.exchange import TrustedCard


def key_folder_for(database_path: Path | None) -> Path:
    """The key folder of the workspace whose database file is ``database_path``."""
    if override := os.environ.get("READINESS_KEYS"):
        return Path(override).expanduser()
    if database_path is None:
        return location.default_path().parent / "readiness-keys"
    return database_path.parent / f"{database_path.stem}-keys"


class Keys:
    """Keys and trust of one workspace; every problem is a UserError of one line."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.folder = KeyFolder(key_folder_for(workspace.path))

    def card(self) -> Card:
        """This workspace's card, making the keys on first need."""
        try:
            return self.folder.card()
        except PackageError as exc:
            raise UserError(str(exc)) from exc

    def signing_key(self) -> bytes:
        try:
            return self.folder.signing_key()
        except PackageError as exc:
            raise UserError(str(exc)) from exc

    def identity(self) -> bytes:
        """The age identity (made on first need); PackageError when it cannot be read."""
        return self.folder.identity()

    def set_name(self, name: str) -> Card:
        try:
            self.folder.set_name(name)
        except PackageError as exc:
            raise UserError(str(exc)) from exc
        return self.card()

    def write_card(self, path: Path) -> Card:
        """Write this workspace's card (public parts only) to ``path``."""
        import json

        card = self.card()
        text = json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n"
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(
                _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
            ) from exc
        return card

    def read_card(self, path: Path) -> Card:
        try:
            with path.open("rb") as handle:
                data = handle.read(64 * 1024 + 1)
        except OSError as exc:
            raise UserError(
                _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)
            ) from exc
        try:
            return parse_card(data)
        except PackageError as exc:
            raise UserError(_("{file}: {problem}").format(file=path.name, problem=exc)) from exc

    def trust(self, path: Path, name: str | None = None) -> tuple[Card, bool]:
        """Record a partner's card as trusted; (the card, whether it was new)."""
        card = self.read_card(path)
        if name is not None and name.strip():
            card = Card(" ".join(name.split())[:200], card.key_id, card.public_key, card.recipient)
        with self.workspace._write() as session:
            new = repo.trust_card(session, card.key_id, card.name, card.public_key, card.recipient)
        return card, new

    def trusted(self) -> list[TrustedCard]:
        with self.workspace._read() as session:
            return repo.trusted_cards(session)

    def revoke(self, key_id: str) -> None:
        with self.workspace._write() as session:
            if not repo.revoke_card(session, key_id.strip().upper()):
                raise UserError(_("no trusted card with key id {key}").format(key=key_id))

    def is_trusted(self, key_id: str, public_key: str) -> bool:
        with self.workspace._read() as session:
            card = repo.trusted_card(session, key_id)
        return card is not None and card.public_key == public_key
