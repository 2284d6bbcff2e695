"""``readiness org ...``: organisations."""

from __future__ import annotations

import argparse

from readiness.cli.common import Commands, open_workspace, print_json
from readiness.i18n import _


def cmd_org_add(args: argparse.Namespace) -> int:
    organisation = open_workspace(args).add_organisation(
        args.name, args.kind, args.sector or "", args.country or ""
    )
    print(organisation.id)
    return 0


def cmd_org_list(args: argparse.Namespace) -> int:
    organisations = open_workspace(args).organisations()
    rows = [
        {"id": o.id, "name": o.name, "kind": o.kind.value, "sector": o.sector, "country": o.country}
        for o in organisations
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No organisations yet. Add one with 'readiness org add NAME --kind KIND'."))
    for row, organisation in zip(rows, organisations, strict=True):
        print(
            f"{row['id']}  {row['name']}  ({row['kind']}, {row['sector'] or '-'}, "
            f"{row['country'] or '-'})" + ("  " + _("[demo]") if organisation.demo else "")
        )
    return 0


def register(commands: Commands) -> None:
    org = commands.group("org", help=_("organisations"))
    p = org.add_parser("add", help=_("add an organisation; prints its id"))
    p.add_argument("name", metavar="NAME", help=_("the organisation's name"))
    p.add_argument(
        "--kind",
        required=True,
        choices=["company", "defence_unit", "other"],
        help=_("company, defence_unit or other"),
    )
    p.add_argument("--sector", metavar="S", help=_("sector, e.g. Energy"))
    p.add_argument("--country", metavar="CC", help=_("country code, e.g. DE"))
    p.set_defaults(handler=cmd_org_add)
    p = org.add_parser("list", help=_("list organisations"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_org_list)
