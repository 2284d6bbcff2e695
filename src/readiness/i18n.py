"""The one translation function every user-visible string goes through (DESIGN section 11).

Languages: English (the source language, no catalogue) and French. The language is chosen, in
this order: ``--lang`` (the command line calls :func:`set_language` before it imports any
command module), ``READINESS_LANG``, the system locale when it is one we have, then English.
The window may put its own remembered choice between ``READINESS_LANG`` and the system locale
(see :func:`language_source`).

Catalogues live at ``resources/locale/LANG/LC_MESSAGES/readiness.po``. An installed wheel carries
the compiled ``readiness.mo`` beside it (the hatch build hook compiles it); a source checkout
compiles the ``.po`` with Babel on first use into the user cache folder, under a name keyed by
the ``.po``'s path, size and modification time, so a later start only looks at two ``stat``
results (:mod:`readiness.catalogue_cache`). English loads nothing: no catalogue, no Babel.
Standard library only, so every layer (domain included) may use it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "readiness"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "fr")
"""Every language the product speaks, source language first."""

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
"""Each language's name in that language (never translated: a reader must find their own)."""

ENV_VARIABLE = "READINESS_LANG"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None
_source = "default"
_translations: gettext.NullTranslations | None = None


_WINDOWS_NAMES = {"french": "fr", "english": "en"}
"""Windows' locale names (``French_France``, as Python's locale module gives them there)."""


def normalise(value: str | None) -> str | None:
    """``"fr_FR.UTF-8"``, ``"FR"``, ``"fr-CA"``, ``"French_France"`` -> ``"fr"``; None when
    we do not have it."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    code = _WINDOWS_NAMES.get(code, code)
    return code if code in LANGUAGES else None


def system_language(environ: dict[str, str] | os._Environ[str] | None = None) -> str | None:
    """The system locale's language when we have it, else None.

    As gettext does, the first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set decides; ``C``/``POSIX`` mean no preference. With
    none set (Windows, macOS apps), Python's own locale is asked.
    """
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = env.get(name)
        if not value:
            continue
        for item in value.split(":"):
            if (found := normalise(item)) is not None:
                return found
        return None
    if environ is not None:
        return None
    import locale

    try:
        code = locale.getlocale()[0]
    except ValueError:
        return None
    return normalise(code)


def choose_language(
    option: str | None = None, environ: dict[str, str] | os._Environ[str] | None = None
) -> tuple[str, str]:
    """(language, source) by the DESIGN section 11 order; source is ``"option"``,
    ``"environment"``, ``"locale"`` or ``"default"``. ``option`` must already be known
    (:func:`check_language`); an unknown ``READINESS_LANG`` falls through to the locale."""
    env = os.environ if environ is None else environ
    if option:
        return check_language(option), "option"
    if (chosen := normalise(env.get(ENV_VARIABLE))) is not None:
        return chosen, "environment"
    if (chosen := system_language(environ)) is not None:
        return chosen, "locale"
    return SOURCE_LANGUAGE, "default"


def check_language(value: str) -> str:
    """The language code for ``value`` (``fr``, ``FR``, ``fr_FR``...).

    Raises ValueError with a message a person can read when we do not have that language.
    """
    code = normalise(value)
    if code is None:
        raise ValueError(
            _("unknown language {value!r} (available: {known})").format(
                value=value, known=", ".join(LANGUAGES)
            )
        )
    return code


def available_languages() -> tuple[str, ...]:
    """Language codes the product speaks, English first."""
    return LANGUAGES


def current_language() -> str:
    """The language in use (``"en"`` or ``"fr"``), chosen on first need if nobody set it."""
    if _language is None:
        _init()
    assert _language is not None
    return _language


def language_source() -> str:
    """Where the current language came from: ``option`` (``--lang`` or a call to
    :func:`set_language`), ``environment`` (``READINESS_LANG``), ``locale`` or ``default``."""
    if _language is None:
        _init()
    return _source


def set_language(language: str, source: str = "option") -> None:
    """Use ``language`` from now on (raises ValueError when we do not have it).

    Text already shown or built keeps its language: the window offers a restart instead.
    """
    global _language, _source, _translations
    code = check_language(language)
    if code != _language:
        _translations = None
    _language, _source = code, source


def reset_language() -> None:
    """Choose again from the environment and the locale, as at start (each command line run
    that has no ``--lang``; tests)."""
    global _language, _translations
    _language, _translations = None, None


def _init() -> None:
    global _language, _source
    _language, _source = choose_language()


def _load() -> gettext.NullTranslations:
    global _translations
    language = current_language()
    if language == SOURCE_LANGUAGE:
        import gettext

        _translations = gettext.NullTranslations()
    else:
        from readiness.catalogue_cache import load_translations

        _translations = load_translations(language)
    return _translations


def _(message: str) -> str:
    """Translate a user-visible message into the current language."""
    return (_translations or _load()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on a count."""
    return (_translations or _load()).ngettext(singular, plural, n)
