"""Partnership Readiness: how ready companies and defence units are to cooperate in a crisis."""

from __future__ import annotations

import functools


@functools.cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("partnership-readiness")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: the metadata scan slows every start."""
    if name == "__version__":
        return _version()
    raise AttributeError(name)
