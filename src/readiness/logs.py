"""Log file in the user log folder: details of unexpected errors go here, not on screen."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

_configured = False


def log_path() -> Path:
    folder = os.environ.get("READINESS_LOG_DIR") or user_log_dir("readiness", appauthor=False)
    return Path(folder) / "readiness.log"


def logger() -> logging.Logger:
    global _configured
    log = logging.getLogger("readiness")
    if not _configured:
        _configured = True
        try:
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            log.addHandler(handler)
            log.setLevel(logging.INFO)
        except OSError:
            log.addHandler(logging.NullHandler())
    return log


def log_exception(exc: BaseException) -> Path:
    """Record an unexpected error with its traceback; returns where it went."""
    logger().error("unexpected error", exc_info=exc)
    return log_path()
