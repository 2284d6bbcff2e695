"""``readiness db copy --to URL``: this workspace into another database (DESIGN sections 6, 12)."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _


def cmd_db_copy(args: argparse.Namespace) -> int:
    from readiness.services.database_copy import copy_workspace

    workspace = open_workspace(args)
    interactive = sys.stderr.isatty()
    shown: set[str] = set()

    def progress(table: str, done: int, total: int) -> None:
        # A line per table as it finishes (a live counter on a terminal), on stderr.
        if interactive:
            end = "\n" if done == total else ""
            print(f"\r{table}: {done}/{total}", end=end, file=sys.stderr, flush=True)
        elif done == total and table not in shown:
            shown.add(table)
            print(f"{table}: {done}/{total}", file=sys.stderr, flush=True)

    try:
        done = copy_workspace(workspace, args.to, progress)
    finally:
        workspace.close()
    copied = ", ".join(f"{table} {count}" for table, count in done.report.rows.items() if count)
    print(
        _("Copied {rows} row(s) to {target} ({tables})").format(
            rows=done.report.total, target=done.target, tables=copied or _("nothing to copy")
        )
    )
    return 0


def register(commands: Commands) -> None:
    group = commands.group("db", help=_("the workspace database"))
    p = group.add_parser(
        "copy",
        help=_("copy this workspace into another, empty database (ids unchanged)"),
        description=_(
            "Copy every organisation, assessment, answer and its history into another database "
            "that has no data yet: a PostgreSQL server for a team, or a SQLite file for a "
            "laptop. The source is the workspace chosen as for every command (--db, "
            "READINESS_DB, READINESS_DATABASE_URL)."
        ),
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help=_("postgresql+psycopg://USER@HOST/DATABASE, sqlite:///FILE, or a file path"),
    )
    p.set_defaults(handler=cmd_db_copy)
