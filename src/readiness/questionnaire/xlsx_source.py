"""Read an Excel authoring workbook into the same plain data a YAML questionnaire gives.

The layout is described in `xlsx_layout` (DESIGN section 2, "Excel authoring"). Every value
keeps the cell it came from, so the loader reports problems as ``FILE:SHEET!CELL: path:
message``. Workbooks are untrusted: the zip is checked (size, member count, compression ratio)
before openpyxl sees it, sheets are streamed in read-only mode with row and column caps, and
formulas, merged cells and hidden sheets are refused rather than guessed at.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from readiness.i18n import _
from readiness.questionnaire import xlsx_layout as layout
from readiness.questionnaire.issues import Path

MAX_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200
MAX_ROWS = 5_000
MAX_COLUMNS = 300

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Z]+[0-9]+)")


class XlsxProblem(Exception):
    """The workbook cannot be read at all; ``cell`` locates it when known."""

    def __init__(self, message: str, cell: str = "") -> None:
        super().__init__(message)
        self.cell = cell


@dataclass
class WorkbookDocument:
    """Plain questionnaire data, the cell behind each path, and problems found while reading."""

    data: dict[str, Any]
    cells: dict[Path, str] = field(default_factory=dict)
    problems: list[tuple[str, Path, str]] = field(default_factory=list)

    def cell(self, path: Path) -> str:
        """``SHEET!CELL`` of ``path``, or of its closest ancestor that has one."""
        while path:
            found = self.cells.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.cells.get((), "settings!A1")


@dataclass
class _Row:
    sheet: str
    number: int
    values: dict[str, Any]
    columns: dict[str, str]

    def cell(self, column: str) -> str:
        return f"{self.sheet}!{self.columns.get(column, 'A')}{self.number}"


def _check_zip(path: FsPath) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise XlsxProblem(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    if size > MAX_BYTES:
        raise XlsxProblem(
            _("file is {size:.1f} MB; questionnaire workbooks may be at most 10 MB").format(
                size=size / 1024 / 1024
            )
        )
    if not zipfile.is_zipfile(path):
        raise XlsxProblem(_("not an Excel workbook (.xlsx): the file is not a zip archive"))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise XlsxProblem(_("damaged Excel workbook: {reason}").format(reason=exc)) from exc
    if len(members) > MAX_MEMBERS:
        raise XlsxProblem(
            _("the workbook has {n} parts; at most {cap} are allowed").format(
                n=len(members), cap=MAX_MEMBERS
            )
        )
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total / packed > MAX_RATIO:
        raise XlsxProblem(
            _(
                "the workbook unpacks to {ratio:.0f}× its size: refused as a possible zip bomb"
            ).format(ratio=total / packed)
        )
    if total > MAX_UNCOMPRESSED:
        raise XlsxProblem(
            _(
                "the workbook unpacks to {size:.0f} MB; questionnaire workbooks may unpack to at "
                "most {cap} MB (thousands of rows more than any questionnaire needs)"
            ).format(size=total / 1024 / 1024, cap=MAX_UNCOMPRESSED // (1024 * 1024))
        )


def _merged_cells(path: FsPath, worksheet_path: str) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(worksheet_path.lstrip("/"))
        except KeyError:
            return []
    return [m.decode() for m in _MERGE.findall(xml)]


def _text(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip("\r\n")
        return value if value.strip() else None
    return value


def _sheet_rows(
    path: FsPath, worksheet: Any, name: str, problems: list[tuple[str, Path, str]]
) -> list[_Row]:
    """Rows under the header as column-name -> value, blank rows skipped."""
    for ref in _merged_cells(path, getattr(worksheet, "_worksheet_path", "")):
        problems.append(
            (f"{name}!{ref}", (), _("merged cells are not read: unmerge them and fill each cell"))
        )
    rows: list[_Row] = []
    header: list[str | None] = []
    letters: dict[str, str] = {}
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            problems.append(
                (
                    f"{name}!A{number}",
                    (),
                    _("more than {cap} rows: a questionnaire sheet may have at most {cap}").format(
                        cap=MAX_ROWS
                    ),
                )
            )
            break
        if len(cells) > MAX_COLUMNS:
            cells = cells[:MAX_COLUMNS]
        if number == 1:
            for index, cell in enumerate(cells):
                title = _text(cell.value)
                if title is None:
                    header.append(None)
                    continue
                title = str(title).strip()
                letter = layout.column_letter(index)
                if title in letters:
                    problems.append(
                        (
                            f"{name}!{letter}1",
                            (),
                            _("column '{column}' appears twice (also in column {other})").format(
                                column=title, other=letters[title]
                            ),
                        )
                    )
                    header.append(None)
                    continue
                letters[title] = letter
                header.append(title)
            continue
        values: dict[str, Any] = {}
        for index, cell in enumerate(cells):
            value = _text(cell.value)
            if value is None:
                continue
            letter = layout.column_letter(index)
            if getattr(cell, "data_type", None) == "f" or (
                isinstance(value, str) and value.startswith("=")
            ):
                problems.append(
                    (
                        f"{name}!{letter}{number}",
                        (),
                        _("formulas are not read: type the value itself"),
                    )
                )
                continue
            column = header[index] if index < len(header) else None
            if column is None:
                problems.append(
                    (
                        f"{name}!{letter}{number}",
                        (),
                        _("a value in a column with no heading in row 1"),
                    )
                )
                continue
            values[column] = value
        if values:
            rows.append(_Row(name, number, values, letters))
    return rows


def read_workbook(path: FsPath) -> WorkbookDocument:
    """Read ``path`` as an authoring workbook.

    Raises XlsxProblem when the file cannot be read as a workbook at all; problems of content
    (unknown sheets, formulas, merged cells, conflicting domain fields) are collected in
    ``problems`` with their cell, next to whatever data could be read.
    """
    _check_zip(path)
    import openpyxl  # deferred: only Excel authoring pays for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise XlsxProblem(
            _("damaged Excel workbook: {kind}").format(kind=type(exc).__name__)
        ) from exc
    problems: list[tuple[str, Path, str]] = []
    sheets: dict[str, list[_Row]] = {}
    try:
        for worksheet in workbook.worksheets:
            name = worksheet.title.strip().lower()
            if getattr(worksheet, "sheet_state", "visible") != "visible":
                problems.append(
                    (
                        f"{worksheet.title}!A1",
                        (),
                        _("hidden sheet: unhide it or delete it (hidden content is not read)"),
                    )
                )
                continue
            if name in layout.IGNORED_SHEETS:
                continue
            if name not in layout.SHEETS:
                problems.append(
                    (
                        f"{worksheet.title}!A1",
                        (),
                        _("unknown sheet '{sheet}' (known: {known})").format(
                            sheet=worksheet.title,
                            known=", ".join((*layout.SHEETS, *layout.IGNORED_SHEETS)),
                        ),
                    )
                )
                continue
            sheets[name] = _sheet_rows(path, worksheet, name, problems)
    finally:
        workbook.close()
    from readiness.questionnaire.xlsx_data import assemble

    document = WorkbookDocument({}, {}, problems)
    assemble(sheets, document)
    return document
