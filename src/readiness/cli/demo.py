"""``readiness demo [--remove]``: demo organisations and assessments (DESIGN section 6)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_demo(args: argparse.Namespace) -> int:
    from readiness.services.demo import demo_assessment_count, remove_demo, seed

    workspace = open_workspace(args)
    where = workspace.path or _("database")
    if args.remove:
        removed, kept = remove_demo(workspace)
        line = _(
            "Removed demo data: {orgs} organisation(s), {assessments} assessment(s), "
            "{answers} answer(s) ({db})"
        ).format(
            orgs=removed.organisations,
            assessments=removed.assessments,
            answers=removed.answers,
            db=where,
        )
        if kept:
            line += _("; ") + _(
                "kept {n} demo organisation(s) that hold assessments you made"
            ).format(n=kept)
        print(line)
        return 0
    before = demo_assessment_count(workspace)
    interactive = sys.stderr.isatty()
    for done, total, message in seed(workspace):
        if interactive:
            print(f"\r[{done:>3}/{total}] {message:<60}", end="", file=sys.stderr, flush=True)
    if interactive:
        print(file=sys.stderr)
    after = demo_assessment_count(workspace)
    print(
        _(
            "Demo data ready: {created} assessment(s) created, {total} demo assessment(s) ({db})"
        ).format(created=after - before, total=after, db=where)
    )
    return 0


def register(commands: Commands) -> None:
    p = commands.add("demo", help=_("add demo organisations and assessments (idempotent)"))
    p.add_argument("--remove", action="store_true", help=_("remove the demo data and nothing else"))
    p.set_defaults(handler=cmd_demo)
