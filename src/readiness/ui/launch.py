"""Start the window: preflight checks first, then the Qt application (ui/app_main.py).

This module imports no Qt: the command line calls :func:`launch` from ``readiness gui``, and
the preflight checks must run (and be able to refuse) before Qt loads. The Qt part is loaded
with ``importlib`` at run time, so the command line module never depends on Qt statically
(see the import-linter contract "Only the ui package imports Qt").
"""

from __future__ import annotations

import importlib
from pathlib import Path

from readiness.ui import preflight

BENCH_ENV = "READINESS_BENCH_EXIT_ON_SHOW"
SHOWN_MARKER = "READINESS_WINDOW_SHOWN"
PREVIEW_MARKER = "READINESS_WINDOW_PREVIEW"
READY_MARKER = "READINESS_WINDOW_READY"


def launch(db: str | Path | None = None) -> int:
    """Open the window on database ``db`` (None: the default); returns the exit code."""
    code = preflight.run()
    if code:
        return code
    app_main = importlib.import_module("readiness.ui.app_main")
    return int(app_main.run(db))
