"""Assemble the rows of an authoring workbook into questionnaire data, remembering each cell.

The result has the shape a YAML questionnaire parses into (DESIGN section 2), so the same
schema and semantic checks run on it; anything that does not fit is left for those checks to
report at its cell (an unknown column becomes an unknown key, a word in a number column stays a
word).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readiness.i18n import _
from readiness.questionnaire import xlsx_layout as layout
from readiness.questionnaire.issues import Path

if TYPE_CHECKING:
    from readiness.questionnaire.xlsx_source import WorkbookDocument, _Row


def _value(key: str, value: Any) -> Any:
    if key in layout.NUMBER_KEYS:
        return layout.number(value)
    if key in layout.INTEGER_KEYS:
        converted = layout.number(value)
        return (
            int(converted) if isinstance(converted, float) and converted.is_integer() else converted
        )
    if key in layout.BOOLEAN_KEYS:
        return layout.boolean(value)
    if key in layout.LIST_KEYS:
        return layout.split_list(value)
    if key == "critical":
        return layout.parse_critical(layout.number(value) if isinstance(value, str) else value)
    return value


def _put_text(target: dict[str, Any], key: str, lang: str, value: Any) -> None:
    text = target.setdefault(key, {})
    if isinstance(text, dict):
        text[lang] = value if isinstance(value, str) else str(value)


def _settings(rows: list[_Row], doc: WorkbookDocument) -> None:
    data = doc.data
    data["format"] = layout.FORMAT
    doc.cells[()] = "settings!A1"
    if not rows:
        doc.problems.append(("settings!A2", (), _("the settings sheet needs one row of values")))
        return
    row = rows[0]
    for extra in rows[1:]:
        doc.problems.append(
            (extra.cell(next(iter(extra.values))), (), _("settings has one row; this one is extra"))
        )
    for column, value in row.values.items():
        text = layout.text_column(column)
        if text:
            key, lang = text
            _put_text(data, key, lang, value)
            doc.cells.setdefault((key,), row.cell(column))
            doc.cells[(key, lang)] = row.cell(column)
        elif column.startswith("scoring."):
            key = column.removeprefix("scoring.")
            data.setdefault("scoring", {})[key] = layout.number(value)
            doc.cells.setdefault(("scoring",), row.cell(column))
            doc.cells[("scoring", key)] = row.cell(column)
        else:
            if column == "languages":
                value = layout.split_list(value)
            elif column in ("id", "version", "audience", "format") and not isinstance(value, str):
                value = str(value)
            data[column] = value
            doc.cells[(column,)] = row.cell(column)


def _scales(rows: list[_Row], doc: WorkbookDocument) -> None:
    scales: dict[str, Any] = {}
    doc.data["scales"] = scales
    doc.cells[("scales",)] = "scales!A1"
    for row in rows:
        name = row.values.get("scale")
        if name is None:
            doc.problems.append((row.cell("scale"), ("scales",), _("the scale name is empty")))
            continue
        name = str(name)
        options = scales.setdefault(name, {"options": []})["options"]
        doc.cells.setdefault(("scales", name), row.cell("scale"))
        index = len(options)
        base: Path = ("scales", name, "options", index)
        option: dict[str, Any] = {}
        doc.cells[base] = row.cell("option")
        for column, value in row.values.items():
            if column == "scale":
                continue
            text = layout.text_column(column)
            if text:
                _put_text(option, text[0], text[1], value)
                doc.cells.setdefault((*base, text[0]), row.cell(column))
                doc.cells[(*base, text[0], text[1])] = row.cell(column)
                continue
            key = "id" if column == "option" else column
            if key == "id" and not isinstance(value, str):
                value = layout.number(value)
                value = (
                    str(int(value))
                    if isinstance(value, float) and value.is_integer()
                    else str(value)
                )
            option[key] = _value(key, value)
            doc.cells[(*base, key)] = row.cell(column)
        options.append(option)


def _levels(rows: list[_Row], doc: WorkbookDocument) -> None:
    levels: list[dict[str, Any]] = []
    doc.data["levels"] = levels
    doc.cells[("levels",)] = "levels!A1"
    for row in rows:
        base: Path = ("levels", len(levels))
        level: dict[str, Any] = {}
        doc.cells[base] = row.cell(next(iter(row.values)))
        for column, value in row.values.items():
            text = layout.text_column(column)
            if text:
                _put_text(level, text[0], text[1], value)
                doc.cells.setdefault((*base, text[0]), row.cell(column))
                doc.cells[(*base, text[0], text[1])] = row.cell(column)
            else:
                level[column] = _value(column, value)
                doc.cells[(*base, column)] = row.cell(column)
        levels.append(level)


def _conflict(domain_id: str, key: str, other: str) -> str:
    return _(
        "domain '{domain}' already has another {field} in {other}; leave this cell empty or "
        "make it the same"
    ).format(domain=domain_id, field=key, other=other)


def _domain_field(
    domain: dict[str, Any], key: str, value: Any, cell: str, doc: WorkbookDocument, path: Path
) -> None:
    if key in domain and domain[key] != value:
        doc.problems.append((cell, path, _conflict(domain["id"], key, doc.cells.get(path, "?"))))
        return
    if key not in domain:
        domain[key] = value
        doc.cells[path] = cell


def _questions(rows: list[_Row], doc: WorkbookDocument) -> None:
    domains: list[dict[str, Any]] = []
    by_id: dict[str, int] = {}
    doc.data["domains"] = domains
    doc.cells[("domains",)] = "questions!A1"
    for row in rows:
        domain_id = row.values.get("domain")
        if domain_id is None:
            doc.problems.append(
                (row.cell("domain"), ("domains",), _("the domain of this question is empty"))
            )
            continue
        domain_id = str(domain_id)
        if domain_id not in by_id:
            by_id[domain_id] = len(domains)
            domains.append({"id": domain_id})
            doc.cells[("domains", by_id[domain_id])] = row.cell("domain")
            doc.cells[("domains", by_id[domain_id], "id")] = row.cell("domain")
        d_index = by_id[domain_id]
        domain = domains[d_index]
        questions = domain.setdefault("questions", [])
        base: Path = ("domains", d_index, "questions", len(questions))
        question: dict[str, Any] = {}
        doc.cells[base] = row.cell("id")
        for column, value in row.values.items():
            if column == "domain":
                continue
            cell = row.cell(column)
            anchor = layout.anchor_column(column)
            text = layout.text_column(column)
            if anchor:
                option, lang = anchor
                anchors = question.setdefault("anchors", {})
                _put_text(anchors, option, lang, value)
                doc.cells.setdefault((*base, "anchors"), cell)
                doc.cells[(*base, "anchors", option, lang)] = cell
            elif text and text[0].startswith("domain_"):
                key, lang = text[0].removeprefix("domain_"), text[1]
                path: Path = ("domains", d_index, key, lang)
                current = domain.get(key, {})
                if isinstance(current, dict) and lang in current and current[lang] != value:
                    doc.problems.append((cell, path, _conflict(domain_id, key, doc.cells[path])))
                elif isinstance(current, dict) and lang not in current:
                    _put_text(domain, key, lang, value)
                    doc.cells[path] = cell
                    doc.cells.setdefault(("domains", d_index, key), cell)
            elif text:
                _put_text(question, text[0], text[1], value)
                doc.cells.setdefault((*base, text[0]), cell)
                doc.cells[(*base, text[0], text[1])] = cell
            elif column.startswith("domain_"):
                key = column.removeprefix("domain_")
                _domain_field(
                    domain, key, _value(column, value), cell, doc, ("domains", d_index, key)
                )
            else:
                question[column] = _value(column, value)
                doc.cells[(*base, column)] = cell
        # A domain's own keys come first in the data, as in a YAML file.
        questions.append(question)
    for index, domain in enumerate(domains):
        questions = domain.pop("questions", [])
        domain["questions"] = questions
        doc.cells.setdefault(("domains", index, "questions"), doc.cells[("domains", index)])


def _migrations(rows: list[_Row], doc: WorkbookDocument) -> None:
    if not rows:
        return
    blocks: list[dict[str, Any]] = []
    by_from: dict[str, int] = {}
    doc.cells[("migrations",)] = "migrations!A1"
    for row in rows:
        versions = row.values.get("from")
        key = str(versions)
        if key not in by_from:
            by_from[key] = len(blocks)
            listed = layout.split_list(versions if isinstance(versions, str) else key)
            blocks.append({"from": listed, "questions": {}})
            doc.cells[("migrations", by_from[key])] = row.cell("from")
            doc.cells[("migrations", by_from[key], "from")] = row.cell("from")
        index = by_from[key]
        old = row.values.get("old")
        if old is None:
            if row.values.get("new") is not None or row.values.get("options") is not None:
                doc.problems.append(
                    (row.cell("old"), ("migrations", index), _("the old question id is empty"))
                )
            continue  # a row with only `from`: the block exists, every answer carries by id
        old = str(old)
        new = row.values.get("new")
        options = layout.parse_options(row.values.get("options"))
        rule: Any = None if new is None else str(new)
        if options:
            rule = {"to": rule, "options": options}
        blocks[index]["questions"][old] = rule
        doc.cells[("migrations", index, "questions", old)] = row.cell("old")
        for column in row.values:
            if column not in ("from", "old", "new", "options"):
                doc.problems.append(
                    (
                        row.cell(column),
                        ("migrations", index),
                        _("unknown column '{column}' (known: from, old, new, options)").format(
                            column=column
                        ),
                    )
                )
    doc.data["migrations"] = blocks


def assemble(sheets: dict[str, list[_Row]], doc: WorkbookDocument) -> None:
    """Fill ``doc.data`` and ``doc.cells`` from the rows of each known sheet."""
    for name in ("settings", "scales", "levels", "questions"):
        if name not in sheets:
            doc.problems.append(
                ("(workbook)", (), _("the sheet '{sheet}' is missing").format(sheet=name))
            )
    _settings(sheets.get("settings", []), doc)
    _scales(sheets.get("scales", []), doc)
    _levels(sheets.get("levels", []), doc)
    _questions(sheets.get("questions", []), doc)
    _migrations(sheets.get("migrations", []), doc)
