"""Demo organisations and assessments that read like real cases; safe to run twice.

Seeding is a generator of progress steps so the window can show a progress bar and the
command line a progress line. It writes in one transaction and marks what it makes as demo, so
``remove_demo`` takes out exactly that (DESIGN sections 1 and 4).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from readiness.domain.answers import (
    AnswerDetail,
    ChoiceAnswer,
    NotApplicable,
    TextAnswer,
    answer_problem,
)
from readiness.domain.evidence import parse_evidence
from readiness.domain.model import Questionnaire
from readiness.domain.records import OrganisationKind
from readiness.domain.scoring import score
from readiness.domain.trash import Removed
from readiness.i18n import _
from readiness.services import catalog
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import repository as repo
from readiness.storage import trash as trash_store

Progress = tuple[int, int, str]


@dataclass(frozen=True)
class DemoAssessment:
    organisation: str
    kind: str
    sector: str
    country: str
    questionnaire: str
    title: str
    assessor: str
    answers: dict[str, str]
    na: dict[str, str] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    flagged: tuple[str, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict)  # KIND:REFERENCE@YYYY-MM-DD
    stop_after: int | None = None  # leave the rest unanswered (an assessment in progress)


NORDLICHT = DemoAssessment(
    organisation="Nordlicht Energie AG",
    kind="company",
    sector="Energy (electricity transmission)",
    country="DE",
    questionnaire="company-readiness",
    title="Annual readiness review 2026",
    assessor="Katrin Vogel, Head of Corporate Security",
    answers={
        "profile.sector": "energy",
        "profile.nis2": "essential",
        "profile.cer": "yes",
        "profile.dora": "no",
        "profile.classified-role": "yes",
        "governance.crisis-executive": "4",
        "governance.board-briefing": "3",
        "governance.baseline-map": "2",
        "governance.crisis-team": "3",
        "governance.standing-partnership": "2",
        "governance.expected-role": "2",
        "governance.cooperation-disclosure": "1",
        "trust.contact-24-7": "4",
        "trust.tlp": "3",
        "trust.isac": "3",
        "trust.isac-sharing-rules": "2",
        "trust.sharing-matrix": "1",
        "trust.legal-protections": "2",
        "trust.secure-channel": "3",
        "legal.nda-mou": "2",
        "legal.standby-contracts": "1",
        "legal.statutory-obligations": "3",
        "legal.incident-notification": "3",
        "legal.capacity-commitments": "1",
        "legal.crisis-clauses": "2",
        "security.cleared-staff": "2",
        "security.facility-clearance": "1",
        "security.critical-roles": "3",
        "continuity.bcp-tested": "3",
        "continuity.risk-assessment": "3",
        "continuity.supplies-autonomy": "2",
        "continuity.degraded-operations": "3",
        "continuity.service-assurance": "2",
        "continuity.priority-access": "1",
        "continuity.supply-chain-exposure": "2",
        "exercises.national-participation": "2",
        "exercises.findings-shared": "1",
        "exercises.joint-tabletop": "2",
        "exercises.staff-training": "1",
        "exercises.lessons-tracked": "2",
        "interoperability.liaison-officer": "2",
        "interoperability.decision-timelines": "1",
        "interoperability.reporting-format": "2",
        "interoperability.priority-escalation": "1",
        "incentives.compensation": "0",
        "incentives.liability-insurance": "2",
        "incentives.partner-benefits": "1",
        "incentives.dialogue-forums": "2",
        "incentives.regional-coordination": "3",
    },
    na={
        "security.reservists": "No reservists among control-centre or field staff (HR check "
        "against the mobilisation register, September 2026).",
    },
    comments={
        "trust.contact-24-7": "Grid control centre duty officer; call-tree tested 14 Oct 2026, "
        "answered in 6 min.",
        "trust.sharing-matrix": "Legal still reviews every share case by case — slow in the "
        "March cyber incident (2 days).",
        "legal.standby-contracts": "Letter of intent with the regional command for mobile "
        "substations; no pricing yet.",
        "security.cleared-staff": "Two cleared liaison officers (national SECRET); backup "
        "clearance pending since June.",
        "incentives.compensation": "No reimbursement principles agreed. Board asks for this "
        "before any further commitment.",
        "incentives.liability-insurance": "Insurer reviewed war-risk exclusions in May; whether "
        "the federal indemnity scheme covers grid staff on military tasks is still open.",
    },
    texts={
        "incentives.main-obstacle": "Compensation and liability are unclear, so every request "
        "from the military goes to the board.",
    },
    flagged=("trust.sharing-matrix", "incentives.compensation"),
    evidence={
        "governance.crisis-executive": "document:Board resolution 2025/07, delegation of "
        "authority@2025-07-01",
        "trust.contact-24-7": "record:Alerting-chain test log, 14 Oct 2026@2026-10-14",
        "trust.tlp": "partner_confirmation:BSI liaison e-mail on TLP handling@2026-09-02",
        "continuity.bcp-tested": "exercise:BCP exercise report GRIDLOCK 2026, p. 12@2026-05-12",
        "legal.statutory-obligations": "document:Legal register v4@2024-02-01",
    },
)

CIMIC = DemoAssessment(
    organisation="CIMIC Group North",
    kind="defence_unit",
    sector="Civil-military cooperation",
    country="NL",
    questionnaire="defence-unit-readiness",
    title="Partner readiness baseline — Q4 2026",
    assessor="Maj. J. de Wit, G9",
    answers={
        "mandate.providers-in-plans": "3",
        "mandate.baseline-map": "2",
        "mandate.peacetime-mandate": "3",
        "mandate.requirements-cycle": "2",
        "mandate.provider-dependency": "1",
        "mandate.reservist-deconfliction": "0",
        "partners.provider-register": "3",
        "partners.duty-contact": "3",
        "partners.register-details": "2",
        "partners.relationship-owners": "2",
        "partners.company-concerns": "1",
        "partners.csirt-isac-links": "2",
        "partners.standing-network": "2",
        "partners.clearance-sponsorship": "1",
        "partners.priority-access": "1",
        "partners.provider-vetting": "1",
        "sharing.releasability": "1",
        "sharing.tlp": "0",  # the partnership's mismatches (section 9): TLP,
        "sharing.secure-channels": "1",
        "sharing.two-way": "1",
        "sharing.company-data-protection": "2",
        "sharing.status-reporting": "2",
        "legal.legal-basis": "3",
        "legal.standby-contracts": "4",  # standby contracts
        "legal.compensation-liability": "3",  # and compensation
        "legal.liability-insurance": "1",
        "legal.nda-mou": "2",
        "legal.hns-deconfliction": "2",
        "exercises.company-participation": "2",
        "exercises.scenario-co-design": "1",
        "exercises.unclassified-variants": "2",
        "exercises.unclassified-feed": "1",
        "exercises.joint-lessons": "1",
        "exercises.company-tabletops": "2",
        "liaison.business-awareness": "1",
        "liaison.lno-arrangements": "2",
        "liaison.plain-language-requests": "2",
        "liaison.response-times": "1",
        "liaison.reserve-specialists": "3",
        "recognition.formal-recognition": "2",
        "recognition.partner-benefits": "1",
        "recognition.dialogue-forums": "3",
        "recognition.regional-coordination": "3",
        "recognition.rotation-continuity": "1",
    },
    comments={
        "sharing.releasability": "Releasable threat summaries took 5 days in exercise COLD "
        "HARBOUR; target is 24 h.",
        "partners.provider-register": "38 providers, verified in September; 4 contacts bounced.",
        "recognition.rotation-continuity": "Two of three relationship owners rotate in "
        "summer 2027.",
        "legal.standby-contracts": "OPLAN NORTH counts mobile substations from the grid "
        "operator as covered.",
    },
    texts={
        "recognition.main-obstacle": "Releasability: partners get our information too late "
        "to act on it.",
    },
    flagged=("sharing.releasability",),
)

BALTIC = DemoAssessment(
    organisation="Baltic Freight Logistics",
    kind="company",
    sector="Logistics (rail and port)",
    country="LT",
    questionnaire="company-readiness",
    title="First self-assessment",
    assessor="Rasa Kazlauskienė, Risk Manager",
    answers={
        "profile.sector": "transport",
        "profile.nis2": "important",
        "profile.cer": "unknown",
        "profile.dora": "no",
        "profile.classified-role": "unknown",
        "governance.crisis-executive": "2",
        "governance.board-briefing": "1",
        "governance.baseline-map": "1",
        "governance.crisis-team": "2",
        "trust.contact-24-7": "1",
        "trust.tlp": "0",
        "trust.isac": "1",
        "trust.sharing-matrix": "0",
        "legal.nda-mou": "1",
        "legal.standby-contracts": "2",
        "legal.statutory-obligations": "2",
    },
    na={
        "security.reservists": "No reservists among our staff (checked with HR, Sept 2026).",
    },
    comments={
        "trust.contact-24-7": "Dispatcher desk is 24/7 but not registered with the CSIRT.",
        "legal.standby-contracts": "Rail capacity LOI with the Ministry of Defence, 2025.",
    },
    flagged=("trust.contact-24-7",),
)

DEMO = (NORDLICHT, CIMIC, BALTIC)
PARTNERSHIP = (
    NORDLICHT.organisation,
    CIMIC.organisation,
    "Mobile substations and grid restoration for the northern region; review the standby "
    "contract and compensation terms before the spring exercise.",
)


def _details(item: DemoAssessment) -> dict[str, AnswerDetail]:
    """Every question's final state: answer, comment and flag together (one history entry)."""
    answers: dict[str, ChoiceAnswer | NotApplicable | TextAnswer] = {}
    answers.update({q: ChoiceAnswer(o) for q, o in item.answers.items()})
    answers.update({q: NotApplicable(why) for q, why in item.na.items()})
    answers.update({q: TextAnswer(text) for q, text in item.texts.items()})
    extra = (*item.comments, *item.flagged, *item.evidence)
    questions = list(answers) + list(dict.fromkeys(q for q in extra if q not in answers))
    return {
        q: AnswerDetail(
            answers.get(q),
            item.comments.get(q, ""),
            q in item.flagged,
            parse_evidence(item.evidence[q]) if q in item.evidence else None,
        )
        for q in questions
    }


def seed(workspace: Workspace) -> Iterator[Progress]:
    """Create the demo data that is missing, in ONE transaction; yields (done, total, message).

    DESIGN section 1: an interrupted seed (Ctrl+C, SIGKILL, closing the generator) leaves
    nothing behind, so a rerun creates the full set. Demo rows are marked as demo; only demo
    organisations are reused (by name), never one a user made (section 4). Raises UserError
    when a built-in questionnaire no longer accepts a demo answer.
    """
    plan = [(item, _details(item)) for item in DEMO]
    total = sum(1 + len(details) for _item, details in plan)
    done = 0
    yield done, total, _("Preparing demo data")
    with workspace._write() as session:
        organisations = trash_store.demo_organisations(session)
        existing = trash_store.demo_assessments(session)
        for item, details in plan:
            yield done, total, _("Creating {name}").format(name=item.organisation)
            organisation_id = organisations.get(item.organisation)
            if organisation_id is None:
                kind = OrganisationKind(item.kind)
                organisation_id = repo.add_organisation(
                    session, item.organisation, kind, item.sector, item.country
                ).id
                trash_store.mark_demo(session, organisation_id, None)
                organisations[item.organisation] = organisation_id
            done += 1
            if (organisation_id, item.title) in existing:
                done += len(details)
                continue
            loaded = catalog.find_builtin(item.questionnaire)
            questionnaire = loaded.questionnaire
            snapshot = repo.snapshot_id(
                session, questionnaire.id, questionnaire.version, loaded.sha256, loaded.source
            )
            assessment_id = repo.add_assessment(
                session, organisation_id, snapshot, item.title, item.assessor
            )
            trash_store.mark_demo(session, None, assessment_id)
            for question_id, detail in details.items():
                problem = _problem(questionnaire, question_id, detail)
                if problem:
                    raise UserError(
                        _("demo data does not fit questionnaire {qid}: {problem}").format(
                            qid=questionnaire.id, problem=problem
                        )
                    )
                repo.save_answer(session, assessment_id, question_id, detail)
                done += 1
                if done % 5 == 0:
                    yield done, total, _("Answering {title}").format(title=item.title)
            answers = {q: d.answer for q, d in details.items() if d.answer is not None}
            workspace._store(session, assessment_id, score(questionnaire, answers))
        _partnership(session, organisations)
        yield total, total, _("Saving demo data")
    yield total, total, _("Demo data ready")


def _partnership(session: Session, organisations: dict[str, str]) -> None:
    """Pair the demo company and unit once (section 9), so the Partnership page has a case;
    only the demo organisations, in the seed's transaction."""
    from readiness.storage import portfolio as portfolio_store

    company, unit, note = PARTNERSHIP
    company_id, unit_id = organisations.get(company), organisations.get(unit)
    if company_id is None or unit_id is None:
        return
    if portfolio_store.partnership_between(session, company_id, unit_id) is None:
        portfolio_store.add_partnership(session, company_id, unit_id, note)


def _problem(questionnaire: Questionnaire, question_id: str, detail: AnswerDetail) -> str | None:
    if questionnaire.question(question_id) is None:
        return _("unknown question '{question}'").format(question=question_id)
    if detail.answer is None:
        return None
    return answer_problem(questionnaire, question_id, detail.answer)


def demo_assessment_count(workspace: Workspace) -> int:
    """How many demo assessments are out of the trash (what `demo` says it has)."""
    return sum(1 for summary in workspace.assessments() if summary.demo)


def remove_demo(workspace: Workspace) -> tuple[Removed, int]:
    """Remove every demo row, in one transaction: demo assessments (also from the trash) and
    demo organisations left with nothing a user made. Returns (removed, organisations kept
    because they hold a user's assessment)."""
    with workspace._write() as session:
        return trash_store.remove_demo(session)
