"""Numbers and dates written for the language in use (DESIGN section 11), for reports and window.

English keeps the forms the product has always shown (``47.5``, ``2026-11-29 18:45 UTC``,
ISO dates, which read the same in every English-speaking country); every other language is
formatted with Babel's locale data (French: ``47,5``, ``29/11/2026 18:45 UTC``). Babel is
imported on the first non-English call only, so English costs nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from readiness.i18n import SOURCE_LANGUAGE, current_language


@cache
def _locale(language: str) -> Any:
    from babel import Locale

    return Locale.parse(language)


def _lang(language: str | None) -> str:
    return language or current_language()


def decimal(value: float, digits: int = 1, language: str | None = None) -> str:
    """``value`` with exactly ``digits`` decimals: ``47.5`` / ``47,5``; thousands grouped
    (``1 234,5``) outside English. ``-0.0`` is written ``0.0``."""
    value = float(value)
    if value == 0:
        value = 0.0
    lang = _lang(language)
    if lang == SOURCE_LANGUAGE:
        return f"{value:.{digits}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(round(value, digits), format=pattern, locale=_locale(lang))


def integer(value: int, language: str | None = None) -> str:
    """A count: ``1234`` / ``1 234`` (grouped outside English)."""
    if _lang(language) == SOURCE_LANGUAGE:
        return str(int(value))
    return decimal(value, 0, language)


def percent(value: float, digits: int = 1, language: str | None = None) -> str:
    """``value`` (already in percent, 0-100) as ``47.5 %`` / ``47,5 %`` (no-break space)."""
    return f"{decimal(value, digits, language)}\u00a0%"


def share(fraction: float, language: str | None = None) -> str:
    """A fraction (0-1) as a whole percentage in a list or a status line: ``47%`` in English,
    ``47 %`` (no-break space) in French, as each language writes it."""
    whole = round(fraction * 100)
    if _lang(language) == SOURCE_LANGUAGE:
        return f"{whole}%"
    return percent(whole, 0, language)


def day(value: date, language: str | None = None) -> str:
    """A date: ``2026-11-29`` / ``29/11/2026``."""
    lang = _lang(language)
    if lang == SOURCE_LANGUAGE:
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, format="dd/MM/y", locale=_locale(lang))


def moment(value: datetime, language: str | None = None) -> str:
    """A date and time to the minute, with its offset when it has one:
    ``2026-11-29 18:45 UTC`` / ``29/11/2026 18:45 UTC``; ``+01:00`` for other offsets."""
    text = f"{day(value.date(), language)} {value.strftime('%H:%M')}"
    if value.utcoffset() is not None:
        offset = value.strftime("%z")
        text += " UTC" if offset == "+0000" else f" {offset[:3]}:{offset[3:]}"
    return text
