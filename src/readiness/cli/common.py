"""Helpers shared by the command modules: JSON output, the workspace, the command registry.

Each command module defines ``register(commands: Commands)`` and adds its sub-commands there;
handlers import the services they need inside the function, so ``--help`` and ``--version`` stay
fast (DESIGN section 6).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.services.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse with our wording; still exits 2 on a malformed command line."""


def print_json(value: Any) -> None:
    """Write ``value`` as indented UTF-8 JSON on stdout, followed by a newline."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace named by ``--db`` / ``READINESS_DB`` / ``READINESS_DATABASE_URL``."""
    from readiness.services.workspace import Workspace

    return Workspace.open(args.db)


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
                dest=f"{name}_command", metavar="ACTION", required=True, parser_class=Parser
            )
        return self._groups[name]
