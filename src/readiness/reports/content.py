"""One renderer-neutral view of a report: every label, figure and row both renderers show.

The PDF and the Excel file are built from the same :class:`ReportContent`, so they always agree
on wording, rounding and ordering. User text is cleaned here (characters that XML, and so both
file formats, cannot hold are replaced) but never interpreted: escaping for PDF markup and
forcing text cells in Excel is each renderer's job.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from readiness import locale_format
from readiness.domain.answers import Evidence, EvidenceKind, NotApplicable, TextAnswer
from readiness.domain.method import method_summary
from readiness.domain.model import Critical, Level, Questionnaire, localize
from readiness.domain.progress import progress
from readiness.domain.report import AnswerDetail, Marking, Report
from readiness.domain.scoring import Recommendation, Status, shown
from readiness.i18n import _, current_language

# C0 controls except tab/newline/carriage return, lone surrogates and the two non-characters:
# none of them may appear in XML (xlsx) and reportlab cannot encode surrogates.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

# Level colours run from red (lowest) to green (highest); in between they are interpolated so a
# questionnaire with 3 or 7 levels still gets a sensible ramp.
_LEVEL_RAMP = ("#C62828", "#EF6C00", "#F2B400", "#7CB342", "#2E7D32")


def draft_word() -> str:
    """The DRAFT mark of an incomplete assessment (translatable, unlike TLP labels)."""
    return _("DRAFT")


def clean(text: str | None) -> str:
    """User or questionnaire text with characters no report format can hold replaced."""
    if not text:
        return ""
    return _ILLEGAL.sub(REPLACEMENT, str(text))


def points(value: float) -> str:
    """An option score as typed in the questionnaire: 3 rather than 3.0, else one decimal."""
    if float(value).is_integer():
        return locale_format.integer(int(value))
    return locale_format.decimal(shown(value))


def score_text(score: float | None) -> str:
    """A score to one decimal, in the language's form (``47.5``, ``47,5``); ``—`` for none."""
    return "—" if score is None else locale_format.decimal(shown(score))


def percent_text(fraction: float) -> str:
    """Completeness as a percentage that never shows 100 % before it is complete."""
    return locale_format.percent(math.floor(fraction * 1000 + 1e-9) / 10)


def date_text(moment: datetime) -> str:
    """Date and time to the minute in the language's form, with the offset (DESIGN 11)."""
    return locale_format.moment(moment)


def _mix(a: str, b: str, t: float) -> str:
    ra, ga, ba = (int(a[i : i + 2], 16) for i in (1, 3, 5))
    rb, gb, bb = (int(b[i : i + 2], 16) for i in (1, 3, 5))
    red, green, blue = (round(x + (y - x) * t) for x, y in ((ra, rb), (ga, gb), (ba, bb)))
    return f"#{red:02X}{green:02X}{blue:02X}"


def ramp_colour(position: float) -> str:
    """Colour at ``position`` (0 = worst, 1 = best) on the red-to-green ramp."""
    position = min(1.0, max(0.0, position))
    scaled = position * (len(_LEVEL_RAMP) - 1)
    index = min(int(scaled), len(_LEVEL_RAMP) - 2)
    return _mix(_LEVEL_RAMP[index], _LEVEL_RAMP[index + 1], scaled - index)


def level_colour(questionnaire: Questionnaire, level: Level) -> str:
    levels = questionnaire.levels
    if len(levels) < 2:
        return _LEVEL_RAMP[-1]
    index = next((i for i, lv in enumerate(levels) if lv.level == level.level), 0)
    return ramp_colour(index / (len(levels) - 1))


def audience_label(audience: str) -> str:
    return {
        "company": _("Company"),
        "defence_unit": _("Defence unit / CIMIC cell"),
    }.get(audience, audience)


def kind_label(kind: str) -> str:
    return {
        "company": _("Company"),
        "defence_unit": _("Defence unit / CIMIC cell"),
        "other": _("Other organisation"),
    }.get(kind, clean(kind))


def status_label(status: str) -> str:
    return {
        "draft": _("Draft"),
        "completed": _("Completed"),
    }.get(status, clean(status))


def marking_meaning(marking: Marking) -> str:
    """What the TLP label allows recipients to do (FIRST TLP 2.0, in short)."""
    return {
        Marking.CLEAR: _("Disclosure is not limited: recipients may share this with the world."),
        Marking.GREEN: _(
            "Limited disclosure: recipients may share this within their community, "
            "but not through publicly accessible channels."
        ),
        Marking.AMBER: _(
            "Limited disclosure: recipients may share this only on a need-to-know basis within "
            "their organisation and with its clients."
        ),
        Marking.AMBER_STRICT: _(
            "Limited disclosure: recipients may share this only on a need-to-know basis within "
            "their organisation."
        ),
        Marking.RED: _(
            "For the eyes and ears of individual recipients only: no further disclosure."
        ),
    }[marking]


def method_paragraphs() -> tuple[str, ...]:
    """The scoring method in plain words (DESIGN section 3), for the appendix and About sheet."""
    return (
        _(
            "Each question is answered on its scale. The points of the chosen answer divided by "
            "the highest points on the scale give the question a value between 0 and 1; a "
            "question left unanswered counts as 0."
        ),
        _(
            "A domain's score is the weighted average of its question values, times 100. "
            "Questions answered N/A (always with a justification) and questions that do not "
            "apply given earlier answers are left out. A domain with no scored question has no "
            "score and does not count towards the overall score."
        ),
        _(
            "The overall score is the weighted average of the domain scores, shown with one "
            "decimal. The level is the highest level whose minimum this shown figure reaches."
        ),
        _(
            "Critical questions limit the level: while a critical question is unanswered or "
            "scores below one of its thresholds, the level cannot exceed that threshold's cap, "
            "whatever the overall score. N/A does not limit the level."
        ),
        _(
            "Each domain also gets a level from its own score. Where the questionnaire sets it, "
            "the overall level is at most the lowest domain level plus a fixed margin, so one "
            "neglected domain holds the whole result down."
        ),
        _(
            "A domain in which more than a third of the question weight is answered N/A is "
            "marked low confidence. An answer worth three quarters of the scale or more is "
            "unverified unless evidence dated within 730 days before the assessment's last "
            "change backs it; unverified answers still count and are listed."
        ),
        _(
            "Completeness is the share of applicable questions that are answered or N/A. Until "
            "it reaches 100 % the figures are provisional."
        ),
        _(
            "An action is due for each applicable question that is unanswered or scores below "
            "its recommendation threshold. Its priority is domain weight × question weight × "
            "(1 − value), doubled when the question limits the level. Actions are listed by "
            "priority, highest first, then in questionnaire order."
        ),
    )


@dataclass(frozen=True)
class QuestionView:
    number: str  # "2.3": domain 2, question 3, for people to refer to
    id: str
    domain_id: str
    domain_title: str
    text: str
    is_choice: bool
    status: Status
    answer: str  # option label, free text, or a status word ("Not answered", "N/A", ...)
    points: float | None  # option score
    max_points: float | None  # highest score on the scale
    value: float | None  # points / max; 0 when unanswered
    weight: float
    critical: Critical | None
    capping: bool
    justification: str  # N/A justification
    comment: str
    flagged: bool
    recommendation: str  # the action text when an action is due, else ""
    priority: float | None
    rank: int | None  # position in the action plan
    cap: int | None = None  # the level this answer caps at (critical tiers), None: no cap
    evidence: str = ""  # "exercise: AAR 2026-03 p.4 (2026-03-20)", or ""
    unverified: bool = False  # a high answer with no evidence recent enough (DESIGN 3)
    is_scored: bool = True  # False for profile questions (answered, never scored)
    tiers: tuple[Critical, ...] = ()  # every critical tier (DESIGN section 3)

    @property
    def tiers_text(self) -> str:
        """ "below 2 → level 2, below 3 → level 3"; "" for a question that is not critical."""
        return ", ".join(
            _("below {below} → level {cap}").format(below=points(t.below), cap=t.cap_level)
            for t in self.tiers
        )

    @property
    def na(self) -> bool:
        return self.status is Status.NA

    @property
    def score_text(self) -> str:
        if self.points is not None and self.max_points is not None:
            return f"{points(self.points)} / {points(self.max_points)}"
        if self.is_choice and self.status is Status.UNANSWERED and self.max_points is not None:
            return f"0 / {points(self.max_points)}"
        return "—"


@dataclass(frozen=True)
class DomainView:
    number: int
    id: str
    title: str
    description: str
    weight: float
    score: float | None
    level: Level | None
    level_label: str
    colour: str | None
    answered: int
    na: int
    applicable: int
    unanswered: int
    questions: tuple[QuestionView, ...]
    low_confidence: bool = False
    limiting: bool = False  # at the lowest domain level, holding the overall level down

    @property
    def score_text(self) -> str:
        return score_text(self.score)


@dataclass(frozen=True)
class ActionView:
    rank: int
    priority: float
    question: QuestionView
    text: str
    capping: bool

    @property
    def priority_text(self) -> str:
        """Priority as in the JSON output, without trailing zeros: 4, 1.5, 0.75."""
        text = locale_format.decimal(round(self.priority, 2), 2)
        return text.rstrip("0").rstrip(".,")


@dataclass(frozen=True)
class LevelView:
    level: Level
    label: str
    colour: str
    range_text: str  # "40.0 – 59.9"


@dataclass(frozen=True)
class ReportContent:
    report: Report
    language: str
    heading: str  # report title, else the questionnaire title
    questionnaire_title: str
    organisation: str
    organisation_kind: str
    sector: str
    country: str
    assessor: str
    audience: str
    status: str
    marking: Marking
    marking_meaning: str
    level: Level
    level_label: str
    level_colour: str
    uncapped_level: Level
    uncapped_label: str
    overall_text: str
    completeness: float
    completeness_text: str
    answered: int
    na: int
    unanswered: int
    relevant: int
    domains: tuple[DomainView, ...]
    actions: tuple[ActionView, ...]
    capping_questions: tuple[QuestionView, ...]
    na_questions: tuple[QuestionView, ...]
    not_relevant: tuple[QuestionView, ...]
    levels: tuple[LevelView, ...]
    created: str
    updated: str
    generated: str
    unverified: tuple[QuestionView, ...] = ()
    limiting_domains: tuple[DomainView, ...] = ()
    method_summary: str = ""
    as_of: str = ""  # the date the evidence rule was judged on

    @property
    def is_draft(self) -> bool:
        return self.report.is_draft

    @property
    def is_capped(self) -> bool:
        """The level is lower than the score alone would give."""
        return self.level.level < self.uncapped_level.level

    @property
    def level_text(self) -> str:
        return _("Level {n} — {label}").format(n=self.level.level, label=self.level_label)

    @property
    def uncapped_text(self) -> str:
        return _("Level {n} — {label}").format(
            n=self.uncapped_level.level, label=self.uncapped_label
        )

    @property
    def questions(self) -> tuple[QuestionView, ...]:
        return tuple(q for d in self.domains for q in d.questions)

    @property
    def scored_domains(self) -> tuple[DomainView, ...]:
        """Every domain but profile ones (only profile questions, never scored): charts and score
        tables leave those out."""
        return tuple(
            d
            for d in self.domains
            if any(q.is_scored for q in d.questions) or not any(q.is_choice for q in d.questions)
        )


def _answer_word(status: Status) -> str:
    return {
        Status.NA: _("N/A"),
        Status.UNANSWERED: _("Not answered"),
        Status.NOT_RELEVANT: _("Not relevant"),
        Status.ANSWERED: _("Answered"),
    }[status]


def status_word(status: Status) -> str:
    """Status of a question as a word for filters and tables."""
    return _answer_word(status)


def build_content(report: Report) -> ReportContent:
    """Gather, localise and clean everything the renderers show."""
    result = report.result
    questionnaire = result.questionnaire
    lang = report.language or current_language()
    capping = set(result.capped_by)
    unverified = set(result.unverified)
    limiting = set(result.limited_by_domains)
    ranked: dict[str, tuple[int, Recommendation]] = {
        rec.question.id: (rank, rec) for rank, rec in enumerate(result.recommendations, start=1)
    }

    domains: list[DomainView] = []
    views: dict[str, QuestionView] = {}
    for d_index, domain in enumerate(questionnaire.domains, start=1):
        domain_title = clean(localize(domain.title, lang))
        questions: list[QuestionView] = []
        for q_index, question in enumerate(domain.questions, start=1):
            outcome = result.questions.get(question.id)
            status = outcome.status if outcome is not None else Status.UNANSWERED
            detail = report.details.get(question.id) or AnswerDetail()
            answer = detail.answer
            if outcome is not None and outcome.option is not None:
                answer_text = clean(localize(outcome.option.label, lang))
            elif (
                not question.is_choice
                and isinstance(answer, TextAnswer)
                and status is not (Status.NOT_RELEVANT)
            ):
                answer_text = clean(answer.text)
            else:
                answer_text = _answer_word(status)
            justification = ""
            if status is Status.NA and isinstance(answer, NotApplicable):
                justification = clean(answer.justification)
            rank_rec = ranked.get(question.id)
            scale = question.scale
            cap = None
            if question.id in capping and outcome is not None:
                cap = question.cap_for(outcome.option.score if outcome.option else None)
            view = QuestionView(
                number=f"{d_index}.{q_index}",
                id=question.id,
                domain_id=domain.id,
                domain_title=domain_title,
                text=clean(localize(question.text, lang)),
                is_choice=question.is_choice,
                status=status,
                answer=answer_text,
                points=outcome.option.score if outcome and outcome.option else None,
                max_points=scale.max_score if scale is not None else None,
                value=outcome.value if outcome is not None else None,
                weight=question.weight,
                critical=question.critical,
                capping=question.id in capping,
                justification=justification,
                comment=clean(detail.comment),
                flagged=bool(detail.flagged),
                recommendation=clean(localize(rank_rec[1].text, lang)) if rank_rec else "",
                priority=rank_rec[1].priority if rank_rec else None,
                rank=rank_rec[0] if rank_rec else None,
                cap=cap,
                evidence=evidence_text(detail.evidence),
                unverified=question.id in unverified,
                is_scored=question.is_scored,
                tiers=question.tiers,
            )
            questions.append(view)
            views[question.id] = view
        dres = result.domain(domain.id)
        d_score = dres.score if dres is not None else None
        d_level = questionnaire.level_for(shown(d_score)) if d_score is not None else None
        unanswered = sum(1 for q in questions if q.is_choice and q.status is Status.UNANSWERED)
        domains.append(
            DomainView(
                number=d_index,
                id=domain.id,
                title=domain_title,
                description=clean(localize(domain.description, lang)),
                weight=domain.weight,
                score=d_score,
                level=d_level,
                level_label=clean(localize(d_level.label, lang)) if d_level else "—",
                colour=level_colour(questionnaire, d_level) if d_level else None,
                answered=dres.answered if dres else 0,
                na=dres.na if dres else 0,
                applicable=dres.applicable if dres else 0,
                unanswered=unanswered,
                questions=tuple(questions),
                low_confidence=bool(dres and dres.low_confidence),
                limiting=domain.id in limiting,
            )
        )

    actions = tuple(
        ActionView(
            rank=rank,
            priority=rec.priority,
            question=views[rec.question.id],
            text=clean(localize(rec.text, lang)),
            capping=rec.capping,
        )
        for rank, rec in enumerate(result.recommendations, start=1)
        if rec.question.id in views
    )

    levels: list[LevelView] = []
    for index, level in enumerate(questionnaire.levels):
        upper = (
            questionnaire.levels[index + 1].min if index + 1 < len(questionnaire.levels) else None
        )
        if upper is None:
            range_text = _("{low} and above").format(low=locale_format.decimal(level.min))
        else:
            low, high = locale_format.decimal(level.min), locale_format.decimal(upper - 0.1)
            range_text = f"{low} – {high}"
        levels.append(
            LevelView(
                level,
                clean(localize(level.label, lang)),
                level_colour(questionnaire, level),
                range_text,
            )
        )

    all_questions = list(views.values())
    choice = [q for q in all_questions if q.is_choice and q.status is not Status.NOT_RELEVANT]
    answered = sum(1 for q in choice if q.status is Status.ANSWERED)
    na = sum(1 for q in choice if q.status is Status.NA)
    return ReportContent(
        report=report,
        language=lang,
        heading=clean(report.title) or clean(localize(questionnaire.title, lang)),
        questionnaire_title=clean(localize(questionnaire.title, lang)),
        organisation=clean(report.organisation),
        organisation_kind=kind_label(report.organisation_kind),
        sector=clean(report.sector),
        country=clean(report.country),
        assessor=clean(report.assessor),
        audience=audience_label(questionnaire.audience),
        status=status_label(report.status),
        marking=report.marking,
        marking_meaning=marking_meaning(report.marking),
        level=result.level,
        level_label=clean(localize(result.level.label, lang)),
        level_colour=level_colour(questionnaire, result.level),
        uncapped_level=result.uncapped_level,
        uncapped_label=clean(localize(result.uncapped_level.label, lang)),
        overall_text=score_text(result.overall),
        completeness=result.completeness,
        completeness_text=percent_text(result.completeness),
        answered=answered,
        na=na,
        unanswered=len(choice) - answered - na,
        relevant=progress(result).total,  # the one source of counts (issue 9)
        domains=tuple(domains),
        actions=actions,
        capping_questions=tuple(views[qid] for qid in result.capped_by if qid in views),
        na_questions=tuple(q for q in all_questions if q.status is Status.NA),
        not_relevant=tuple(q for q in all_questions if q.status is Status.NOT_RELEVANT),
        levels=tuple(levels),
        created=date_text(report.created_at),
        updated=date_text(report.updated_at),
        generated=date_text(report.generated_at),
        unverified=tuple(views[qid] for qid in result.unverified if qid in views),
        limiting_domains=tuple(d for d in domains if d.limiting),
        method_summary=method_summary(questionnaire),
        as_of=locale_format.day(result.as_of) if result.as_of else "",
    )


def evidence_text(evidence: Evidence | None) -> str:
    """Evidence as one readable line: kind, reference and date."""
    if evidence is None:
        return ""
    kind = {
        EvidenceKind.DOCUMENT: _("document"),
        EvidenceKind.RECORD: _("record"),
        EvidenceKind.EXERCISE: _("exercise report"),
        EvidenceKind.PARTNER_CONFIRMATION: _("partner confirmation"),
    }[evidence.kind]
    return _("{kind}: {reference} ({date})").format(
        kind=kind, reference=clean(evidence.reference), date=locale_format.day(evidence.date)
    )
