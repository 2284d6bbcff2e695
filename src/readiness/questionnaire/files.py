"""Is this path a file we can read? One answer for every command that reads a questionnaire,
an answers file or a workbook (issue 8): a folder or a device is named as such, never reported
as "not found", and never read (a FIFO would block, /dev/zero would never end)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from readiness.i18n import _


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (one short phrase), or None when it is a regular
    file. Follows symbolic links."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return _("file not found")
    except NotADirectoryError:
        return _("file not found (a part of the path is a file, not a folder)")
    except OSError as exc:
        return _("cannot read the file: {reason}").format(reason=exc.strerror or exc)
    if stat.S_ISDIR(mode):
        return _("this is a folder, not a file")
    if not stat.S_ISREG(mode):
        return _("this is not a regular file (a device, pipe or socket)")
    return None
