"""Score results as the JSON of DESIGN section 6 and as readable text lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from readiness import locale_format
from readiness.domain.answers import (
    AnswerDetail,
    Answers,
    ChoiceAnswer,
    NotApplicable,
    TextAnswer,
)
from readiness.domain.evidence import detail_to_dict, format_evidence
from readiness.domain.model import localize
from readiness.domain.scoring import ScoreResult, shown
from readiness.i18n import _


def score_json(result: ScoreResult, language: str | None = None) -> dict[str, Any]:
    questionnaire = result.questionnaire
    return {
        "questionnaire": questionnaire.id,
        "version": questionnaire.version,
        "overall": {
            "score": shown(result.overall),
            "level": result.level.level,
            "level_label": localize(result.level.label, language),
            "capped_by": list(result.capped_by),
            "limited_by_domains": list(result.limited_by_domains),
        },
        "completeness": round(result.completeness, 4),
        "domains": [
            {
                "id": d.id,
                "score": None if d.score is None else shown(d.score),
                "level": None if d.level is None else d.level.level,
                "answered": d.answered,
                "na": d.na,
                "applicable": d.applicable,
                "low_confidence": d.low_confidence,
            }
            for d in result.domains
        ],
        "unverified": list(result.unverified),
        "recommendations": [
            {
                "question": r.question.id,
                "priority": round(r.priority, 4),
                "text": localize(r.text, language),
            }
            for r in result.recommendations
        ],
    }


def answers_json(answers: Answers) -> dict[str, Any]:
    """Answers in the answers-file form: option id, {"na": why} or free text."""
    out: dict[str, Any] = {}
    for question_id, answer in answers.items():
        if isinstance(answer, ChoiceAnswer):
            out[question_id] = answer.option_id
        elif isinstance(answer, NotApplicable):
            out[question_id] = {"na": answer.justification}
        elif isinstance(answer, TextAnswer):
            out[question_id] = answer.text
    return out


def details_json(details: Mapping[str, AnswerDetail]) -> dict[str, Any]:
    """Answers in the answers-file form (DESIGN section 3), the long form where an answer has a
    comment, a flag or evidence: ``{option | na | text, comment, flagged, evidence}``."""
    out: dict[str, Any] = {}
    for question_id, detail in details.items():
        short = answers_json({question_id: detail.answer}) if detail.answer is not None else {}
        if not (detail.comment or detail.flagged or detail.evidence):
            out.update(short)
            continue
        out[question_id] = detail_to_dict(detail)
    return out


def evidence_lines(details: Mapping[str, AnswerDetail], result: ScoreResult) -> list[str]:
    """Evidence on answers and the unverified claims, for the terminal."""
    lines: list[str] = []
    backed = [(qid, d.evidence) for qid, d in details.items() if d.evidence is not None]
    if backed:
        lines += ["", _("Evidence:")]
        order = result.questionnaire.order
        for qid, evidence in sorted(backed, key=lambda item: order(item[0])):
            assert evidence is not None
            lines.append(f"  {qid}: {format_evidence(evidence)}")
    return lines


def score_lines(result: ScoreResult, language: str | None = None, top: int = 5) -> list[str]:
    """A readable summary for the terminal."""
    q = result.questionnaire
    lines = [
        f"{localize(q.title, language)} ({q.id} {q.version})",
        "",
        _("Domains:"),
    ]
    width = max((len(localize(d.title, language)) for d in result.domains), default=10)
    for d in result.domains:
        title = localize(d.title, language)
        score = (_("n/a") if d.score is None else locale_format.decimal(shown(d.score))).rjust(5)
        level = "  " if d.level is None else f"L{d.level.level}"
        counts = _("({answered}/{applicable} answered, {na} N/A)").format(
            answered=d.answered, applicable=d.applicable, na=d.na
        )
        domain = q.domain(d.id)
        if domain is not None and not any(x.is_scored for x in domain.questions):
            counts = _("(profile: not scored)")
        line = f"  {title:<{width}}  {score}  {level}  {counts}"
        if d.low_confidence:
            line += "  " + _("low confidence: over a third N/A")
        lines.append(line)
    lines += [
        "",
        _("Overall score: {score}").format(score=locale_format.decimal(shown(result.overall))),
        _("Level: {level} — {label}").format(
            level=result.level.level, label=localize(result.level.label, language)
        ),
    ]
    if result.capped_by:
        lines.append(
            _("Capped by critical questions: {ids}").format(ids=", ".join(result.capped_by))
        )
        if result.uncapped_level.level != result.level.level:
            lines.append(
                _("  (level {n} — {label} without the cap)").format(
                    n=result.uncapped_level.level,
                    label=localize(result.uncapped_level.label, language),
                )
            )
    if result.limited_by_domains:
        lines.append(
            _("Limited by the weakest domains: {ids}").format(
                ids=", ".join(result.limited_by_domains)
            )
        )
    if result.unverified:
        lines.append(
            _("Unverified claims (no evidence from the last 24 months): {ids}").format(
                ids=", ".join(result.unverified)
            )
        )
    lines.append(_("Completeness: {pct}").format(pct=locale_format.share(result.completeness)))
    if not result.complete:
        lines.append(_("This assessment is incomplete (DRAFT)."))
    if result.recommendations:
        lines += ["", _("Top recommendations:")]
        for index, rec in enumerate(result.recommendations[:top], start=1):
            lines.append(
                f"  {index}. [{locale_format.decimal(rec.priority)}] {rec.question.id}: "
                + localize(rec.text, language)
            )
        rest = len(result.recommendations) - top
        if rest > 0:
            lines.append(_("  ... and {n} more (use --json for all)").format(n=rest))
    return lines
