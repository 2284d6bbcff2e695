"""Find or make the compiled catalogue (``.mo``) of one language (DESIGN section 11).

Where the compiled catalogue comes from, first match wins:
1. ``resources/locale/LANG/LC_MESSAGES/readiness.mo`` when there is no ``.po`` beside it or the
   ``.mo`` is not older than the ``.po`` (an installed wheel ships the ``.mo`` only; a developer
   may run ``python scripts/catalogue.py compile``);
2. the user cache folder, ``readiness/locale/LANG-PLACE-SIZE-MTIME.mo`` (PLACE: a CRC of the
   ``.po``'s resolved path, so two checkouts never share a file): two ``stat`` calls tell
   whether it is current, without reading or hashing the ``.po``;
3. otherwise the ``.po`` is compiled with Babel (fuzzy entries left out, as msgfmt does) and the
   result written to that cache file atomically (write, then rename), so concurrent first
   starts never read half a file. A cache folder that cannot be written costs a compile per start,
   never an error.
A language with no catalogue at all, or a ``.po`` that cannot be read, falls back to the English
source text (logged, never shown: a broken catalogue must not stop the command line).
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
import zlib
from pathlib import Path

from readiness.paths import resources_dir, user_cache_dir

DOMAIN = "readiness"


def catalogue_paths(language: str) -> tuple[Path, Path]:
    """(``.po``, ``.mo``) paths of ``language`` among the resources (they need not exist)."""
    folder = resources_dir() / "locale" / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


_cache_root = user_cache_dir


def cache_file(po: Path, language: str) -> Path:
    """The user-cache file that holds ``po`` compiled (for this path, size and mtime)."""
    stat = po.stat()
    place = zlib.crc32(str(po.resolve()).encode("utf-8", "surrogateescape"))
    return _cache_root() / "locale" / f"{language}-{place:08x}-{stat.st_size}-{stat.st_mtime_ns}.mo"


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of ``po`` (Babel; fuzzy entries left out). Raises OSError or Babel's
    errors on a file it cannot read."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compiled_catalogue(language: str) -> bytes | Path | None:
    """The compiled catalogue of ``language``: a current ``.mo`` file's path, fresh ``.mo``
    bytes when it could not be cached, or None when the language has no catalogue."""
    po, mo = catalogue_paths(language)
    po_time, mo_time = _mtime(po), _mtime(mo)
    if mo_time is not None and (po_time is None or mo_time >= po_time):
        return mo
    if po_time is None:
        return None
    cached = cache_file(po, language)
    if cached.is_file():
        return cached
    data = compile_po(po)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, cached)
    except OSError:
        return data
    _forget_older(cached)
    return cached


def _forget_older(current: Path) -> None:
    """Remove the files compiled from earlier states of the same ``.po`` (same language and
    place): each edit of a catalogue would otherwise leave one behind."""
    prefix = current.name.rsplit("-", 2)[0]
    for old in current.parent.glob(f"{prefix}-*.mo"):
        if old != current:
            with contextlib.suppress(OSError):
                old.unlink()


def load_translations(language: str) -> gettext.NullTranslations:
    """GNU translations for ``language``; English source text when anything is missing."""
    try:
        found = compiled_catalogue(language)
        if found is None:
            return gettext.NullTranslations()
        if isinstance(found, Path):
            with found.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        return gettext.GNUTranslations(io.BytesIO(found))
    except Exception as exc:  # a broken catalogue must never stop the program
        import logging  # the app's "readiness" logger; readiness.logs would break the layers

        logging.getLogger("readiness").warning(
            "translation catalogue %s unusable: %s", language, type(exc).__name__
        )
        return gettext.NullTranslations()
