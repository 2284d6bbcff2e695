"""``readiness gui`` (and ``readiness`` with no command): open the window."""

from __future__ import annotations

import argparse

from readiness.cli.common import Commands
from readiness.i18n import _


def cmd_gui(args: argparse.Namespace) -> int:
    from readiness.ui.launch import launch

    return launch(args.db)


def register(commands: Commands) -> None:
    p = commands.add("gui", help=_("open the window"))
    p.set_defaults(handler=cmd_gui)
