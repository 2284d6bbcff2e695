"""Turns validated questionnaire data into frozen domain objects."""

from __future__ import annotations

from typing import Any

from readiness.domain.conditions import Condition, parse_condition
from readiness.domain.model import (
    Critical,
    Domain,
    Level,
    MigrationBlock,
    MigrationRule,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Scale,
    ScoringRules,
)


def _text(value: Any) -> dict[str, str] | None:
    return dict(value) if isinstance(value, dict) else None


def _tiers(value: Any) -> tuple[Critical, ...]:
    """``critical``: one tier or a list of tiers (DESIGN section 2)."""
    if not value:
        return ()
    tiers = value if isinstance(value, list) else [value]
    return tuple(Critical(float(t["below"]), int(t["cap_level"])) for t in tiers)


def _scoring(value: Any) -> ScoringRules:
    if not isinstance(value, dict):
        return ScoringRules()
    allowance = value.get("max_levels_above_weakest_domain")
    return ScoringRules(None if allowance is None else int(allowance))


def build(data: dict[str, Any], conditions: dict[str, Condition] | None = None) -> Questionnaire:
    """Build a questionnaire from data that passed the schema and semantic checks.

    ``conditions`` holds conditions the checks already parsed, keyed by their text.
    """
    parsed = conditions or {}
    scales = {
        name: Scale(
            name,
            tuple(
                Option(str(o["id"]), float(o["score"]), dict(o["label"])) for o in scale["options"]
            ),
        )
        for name, scale in data["scales"].items()
    }
    levels = tuple(
        Level(int(lv["level"]), float(lv["min"]), dict(lv["label"])) for lv in data["levels"]
    )
    domains = []
    for domain in data["domains"]:
        questions = []
        for q in domain["questions"]:
            relevant = q.get("relevant")
            questions.append(
                Question(
                    id=q["id"],
                    domain_id=domain["id"],
                    type=QuestionType(q.get("type", "choice")),
                    text=dict(q["text"]),
                    scale=scales[q["scale"]] if "scale" in q else None,
                    guidance=_text(q.get("guidance")),
                    anchors={str(k): dict(v) for k, v in (q.get("anchors") or {}).items()},
                    weight=float(q.get("weight", 1)),
                    allow_na=bool(q.get("allow_na", True)),
                    tiers=_tiers(q.get("critical")),
                    relevant=(parsed.get(relevant) or parse_condition(relevant))
                    if relevant
                    else None,
                    topics=tuple(q.get("topics", ())),
                    serves=tuple(q.get("serves", ())),
                    recommendation=_text(q.get("recommendation")),
                    recommend_below=float(q["recommend_below"]) if "recommend_below" in q else None,
                )
            )
        domains.append(
            Domain(
                id=domain["id"],
                title=dict(domain["title"]),
                questions=tuple(questions),
                weight=float(domain.get("weight", 1)),
                description=_text(domain.get("description")),
            )
        )
    return Questionnaire(
        id=data["id"],
        version=str(data["version"]),
        audience=data["audience"],
        languages=tuple(data["languages"]),
        title=dict(data["title"]),
        scales=scales,
        levels=levels,
        domains=tuple(domains),
        description=_text(data.get("description")),
        migrations=_migrations(data.get("migrations") or []),
        scoring=_scoring(data.get("scoring")),
    )


def _migrations(blocks: list[dict[str, Any]]) -> tuple[MigrationBlock, ...]:
    built = []
    for block in blocks:
        rules: dict[str, MigrationRule] = {}
        for old, value in (block.get("questions") or {}).items():
            if isinstance(value, dict):
                options = {str(k): str(v) for k, v in (value.get("options") or {}).items()}
                rules[str(old)] = MigrationRule(value.get("to"), options)
            else:
                rules[str(old)] = MigrationRule(value)
        built.append(MigrationBlock(tuple(str(v) for v in block["from"]), rules))
    return tuple(built)
