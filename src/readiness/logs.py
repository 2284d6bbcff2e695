"""Log file in the user log folder: details of unexpected errors go here, not on screen."""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

_configured: Path | None = None
_handler: logging.Handler | None = None


def log_path() -> Path:
    folder = os.environ.get("READINESS_LOG_DIR") or user_log_dir("readiness", appauthor=False)
    return Path(folder) / "readiness.log"


def logger() -> logging.Logger:
    """The app's logger, writing to ``log_path()`` (followed if the folder setting changes)."""
    global _configured, _handler
    log = logging.getLogger("readiness")
    path = log_path()
    if _configured != path:
        _configured = path
        if _handler is not None:
            log.removeHandler(_handler)
            _handler.close()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _handler = RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
            )
            _handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
        except OSError:
            _handler = logging.NullHandler()
        log.addHandler(_handler)
        log.setLevel(logging.INFO)
    return log


def log_exception(exc: BaseException) -> Path:
    """Record an unexpected error; returns where it went.

    The entry holds each chained exception's class and where it was raised (file, line,
    function), never its message: messages carry user data (a driver error quotes the SQL
    parameters, i.e. the user's own answers and comments). A database statement is recorded
    by its shape only (literals replaced by ``?``).
    """
    logger().error("unexpected error\n%s", describe(exc))
    return log_path()


def describe(exc: BaseException) -> str:
    """``exc`` and its causes as class names and stack frames, without any message text."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 10:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        statement = getattr(current, "statement", None)
        if isinstance(statement, str):
            from readiness.storage.faults import statement_shape

            lines.append(f"  statement: {statement_shape(statement)}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\n".join(lines)
