"""Which SQLite file the user chose, found without SQLAlchemy (DESIGN section 4).

``location.resolve`` turns ``--db``, ``READINESS_DB``, ``READINESS_DATABASE_URL`` and the default
file into a database URL; the quick paths (``quick_read.py``, the window's start-up preview) only
need the file, before anything heavy is imported, and use :func:`database_file`.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_path() -> Path:
    """``readiness.db`` in the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("readiness", appauthor=False)) / "readiness.db"


def database_file(db: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file ``location.resolve`` would choose for ``db`` (``--db``), resolved; None
    for a database URL or an empty name (the full path then opens or refuses it)."""
    if db is not None:
        return Path(db).expanduser().resolve() if os.fspath(db).strip() else None
    if env_path := os.environ.get("READINESS_DB"):
        return Path(env_path).expanduser().resolve()
    if os.environ.get("READINESS_DATABASE_URL"):
        return None
    return default_path().resolve()
