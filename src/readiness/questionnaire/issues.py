"""One problem found in a file, located by line and by a path into the document."""

from __future__ import annotations

import re
from dataclasses import dataclass

Path = tuple[str | int, ...]

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def format_path(path: Path) -> str:
    """``("domains", 1, "questions", 3, "scale")`` -> ``domains[1].questions[3].scale``."""
    if not path:
        return "(document)"
    parts: list[str] = []
    for element in path:
        if isinstance(element, int):
            parts.append(f"[{element}]")
        elif _PLAIN_KEY.match(element):
            parts.append(f".{element}" if parts else element)
        else:
            parts.append(f'["{element}"]')
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Issue:
    file: str
    line: int | str  # a line number, or SHEET!CELL in an Excel workbook
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class FileProblems(Exception):
    """Raised when a file cannot be used; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = issues
