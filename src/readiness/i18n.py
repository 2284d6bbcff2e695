"""The one translation function every user-visible string goes through.

English is the source language; a French catalogue can be dropped into
``resources/locale/fr/LC_MESSAGES/readiness.mo`` later without touching callers.
Standard library only, so every layer (domain included) may use it.
"""

from __future__ import annotations

import gettext
import os

from readiness.paths import resources_dir

_DOMAIN = "readiness"


def _load() -> gettext.NullTranslations:
    languages = [lang for lang in (os.environ.get("READINESS_LANG"),) if lang]
    return gettext.translation(
        _DOMAIN,
        localedir=str(resources_dir() / "locale"),
        languages=languages or None,
        fallback=True,
    )


_translations = _load()


def _(message: str) -> str:
    """Translate a user-visible message (identity until a catalogue exists)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on a count."""
    return _translations.ngettext(singular, plural, n)
