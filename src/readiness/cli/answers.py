"""``readiness answer``: change one answer of an assessment (saved at once)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_answer(args: argparse.Namespace) -> int:
    given = (args.option, args.na, args.text, args.comment, args.evidence, args.flag)
    if not any(value is not None for value in given):
        print(
            "readiness answer: "
            + _(
                "error: give OPTION, --na JUSTIFICATION, --text TEXT, --comment, --evidence, "
                "--flag or --unflag"
            ),
            file=sys.stderr,
        )
        return 2
    from readiness.services.answer_lines import resolve_question, saved_line

    workspace = open_workspace(args)
    assessment = workspace.assessment(args.id)
    question = resolve_question(workspace.questionnaire_of(assessment).questionnaire, args.question)
    workspace.change_answer(  # one transaction, one history entry (DESIGN section 4)
        assessment.id,
        question,
        option=args.option,
        na=args.na,
        text=args.text,
        comment=args.comment,
        evidence=args.evidence,
        flagged=args.flag,
    )
    print(saved_line(workspace.state(assessment.id), question))
    return 0


def register(commands: Commands) -> None:
    p = commands.add("answer", help=_("answer one question (saved at once)"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument(
        "question", metavar="QUESTION", help=_("question id or number as the window shows it (2.5)")
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument("option", metavar="OPTION", nargs="?", help=_("the chosen option's id"))
    group.add_argument("--na", metavar="JUSTIFICATION", help=_("not applicable, with why"))
    group.add_argument("--text", metavar="TEXT", help=_("free answer to a text question"))
    p.add_argument("--comment", metavar="TEXT", help=_("comment to keep with the answer"))
    p.add_argument(
        "--evidence",
        metavar="KIND:REFERENCE@YYYY-MM-DD",
        help=_(
            "what backs the answer: KIND is document, record, exercise or partner_confirmation, "
            "e.g. exercise:AAR 2026-03 p.4@2026-03-20"
        ),
    )
    flags = p.add_mutually_exclusive_group()
    flags.add_argument(
        "--flag", dest="flag", action="store_const", const=True, help=_("flag for review")
    )
    flags.add_argument(
        "--unflag", dest="flag", action="store_const", const=False, help=_("remove the flag")
    )
    p.set_defaults(handler=cmd_answer)
