"""Editing organisations and assessments after they were made (DESIGN sections 4 and 6).

``edit_organisation`` changes name, kind, sector and country; ``edit_assessment`` title,
assessor and status. Each is one transaction and raises ``UserError`` with one clear line for
bad input. Shared by the window and ``readiness org edit`` / ``readiness assessment edit``.
"""

from __future__ import annotations

from readiness import locale_format
from readiness.domain.records import AssessmentSummary, Organisation, OrganisationKind, Status
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import Workspace
from readiness.storage import repository as repo
from readiness.storage import trash as store

NAME_MAX = 200


def clean_name(name: str) -> str:
    """A stripped organisation name; UserError when empty or over 200 characters."""
    name = name.strip()
    if not name:
        raise UserError(_("an organisation needs a name"))
    if len(name) > NAME_MAX:
        raise UserError(_("the organisation name is longer than 200 characters"))
    return name


def parse_kind(kind: str) -> OrganisationKind:
    try:
        return OrganisationKind(kind)
    except ValueError as exc:
        known = ", ".join(k.value for k in OrganisationKind)
        raise UserError(
            _("unknown kind '{kind}' (known: {known})").format(kind=kind, known=known)
        ) from exc


def parse_status(status: str) -> Status:
    try:
        return Status(status.strip().lower())
    except ValueError as exc:
        raise UserError(
            _("unknown status '{status}' (known: draft, completed)").format(status=status)
        ) from exc


def edit_organisation(
    workspace: Workspace,
    organisation_id: str,
    name: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    country: str | None = None,
) -> Organisation:
    """Change what is given; returns the organisation as stored afterwards.

    A kind that no longer fits the audience of one of its assessments' questionnaires is
    refused (a company's assessments cannot move under a defence unit).
    """
    current = workspace.organisation(organisation_id)
    values: dict[str, str] = {}
    if name is not None:
        values["name"] = clean_name(name)
    if kind is not None:
        new_kind = parse_kind(kind)
        if new_kind is not current.kind:
            with workspace._read() as session:
                hashes = store.snapshot_hashes(session, current.id)
                audiences = {workspace._loaded(session, h).questionnaire.audience for h in hashes}
            misfit = sorted(a for a in audiences if not new_kind.fits(a))
            if misfit:
                raise UserError(
                    _(
                        "{org} has assessments for audience '{audience}'; it cannot become '{kind}'"
                    ).format(org=current.name, audience=misfit[0], kind=new_kind.value)
                )
        values["kind"] = new_kind.value
    if sector is not None:
        values["sector"] = sector.strip()[:100]
    if country is not None:
        values["country"] = country.strip()[:64]
    if values:
        with workspace._write() as session:
            store.update_organisation(session, current.id, **values)
    return workspace.organisation(current.id)


def edit_assessment(
    workspace: Workspace,
    assessment_id: str,
    title: str | None = None,
    assessor: str | None = None,
    status: str | None = None,
) -> AssessmentSummary:
    """Change title, assessor and/or status (draft | completed); returns the new summary.

    Completed needs every relevant question answered or N/A (section 3's completeness = 1);
    an incomplete assessment stays a draft, so the report's DRAFT mark cannot lie.
    """
    summary = workspace.assessment(assessment_id)
    values: dict[str, str] = {}
    if title is not None:
        if not title.strip():
            raise UserError(_("an assessment needs a title"))
        values["title"] = title.strip()[:300]
    if assessor is not None:
        values["assessor"] = assessor.strip()[:200]
    if status is not None:
        wanted = parse_status(status)
        if wanted is Status.COMPLETED and summary.completeness < 1:
            result = workspace.state(summary.id).result
            missing = sum(d.applicable - d.answered for d in result.domains)
            raise UserError(
                _(
                    "cannot mark it completed: {n} question(s) still unanswered ({pct} complete)"
                ).format(n=missing, pct=locale_format.share(summary.completeness))
            )
        values["status"] = wanted.value
    if values:
        with workspace._write() as session:
            repo.update_assessment(session, summary.id, **values)
    return workspace.assessment(summary.id)
