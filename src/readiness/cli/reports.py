"""``readiness export``: the PDF and Excel reports of one assessment."""

from __future__ import annotations

import argparse
import sys

from readiness.cli.common import Commands, open_workspace
from readiness.i18n import _
from readiness.services.errors import UserError


def cmd_export(args: argparse.Namespace) -> int:
    from readiness.services.export import ExportError, export_report

    if not args.pdf and not args.xlsx:
        raise UserError(_("give --pdf FILE and/or --xlsx FILE"))
    workspace = open_workspace(args)
    report = workspace.report(args.id, args.marking)
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        if interactive:
            print(f"\r[{done:>3}/{total}] {message:<50}", end="", file=sys.stderr, flush=True)

    try:
        written = export_report(report, args.pdf, args.xlsx, args.page_size, progress)
    except ExportError as exc:  # the other format may have been written all the same
        if interactive:
            print(file=sys.stderr)
        for path in exc.written:
            print(path)
        raise
    if interactive:
        print(file=sys.stderr)
    for path in written:
        print(path)
    if args.pdf:
        from readiness.services.glyph_check import undrawable_note

        note = undrawable_note(report)
        if note:
            print(note, file=sys.stderr)
    return 0


def register(commands: Commands) -> None:
    p = commands.add("export", help=_("write the PDF and/or Excel report"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument("--pdf", metavar="FILE", help=_("write a PDF report"))
    p.add_argument("--xlsx", metavar="FILE", help=_("write an Excel report"))
    p.add_argument(
        "--marking",
        metavar="LABEL",
        help=_("TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT (default) or TLP:RED"),
    )
    p.add_argument("--page-size", choices=["A4", "letter"], default="A4", help=_("PDF page size"))
    p.set_defaults(handler=cmd_export)
