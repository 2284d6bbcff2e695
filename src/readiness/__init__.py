"""Partnership Readiness: how ready companies and defence units are to cooperate in a crisis."""

from __future__ import annotations

import functools


@functools.cache
def _version() -> str:
    found = _version_from_dist_info()
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("partnership-readiness")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def _version_from_dist_info() -> str:
    """The installed version read straight from ``partnership_readiness-*.dist-info/METADATA``
    on ``sys.path`` (what importlib.metadata finds first, without importing it: about half of
    ``readiness --version`` went into that import); "" when not found."""
    import os
    import sys

    prefix = "partnership_readiness-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as f:
                        for line in f:
                            if line.startswith("Version:"):
                                return line.split(":", 1)[1].strip()
                            if not line.strip():
                                break
                except OSError:
                    continue
    return ""


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: the metadata scan slows every start."""
    if name == "__version__":
        return _version()
    raise AttributeError(name)
