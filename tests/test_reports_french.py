"""`readiness --lang fr export` writes a French PDF and workbook (issue 15, DESIGN sections 5, 11):
headings from the catalogue, question texts from the questionnaire's French, numbers and dates
in French form, TLP labels untranslated. Read back with pypdf and openpyxl."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from readiness import catalogue_cache
from readiness.paths import builtin_questionnaires_dir

HEADINGS = ("Executive summary", "Top priority actions", "Summary", "Answers", "Domain scores")


def _french() -> dict[str, str]:
    """The catalogue's French for the headings checked here (each must be translated)."""
    po, mo = catalogue_cache.catalogue_paths("fr")
    if not po.exists() and not mo.exists():
        pytest.skip("no French catalogue in this tree yet")
    translations = catalogue_cache.load_translations("fr")
    french = {english: translations.gettext(english) for english in HEADINGS}
    untranslated = [english for english, text in french.items() if text == english]
    assert not untranslated, f"headings missing from the French catalogue: {untranslated}"
    return french


def _run(cmd: list[str], env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*cmd, *args], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


def _questionnaire(qid: str) -> dict:
    for path in builtin_questionnaires_dir().glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["id"] == qid:
            return data
    raise AssertionError(qid)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_lang_fr_export_writes_a_french_pdf_and_workbook(readiness_cmd, cli_env, tmp_path: Path):
    french = _french()
    cli_env = dict(cli_env, READINESS_LANG="en")
    _run(readiness_cmd, cli_env, "demo")
    rows = json.loads(_run(readiness_cmd, cli_env, "assessment", "list", "--json").stdout)
    row = next(r for r in rows if r["status"] == "completed")
    shown = json.loads(
        _run(readiness_cmd, cli_env, "assessment", "show", row["id"], "--json").stdout
    )
    pdf, xlsx = tmp_path / "fr.pdf", tmp_path / "fr.xlsx"
    _run(readiness_cmd, cli_env, "--lang", "fr", "export", row["id"], "--pdf", str(pdf),
         "--xlsx", str(xlsx))  # fmt: skip

    reader = PdfReader(pdf)
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    assert french["Executive summary"] in text
    assert french["Top priority actions"] in text
    assert "Executive summary" not in text
    assert "TLP:AMBER+STRICT" in text  # never translated
    score = f"{shown['overall']['score']:.1f}"
    assert score.replace(".", ",") in text  # 47,5 rather than 47.5
    assert re.search(r"\b\d\d/\d\d/20\d\d \d\d:\d\d UTC\b", text)  # the French date form
    assert not re.search(r"\b20\d\d-\d\d-\d\d \d\d:\d\d\b", text)
    assert reader.pdf_header and reader.trailer["/Root"].get("/Lang") in ("fr", "fr-FR")

    questionnaire = _questionnaire(shown["questionnaire"])
    assert questionnaire["version"] == shown["version"]  # the demo answers the shipped version
    assert "fr" in questionnaire["languages"]
    first = questionnaire["domains"][0]["questions"][0]["text"]
    assert _flat(first["fr"])[:40] in text  # questionnaire text from its French
    assert _flat(first["en"])[:40] not in text
    workbook = load_workbook(xlsx)
    titles = workbook.sheetnames
    assert french["Summary"] in titles and french["Answers"] in titles
    assert "Summary" not in titles
    for sheet in workbook.worksheets:
        assert "TLP:AMBER+STRICT" in str(sheet["A1"].value)
    answers = workbook[french["Answers"]]
    cells = " ".join(str(c.value) for r in answers.iter_rows() for c in r if c.value is not None)
    assert _flat(first["fr"])[:40] in _flat(cells)
    assert _flat(first["en"])[:40] not in _flat(cells)


def test_lang_fr_questionnaires_json_gives_french_titles(readiness_cmd, cli_env):
    listing = json.loads(
        _run(readiness_cmd, cli_env, "--lang", "fr", "questionnaires", "--json").stdout
    )
    compared = 0
    for entry in listing:
        data = _questionnaire(entry["id"])
        if data["version"] != entry["version"]:
            continue
        assert entry["title"] == data["title"]["fr"]
        assert entry["title"] != data["title"]["en"]
        compared += 1
    assert compared == 2  # both built-in questionnaires


def test_french_portfolio_headings_never_split_a_word(readiness_cmd, cli_env, tmp_path: Path):
    """The heatmap's narrow domain columns: long French words (Gouvernance, Reconnaissance)
    get a smaller type rather than a break inside the word."""
    _french()
    _run(readiness_cmd, cli_env, "demo")
    pdf = tmp_path / "portefeuille.pdf"
    _run(readiness_cmd, cli_env, "--lang", "fr", "portfolio", "--pdf", str(pdf))
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    listing = json.loads(_run(readiness_cmd, cli_env, "--lang", "fr", "portfolio", "--json").stdout)
    words = {
        word.strip(",.;:")
        for table in listing["questionnaires"]
        for domain in table["domains"]
        for word in domain["title"].split()
        if len(word) >= 9
    }
    assert words, "expected long words in the French domain titles"
    missing = sorted(w for w in words if w not in text)
    assert missing == [], f"split or missing in the heatmap headings: {missing}"


def test_the_terminal_speaks_french_with_french_numbers(readiness_cmd, cli_env):
    french = catalogue_cache.load_translations("fr")
    _run(readiness_cmd, cli_env, "demo")
    rows = json.loads(_run(readiness_cmd, cli_env, "assessment", "list", "--json").stdout)
    row = next(r for r in rows if r["status"] == "completed")
    listing = _run(readiness_cmd, cli_env, "--lang", "fr", "assessment", "list").stdout
    assert french.gettext("completed") in listing and "completed" not in listing
    score = f"{row['score']:.1f}".replace(".", ",")
    assert f"score {score}" in listing
    shown = _run(readiness_cmd, cli_env, "--lang", "fr", "assessment", "show", row["id"]).stdout
    overall = french.gettext("Overall score: {score}").format(score=score)
    assert overall != f"Overall score: {score}" and overall in shown
    assert not re.search(r"\b\d+\.\d\b", shown.split("\n\n")[2])  # the domain lines: 50,0
    usage = _run(readiness_cmd, cli_env, "--lang", "fr", "--help").stdout
    assert usage.startswith(french.gettext("usage: ")) and not usage.startswith("usage: ")
