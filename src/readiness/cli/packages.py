"""``readiness package ...``: export, invite, inspect and import exchange packages
(DESIGN sections 6 and 8). Import exits 1 when any file was refused or in conflict."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readiness.cli.common import Commands, open_workspace, print_json
from readiness.i18n import _


def cmd_package_export(args: argparse.Namespace) -> int:
    from readiness.services.exchange import export_assessment

    sent = export_assessment(
        open_workspace(args), args.id, Path(args.output), args.to, args.share, args.marking
    )
    to = ", ".join(sent.recipients)
    line = _("wrote {path}: revision {revision} of assessment {id}").format(
        path=sent.path, revision=sent.revision, id=sent.assessment_id
    )
    line += ", " + (
        _("encrypted to {names}").format(names=to) if to else _("signed, not encrypted")
    )
    if args.share:
        line += ", " + _("share mode")
    print(line)
    return 0


def cmd_package_invite(args: argparse.Namespace) -> int:
    from readiness.services.exchange import invite

    sent = invite(open_workspace(args), args.org, args.questionnaire, Path(args.output), args.title)
    print(
        _("wrote invitation {path} for assessment {id}").format(
            path=sent.path, id=sent.assessment_id
        )
    )
    return 0


def cmd_package_inspect(args: argparse.Namespace) -> int:
    from readiness.services.package_import import inspect

    info = inspect(open_workspace(args), Path(args.file))
    if args.json:
        print_json(info)
        return 0
    manifest = info["manifest"]
    signer = manifest["signer"]
    print(
        _("{kind} package {id}, made {created} by Partnership Readiness {version}").format(
            kind=_("invitation") if manifest["kind"] == "invitation" else _("assessment"),
            id=manifest["package_id"],
            created=manifest["created"],
            version=manifest["app_version"],
        )
    )
    trust = _("trusted") if info["trusted"] else _("not trusted here")
    print(
        _("Signed by {name} ({key}): signature {state}, {trust}").format(
            name=signer["name"],
            key=signer["key_id"],
            state=_("valid") if info["signature"] == "valid" else _("invalid"),
            trust=trust,
        )
    )
    q, a = manifest["questionnaire"], manifest["assessment"]
    print(
        _("Questionnaire {qid} {version}; assessment {id}, revision {revision}").format(
            qid=q["id"], version=q["version"], id=a["id"], revision=a["revision"]
        )
    )
    print(
        _("Marking {marking}; encrypted: {enc}; share mode: {share}").format(
            marking=manifest["marking"],
            enc=_("yes") if info["encrypted"] else _("no"),
            share=_("yes") if manifest["share_mode"] else _("no"),
        )
    )
    return 0 if info["signature"] == "valid" else 1


def cmd_package_import(args: argparse.Namespace) -> int:
    from readiness.services.package_import import import_packages, outcome_text

    results = import_packages(open_workspace(args), [Path(f) for f in args.files])
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        for r in results:
            if r.ok:
                signer = r.signer
                assert signer is not None
                trust = _("trusted") if signer.trusted else _("unverified signer")
                print(
                    _(
                        "{file}: {outcome} — {org}, assessment {id} (signed by {name} {key}, "
                        "{trust})"
                    ).format(
                        file=r.file,
                        outcome=outcome_text(r.outcome),
                        org=r.organisation,
                        id=r.assessment_id,
                        name=signer.name,
                        key=signer.key_id,
                        trust=trust,
                    )
                )
            else:
                print(
                    _("{file}: {outcome} — {reason}").format(
                        file=r.file, outcome=outcome_text(r.outcome), reason=r.reason
                    ),
                    file=sys.stderr,
                )
    return 0 if all(r.ok for r in results) else 1


def register(commands: Commands) -> None:
    package = commands.group("package", help=_("exchange packages (send, invite, import)"))
    p = package.add_parser("export", help=_("write an assessment as a signed package"))
    p.add_argument("id", metavar="ID", help=_("assessment id"))
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("the package file to write")
    )
    p.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="CARD_OR_AGE_RECIPIENT",
        help=_("encrypt to this card file or age1… recipient (repeatable)"),
    )
    p.add_argument("--share", action="store_true", help=_("share mode: leave out free text"))
    p.add_argument(
        "--marking",
        metavar="LABEL",
        help=_("TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT (default) or TLP:RED"),
    )
    p.set_defaults(handler=cmd_package_export)
    p = package.add_parser("invite", help=_("write an invitation for a partner"))
    p.add_argument("--org", required=True, metavar="ID", help=_("organisation id"))
    p.add_argument(
        "--questionnaire",
        required=True,
        metavar="QID[@VERSION]",
        help=_("questionnaire id; the highest version unless @VERSION names one"),
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=_("the invitation file to write")
    )
    p.add_argument("--title", metavar="T", help=_("the assessment's title"))
    p.set_defaults(handler=cmd_package_invite)
    p = package.add_parser("inspect", help=_("what a package holds, and who signed it"))
    p.add_argument("file", metavar="FILE", help=_("a .readiness package file"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_package_inspect)
    p = package.add_parser("import", help=_("import packages (one transaction each)"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_(".readiness package files"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_package_import)
