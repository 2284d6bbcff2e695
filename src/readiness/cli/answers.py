"""``readiness answer``: change one answer of an assessment (saved at once)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_answer(args: argparse.Namespace) -> int:
    given = (args.option, args.na, args.text, args.comment, args.evidence)
    if not any(value is not None for value in given):
        print(
            "readiness answer: "
            + _("error: give OPTION, --na JUSTIFICATION, --text TEXT, --comment or --evidence"),
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
        evidence=args.evidence,
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
    p.add_argument(
        "--evidence",
        metavar="KIND:REFERENCE@YYYY-MM-DD",
        help=_(
            "what backs the answer: KIND is document, record, exercise or partner_confirmation, "
            "e.g. exercise:AAR 2026-03 p.4@2026-03-20"
        ),
    )
    p.set_defaults(handler=cmd_answer)
