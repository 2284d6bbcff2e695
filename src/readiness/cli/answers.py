"""``readiness answer``: change one answer of an assessment (saved at once)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_answer(args: argparse.Namespace) -> int:
    if not any(value is not None for value in (args.option, args.na, args.text, args.comment)):
        print(
            "readiness answer: "
            + _("error: give OPTION, --na JUSTIFICATION, --text TEXT or --comment"),
            file=sys.stderr,
        )
        return 2
    workspace = open_workspace(args)
    workspace.change_answer(
        args.id,
        args.question,
        option=args.option,
        na=args.na,
        text=args.text,
        comment=args.comment,
    )
    return 0


def register(commands: Commands) -> None:
    p = commands.add("answer", help=_("answer one question (saved at once)"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("question", metavar="QUESTION", help=_("question id"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("option", metavar="OPTION", nargs="?", help=_("the chosen option's id"))
    group.add_argument("--na", metavar="JUSTIFICATION", help=_("not applicable, with why"))
    group.add_argument("--text", metavar="TEXT", help=_("free answer to a text question"))
    p.add_argument("--comment", metavar="TEXT")
    p.set_defaults(handler=cmd_answer)
