"""``readiness keys ...``: this workspace's keys, its card, and partners' trusted cards
(DESIGN sections 6 and 8)."""

from __future__ import annotations

import argparse
from pathlib import Path

from readiness.cli.common import Commands, Parser, open_workspace, print_json
from readiness.i18n import _


def _keys(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from readiness.services.keys import Keys

    return Keys(open_workspace(args))


def cmd_keys(args: argparse.Namespace) -> int:
    keys = _keys(args)
    card = keys.set_name(args.name) if args.name else keys.card()
    if args.json:
        value = card.to_json()
        value.pop("format")
        print_json(value)
        return 0
    print(_("Name:        {name}").format(name=card.name))
    print(_("Key id:      {key}").format(key=card.key_id))
    print(_("Public key:  {key}").format(key=card.public_key))
    print(_("Recipient:   {recipient}").format(recipient=card.recipient))
    print(_("Keys folder: {path}").format(path=keys.folder.path))
    return 0


def cmd_keys_card(args: argparse.Namespace) -> int:
    card = _keys(args).write_card(Path(args.output))
    print(
        _("wrote the card of {name} ({key}) to {path}").format(
            name=card.name, key=card.key_id, path=args.output
        )
    )
    return 0


def cmd_keys_trust(args: argparse.Namespace) -> int:
    card, new = _keys(args).trust(Path(args.card), args.name)
    message = _("now trusting {name} ({key})") if new else _("already trusted: {name} ({key})")
    print(message.format(name=card.name, key=card.key_id))
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    cards = _keys(args).trusted()
    rows = [
        {
            "key_id": c.key_id,
            "name": c.name,
            "public_key": c.public_key,
            "recipient": c.recipient,
            "trusted_at": c.trusted_at.replace(microsecond=0).isoformat(),
        }
        for c in cards
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No trusted cards yet. Record a partner's card with 'readiness keys trust CARD'."))
    for row in rows:
        print(f"{row['key_id']}  {row['name']}")
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    _keys(args).revoke(args.key_id)
    print(_("no longer trusting key {key}").format(key=args.key_id.upper()))
    return 0


def register(commands: Commands) -> None:
    keys = commands.add("keys", help=_("this workspace's keys and partners' trusted cards"))
    keys.add_argument("--json", action="store_true", help=_("print JSON"))
    keys.add_argument("--name", metavar="NAME", help=_("set the name partners see"))
    keys.set_defaults(handler=cmd_keys)
    actions = keys.add_subparsers(
        dest="keys_command",
        metavar="ACTION",
        parser_class=Parser,
        help=_("what to do with keys (none: show this workspace's)"),
    )
    p = actions.add_parser("card", help=_("write this workspace's contact card"))
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("the card file to write")
    )
    p.set_defaults(handler=cmd_keys_card)
    p = actions.add_parser("trust", help=_("trust a partner's contact card"))
    p.add_argument("card", metavar="CARD", help=_("a partner's card file"))
    p.add_argument("--name", metavar="NAME", help=_("the name to know them by"))
    p.set_defaults(handler=cmd_keys_trust)
    p = actions.add_parser("list", help=_("list trusted cards"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_keys_list)
    p = actions.add_parser("revoke", help=_("stop trusting a card"))
    p.add_argument("key_id", metavar="KEY_ID", help=_("the key id of a trusted card"))
    p.set_defaults(handler=cmd_keys_revoke)
