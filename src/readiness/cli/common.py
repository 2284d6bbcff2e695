"""Helpers shared by the command modules: JSON output, the workspace, the command registry.

Each command module defines ``register(commands: Commands)`` and adds its sub-commands there;
handlers import the services they need inside the function, so ``--help`` and ``--version`` stay
fast (DESIGN section 6).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from readiness.i18n import _

if TYPE_CHECKING:
    from readiness.services.quick import QuickView
    from readiness.services.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


PATH_METAVARS = ("PATH", "FILE", "ANSWERS", "CARD", "IN", "OUT", "DIR", "URL")
"""Arguments whose metavar holds one of these words name files: any bytes the file system
accepts are allowed there; every other text argument must be valid Unicode."""


class Parser(argparse.ArgumentParser):
    """argparse with our wording; still exits 2 on a malformed command line.

    Two rules on top of argparse (DESIGN section 6):
    - an option that takes one value takes the next argument whatever it looks like, as
      getopt does: ``--comment "-2 after the drill"`` or ``--title -x`` work without ``=``;
    - every text argument that does not name a file is checked for bytes that are not UTF-8
      (one clear line naming the option, before anything runs).
    """

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        given = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(_join_option_values(self, given), namespace)
        _check_texts(self, parsed)
        return parsed, extras


def _takes_one_value(action: argparse.Action) -> bool:
    return (
        bool(action.option_strings)
        and action.nargs is None
        and isinstance(action, argparse._StoreAction | argparse._AppendAction)
    )


def _join_option_values(parser: argparse.ArgumentParser, args: list[str]) -> list[str]:
    """``[--opt, VALUE]`` becomes ``[--opt=VALUE]`` for every option of ``parser`` that takes
    one value, up to ``--`` or (in a parser with sub-commands) up to the sub-command's name."""
    options = {s for a in parser._actions if _takes_one_value(a) for s in a.option_strings}
    has_commands = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    joined: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--" or (has_commands and not arg.startswith("-")):
            return joined + args[index:]
        if arg in options and index + 1 < len(args):
            joined.append(f"{arg}={args[index + 1]}")
            index += 2
            continue
        joined.append(arg)
        index += 1
    return joined


def _check_texts(parser: argparse.ArgumentParser, parsed: argparse.Namespace) -> None:
    from readiness.services.errors import UserError
    from readiness.services.text_input import checked_text

    for action in parser._actions:
        metavar = action.metavar if isinstance(action.metavar, str) else ""
        if any(word in metavar for word in PATH_METAVARS):
            continue
        value = getattr(parsed, action.dest, None)
        values = value if isinstance(value, list) else [value]
        field = action.option_strings[-1] if action.option_strings else metavar or action.dest
        try:
            for item in values:
                if isinstance(item, str):
                    checked_text(item, field)
        except UserError as exc:
            parser.exit(1, _("error: {message}").format(message=exc) + "\n")


_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def terminal_safe(text: str) -> str:
    """``text`` with control characters (other than line breaks and tabs) and bidirectional
    controls written as escapes (``\\x1b``, ``\\u202e``): an error line may quote what the
    user typed, and a terminal must show it, not obey it (ANSI sequences, reordered text)."""
    import unicodedata

    def safe(char: str) -> str:
        if char in "\n\t":
            return char
        if char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            code = ord(char)
            return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
        return char

    return "".join(safe(char) for char in text)


def print_json(value: Any) -> None:
    """Write ``value`` as indented UTF-8 JSON on stdout, followed by a newline."""
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


_OPENED: list[Any] = []  # Workspaces to close


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace named by ``--db`` / ``READINESS_DB`` / ``READINESS_DATABASE_URL``.

    It is closed by :func:`fast_exit` (or when the process ends)."""
    from readiness.services.workspace import Workspace

    workspace = Workspace.open(args.db)
    _OPENED.append(workspace)
    return workspace


def open_quick_view(args: argparse.Namespace) -> QuickView | None:
    """A read-only view of the database without SQLAlchemy (``services/quick.py``), or None
    when the command must open the Workspace. Closed by :func:`fast_exit`."""
    from readiness.services.quick import open_quick

    view = open_quick(args.db)
    if view is not None:
        _OPENED.append(view)
    return view


def fast_exit(code: int) -> None:
    """Flush the output, close the databases and logs, and end the process with ``code`` at
    once, without the interpreter's teardown (unless ``READINESS_SLOW_EXIT`` is set)."""
    while _OPENED:
        try:
            _OPENED.pop().close()
        except Exception:  # closing is best effort; the data is already committed
            code = code or 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with the stream closed (`>&-`): nothing to flush
            continue
        with contextlib.suppress(BrokenPipeError, ValueError, OSError):
            stream.flush()
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    if os.environ.get("READINESS_SLOW_EXIT"):
        return
    os._exit(code)


class Commands:
    """The top-level sub-command registry, with shared groups such as ``org`` or ``assessment``.

    Several modules may add actions to one group: ``commands.group("assessment", help)`` returns
    the same sub-parsers object every time it is asked for that name.
    """

    def __init__(self, subparsers: Any) -> None:
        self._subparsers = subparsers
        self._groups: dict[str, Any] = {}

    def add(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A new top-level command, e.g. ``readiness export``."""
        return self._subparsers.add_parser(name, **kwargs)

    def group(self, name: str, help: str) -> Any:
        """The sub-parsers of a command group, e.g. ``readiness org ACTION``."""
        if name not in self._groups:
            parser = self._subparsers.add_parser(name, help=help)
            self._groups[name] = parser.add_subparsers(
                dest=f"{name}_command",
                metavar="ACTION",
                required=True,
                parser_class=Parser,
                help=_("what to do with {group}").format(group=help),
            )
        return self._groups[name]
