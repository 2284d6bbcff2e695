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
from typing import TYPE_CHECKING, Any

from readiness.i18n import _
from readiness.services.errors import UserError

if TYPE_CHECKING:
    from readiness.services.workspace import Workspace

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


def _workspace(args: argparse.Namespace) -> Workspace:
    from readiness.services.workspace import Workspace

    return Workspace.open(args.db)


def cmd_demo(args: argparse.Namespace) -> int:
    from readiness.services.demo import seed

    workspace = _workspace(args)
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


def cmd_org_add(args: argparse.Namespace) -> int:
    organisation = _workspace(args).add_organisation(
        args.name, args.kind, args.sector or "", args.country or ""
    )
    print(organisation.id)
    return 0


def cmd_org_list(args: argparse.Namespace) -> int:
    rows = [
        {"id": o.id, "name": o.name, "kind": o.kind.value, "sector": o.sector, "country": o.country}
        for o in _workspace(args).organisations()
    ]
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print(_("No organisations yet. Add one with 'readiness org add NAME --kind KIND'."))
    for row in rows:
        print(
            f"{row['id']}  {row['name']}  ({row['kind']}, {row['sector'] or '-'}, "
            f"{row['country'] or '-'})"
        )
    return 0


def cmd_assessment_new(args: argparse.Namespace) -> int:
    summary = _workspace(args).new_assessment(
        args.org, args.questionnaire, args.title, args.assessor or ""
    )
    print(summary.id)
    return 0


def cmd_assessment_list(args: argparse.Namespace) -> int:
    from readiness.domain.scoring import shown

    summaries = _workspace(args).assessments()
    rows = [
        {
            "id": a.id,
            "organisation": a.organisation,
            "organisation_id": a.organisation_id,
            "questionnaire": a.questionnaire_id,
            "title": a.title,
            "status": a.status.value,
            "completeness": round(a.completeness, 4),
            "score": shown(a.score),
            "level": a.level,
        }
        for a in summaries
    ]
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print(_("No assessments yet. Start one with 'readiness assessment new'."))
    for row in rows:
        print(
            f"{row['id']}  {row['organisation']} — {row['title']}  [{row['status']}, "
            + _("{pct:.0%} complete, score {score:.1f}, level {level}").format(
                pct=row["completeness"], score=row["score"], level=row["level"]
            )
            + "]"
        )
    return 0


def cmd_assessment_show(args: argparse.Namespace) -> int:
    from readiness.services.results import answers_json, score_json, score_lines

    workspace = _workspace(args)
    state = workspace.state(args.id)
    summary = state.summary
    if args.json:
        answers = {qid: d.answer for qid, d in state.details.items() if d.answer is not None}
        payload = {
            "id": summary.id,
            "organisation": summary.organisation,
            "organisation_id": summary.organisation_id,
            "status": summary.status.value,
            "title": summary.title,
            **score_json(state.result),
            "answers": answers_json(answers),
        }
        _print_json(payload)
        return 0
    print(f"{summary.organisation} — {summary.title}")
    print(
        _("Id: {id}   Status: {status}   Marking: {marking}   Assessor: {assessor}").format(
            id=summary.id,
            status=summary.status.value,
            marking=summary.marking,
            assessor=summary.assessor or "-",
        )
    )
    print()
    print("\n".join(score_lines(state.result)))
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    assessment = workspace.assessment(args.id)
    if args.na is not None:
        workspace.answer_na(assessment.id, args.question, args.na)
    elif args.text is not None:
        workspace.answer_text(assessment.id, args.question, args.text)
    elif args.option is not None:
        workspace.answer(assessment.id, args.question, args.option)
    if args.comment is not None:
        workspace.set_comment(assessment.id, args.question, args.comment)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from readiness.services.export import export_report

    if not args.pdf and not args.xlsx:
        raise UserError(_("give --pdf FILE and/or --xlsx FILE"))
    workspace = _workspace(args)
    report = workspace.report(args.id, args.marking)
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        if interactive:
            print(f"\r[{done:>3}/{total}] {message:<50}", end="", file=sys.stderr, flush=True)

    written = export_report(report, args.pdf, args.xlsx, args.page_size, progress)
    if interactive:
        print(file=sys.stderr)
    for path in written:
        print(path)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from readiness.ui.launch import launch

    return launch(args.db)


class _VersionAction(argparse.Action):
    """Looks the version up only when asked: reading package metadata slows every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        import readiness

        print(f"readiness {readiness.__version__}")
        parser.exit()


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
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=_("show the version"))
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

    p = commands.add_parser("demo", help=_("add demo organisations and assessments (idempotent)"))
    p.set_defaults(handler=cmd_demo)

    org = commands.add_parser("org", help=_("organisations")).add_subparsers(
        dest="org_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    p = org.add_parser("add", help=_("add an organisation; prints its id"))
    p.add_argument("name", metavar="NAME")
    p.add_argument("--kind", required=True, choices=["company", "defence_unit", "other"])
    p.add_argument("--sector", metavar="S")
    p.add_argument("--country", metavar="CC")
    p.set_defaults(handler=cmd_org_add)
    p = org.add_parser("list", help=_("list organisations"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_org_list)

    assessment = commands.add_parser("assessment", help=_("assessments")).add_subparsers(
        dest="assessment_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    p = assessment.add_parser("new", help=_("start an assessment; prints its id"))
    p.add_argument("--org", required=True, metavar="ID", help=_("organisation id"))
    p.add_argument("--questionnaire", required=True, metavar="QID", help=_("questionnaire id"))
    p.add_argument("--title", metavar="T")
    p.add_argument("--assessor", metavar="NAME")
    p.set_defaults(handler=cmd_assessment_new)
    p = assessment.add_parser("list", help=_("list assessments with their scores"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_assessment_list)
    p = assessment.add_parser("show", help=_("answers and scores of one assessment"))
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_assessment_show)

    p = commands.add_parser("answer", help=_("answer one question (saved at once)"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("question", metavar="QUESTION")
    group = p.add_mutually_exclusive_group()
    group.add_argument("option", metavar="OPTION", nargs="?")
    group.add_argument("--na", metavar="JUSTIFICATION", help=_("not applicable, with why"))
    group.add_argument("--text", metavar="TEXT", help=_("free answer to a text question"))
    p.add_argument("--comment", metavar="TEXT")
    p.set_defaults(handler=cmd_answer)

    p = commands.add_parser("export", help=_("write the PDF and/or Excel report"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("--pdf", metavar="FILE")
    p.add_argument("--xlsx", metavar="FILE")
    p.add_argument(
        "--marking",
        metavar="LABEL",
        help=_("TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT (default) or TLP:RED"),
    )
    p.add_argument("--page-size", choices=["A4", "letter"], default="A4", help=_("PDF page size"))
    p.set_defaults(handler=cmd_export)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "answer" and not any(
        value is not None for value in (args.option, args.na, args.text, args.comment)
    ):
        print(
            "readiness answer: "
            + _("error: give OPTION, --na JUSTIFICATION, --text TEXT or --comment"),
            file=sys.stderr,
        )
        return 2
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
