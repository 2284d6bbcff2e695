"""Where the built-in questionnaires and resources live, installed or in a source tree.

A wheel carries them as package data under ``readiness/builtin``; an editable install or a
plain checkout finds them at the repository root. Standard library only.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def builtin_questionnaires_dir() -> Path:
    """Folder holding the shipped questionnaire YAML files and schema.json."""
    return _first_existing(
        _PACKAGE_DIR / "builtin" / "questionnaires", _SOURCE_ROOT / "questionnaires"
    )


def resources_dir() -> Path:
    """Folder holding fonts, icons and translations."""
    return _first_existing(_PACKAGE_DIR / "builtin" / "resources", _SOURCE_ROOT / "resources")


def user_cache_dir() -> Path:
    """The user cache folder of the application, as platformdirs gives it; on Linux worked out
    directly (the XDG rule), since importing platformdirs costs more than what it is used for
    at start-up (the compiled catalogue, the start-up preview's questionnaire labels)."""
    import os
    import sys

    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "readiness"
    from platformdirs import user_cache_dir as platform_cache_dir

    return Path(platform_cache_dir("readiness", appauthor=False))
