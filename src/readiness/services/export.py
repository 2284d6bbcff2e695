"""Export a report to PDF and/or Excel, each file written atomically.

A renderer writes into a temporary file beside the destination; only when it has finished, and
the bytes are on disk (fsync), does ``os.replace`` put the file in place. A failed or interrupted
export therefore never leaves half a file and never clobbers an older report of the same name.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO

from readiness.domain.report import Report
from readiness.i18n import _
from readiness.services.errors import UserError

Progress = Callable[[int, int, str], None]
Renderer = Callable[[IO[bytes], Progress | None], None]

STEPS_PER_FILE = 100
TEMP_SUFFIX = ".part"


class ExportError(UserError):
    """A report file could not be written (folder missing, no permission, disk full, or the
    renderer failed); the original exception is chained as ``__cause__``."""


def export_report(
    report: Report,
    pdf: str | os.PathLike[str] | None = None,
    xlsx: str | os.PathLike[str] | None = None,
    page_size: str = "A4",
    progress: Progress | None = None,
) -> list[Path]:
    """Write the requested files and return their paths, PDF first.

    ``progress(done, total, message)`` runs from 0 to ``total`` over all files. Files are
    written one after the other; if the second fails, the first is already complete.
    """
    jobs: list[tuple[Path, Renderer]] = []
    if pdf is not None:
        jobs.append((Path(pdf), _pdf_renderer(report, page_size)))
    if xlsx is not None:
        jobs.append((Path(xlsx), _xlsx_renderer(report)))
    if not jobs:
        raise UserError(_("nothing to export: give a PDF file, an Excel file or both"))
    if len(jobs) == 2 and _same_file(jobs[0][0], jobs[1][0]):
        raise UserError(
            _("the PDF and the Excel file must be different files: {path}").format(path=jobs[0][0])
        )
    for path, _render in jobs:
        _check_destination(path)

    total = STEPS_PER_FILE * len(jobs)
    written: list[Path] = []
    for index, (path, render) in enumerate(jobs):
        sub = _sub_progress(progress, index, total)
        write_atomically(path, lambda stream, render=render, sub=sub: render(stream, sub))
        written.append(path)
    if progress is not None:
        progress(total, total, _("Export finished"))
    return written


# The renderers are imported when needed, so a PDF export does not pay for loading openpyxl (and
# numpy with it) nor an Excel export for reportlab: a whole command-line export stays fast.


def _pdf_renderer(report: Report, page_size: str) -> Renderer:
    from readiness.reports import pdf as pdf_report

    try:
        pdf_report.resolve_page_size(page_size)
    except ValueError as exc:
        raise UserError(str(exc)) from exc

    def render(stream: IO[bytes], progress: Progress | None) -> None:
        pdf_report.render_pdf(report, stream, page_size=page_size, progress=progress)

    return render


def _xlsx_renderer(report: Report) -> Renderer:
    from readiness.reports import xlsx as xlsx_report

    def render(stream: IO[bytes], progress: Progress | None) -> None:
        xlsx_report.render_xlsx(report, stream, progress=progress)

    return render


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` with a binary stream whose bytes end up at ``path`` only on success."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp = folder / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    try:
        # O_EXCL: never follow or reuse an existing file; 0o666 lets the umask decide, as for
        # any file the user saves.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise ExportError(
            _("cannot write {path}: {error}").format(path=path, error=_reason(exc))
        ) from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temp)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, Exception):
            # One clear line for the user; the original stays chained for the log.
            reason = _reason(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
            raise ExportError(
                _("cannot write {path}: {error}").format(path=path, error=reason)
            ) from exc
        raise  # KeyboardInterrupt and friends: the temporary file is gone, the old file intact
    _sync_folder(folder)


def _keep_mode(path: Path, temp: Path) -> None:
    """Replacing a report keeps the permissions the user gave the old one."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _check_destination(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(_("cannot write {path}: it is a folder").format(path=path))
    if not folder.is_dir():
        raise ExportError(_("cannot write {path}: folder not found").format(path=path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _sub_progress(progress: Progress | None, index: int, total: int) -> Progress | None:
    """Map one renderer's own (done, total) onto this file's share of the whole export."""
    if progress is None:
        return None
    base = index * STEPS_PER_FILE

    def report(done: int, of: int, message: str) -> None:
        fraction = min(max(done / of, 0.0), 1.0) if of > 0 else 0.0
        progress(base + int(fraction * STEPS_PER_FILE), total, message)

    return report
