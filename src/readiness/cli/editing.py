"""Editing, deleting to the trash and restoring (DESIGN section 6; issue 9).

``org edit/delete/restore``, ``assessment edit/delete/restore`` and ``trash list/empty``. Each
command that changes something says in one line what it did.
"""

from __future__ import annotations

import argparse

from readiness import locale_format
from readiness.cli.common import Commands, open_workspace, print_json
from readiness.i18n import _
from readiness.services.errors import UserError


def _short(identifier: str) -> str:
    return identifier[:8]


def cmd_org_edit(args: argparse.Namespace) -> int:
    from readiness.services.editing import edit_organisation

    if all(v is None for v in (args.name, args.kind, args.sector, args.country)):
        raise UserError(_("nothing to change: give --name, --kind, --sector or --country"))
    organisation = edit_organisation(
        open_workspace(args), args.id, args.name, args.kind, args.sector, args.country
    )
    print(
        _("Saved organisation {id}: {name} ({kind}, {sector}, {country})").format(
            id=_short(organisation.id),
            name=organisation.name,
            kind=organisation.kind.value,
            sector=organisation.sector or "-",
            country=organisation.country or "-",
        )
    )
    return 0


def cmd_org_delete(args: argparse.Namespace) -> int:
    from readiness.services.trash import delete_organisation

    workspace = open_workspace(args)
    count = len(workspace.assessments(workspace.organisation(args.id).id))
    organisation = delete_organisation(workspace, args.id)
    print(
        _(
            "Moved {name} and its {n} assessment(s) to the trash (undo: readiness org restore {id})"
        ).format(name=organisation.name, n=count, id=_short(organisation.id))
    )
    return 0


def cmd_org_restore(args: argparse.Namespace) -> int:
    from readiness.services.trash import restore_organisation

    workspace = open_workspace(args)
    organisation = restore_organisation(workspace, args.id)
    count = len(workspace.assessments(organisation.id))
    print(_("Restored {name} with {n} assessment(s)").format(name=organisation.name, n=count))
    return 0


def cmd_assessment_edit(args: argparse.Namespace) -> int:
    from readiness.services.editing import edit_assessment

    if all(v is None for v in (args.title, args.assessor, args.status)):
        raise UserError(_("nothing to change: give --title, --assessor or --status"))
    summary = edit_assessment(open_workspace(args), args.id, args.title, args.assessor, args.status)
    print(
        _("Saved assessment {id}: {title} — assessor {assessor}, {status}").format(
            id=_short(summary.id),
            title=summary.title,
            assessor=summary.assessor or "-",
            status=_("completed") if summary.status.value == "completed" else _("draft"),
        )
    )
    return 0


def cmd_assessment_delete(args: argparse.Namespace) -> int:
    from readiness.services.trash import delete_assessment

    summary = delete_assessment(open_workspace(args), args.id)
    print(
        _("Moved {org} — {title} to the trash (undo: readiness assessment restore {id})").format(
            org=summary.organisation, title=summary.title, id=_short(summary.id)
        )
    )
    return 0


def cmd_assessment_restore(args: argparse.Namespace) -> int:
    from readiness.services.trash import restore_assessment

    summary = restore_assessment(open_workspace(args), args.id)
    print(_("Restored {org} — {title}").format(org=summary.organisation, title=summary.title))
    return 0


def cmd_trash_list(args: argparse.Namespace) -> int:
    from readiness.services.trash import items

    found = items(open_workspace(args))
    if args.json:
        print_json(
            [
                {
                    "kind": item.kind.value,
                    "id": item.id,
                    "name": item.name,
                    "organisation": item.organisation,
                    "deleted_at": item.deleted_at.isoformat(timespec="seconds"),
                    "assessments": item.assessments,
                    "answers": item.answers,
                }
                for item in found
            ]
        )
        return 0
    if not found:
        print(_("The trash is empty."))
    for item in found:
        what = _("organisation") if item.kind.value == "organisation" else _("assessment")
        print(
            f"{item.id}  {what}: {item.name}  "
            + _("(deleted {when}; {n} assessment(s), {answers} answer(s))").format(
                when=f"{locale_format.day(item.deleted_at.date())} {item.deleted_at:%H:%M}",
                n=item.assessments,
                answers=item.answers,
            )
        )
    return 0


def removed_line(organisations: int, assessments: int, answers: int) -> str:
    return _("{orgs} organisation(s), {assessments} assessment(s) and {answers} answer(s)").format(
        orgs=organisations, assessments=assessments, answers=answers
    )


def cmd_trash_empty(args: argparse.Namespace) -> int:
    from readiness.services.trash import empty, pending

    workspace = open_workspace(args)
    if not args.yes:
        waiting = pending(workspace)
        raise UserError(
            _("emptying the trash removes {what} for good; add --yes to do it").format(
                what=removed_line(waiting.organisations, waiting.assessments, waiting.answers)
            )
        )
    removed = empty(workspace)
    if removed.nothing:
        print(_("The trash was already empty."))
    else:
        print(
            _("Emptied the trash: removed {what} for good").format(
                what=removed_line(removed.organisations, removed.assessments, removed.answers)
            )
        )
    return 0


def register(commands: Commands) -> None:
    org = commands.group("org", help=_("organisations"))
    p = org.add_parser("edit", help=_("change an organisation's name, kind, sector or country"))
    p.add_argument("id", metavar="ID", help=_("organisation id (at least 4 characters)"))
    p.add_argument("--name", metavar="N", help=_("new name"))
    p.add_argument("--kind", metavar="K", help=_("company, defence_unit or other"))
    p.add_argument("--sector", metavar="S", help=_("new sector"))
    p.add_argument("--country", metavar="CC", help=_("new country code"))
    p.set_defaults(handler=cmd_org_edit)
    p = org.add_parser("delete", help=_("move an organisation and its assessments to the trash"))
    p.add_argument("id", metavar="ID", help=_("organisation id (at least 4 characters)"))
    p.set_defaults(handler=cmd_org_delete)
    p = org.add_parser("restore", help=_("bring an organisation back from the trash"))
    p.add_argument("id", metavar="ID", help=_("organisation id (at least 4 characters)"))
    p.set_defaults(handler=cmd_org_restore)

    assessment = commands.group("assessment", help=_("assessments"))
    p = assessment.add_parser("edit", help=_("change an assessment's title, assessor or status"))
    p.add_argument("id", metavar="ID", help=_("assessment id (at least 4 characters)"))
    p.add_argument("--title", metavar="T", help=_("new title"))
    p.add_argument("--assessor", metavar="A", help=_("new assessor"))
    p.add_argument("--status", choices=["draft", "completed"], help=_("draft or completed"))
    p.set_defaults(handler=cmd_assessment_edit)
    p = assessment.add_parser("delete", help=_("move an assessment to the trash"))
    p.add_argument("id", metavar="ID", help=_("assessment id (at least 4 characters)"))
    p.set_defaults(handler=cmd_assessment_delete)
    p = assessment.add_parser("restore", help=_("bring an assessment back from the trash"))
    p.add_argument("id", metavar="ID", help=_("assessment id (at least 4 characters)"))
    p.set_defaults(handler=cmd_assessment_restore)

    trash = commands.group("trash", help=_("deleted organisations and assessments"))
    p = trash.add_parser("list", help=_("what the trash holds"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_trash_list)
    p = trash.add_parser("empty", help=_("remove everything in the trash for good"))
    p.add_argument("--yes", action="store_true", help=_("confirm: this cannot be undone"))
    p.set_defaults(handler=cmd_trash_empty)
