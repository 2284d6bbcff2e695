"""Questionnaire authoring use cases: the Excel template and YAML <-> XLSX conversion.

DESIGN section 2 ("Excel authoring"). Files are written to a temporary name beside the target
and renamed, so a failed conversion never leaves half a file; the input is fully validated
first and every problem is reported.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from readiness.i18n import _
from readiness.questionnaire.files import file_problem
from readiness.questionnaire.issues import FileProblems
from readiness.questionnaire.loader import is_workbook, load_file
from readiness.services.errors import UserError

_YAML_SUFFIXES = (".yaml", ".yml")


def _target(path: Path, force: bool, suffixes: tuple[str, ...]) -> Path:
    if path.suffix.lower() not in suffixes:
        raise UserError(
            _("{path}: the file name must end in {suffixes}").format(
                path=path, suffixes=" or ".join(suffixes)
            )
        )
    if path.is_dir() or str(path).endswith(os.sep):
        raise UserError(_("{path} is a folder; give a file name").format(path=path))
    if path.exists() and not force:
        raise UserError(_("{path} already exists; give --force to replace it").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("folder not found: {folder}").format(folder=path.parent))
    return path


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    fd, temporary = tempfile.mkstemp(prefix=".readiness-", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_template(path: Path, *, force: bool = False) -> Path:
    """Write the documented authoring workbook to ``path`` (``.xlsx``); returns the path.

    Raises UserError when ``path`` exists (unless ``force``), is a folder, or is not ``.xlsx``.
    """
    from readiness.questionnaire.xlsx_writer import write_template as write

    return _atomic(_target(path, force, (".xlsx",)), write)


class ConversionProblems(UserError):
    """The input has problems; ``issues`` lists every one, as `readiness validate` prints."""

    def __init__(self, problems: FileProblems) -> None:
        super().__init__(str(problems))
        self.issues = problems.issues


def convert(source: Path, target: Path, *, force: bool = False) -> Path:
    """Convert a questionnaire between YAML and Excel, losslessly; returns the written path.

    The input's format follows its suffix (``.xlsx`` or YAML) and the output is the other one.
    Raises ConversionProblems with every problem of an invalid input, UserError for a
    missing input or an unusable output name.
    """
    from readiness.questionnaire.canonical import canonical_text
    from readiness.questionnaire.yaml_source import parse

    if problem := file_problem(source):
        raise UserError(
            _("questionnaire file {path}: {problem}").format(path=source, problem=problem)
        )
    to_excel = not is_workbook(source)
    target = _target(target, force, (".xlsx",) if to_excel else _YAML_SUFFIXES)
    if target.resolve() == source.resolve():
        raise UserError(_("the output would replace the input; choose another name"))
    try:
        loaded = load_file(source)
    except FileProblems as exc:
        raise ConversionProblems(exc) from exc
    data = parse(loaded.source, track_lines=False).data
    if to_excel:
        from readiness.questionnaire.xlsx_writer import write_workbook

        return _atomic(target, lambda p: write_workbook(data, p))
    text = canonical_text(data)
    return _atomic(target, lambda p: p.write_text(text, encoding="utf-8"))
