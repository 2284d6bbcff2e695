"""``readiness demo``: demo organisations and assessments."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_demo(args: argparse.Namespace) -> int:
    from readiness.services.demo import seed

    workspace = open_workspace(args)
    before = len(workspace.assessments())
    interactive = sys.stderr.isatty()
    for done, total, message in seed(workspace):
        if interactive:
            print(f"\r[{done:>3}/{total}] {message:<60}", end="", file=sys.stderr, flush=True)
    if interactive:
        print(file=sys.stderr)
    created = len(workspace.assessments()) - before
    print(
        _("Demo data ready: {created} assessment(s) created, {total} in total ({db})").format(
            created=created, total=len(workspace.assessments()), db=workspace.path or "database"
        )
    )
    return 0


def register(commands: Commands) -> None:
    p = commands.add("demo", help=_("add demo organisations and assessments (idempotent)"))
    p.set_defaults(handler=cmd_demo)
