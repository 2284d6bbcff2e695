"""``readiness partnership``, ``portfolio``, ``compare`` and ``trend`` (DESIGN sections 6, 9)."""

from __future__ import annotations

import argparse

from readiness.cli.common import Commands, open_workspace, print_json
from readiness.i18n import _


def _figure(value: float | None) -> str:
    """A score or gap, right-aligned in five characters, in the language's number form."""
    from readiness import locale_format

    return "   -" if value is None else locale_format.decimal(value).rjust(5)


def cmd_partnership_add(args: argparse.Namespace) -> int:
    from readiness.services.partnerships import add_partnership

    record = add_partnership(open_workspace(args), args.company, args.unit, args.note or "")
    print(
        _("partnership {id}: {company} with {unit}").format(
            id=record.id, company=record.company, unit=record.unit
        )
    )
    return 0


def cmd_partnership_list(args: argparse.Namespace) -> int:
    from readiness.services.partnerships import partnership_list_json, partnerships

    rows = partnership_list_json(partnerships(open_workspace(args)))
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No partnerships yet. Add one with 'readiness partnership add COMPANY UNIT'."))
    for row in rows:
        figures = (
            _("{n} mismatches, mean gap {gap}").format(
                n=row["mismatches"], gap=_figure(row["mean_abs_gap"]).strip()
            )
            if row["mismatches"] is not None
            else _("not comparable yet (a side has no assessment)")
        )
        print(f"{row['id']}  {row['company']['name']} — {row['unit']['name']}  ({figures})")
    return 0


def cmd_portfolio(args: argparse.Namespace) -> int:
    from readiness.services.portfolio import portfolio_json, portfolio_tables

    workspace = open_workspace(args)
    tables = portfolio_tables(workspace, args.questionnaire)
    if args.pdf or args.xlsx:
        from readiness.services.portfolio_reports import export_portfolio

        for path in export_portfolio(workspace, tables, args.pdf, args.xlsx, args.marking):
            print(path)
        return 0
    data = portfolio_json(tables)
    if args.json:
        print_json(data)
        return 0
    if not data["questionnaires"]:
        print(_("No assessments yet."))
    for table in data["questionnaires"]:
        print(f"{table['id']} {table['version']}")
        heads = [d["id"][:6] for d in table["domains"]]
        print(
            "  " + _("organisation").ljust(30) + "  score  " + "  ".join(h.rjust(6) for h in heads)
        )
        for row in table["rows"]:
            cells = "  ".join(_figure(row["domains"][d["id"]]).rjust(6) for d in table["domains"])
            draft = "" if row["status"] == "completed" else " *"
            print(f"  {(row['organisation'] + draft)[:30]:<30}  {_figure(row['score'])}  {cells}")
        print()
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from readiness.services.partnerships import compare_assessments, compare_json

    workspace = open_workspace(args)
    pair = compare_assessments(workspace, args.first, args.second)
    if args.pdf or args.xlsx:
        from readiness.services.portfolio_reports import export_comparison

        for path in export_comparison(workspace, pair, args.pdf, args.xlsx, args.marking):
            print(path)
        return 0
    data = compare_json(pair)
    if args.json:
        print_json(data)
        return 0
    print(
        _("{company} (company) compared with {unit} (unit)").format(
            company=data["company"]["organisation"], unit=data["unit"]["organisation"]
        )
    )
    for topic in data["topics"]:
        mark = "!" if topic["mismatch"] else " "
        print(
            f" {mark} {topic['topic']:<28} {_figure(topic['company']['value'])}"
            f" {_figure(topic['unit']['value'])}  "
            + _("gap {gap}").format(gap=_figure(topic["gap"]))
        )
    summary = data["summary"]
    print(
        _("{paired} paired topics, {compared} compared, {mismatches} mismatches").format(**summary)
    )
    return 0


def _day(iso: str) -> str:
    """An ISO date from the JSON form, written for the language (``29/11/2026`` in French)."""
    from datetime import date

    from readiness import locale_format

    return locale_format.day(date.fromisoformat(iso))


def status_word(status: str) -> str:
    """An assessment status (``draft``, ``completed``) as a person reads it."""
    return _("completed") if status == "completed" else _("draft")


def cmd_trend(args: argparse.Namespace) -> int:
    from readiness.services.portfolio import organisation_trend, trend_json

    data = trend_json(organisation_trend(open_workspace(args), args.org))
    if args.json:
        print_json(data)
        return 0
    print(data["organisation"])
    if not data["series"]:
        print(_("No assessments yet."))
    for series in data["series"]:
        print(f"  {series['questionnaire']}")
        for point in series["points"]:
            print(
                f"    {_day(point['date'])}  {point['version']:<8} "
                f"{status_word(point['status']):<10}"
                f" {_figure(point['score'])}  " + _("level {n}").format(n=point["level"])
            )
    return 0


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--pdf", metavar="FILE", help=_("write a PDF report"))
    parser.add_argument("--xlsx", metavar="FILE", help=_("write an Excel report"))
    parser.add_argument(
        "--marking",
        metavar="LABEL",
        help=_("TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT (default) or TLP:RED"),
    )


def register(commands: Commands) -> None:
    group = commands.group("partnership", help=_("partnerships between a company and a unit"))
    p = group.add_parser("add", help=_("pair a company with a defence unit"))
    p.add_argument("company", metavar="COMPANY_ORG", help=_("the company's organisation id"))
    p.add_argument("unit", metavar="UNIT_ORG", help=_("the defence unit's organisation id"))
    p.add_argument("--note", metavar="TEXT", help=_("a note on this partnership"))
    p.set_defaults(handler=cmd_partnership_add)
    p = group.add_parser("list", help=_("list partnerships with their mismatches"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_partnership_list)

    p = commands.add("portfolio", help=_("every organisation's latest scores by domain"))
    p.add_argument("--questionnaire", metavar="QID", help=_("only this questionnaire id"))
    _report_options(p)
    p.set_defaults(handler=cmd_portfolio)

    p = commands.add("compare", help=_("a company and a unit assessment by mirror topic"))
    p.add_argument("first", metavar="ASSESSMENT", help=_("one assessment id (company or unit)"))
    p.add_argument("second", metavar="ASSESSMENT", help=_("the other assessment id"))
    _report_options(p)
    p.set_defaults(handler=cmd_compare)

    p = commands.add("trend", help=_("one organisation's assessments over time"))
    p.add_argument("org", metavar="ORG", help=_("organisation id"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_trend)
