"""``readiness answer``: change one answer of an assessment (saved at once)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _, ngettext


def _usage_error(message: str) -> int:
    print("readiness answer: " + _("error: {message}").format(message=message), file=sys.stderr)
    return 2


def cmd_answer(args: argparse.Namespace) -> int:
    given = (args.option, args.na, args.text, args.comment, args.evidence, args.flag)
    if args.file is not None:
        if args.question is not None or any(value is not None for value in given):
            return _usage_error(_("--file takes the answers from the file: give only ID"))
        return _answer_file(args)
    if args.question is None:
        return _usage_error(_("give QUESTION, or --file ANSWERS"))
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
    from readiness.services.quick import quick_change_answer

    fields = {
        "option": args.option,
        "na": args.na,
        "text": args.text,
        "comment": args.comment,
        "evidence": args.evidence,
        "flagged": args.flag,
    }
    saved = quick_change_answer(args.db, args.id, args.question, fields)  # without SQLAlchemy
    if saved is not None:
        print(saved_line(*saved))
        return 0
    workspace = open_workspace(args)
    assessment = workspace.assessment(args.id)
    question = resolve_question(workspace.questionnaire_of(assessment).questionnaire, args.question)
    # one transaction, one history entry (DESIGN section 4)
    workspace.change_answer(assessment.id, question, **fields)
    print(saved_line(workspace.state(assessment.id), question))
    return 0


def _answer_file(args: argparse.Namespace) -> int:
    from pathlib import Path

    from readiness.domain.progress import progress
    from readiness.services.answers_batch import apply_answers_file

    workspace = open_workspace(args)
    changes = apply_answers_file(workspace, args.id, Path(args.file))
    figures = progress(workspace.state(args.id).result)
    print(
        ngettext("Saved {n} change", "Saved {n} changes", len(changes)).format(n=len(changes))
        + " · "
        + _("{done} of {total} answered").format(done=figures.done, total=figures.total)
    )
    return 0


def register(commands: Commands) -> None:
    p = commands.add(
        "answer", help=_("answer one question, or apply an answers file (saved at once)")
    )
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument(
        "question",
        metavar="QUESTION",
        nargs="?",
        help=_("question id or number as the window shows it (2.5)"),
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
    p.add_argument(
        "--file",
        metavar="ANSWERS",
        help=_(
            "apply an answers file (the form 'questionnaires score' reads) in one transaction: "
            "all its answers are saved, or none"
        ),
    )
    p.set_defaults(handler=cmd_answer)
