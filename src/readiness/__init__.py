"""Partnership Readiness: how ready companies and defence units are to cooperate in a crisis."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("partnership-readiness")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
