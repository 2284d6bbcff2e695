"""Export a report to PDF and/or Excel, each file written atomically.

A renderer writes into a temporary file beside the destination; only when it has finished, and
the bytes are on disk (fsync), does ``os.replace`` put the file in place. A failed or interrupted
export therefore never leaves half a file and never clobbers an older report of the same name.

Where a report may go (issue 8): never over an open database or its side files (under any name
that resolves to them, hard links included), never over another SQLite file; a symbolic link is
followed and its target replaced, the link kept; a device, pipe or socket (``/dev/stdout``) and
``-`` are refused, as is a name ending in ``/``. The renderer writes into memory first, so a full
disk fails on our own write (one line), never inside a half-closed ZIP. SIGTERM and SIGHUP
during the write remove the temporary file before the process ends.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from readiness.domain.report import Report
from readiness.i18n import _
from readiness.services.errors import UserError

Progress = Callable[[int, int, str], None]
Renderer = Callable[[IO[bytes], Progress | None], None]

STEPS_PER_FILE = 100
TEMP_SUFFIX = ".part"
NAME_MAX = 255
"""Bytes in one file name on common file systems (ext4, tmpfs, NTFS in UTF-16 units)."""
SQLITE_MAGIC = b"SQLite format 3\x00"


class ExportError(UserError):
    """A report file could not be written (folder missing, no permission, disk full, or the
    renderer failed); the original exception is chained as ``__cause__``. ``written`` lists
    the files of the same export that were written all the same."""

    written: list[Path]

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.written = []


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
        jobs.append((destination(pdf), _pdf_renderer(report, page_size)))
    if xlsx is not None:
        jobs.append((destination(xlsx), _xlsx_renderer(report)))
    if not jobs:
        raise UserError(_("nothing to export: give a PDF file, an Excel file or both"))
    if len(jobs) == 2 and _same_file(jobs[0][0], jobs[1][0]):
        raise UserError(
            _("the PDF and the Excel file must be different files: {path}").format(path=jobs[0][0])
        )

    total = STEPS_PER_FILE * len(jobs)
    written: list[Path] = []
    failures: list[ExportError] = []
    for index, (path, render) in enumerate(jobs):
        sub = _sub_progress(progress, index, total)
        try:
            write_atomically(path, lambda stream, render=render, sub=sub: render(stream, sub))
        except ExportError as exc:  # one failing format never stops the other
            failures.append(exc)
            continue
        written.append(path)
    if failures:
        error = ExportError(_("; ").join(str(f) for f in failures))
        error.written = written
        raise error from failures[0].__cause__
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
    """Call ``write`` with a binary stream whose bytes end up at ``path`` only on success.

    ``write`` fills a buffer in memory; the bytes then go to a temporary file beside ``path``
    (a name never longer than NAME_MAX), are synced, and replace ``path`` in one rename.
    Raises ExportError (one line, cause chained) for any failure; KeyboardInterrupt, SIGTERM and
    SIGHUP remove the temporary file and propagate.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp = folder / _temp_name(path.name)
    try:
        with _signals_interrupt():
            buffer = io.BytesIO()
            write(buffer)
            data = buffer.getbuffer()
            _write_file(temp, path, data)
            _keep_mode(path, temp)
            os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, Exception) and not isinstance(exc, ExportError):
            # One clear line for the user, never the error's own text (it may quote user data,
            # e.g. a layout error quotes the paragraph); the original stays chained for the log.
            reason = _reason(exc) if isinstance(exc, OSError) else type(exc).__name__
            raise ExportError(
                _("cannot write {path}: {error}").format(path=path, error=reason)
            ) from exc
        raise  # interrupted: the temporary file is gone, the old file intact
    _sync_folder(folder)


def _write_file(temp: Path, path: Path, data: memoryview) -> None:
    try:
        # O_EXCL: never follow or reuse an existing file; 0o666 lets the umask decide, as for
        # any file the user saves.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise ExportError(
            _("cannot write {path}: {error}").format(path=path, error=_reason(exc))
        ) from exc
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _temp_name(name: str) -> str:
    """A hidden temporary name beside ``name``, shortened so it fits in NAME_MAX bytes."""
    token = secrets.token_hex(6)
    candidate = f".{name}.{token}{TEMP_SUFFIX}"
    if len(os.fsencode(candidate)) <= NAME_MAX:
        return candidate
    return f".{token}{TEMP_SUFFIX}"


class _Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived while a report was being written."""


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """While a file is written: SIGTERM and SIGHUP end the process through an exception, so the
    temporary file is removed on the way out. Only the main thread can take signals; elsewhere
    (a window's worker) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]

    def stop(signum: int, _frame: object) -> None:
        raise _Terminated(128 + signum)

    previous = {number: signal.signal(number, stop) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


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


def destination(given: str | os.PathLike[str]) -> Path:
    """Where a report named ``given`` may be written: a regular file (or a new name) in an
    existing folder. A symbolic link gives its target (the link stays). Raises ExportError for
    ``-``, a name ending in ``/``, a folder, a device, pipe or socket, an open database or one of
    its side files (under any name), and any other SQLite file."""
    raw = os.fspath(given)
    if raw in ("", "-"):
        raise ExportError(
            _("'{name}' is not a file name: give the report a file name").format(name=raw)
        )
    if raw.endswith(("/", os.sep)):
        raise ExportError(
            _("cannot write {path}: a name ending in '/' is a folder; give a file name").format(
                path=raw
            )
        )
    path = Path(raw)
    if _is_stream(path):
        raise ExportError(
            _(
                "cannot write {path}: it names an open stream (such as standard output), not a "
                "file; give the report a file name"
            ).format(path=path)
        )
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        found = os.stat(target)
    except OSError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise ExportError(_("cannot write {path}: it is a folder").format(path=path))
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise ExportError(
            _("cannot write {path}: it is not a regular file (a device, pipe or socket)").format(
                path=path
            )
        )
    if _is_open_database(target):
        raise ExportError(
            _("cannot write {path}: it is the open database; choose another file name").format(
                path=path
            )
        )
    if found is not None and _starts_with(target, SQLITE_MAGIC):
        raise ExportError(
            _("cannot write {path}: it is a database, not a report; choose another name").format(
                path=path
            )
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(_("cannot write {path}: folder not found").format(path=path))
    return target


def _is_stream(path: Path) -> bool:
    """Whether ``path`` leads through a process's file-descriptor links (``/dev/stdout``,
    ``/dev/fd/N``, ``/proc/self/fd/N``): replacing what they point at would swap a file under a
    running program (the shell's redirection), so such names are refused, whatever they reach."""
    seen = 0
    current = Path(os.path.abspath(path))
    while seen < 40:
        parts = current.parts
        if len(parts) > 2 and parts[1] == "proc" and "fd" in parts[2:4] + parts[3:5]:
            return True
        if (
            len(parts) > 2
            and parts[1] == "dev"
            and (parts[2] in ("stdin", "stdout", "stderr", "fd"))
        ):
            return True
        if not current.is_symlink():
            return False
        link = Path(os.readlink(current))
        current = Path(os.path.normpath(current.parent / link))
        seen += 1
    return True  # a loop of links is no file to write either


def _is_open_database(target: Path) -> bool:
    from readiness.storage.database import open_files

    real = os.path.realpath(target)
    for protected in open_files():
        if os.path.realpath(protected) == real:
            return True
        with contextlib.suppress(OSError):
            if os.path.samefile(protected, target):  # a hard link to it
                return True
    return False


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


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
