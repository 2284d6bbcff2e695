"""No text is translated while a module loads (DESIGN section 11): a module-level or class-level
``_()`` would keep the language of whoever imported the module first, so ``--lang``, the
window's restart in another language or a test choosing French could never reach it."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "readiness"
TRANSLATORS = {"_", "ngettext"}


def _import_time_calls(tree: ast.AST) -> list[int]:
    """Lines of ``_()``/``ngettext()`` calls that run at import: outside any function body
    (module level, class bodies, default argument values and decorators included)."""
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for default in [*node.args.defaults, *node.args.kw_defaults]:
                if default is not None:
                    visit(default, in_function)
            for decorator in getattr(node, "decorator_list", []):
                visit(decorator, in_function)
            body = node.body if isinstance(node.body, list) else [node.body]
            for child in body:
                visit(child, True)
            return
        if (
            not in_function
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in TRANSLATORS
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(tree, False)
    return found


def test_no_message_is_translated_at_import_time():
    offenders = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{path.relative_to(SOURCE)}:{line}" for line in _import_time_calls(tree)]
    assert offenders == [], "translate inside a function (or mark with a no-op and translate later)"


def test_the_check_finds_module_class_and_default_argument_translations():
    code = (
        "TITLE = _('a')\n"
        "class C:\n    LABEL = ngettext('x', 'xs', 2)\n"
        "def f(text=_('b')):\n    return _('fine')\n"
        "g = lambda: _('fine too')\n"
    )
    assert _import_time_calls(ast.parse(code)) == [1, 3, 4]
