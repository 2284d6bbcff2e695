"""Write questionnaire data as an Excel authoring workbook, and the documented empty template.

The inverse of `xlsx_source`: ``read_workbook(write_workbook(data))`` gives data with the same
canonical form (see `canonical`). Layout in `xlsx_layout` (DESIGN section 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness.i18n import _
from readiness.questionnaire import xlsx_layout as layout

_TOP_SKIP = ("format", "scales", "levels", "domains", "migrations", "scoring")
_HEADER_FILL = "DDE4EE"


def _is_text(value: Any) -> bool:
    return (
        isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
    )


def _cell(key: str, value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "critical":
        return layout.format_critical(value)
    if isinstance(value, list):
        return layout.join_list(value)
    return value


def _languages(data: dict[str, Any]) -> list[str]:
    languages = data.get("languages")
    return [str(lang) for lang in languages] if isinstance(languages, list) else ["en"]


class _Table:
    """Columns discovered while rows are added, so only columns in use are written."""

    def __init__(self, first: list[str] | None = None) -> None:
        self.columns: list[str] = list(first or [])
        self.rows: list[dict[str, Any]] = []

    def column(self, name: str) -> None:
        if name not in self.columns:
            self.columns.append(name)

    def add(self, row: dict[str, Any]) -> None:
        for name in row:
            self.column(name)
        self.rows.append(row)


def _texts(row: dict[str, Any], key: str, value: dict[str, str], langs: list[str]) -> None:
    for lang in [*langs, *[k for k in value if k not in langs]]:
        if lang in value:
            row[f"{key}::{lang}"] = value[lang]


def _settings(data: dict[str, Any], langs: list[str]) -> _Table:
    table = _Table(["id", "version", "audience", "languages"])
    row: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TOP_SKIP:
            continue
        if _is_text(value):
            _texts(row, key, value, langs)
        else:
            row[key] = _cell(key, value)
    for key, value in (data.get("scoring") or {}).items():
        row[f"scoring.{key}"] = value
    table.add(row)
    return table


def _scales(data: dict[str, Any], langs: list[str]) -> _Table:
    table = _Table(["scale", "option", "score"])
    for name, scale in (data.get("scales") or {}).items():
        for option in scale.get("options", []):
            row: dict[str, Any] = {"scale": name}
            for key, value in option.items():
                if _is_text(value):
                    _texts(row, key, value, langs)
                else:
                    row["option" if key == "id" else key] = _cell(key, value)
            table.add(row)
    return table


def _levels(data: dict[str, Any], langs: list[str]) -> _Table:
    table = _Table(["level", "min"])
    for level in data.get("levels") or []:
        row: dict[str, Any] = {}
        for key, value in level.items():
            if _is_text(value):
                _texts(row, key, value, langs)
            else:
                row[key] = _cell(key, value)
        table.add(row)
    return table


def _questions(data: dict[str, Any], langs: list[str]) -> _Table:
    table = _Table(["domain"])
    for lang in langs:
        table.column(f"domain_title::{lang}")
    for domain in data.get("domains") or []:
        first = True
        for question in domain.get("questions") or []:
            row: dict[str, Any] = {"domain": domain.get("id")}
            if first:
                for key, value in domain.items():
                    if key in ("id", "questions"):
                        continue
                    if _is_text(value):
                        _texts(row, f"domain_{key}", value, langs)
                    else:
                        row[f"domain_{key}"] = _cell(key, value)
                first = False
            ordered = sorted(
                question.items(),
                key=lambda item: (
                    layout.QUESTION_ORDER.index(item[0])
                    if item[0] in layout.QUESTION_ORDER
                    else len(layout.QUESTION_ORDER)
                ),
            )
            for key, value in ordered:
                if key == "anchors" and isinstance(value, dict):
                    for option, text in value.items():
                        _texts(row, f"anchor_{option}", text, langs)
                elif _is_text(value):
                    _texts(row, key, value, langs)
                else:
                    row[key] = _cell(key, value)
            table.add(row)
    return table


def _migrations(data: dict[str, Any]) -> _Table | None:
    blocks = data.get("migrations")
    if not blocks:
        return None
    table = _Table(["from", "old", "new", "options"])
    for block in blocks:
        versions = layout.join_list(block.get("from") or [])
        if not block.get("questions"):
            table.add({"from": versions})
        for old, rule in (block.get("questions") or {}).items():
            if isinstance(rule, dict):
                table.add(
                    {
                        "from": versions,
                        "old": old,
                        "new": rule.get("to"),
                        "options": layout.format_options(rule.get("options") or {}),
                    }
                )
            else:
                table.add({"from": versions, "old": old, "new": rule})
    return table


def _write_sheet(workbook: Any, name: str, table: _Table) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = workbook.create_sheet(name)
    sheet.append(table.columns)
    for row in table.rows:
        sheet.append([row.get(column) for column in table.columns])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.columns):
        letter = layout.column_letter(index)
        wide = "::" in column or column in ("relevant",)
        sheet.column_dimensions[letter].width = 48 if wide else max(10, len(column) + 2)
        if wide:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    return sheet


def _validations(sheet: Any, table: _Table, lists: dict[str, list[str]], rows: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    for column, values in lists.items():
        if column not in table.columns or not values:
            continue
        letter = layout.column_letter(table.columns.index(column))
        validation = DataValidation(
            type="list", formula1='"' + ",".join(values) + '"', allow_blank=True
        )
        validation.error = _("Choose one of: {values}").format(values=", ".join(values))
        validation.errorTitle = column
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{rows}")


def _help_sheet(workbook: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = workbook.create_sheet("help")
    rows = [
        (_("Sheet"), _("Column"), _("What to write")),
        ("settings", "id", _("stable id: lowercase letters, digits and hyphens")),
        ("settings", "version", _("semantic version as text, e.g. 1.0.0")),
        ("settings", "audience", _("company or defence_unit")),
        ("settings", "languages", _("language codes separated by commas, e.g. en, fr")),
        ("settings", "title::LANG", _("the title in each language (one column per language)")),
        ("settings", "scoring.max_levels_above_weakest_domain", _("optional whole number")),
        ("scales", "scale / option / score", _("one row per option, in order; score >= 0")),
        ("levels", "level / min / label::LANG", _("ascending by min; the first min is 0")),
        ("questions", "domain", _("domain id; the domain's title on its first row")),
        ("questions", "id", _("question id, unique, e.g. trust.contact-24-7")),
        ("questions", "type", _("choice (scored), profile (not scored) or text")),
        ("questions", "scale", _("a scale name from the scales sheet (choice and profile)")),
        ("questions", "anchor_OPTION::LANG", _("what an option means for this question")),
        ("questions", "weight", _("optional number > 0, default 1")),
        ("questions", "allow_na", _("yes or no (default yes)")),
        ("questions", "critical", _("below:cap_level, e.g. 2:2; several tiers: 2:2; 3:3;")),
        ("questions", "relevant", _("condition, e.g. ${trust.isac} >= 2")),
        ("questions", "topics", _("mirror topics separated by commas")),
        (
            "migrations",
            "from / old / new / options",
            _("old version(s), old id, new id (empty: removed), option map like 4=3, 2=1"),
        ),
        ("", "", _("Formulas, merged cells and hidden sheets are not read: type plain values.")),
        ("", "", _("Check the workbook with: readiness validate FILE.xlsx")),
    ]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 38
    sheet.column_dimensions["C"].width = 80
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True)


def write_workbook(data: dict[str, Any], path: Path, *, help_sheet: bool = True) -> None:
    """Write questionnaire ``data`` (validated, as a YAML file parses) to ``path`` as .xlsx."""
    from openpyxl import Workbook

    langs = _languages(data)
    workbook = Workbook()
    workbook.remove(workbook.active)
    _write_sheet(workbook, "settings", _settings(data, langs))
    _write_sheet(workbook, "scales", _scales(data, langs))
    _write_sheet(workbook, "levels", _levels(data, langs))
    questions = _questions(data, langs)
    sheet = _write_sheet(workbook, "questions", questions)
    scales = list((data.get("scales") or {}).keys())
    _validations(
        sheet,
        questions,
        {"type": ["choice", "profile", "text"], "scale": scales, "allow_na": ["yes", "no"]},
        max(500, len(questions.rows) + 200),
    )
    migrations = _migrations(data)
    if migrations:
        _write_sheet(workbook, "migrations", migrations)
    if help_sheet:
        _help_sheet(workbook)
    workbook.save(path)


def template_data() -> dict[str, Any]:
    """A small, valid worked example an author overwrites: one domain, two questions."""
    return {
        "format": layout.FORMAT,
        "id": "my-questionnaire",
        "version": "0.1.0",
        "audience": "company",
        "languages": ["en"],
        "title": {"en": "My tailored questionnaire"},
        "scales": {
            "maturity": {
                "options": [
                    {"id": str(i), "score": i, "label": {"en": label}}
                    for i, label in enumerate(
                        ("Absent", "Ad hoc", "Defined", "Implemented", "Tested with partners")
                    )
                ]
            }
        },
        "levels": [
            {"level": i + 1, "min": m, "label": {"en": label}}
            for i, (m, label) in enumerate(
                zip(
                    (0, 20, 40, 60, 80),
                    ("Initial", "Developing", "Established", "Practised", "Partnership-tested"),
                    strict=True,
                )
            )
        ],
        "domains": [
            {
                "id": "trust",
                "title": {"en": "Trust and information sharing"},
                "questions": [
                    {
                        "id": "trust.contact-24-7",
                        "type": "choice",
                        "scale": "maturity",
                        "text": {"en": "Is there a 24/7 contact point known to your partners?"},
                        "guidance": {"en": "Check the contact list your partners hold."},
                        "anchors": {
                            "0": {"en": "No contact point"},
                            "4": {"en": "Tested in a joint exercise this year"},
                        },
                        "weight": 2,
                        "allow_na": False,
                        "critical": {"below": 2, "cap_level": 2},
                        "topics": ["contact_24_7"],
                        "recommendation": {"en": "Name a 24/7 contact and test it."},
                    },
                    {
                        "id": "trust.contact-tested",
                        "type": "choice",
                        "scale": "maturity",
                        "text": {"en": "Has the contact point been tested outside office hours?"},
                        "relevant": "${trust.contact-24-7} >= 2",
                    },
                ],
            }
        ],
    }


def write_template(path: Path) -> None:
    """The documented authoring workbook: headers, a worked example, lists, a help sheet."""
    write_workbook(template_data(), path)
