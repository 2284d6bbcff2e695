"""``readiness assessment ...``: start, list and show assessments."""

from __future__ import annotations

import argparse

from readiness import locale_format
from readiness.cli.common import Commands, open_quick_view, open_workspace, print_json
from readiness.i18n import _


def cmd_assessment_new(args: argparse.Namespace) -> int:
    summary = open_workspace(args).new_assessment(
        args.org, args.questionnaire, args.title, args.assessor or ""
    )
    print(summary.id)
    return 0


def cmd_assessment_list(args: argparse.Namespace) -> int:
    from readiness.domain.scoring import shown

    view = None if args.trash else open_quick_view(args)
    summaries = view.assessments() if view is not None else None
    if summaries is None:
        summaries = open_workspace(args).assessments(trashed=args.trash)
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
        print_json(rows)
        return 0
    if not rows:
        if args.trash:
            print(_("No assessments in the trash."))
        else:
            print(_("No assessments yet. Start one with 'readiness assessment new'."))
    statuses = {"draft": _("draft"), "completed": _("completed")}
    for row in rows:
        status = statuses.get(row["status"], row["status"])
        print(
            f"{row['id']}  {row['organisation']} — {row['title']}  [{status}, "
            + _("{pct} complete, score {score}, level {level}").format(
                pct=locale_format.share(row["completeness"]),
                score=locale_format.decimal(row["score"]),
                level=row["level"],
            )
            + "]"
        )
    return 0


def cmd_assessment_show(args: argparse.Namespace) -> int:
    from readiness.services.answer_lines import answer_lines
    from readiness.services.results import details_json, evidence_lines, score_json, score_lines

    view = open_quick_view(args)
    state = view.state(args.id) if view is not None else None
    origin = None  # the quick view only shows assessments made here
    if state is None:
        from readiness.services.exchange import origin_of

        workspace = open_workspace(args)
        state = workspace.state(args.id)
        origin = origin_of(workspace, state.summary.id)
    summary = state.summary
    if args.json:
        payload = {
            "id": summary.id,
            "organisation": summary.organisation,
            "organisation_id": summary.organisation_id,
            "status": summary.status.value,
            "title": summary.title,
            "read_only": origin is not None and origin.read_only,
            **score_json(state.result),
            "answers": details_json(state.details),
        }
        print_json(payload)
        return 0
    print(f"{summary.organisation} — {summary.title}")
    print(
        _("Id: {id}   Status: {status}   Marking: {marking}   Assessor: {assessor}").format(
            id=summary.id,
            status=_("completed") if summary.status.value == "completed" else _("draft"),
            marking=summary.marking,
            assessor=summary.assessor or "-",
        )
    )
    if origin is not None:
        from readiness.services.exchange import origin_line

        if line := origin_line(origin):
            print(line)
    print()
    print("\n".join(score_lines(state.result) + evidence_lines(state.details, state.result)))
    print()
    print("\n".join(answer_lines(state)))
    return 0


def register(commands: Commands) -> None:
    assessment = commands.group("assessment", help=_("assessments"))
    p = assessment.add_parser("new", help=_("start an assessment; prints its id"))
    p.add_argument("--org", required=True, metavar="ID", help=_("organisation id"))
    p.add_argument(
        "--questionnaire",
        required=True,
        metavar="QID[@VERSION]",
        help=_("questionnaire id; the highest version unless @VERSION names one"),
    )
    p.add_argument("--title", metavar="T", help=_("the assessment's title"))
    p.add_argument("--assessor", metavar="NAME", help=_("who answers: name and role"))
    p.set_defaults(handler=cmd_assessment_new)
    p = assessment.add_parser("list", help=_("list assessments with their scores"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--trash", action="store_true", help=_("list those in the trash instead"))
    p.set_defaults(handler=cmd_assessment_list)
    p = assessment.add_parser("show", help=_("answers and scores of one assessment"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_assessment_show)
