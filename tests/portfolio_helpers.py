"""Small questionnaires for the portfolio, partnership and trend tests, built as YAML text.

Built here rather than taken from the built-in questionnaires, so hand-computed figures do not
move when the built-in content changes.
"""

from __future__ import annotations

from readiness.questionnaire.loader import LoadedQuestionnaire, load_text


def q(qid: str, topics: str = "", extra: str = "") -> str:
    """One choice question on the 0–4 scale ``m``; ``extra`` holds more keys, ';'-separated."""
    lines = [f"      - id: {qid}", "        scale: m", f"        text: {{en: Text of {qid}}}"]
    if topics:
        lines.append(f"        topics: [{topics}]")
    lines += [f"        {part.strip()}" for part in extra.split(";") if part.strip()]
    return "\n".join(lines) + "\n"


def domain(did: str, *questions: str, title: str | None = None) -> str:
    return f"  - id: {did}\n    title: {{en: {title or did.upper()}}}\n    questions:\n" + "".join(
        questions
    )


def questionnaire_text(qid: str, audience: str, version: str, *domains: str) -> str:
    return f"""\
format: readiness-questionnaire/1
id: {qid}
version: {version}
audience: {audience}
languages: [en]
title: {{en: {qid}}}
scales:
  m:
    options:
      - {{id: "0", score: 0, label: {{en: Absent}}}}
      - {{id: "1", score: 1, label: {{en: Ad hoc}}}}
      - {{id: "2", score: 2, label: {{en: Defined}}}}
      - {{id: "3", score: 3, label: {{en: Implemented}}}}
      - {{id: "4", score: 4, label: {{en: Tested}}}}
levels:
  - {{level: 1, min: 0, label: {{en: Initial}}}}
  - {{level: 2, min: 50, label: {{en: Managed}}}}
domains:
{"".join(domains)}"""


def loaded(qid: str, audience: str, version: str, *domains: str) -> LoadedQuestionnaire:
    return load_text(questionnaire_text(qid, audience, version, *domains))
