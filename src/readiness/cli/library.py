"""``readiness questionnaires add|template|convert``: the questionnaire library (DESIGN 2, 6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from readiness.i18n import _


def cmd_template(args: argparse.Namespace) -> int:
    from readiness.services.authoring import write_template

    print(write_template(Path(args.output), force=args.force))
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from readiness.services.authoring import ConversionProblems, convert

    try:
        written = convert(Path(args.input), Path(args.output), force=args.force)
    except ConversionProblems as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(_("nothing written: {input} has errors").format(input=args.input), file=sys.stderr)
        return 1
    print(_("converted {input} -> {output}").format(input=args.input, output=written))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from readiness.cli.common import open_workspace
    from readiness.services.library import InstallProblems, install

    try:
        done = install(open_workspace(args), Path(args.file))
    except InstallProblems as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(_("not installed: {file} has errors").format(file=args.file), file=sys.stderr)
        return 1
    q = done.loaded.questionnaire
    messages = {
        "installed": _("installed questionnaire {id} {version} (sha256 {sha})"),
        "already installed": _("questionnaire {id} {version} is already installed (sha256 {sha})"),
        "built in": _("questionnaire {id} {version} is built in; nothing to install"),
    }
    print(messages[done.outcome].format(id=q.id, version=q.version, sha=done.loaded.sha256[:12]))
    return 0


def register_actions(actions: Any) -> None:
    """Add ``add``, ``template`` and ``convert`` under ``readiness questionnaires``."""
    p = actions.add_parser(
        "add", help=_("install a questionnaire (YAML or XLSX) into this workspace")
    )
    p.add_argument("file", metavar="FILE", help=_("questionnaire file (.yaml or .xlsx)"))
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser(
        "template", help=_("write an empty, documented Excel authoring workbook")
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.xlsx", help=_("workbook to write")
    )
    p.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    p.set_defaults(handler=cmd_template)

    p = actions.add_parser("convert", help=_("convert a questionnaire YAML <-> XLSX, losslessly"))
    p.add_argument("input", metavar="IN", help=_("questionnaire file (.yaml or .xlsx)"))
    p.add_argument("output", metavar="OUT", help=_("file to write (.xlsx or .yaml)"))
    p.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    p.set_defaults(handler=cmd_convert)

    from readiness.cli.upgrade import register_actions as register_diff

    register_diff(actions)
