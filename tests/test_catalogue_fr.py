"""The French catalogue is complete, current and faithful to the code's messages (DESIGN 11).

- GNU msgfmt compiles it with ``--check``: no untranslated, no fuzzy entry, formats consistent;
- the template (.pot) and the French .po hold exactly the strings the code passes to ``_()`` and
  ``ngettext()`` today, so a new English string without French fails here;
- every ``{placeholder}`` (and every ``%`` directive of argparse's messages) of a msgid is in its
  msgstr, and nothing else is;
- TLP labels are never translated.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import string
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "readiness.pot"
FRENCH = LOCALE / "fr" / "LC_MESSAGES" / "readiness.po"

_MSGFMT_REQUIRED = "READINESS_TEST_MSGFMT_REQUIRED"


def _catalog(path: Path):  # -> babel.messages.catalog.Catalog
    with path.open("rb") as handle:
        return read_po(handle)


def _code_messages() -> set[str | tuple[str, ...]]:
    """msgids of every ``_()``/``ngettext()`` call under src/readiness, as Babel extracts them."""
    found: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "src" / "readiness", keywords=DEFAULT_KEYWORDS
    ):
        found.add(message)
    return found


def test_the_extractor_sees_every_translated_literal() -> None:
    """Every ``_("...")``/``ngettext("...", ...)`` literal in the code (read with Python's own
    parser) is in what Babel extracts: a call inside an f-string, for one, is invisible to
    Babel on Python 3.11, so its text would never be translated."""
    extracted = {m if isinstance(m, str) else m[0] for m in _code_messages()}
    missed = []
    for path in sorted((ROOT / "src" / "readiness").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in extracted
            ):
                missed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[0].value!r}")
    assert missed == []


def test_no_message_is_both_plain_and_counted() -> None:
    """gettext keeps one entry per msgid: a text given to ``_()`` and, as a singular, to
    ``ngettext()`` would be translated in only one of the two places."""
    messages = _code_messages()
    singulars = {m[0] for m in messages if isinstance(m, tuple)}
    assert sorted(m for m in messages if isinstance(m, str) and m in singulars) == []


def _ids(catalog) -> set[str | tuple[str, ...]]:
    return {m.id for m in catalog if m.id}


def _brace_fields(text: str) -> Counter[str]:
    """``{name:spec!conv}`` fields of a ``str.format`` text, literal ``{{ }}`` excluded."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # not a format string (a literal brace in a message never formatted)
        return Counter(re.findall(r"\{[^{}]*\}", text))
    return Counter(f"{name}:{spec}!{conv}" for _lit, name, spec, conv in parsed if name is not None)


def _percent_directives(text: str) -> Counter[str]:
    return Counter(re.findall(r"%(?:\([a-z_]+\))?[sdr]", text))


def _pairs(message) -> list[tuple[str, str]]:
    """(source, translation) pairs: singular with msgstr[0], plural with msgstr[1]."""
    if isinstance(message.id, tuple):
        return list(zip(message.id, message.string, strict=True))
    return [(message.id, message.string)]


def test_french_catalogue_compiles_with_nothing_untranslated_or_fuzzy(tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get(_MSGFMT_REQUIRED):
            pytest.fail(f"msgfmt not found but {_MSGFMT_REQUIRED} is set (apt-get install gettext)")
        pytest.skip("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "readiness.mo"), str(FRENCH)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics
    assert int(statistics.split()[0]) == len(_ids(_catalog(FRENCH)))


def test_french_plural_forms_are_two_with_one_for_zero_and_one() -> None:
    header = _catalog(FRENCH).mime_headers
    assert ("Plural-Forms", "nplurals=2; plural=(n > 1);") in header
    assert ("Language", "fr") in header


def test_template_and_french_catalogue_hold_exactly_the_code_strings() -> None:
    in_code = _code_messages()
    in_template = _ids(_catalog(TEMPLATE))
    in_french = _ids(_catalog(FRENCH))
    advice = "run: python scripts/catalogue.py update, then translate the new entries"
    assert sorted(map(str, in_code - in_template)) == [], f"missing from the .pot; {advice}"
    assert sorted(map(str, in_template - in_code)) == [], f"stale in the .pot; {advice}"
    assert sorted(map(str, in_code - in_french)) == [], f"missing from the French .po; {advice}"
    assert sorted(map(str, in_french - in_code)) == [], f"stale in the French .po; {advice}"


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    wrong = []
    for message in _catalog(FRENCH):
        if not message.id:
            continue
        for source, translation in _pairs(message):
            if _brace_fields(source) != _brace_fields(translation) or _percent_directives(
                source
            ) != _percent_directives(translation):
                wrong.append(f"{source!r} -> {translation!r}")
    assert wrong == []


def test_translations_format_with_the_same_arguments_as_their_source() -> None:
    """What the code does at run time: ``_(msgid).format(**fields)`` must not raise."""
    failures = []
    for message in _catalog(FRENCH):
        if not message.id or "python-brace-format" not in message.flags:
            continue
        for source, translation in _pairs(message):
            fields = {name: 1 for _l, name, _s, _c in string.Formatter().parse(source) if name}
            try:
                source.format(**fields)
            except (KeyError, IndexError, ValueError, TypeError):
                continue  # not a str.format message after all (e.g. ${question-id} in prose)
            try:
                translation.format(**fields)
            except (KeyError, IndexError, ValueError, TypeError) as exc:
                failures.append(f"{translation!r}: {exc!r}")
    assert failures == []


def test_tlp_labels_stay_untranslated() -> None:
    label = re.compile(r"TLP:(?:CLEAR|GREEN|AMBER\+STRICT|AMBER|RED)")
    wrong = []
    for message in _catalog(FRENCH):
        if not message.id:
            continue
        for source, translation in _pairs(message):
            if label.findall(source) != label.findall(translation):
                wrong.append(f"{source!r} -> {translation!r}")
    assert wrong == []


def test_french_keeps_the_kind_of_line_ending_and_accelerator_of_its_source() -> None:
    """A message ending in a newline, a colon-space or an ellipsis keeps it; a menu text with
    an ``&`` accelerator keeps exactly one (``&&`` is a literal ampersand)."""
    wrong = []
    for message in _catalog(FRENCH):
        if not message.id:
            continue
        for source, translation in _pairs(message):
            if source.endswith("\n") != translation.endswith("\n"):
                wrong.append(f"newline: {translation!r}")
            if source.endswith("…") != translation.endswith("…"):
                wrong.append(f"ellipsis: {translation!r}")
            accelerators = len(re.findall(r"&(?=[^&\s])", source.replace("&&", "")))
            if (
                accelerators
                and len(re.findall(r"&(?=[^&\s])", translation.replace("&&", ""))) != accelerators
            ):
                wrong.append(f"accelerator: {translation!r}")
    assert wrong == []


def test_every_schema_wording_shown_to_authors_has_french() -> None:
    """The validator quotes ``x-expected`` wordings of questionnaires/schema.json (English data
    file) through :func:`expected_text`; each must have a French text."""
    from readiness import i18n
    from readiness.questionnaire.schema_check import expected_text

    wordings: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("x-expected"), str):
                wordings.add(node["x-expected"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "questionnaires" / "schema.json").read_text(encoding="utf-8")))
    i18n.set_language("fr")
    assert wordings
    assert sorted(w for w in wordings if expected_text(w) == w) == []
