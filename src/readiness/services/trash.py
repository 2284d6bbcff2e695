"""Delete to the trash, restore, list and empty it (DESIGN section 4; issue 9).

Deleting never removes rows: it marks them, so a restore brings back every answer and its
history exactly. ``empty`` is the only way rows of the trash leave the database. Every function
raises ``UserError`` with one clear line for an unknown, ambiguous or too short id.
"""

from __future__ import annotations

from readiness.domain.records import AssessmentSummary, Organisation
from readiness.domain.trash import Removed, TrashItem, TrashKind
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.workspace import MIN_PREFIX, Workspace
from readiness.storage import repository as repo
from readiness.storage import trash as store


def delete_organisation(workspace: Workspace, organisation_id: str) -> Organisation:
    """Move a live organisation, with its assessments, to the trash; returns it."""
    organisation = workspace.organisation(organisation_id)
    with workspace._write() as session:
        store.trash_organisation(session, organisation.id)
    return organisation


def delete_assessment(workspace: Workspace, assessment_id: str) -> AssessmentSummary:
    """Move a live assessment to the trash; returns its summary as it was."""
    summary = workspace.assessment(assessment_id)
    with workspace._write() as session:
        store.trash_assessment(session, summary.id)
    return summary


def restore_organisation(workspace: Workspace, organisation_id: str) -> Organisation:
    with workspace._write() as session:
        full = _resolve(session, organisation_id, TrashKind.ORGANISATION)
        if store.organisation_deleted(session, full) is False:
            raise UserError(_("organisation {id} is not in the trash").format(id=full[:8]))
        store.restore_organisation(session, full)
        found = repo.organisation(session, full)
    assert found is not None
    return found


def restore_assessment(workspace: Workspace, assessment_id: str) -> AssessmentSummary:
    """Bring an assessment back with every answer and its history.

    Refused while its organisation is in the trash: restoring that brings it back too.
    """
    with workspace._write() as session:
        full = _resolve(session, assessment_id, TrashKind.ASSESSMENT)
        place = store.assessment_place(session, full)
        assert place is not None
        organisation_id, trashed, organisation_trashed = place
        if organisation_trashed:
            raise UserError(
                _(
                    "its organisation is in the trash; restore that instead "
                    "(readiness org restore {org})"
                ).format(org=organisation_id[:8])
            )
        if not trashed:
            raise UserError(_("assessment {id} is not in the trash").format(id=full[:8]))
        store.restore_assessment(session, full)
        found = repo.assessment(session, full)
    assert found is not None
    return found


def items(workspace: Workspace) -> list[TrashItem]:
    """What the trash holds, most recently deleted first."""
    with workspace._read() as session:
        return store.items(session)


def pending(workspace: Workspace) -> Removed:
    """What emptying the trash would remove now (to say so before asking)."""
    with workspace._read() as session:
        return store.pending(session)


def empty(workspace: Workspace) -> Removed:
    """Remove every row in the trash for good, in one transaction; returns the counts."""
    with workspace._write() as session:
        return store.empty(session)


def _resolve(session, given: str, kind: TrashKind) -> str:  # type: ignore[no-untyped-def]
    """A full id of any state (live or trashed) from a full id or a unique prefix."""
    what = _("organisation") if kind is TrashKind.ORGANISATION else _("assessment")
    given = given.strip()
    matches = store.find_ids(session, kind, given) if given else []
    if given in matches:
        return given
    if len(given) < MIN_PREFIX:
        raise UserError(
            _("{what} id '{id}' is too short: give at least {n} characters").format(
                what=what, id=given, n=MIN_PREFIX
            )
        )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UserError(
            _("{what} id '{id}' is ambiguous; give more characters").format(what=what, id=given)
        )
    raise UserError(_("unknown {what} id '{id}'").format(what=what, id=given))
