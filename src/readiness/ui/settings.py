"""What the window remembers between runs: geometry, dock/splitter state, last assessment."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANISATION = "PartnershipReadiness"
APPLICATION = "readiness"


def set_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(_version())


def _version() -> str:
    from readiness import __version__

    return __version__


def _key_for(db_path: Path | None) -> str:
    import hashlib  # here: not needed to show the window

    text = str(db_path.resolve()) if db_path else "default"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Settings:
    """Thin typed access to an INI-format QSettings (its folder follows QSettings.setPath)."""

    def __init__(self) -> None:
        self._settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def save_splitter(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"splitters/{name}", state)

    def last_assessment(self, db_path: Path | None) -> str:
        value = self._settings.value(f"last_assessment/{_key_for(db_path)}", "")
        return value if isinstance(value, str) else ""

    def set_last_assessment(self, db_path: Path | None, assessment_id: str) -> None:
        self._settings.setValue(f"last_assessment/{_key_for(db_path)}", assessment_id)

    def last_page(self) -> str:
        value = self._settings.value("window/page", "")
        return value if isinstance(value, str) else ""

    def set_last_page(self, page: str) -> None:
        self._settings.setValue("window/page", page)

    # Export manners (issue 9 item 6): the last folder and marking, per kind (pdf, xlsx).
    def export_folder(self, kind: str) -> str:
        value = self._settings.value(f"export/{kind}/folder", "")
        return value if isinstance(value, str) else ""

    def export_marking(self, kind: str) -> str:
        value = self._settings.value(f"export/{kind}/marking", "")
        return value if isinstance(value, str) else ""

    def set_export(self, kind: str, folder: str, marking: str) -> None:
        self._settings.setValue(f"export/{kind}/folder", folder)
        self._settings.setValue(f"export/{kind}/marking", marking)

    # Contrast (issue 18): "system" (the default), "normal" or "high".
    def theme(self) -> str:
        value = self._settings.value("view/contrast", "system")
        return value if value in ("system", "normal", "high") else "system"

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("view/contrast", theme)

    def language(self) -> str:
        """The language last chosen in View > Language ('' when never chosen)."""
        value = self._settings.value("window/language", "")
        return value if isinstance(value, str) else ""

    def set_language(self, language: str) -> None:
        self._settings.setValue("window/language", language)

    def sync(self) -> None:
        self._settings.sync()

    def file_name(self) -> str:
        return self._settings.fileName()
