"""Which modules the application's source imports, read from its syntax trees (no import runs).

Used by the PyInstaller spec (to exclude every Qt module the source never names) and by the
bundle checks (every module named here must be inside the bundle). Standard library only, so
the spec, ``build.py`` and the tests can all load it (DESIGN section 10).

What counts as an import of module ``m``:
- ``import m`` and ``from m import name`` (``m.name`` too when that is itself a module: the
  caller decides, see :func:`candidates`);
- a string constant ``"readiness.x.y"`` naming a module file of the source tree (the command
  modules and the window are loaded with ``importlib.import_module``);
- not an import under ``if TYPE_CHECKING:`` (never runs) and not ``__future__`` (a compiler
  directive).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

_DOTTED = re.compile(r"^readiness(\.[A-Za-z_][A-Za-z0-9_]*)+$")


def _module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except the bodies of ``if TYPE_CHECKING:`` blocks."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _resolve_relative(module: str | None, level: int, current: str, is_package: bool) -> str:
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_of(path: Path, src: Path, source_modules: set[str]) -> set[str]:
    """Dotted names ``path`` (a .py file under ``src``) imports; ``from m import n`` gives
    both ``m`` and ``m.n`` (the caller keeps ``m.n`` only when it is a module)."""
    current = _module_name(path, src)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module
            if node.level:
                module = _resolve_relative(module, node.level, current, is_package)
            if not module or module == "__future__":
                continue
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names if alias.name != "*")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _DOTTED.match(node.value)
            and node.value in source_modules
        ):
            found.add(node.value)
    return found


def source_files(src: Path) -> list[Path]:
    """Every .py file of the application under ``src`` (the folder holding ``readiness/``)."""
    return sorted((src / "readiness").rglob("*.py"))


def candidates(src: Path) -> set[str]:
    """All dotted names the source imports, plus every module of the source tree itself."""
    files = source_files(src)
    own = {_module_name(path, src) for path in files}
    found = set(own)
    for path in files:
        found |= imports_of(path, src, own)
    return found


def top_level(names: Iterable[str]) -> set[str]:
    """The first component of each dotted name."""
    return {name.split(".", 1)[0] for name in names}


def qt_modules(src: Path) -> set[str]:
    """The ``PySide6.QtX`` modules the source names (e.g. ``{"PySide6.QtCore", ...}``)."""
    return {
        ".".join(name.split(".")[:2])
        for name in candidates(src)
        if name.startswith("PySide6.Qt") and name.split(".")[1][2:3].isupper()
    }
