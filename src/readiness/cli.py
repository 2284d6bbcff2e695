"""The `readiness` command line (DESIGN section 6).

Exit codes: 0 success, 1 bad input or unknown id (one clear line on stderr), 2 malformed
command line (argparse). Never a traceback: unexpected errors are logged to a file and
summarised in one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.i18n import _
from readiness.services.errors import UserError

Handler = Callable[[argparse.Namespace], int]


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_validate(args: argparse.Namespace) -> int:
    from readiness.questionnaire.loader import validate_file

    failed = 0
    for name in args.paths:
        path = Path(name)
        if not path.is_file():
            print(f"{name}:1: (file): " + _("file not found"), file=sys.stderr)
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
    from readiness.services import catalog

    rows = [
        {
            "id": e.loaded.questionnaire.id,
            "version": e.loaded.questionnaire.version,
            "audience": e.loaded.questionnaire.audience,
            "title": localize(e.loaded.questionnaire.title),
            "path": str(e.path),
        }
        for e in catalog.builtin()
    ]
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        print(f"{row['id']:<28} {row['version']:<8} {row['audience']:<13} {row['title']}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from readiness.services.results import score_json, score_lines
    from readiness.services.scoring import score_answers_file

    result = score_answers_file(
        Path(args.answers), Path(args.questionnaire) if args.questionnaire else None
    )
    if args.json:
        _print_json(score_json(result))
    else:
        print("\n".join(score_lines(result)))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from readiness.ui.launch import launch

    return launch(args.db)


class _Parser(argparse.ArgumentParser):
    """argparse with our wording; still exits 2 on a malformed command line."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readiness",
        description=_(
            "Partnership Readiness: assess how ready a company or a defence unit is to "
            "cooperate in a crisis. With no command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"readiness {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=_("database file (default: readiness.db in the user data folder)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser("gui", help=_("open the window"))
    p.set_defaults(handler=cmd_gui)

    p = commands.add_parser("validate", help=_("check questionnaire files and list every error"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(handler=cmd_validate)

    p = commands.add_parser("questionnaires", help=_("list the built-in questionnaires"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_questionnaires)

    p = commands.add_parser("score", help=_("score an answers file"))
    p.add_argument("answers", metavar="ANSWERS")
    p.add_argument("--questionnaire", metavar="PATH", help=_("questionnaire file to score against"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_score)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", cmd_gui)
    try:
        return handler(args)
    except UserError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, details in the log
        from readiness.logs import log_exception

        where = log_exception(exc)
        print(
            _("error: unexpected {kind}: {message} (details in {log})").format(
                kind=type(exc).__name__, message=exc, log=where
            ),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
