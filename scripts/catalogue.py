"""Keep the gettext catalogues with Babel: the one command translators and developers run.

    python scripts/catalogue.py extract   # code strings -> resources/locale/readiness.pot
    python scripts/catalogue.py update    # extract, then merge the .pot into every LANG .po
    python scripts/catalogue.py compile   # .po -> .mo beside it (optional: the app compiles
                                          # on first use; the wheel build compiles its own)
    python scripts/catalogue.py check     # exit 1 when a code string is missing from a .po,
                                          # or a .po entry is untranslated or fuzzy
    python scripts/catalogue.py init LANG # start a catalogue for a new language

Paths and options live here so every run writes the same layout (no line wrapping, so a diff
shows one changed entry as one changed line). See docs/translation.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "readiness.pot"
DOMAIN = "readiness"
PROJECT = "Partnership Readiness"


def _pybabel(*args: str | Path) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *[str(a) for a in args]])


def extract(template: Path = TEMPLATE) -> None:
    _pybabel(
        "extract", "--mapping-file", ROOT / "babel.cfg", "--output-file", template,
        "--project", PROJECT, "--copyright-holder", PROJECT, "--no-wrap",
        "--add-comments", "Translators:", "--sort-by-file", "src",
    )  # fmt: skip


def update() -> None:
    extract()
    _pybabel(
        "update", "--input-file", TEMPLATE, "--output-dir", LOCALE, "--domain", DOMAIN,
        "--no-wrap", "--ignore-obsolete",
    )  # fmt: skip


def compile_all() -> None:
    _pybabel("compile", "--directory", LOCALE, "--domain", DOMAIN, "--statistics")


def init(language: str) -> None:
    _pybabel(
        "init", "--input-file", TEMPLATE, "--output-dir", LOCALE, "--domain", DOMAIN,
        "--locale", language, "--no-wrap",
    )  # fmt: skip


def check() -> int:
    """Every code string translated in every language, nothing fuzzy. Returns the exit code."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.pot"
        extract(fresh)
        with fresh.open("rb") as handle:
            wanted = {m.id for m in read_po(handle) if m.id}
    problems: list[str] = []
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        have = {m.id: m for m in catalog if m.id}
        where = po.relative_to(ROOT)
        for key in sorted(wanted - have.keys(), key=str):
            problems.append(f"{where}: missing: {key!r}")
        for key, message in have.items():
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                problems.append(f"{where}: untranslated: {key!r}")
            elif message.fuzzy:
                problems.append(f"{where}: fuzzy: {key!r}")
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)" if problems else "every catalogue is complete")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    os.chdir(ROOT)  # locations in the catalogues are relative to the repository
    LOCALE.mkdir(parents=True, exist_ok=True)
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if len(argv) == 1 and argv[0] in commands:
        commands[argv[0]]()
        return 0
    if argv == ["check"]:
        return check()
    if len(argv) == 2 and argv[0] == "init":
        init(argv[1])
        return 0
    print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
    print("usage: python scripts/catalogue.py extract|update|compile|check|init LANG",
          file=sys.stderr)  # fmt: skip
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
