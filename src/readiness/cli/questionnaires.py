"""Commands about questionnaire files: ``validate``, ``questionnaires``, ``score``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readiness.cli.common import Commands, Parser, open_workspace, print_json
from readiness.i18n import _


def cmd_validate(args: argparse.Namespace) -> int:
    from readiness.questionnaire.files import file_problem
    from readiness.questionnaire.loader import validate_file

    failed = 0
    for name in args.paths:
        path = Path(name)
        if problem := file_problem(path):
            print(f"{name}:1: (file): {problem}", file=sys.stderr)
            failed += 1
            continue
        issues = validate_file(path, name)
        for issue in issues:
            print(issue, file=sys.stderr)
        if issues:
            failed += 1
        else:
            print(_("{name}: OK").format(name=name))
    if failed:
        print(
            _("{failed} of {total} file(s) have errors").format(
                failed=failed, total=len(args.paths)
            ),
            file=sys.stderr,
        )
    return 1 if failed else 0


def cmd_questionnaires(args: argparse.Namespace) -> int:
    from readiness.domain.model import localize
    from readiness.services import library
    from readiness.services.errors import UserError

    try:
        workspace = open_workspace(args)
    except UserError as exc:
        print(
            _("warning: installed questionnaires not listed: {reason}").format(reason=exc),
            file=sys.stderr,
        )
        workspace = None
    rows = [
        {
            "id": e.id,
            "version": e.version,
            "audience": e.loaded.questionnaire.audience,
            "title": localize(e.loaded.questionnaire.title),
            "path": str(e.path) if e.path else None,
            "source": e.source,
        }
        for e in library.available(workspace)
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            f"{row['id']:<28} {row['version']:<8} {row['audience']:<13} {row['source']:<10} "
            f"{row['title']}"
        )
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from readiness.services.results import score_json, score_lines
    from readiness.services.scoring import AnswersFileErrors, score_answers_file

    try:
        result = score_answers_file(
            Path(args.answers), Path(args.questionnaire) if args.questionnaire else None
        )
    except AnswersFileErrors as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        print(
            _(
                "{n} problem(s) in the answers file; fix them and run 'readiness score' again"
            ).format(n=len(exc.lines)),
            file=sys.stderr,
        )
        return 1
    if args.json:
        print_json(score_json(result))
    else:
        print("\n".join(score_lines(result)))
    return 0


def register(commands: Commands) -> None:
    p = commands.add("validate", help=_("check questionnaire files and list every error"))
    p.add_argument("paths", nargs="+", metavar="PATH", help=_("questionnaire files to check"))
    p.set_defaults(handler=cmd_validate)

    p = commands.add(
        "questionnaires", help=_("list questionnaires; install, author and convert them")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_questionnaires)
    from readiness.cli.library import register_actions

    register_actions(
        p.add_subparsers(
            dest="questionnaires_command",
            metavar="ACTION",
            required=False,
            parser_class=Parser,
            help=_("what to do with questionnaires (none: list them)"),
        )
    )

    p = commands.add("score", help=_("score an answers file"))
    p.add_argument("answers", metavar="ANSWERS", help=_("answers file (YAML or JSON)"))
    p.add_argument("--questionnaire", metavar="PATH", help=_("questionnaire file to score against"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_score)
