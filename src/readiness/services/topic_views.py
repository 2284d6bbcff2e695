"""A comparison's topics as people read them: labels, both sides' questions and answers in
words, and each mismatch said in plain words (DESIGN section 9). Shared by the window and the
partnership reports."""

from __future__ import annotations

from readiness.domain.model import localize
from readiness.domain.overview_report import TopicQuestion, TopicView
from readiness.domain.partnership import TopicComparison, TopicSide
from readiness.domain.scoring import QuestionResult, Status
from readiness.i18n import _
from readiness.services.partnerships import PairComparison
from readiness.services.state import AssessmentState


def topic_labels() -> dict[str, str]:
    """Readable names of the mirror topics of the built-in questionnaires."""
    return {
        "contact_24_7": _("24/7 point of contact"),
        "tlp_handling": _("Handling of TLP-marked information"),
        "nda_mou": _("NDA or memorandum of understanding"),
        "standby_contracts": _("Standby and framework contracts"),
        "clearances": _("Security clearances"),
        "exercise_participation": _("Companies in exercises"),
        "tabletops": _("Joint tabletop exercises"),
        "joint_lessons": _("Joint lessons learned"),
        "liaison": _("Liaison officers"),
        "reporting_format": _("Agreed reporting format"),
        "compensation": _("Compensation"),
        "liability_insurance": _("Liability and insurance"),
        "partner_benefits": _("Benefits for partners"),
        "dialogue_forums": _("Dialogue forums"),
        "baseline_requirements_map": _("Map to the NATO baseline requirements"),
        "supply_chain_trust": _("Trust in the supply chain"),
        "standing_partnership": _("Standing partnership"),
        "shared_data_protection": _("Protection of shared data"),
        "service_assurance": _("Assured service in a crisis"),
        "secure_channel": _("Secure channel"),
        "reservists": _("Reservists among staff"),
        "regional_coordination": _("Regional coordination"),
        "rapid_release": _("Rapid release of information"),
        "priority_access": _("Priority access"),
        "planning_assumptions": _("Shared planning assumptions"),
        "legal_basis": _("Legal basis"),
        "decision_timelines": _("Decision timelines"),
        "company_concerns": _("Companies' concerns"),
        "capacity_deconfliction": _("Deconfliction of capacity"),
    }


def topic_label(topic: str) -> str:
    known = topic_labels().get(topic)
    return known or topic.replace("_", " ").capitalize()


def answer_words(
    state: AssessmentState, result: QuestionResult, language: str | None = None
) -> str:
    """What was answered, in words: the option's anchor (else its label), N/A with its reason,
    unanswered, or not relevant."""
    question = result.question
    if result.status is Status.NOT_RELEVANT:
        return _("not relevant here")
    if result.status is Status.NA:
        detail = state.details.get(question.id)
        why = getattr(detail.answer, "justification", "") if detail else ""
        return _("N/A: {reason}").format(reason=why) if why else _("N/A")
    if result.status is Status.UNANSWERED or result.option is None:
        return _("unanswered")
    option = result.option
    anchor = question.anchors.get(option.id)
    return f"{option.id} — {localize(anchor or option.label, language)}"


def _questions(
    state: AssessmentState, side: TopicSide, language: str | None
) -> tuple[TopicQuestion, ...]:
    out = []
    for result in side.results:
        question = result.question
        counted = question.is_scored and result.status in (Status.ANSWERED, Status.UNANSWERED)
        out.append(
            TopicQuestion(
                question.id,
                localize(question.text, language),
                answer_words(state, result, language),
                counted,
            )
        )
    return tuple(out)


def _first_answer(items: tuple[TopicQuestion, ...]) -> str:
    counted = [q.answer for q in items if q.counted]
    return _("; ").join(counted) if counted else (items[0].answer if items else "")


def sentence(
    topic: TopicComparison,
    label: str,
    company: str,
    unit: str,
    company_items: tuple[TopicQuestion, ...],
    unit_items: tuple[TopicQuestion, ...],
) -> str:
    """The gap of a mismatch in plain words; "" when the topic is no mismatch."""
    if not topic.mismatch or topic.gap is None:
        return ""
    values = {
        "topic": label[:1].lower() + label[1:] if label[1:2].islower() else label,
        "company": company,
        "unit": unit,
        "company_answer": _first_answer(company_items),
        "unit_answer": _first_answer(unit_items),
    }
    if topic.gap < 0:
        return _(
            "{unit} counts on more than {company} has agreed to on {topic}: the unit says "
            "“{unit_answer}”, the company “{company_answer}”."
        ).format(**values)
    return _(
        "{company} offers more than {unit} is ready to use on {topic}: the company says "
        "“{company_answer}”, the unit “{unit_answer}”."
    ).format(**values)


def topic_views(pair: PairComparison, language: str | None = None) -> tuple[TopicView, ...]:
    """Every paired topic in the comparison's order (mismatches first: largest gaps first)."""
    company = pair.company.summary.organisation
    unit = pair.unit.summary.organisation
    views = []
    for topic in pair.comparison.topics:
        label = topic_label(topic.topic)
        company_items = _questions(pair.company, topic.company, language)
        unit_items = _questions(pair.unit, topic.unit, language)
        views.append(
            TopicView(
                topic=topic.topic,
                label=label,
                company_value=topic.company.value,
                unit_value=topic.unit.value,
                gap=topic.gap,
                shown_gap=topic.shown_gap,
                mismatch=topic.mismatch,
                company=company_items,
                unit=unit_items,
                sentence=sentence(topic, label, company, unit, company_items, unit_items),
            )
        )
    return tuple(views)
