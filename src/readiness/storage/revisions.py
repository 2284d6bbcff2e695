"""What marks a database of ours: the SQLite application id, and the schema revisions this
version knows, in order; the last is head (DESIGN section 4).

Kept apart from ``database.py`` so that the command line's read path (``quick_read.py``) can
check a file's revision without importing SQLAlchemy. A test checks Alembic's chain agrees.
"""

from __future__ import annotations

APPLICATION_ID = 0x50524459  # "PRDY": marks SQLite files written by Partnership Readiness

REVISIONS = (
    "0001",
    "0002",
    "0003",
    "library",
    "portfolio",
    "upgrade",
    "evidence",
    "exchange",
    "trash",
)
HEAD = REVISIONS[-1]
