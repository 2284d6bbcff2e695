"""``readiness assessment upgrade`` and ``readiness questionnaires diff`` (DESIGN section 6)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from readiness.cli.common import Commands, open_workspace, print_json
from readiness.i18n import _


def cmd_upgrade(args: argparse.Namespace) -> int:
    from readiness.services.upgrade import upgrade

    result = upgrade(open_workspace(args), args.id, args.to)
    if args.json:
        print_json(result.as_json())
        return 0
    print(
        _(
            "upgraded {old} to {q} {version}: new draft {new}; {carried} answer(s) carried to "
            "review, {dropped} dropped, {fresh} new question(s)"
        ).format(
            old=result.from_id[:8],
            q=result.questionnaire,
            version=result.version,
            new=result.id,
            carried=len(result.carried),
            dropped=len(result.dropped),
            fresh=len(result.new),
        )
    )
    for question_id in result.dropped:
        print(
            _("  dropped {question}: {reason}").format(
                question=question_id, reason=result.reasons[question_id]
            )
        )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import yaml

    from readiness.domain.version_diff import diff, draft_rules, upgrade_problems
    from readiness.services.catalog import load_path

    old = load_path(Path(args.old)).questionnaire
    new = load_path(Path(args.new)).questionnaire
    changes = diff(old, new)
    print(_("{q}: {old} -> {new}").format(q=new.id, old=old.version, new=new.version))
    sections = (
        (_("added"), changes.added),
        (_("removed"), changes.removed),
        (_("renamed"), [f"{a} -> {b}" for a, b in changes.renamed.items()]),
        (_("rescaled or retyped"), changes.rescaled),
    )
    for title, items in sections:
        print(f"{title} ({len(items)}):")
        for item in items:
            print(f"  {item}")
    problems = upgrade_problems(old, new)
    if problems:
        print(_("what the new version's migrations do not cover yet:"))
        for problem in problems:
            print(f"  {problem}")
    print(_("draft migrations block (review before use):"))
    block: dict[str, Any] = {"migrations": [draft_rules(changes)]}
    print(yaml.safe_dump(block, sort_keys=False, allow_unicode=True).rstrip())
    return 0


def register(commands: Commands) -> None:
    assessment = commands.group("assessment", help=_("assessments"))
    p = assessment.add_parser(
        "upgrade", help=_("a new draft on a newer questionnaire version; the original stays")
    )
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("--to", metavar="VERSION", help=_("target version (default: the highest)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_upgrade)


def register_actions(actions: Any) -> None:
    """``questionnaires diff OLD NEW``."""
    p = actions.add_parser("diff", help=_("what changed between two versions, with a draft"))
    p.add_argument("old", metavar="OLD", help=_("older questionnaire file"))
    p.add_argument("new", metavar="NEW", help=_("newer questionnaire file"))
    p.set_defaults(handler=cmd_diff)
