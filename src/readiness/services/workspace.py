"""The use cases around stored assessments, shared by the window and the command line.

Every answer change is one committed transaction that also rescores the assessment and
refreshes its cached score, so lists never need to rescore and nothing is ever "unsaved".
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from readiness import __version__
from readiness.domain.model import localize
from readiness.domain.records import AssessmentSummary, Organisation, OrganisationKind
from readiness.domain.report import DEFAULT_MARKING, Marking, Report
from readiness.domain.scoring import ScoreResult, score
from readiness.i18n import _
from readiness.questionnaire.loader import LoadedQuestionnaire
from readiness.services import guard
from readiness.services.answering import Answering
from readiness.services.errors import UserError
from readiness.services.state import (
    AssessmentState,
    answers_of,
    assessment_state,
    score_cache,
    stored_snapshot,
)
from readiness.services.text_input import checked_optional, checked_text
from readiness.storage import exchange as exchange_repo
from readiness.storage import locking
from readiness.storage import repository as repo
from readiness.storage.database import Database, open_database
from readiness.storage.errors import DatabaseFileError
from readiness.storage.trash import trashed

MIN_PREFIX = 4


class Workspace(Answering):
    """The use cases around stored assessments (module docstring); answering, undo and
    history come from :class:`readiness.services.answering.Answering`."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @classmethod
    def open(cls, db: str | Path | None = None) -> Workspace:
        try:
            workspace = cls(open_database(db))
        except DatabaseFileError as exc:
            raise UserError(str(exc)) from exc
        workspace.refresh_stale_scores()
        return workspace

    def close(self) -> None:
        self.database.close()

    @property
    def path(self) -> Path | None:
        return self.database.path

    # Organisations ------------------------------------------------------------------------

    def add_organisation(
        self, name: str, kind: str, sector: str = "", country: str = ""
    ) -> Organisation:
        name = checked_text(name, _("the organisation name")).strip()
        sector = checked_text(sector, _("the sector"))
        country = checked_text(country, _("the country"))
        if not name:
            raise UserError(_("an organisation needs a name"))
        if len(name) > 200:
            raise UserError(_("the organisation name is longer than 200 characters"))
        try:
            kind_value = OrganisationKind(kind)
        except ValueError as exc:
            known = ", ".join(k.value for k in OrganisationKind)
            raise UserError(
                _("unknown kind '{kind}' (known: {known})").format(kind=kind, known=known)
            ) from exc
        with self._write() as session:
            return repo.add_organisation(
                session, name, kind_value, sector.strip()[:100], country.strip()[:64]
            )

    def organisations(self) -> list[Organisation]:
        with self._read() as session:
            return repo.organisations(session)

    def organisation(self, organisation_id: str) -> Organisation:
        with self._read() as session:
            full = self._resolve(
                session,
                organisation_id,
                repo.organisation_exists,
                repo.find_organisation_ids,
                _("organisation"),
            )
            found = repo.organisation(session, full)
            assert found is not None
            return found

    # Assessments --------------------------------------------------------------------------

    def new_assessment(
        self,
        organisation_id: str,
        questionnaire_id: str,
        title: str | None = None,
        assessor: str = "",
        loaded: LoadedQuestionnaire | None = None,
    ) -> AssessmentSummary:
        title = checked_optional(title, _("the title"))
        assessor = checked_text(assessor, _("the assessor"))
        organisation = self.organisation(organisation_id)
        if loaded is None:
            from readiness.services.library import find

            loaded = find(self, checked_text(questionnaire_id, _("the questionnaire")))
        questionnaire = loaded.questionnaire
        if not organisation.kind.fits(questionnaire.audience):
            raise UserError(
                _(
                    "questionnaire '{qid}' is for audience '{audience}', but {org} is a "
                    "'{kind}' organisation"
                ).format(
                    qid=questionnaire.id,
                    audience=questionnaire.audience,
                    org=organisation.name,
                    kind=organisation.kind.value,
                )
            )
        title = (title or "").strip() or _("{title} — {date}").format(
            title=localize(questionnaire.title), date=datetime.now(UTC).date().isoformat()
        )
        result = score(questionnaire, {})
        with self._write() as session:
            snapshot = repo.snapshot_id(
                session, questionnaire.id, questionnaire.version, loaded.sha256, loaded.source
            )
            new_id = repo.add_assessment(
                session, organisation.id, snapshot, title[:300], assessor.strip()[:200]
            )
            self._store(session, new_id, result)
            summary = repo.assessment(session, new_id)
        assert summary is not None
        return summary

    def assessments(
        self, organisation_id: str | None = None, trashed: bool = False
    ) -> list[AssessmentSummary]:
        """Live assessments, or with ``trashed`` those in the trash (section 4)."""
        with self._read() as session:
            return repo.assessments(session, organisation_id, trashed)

    def assessment(self, assessment_id: str) -> AssessmentSummary:
        with self._read() as session:
            full = self._resolve(
                session,
                assessment_id,
                repo.assessment_exists,
                repo.find_assessment_ids,
                _("assessment"),
            )
            found = repo.assessment(session, full)
            assert found is not None
            return found

    def questionnaire_of(self, summary: AssessmentSummary) -> LoadedQuestionnaire:
        with self._read() as session:
            return self._loaded(session, summary.snapshot_sha256)

    def level_label(self, summary: AssessmentSummary, language: str | None = None) -> str:
        level = self.questionnaire_of(summary).questionnaire.level(summary.level)
        return localize(level.label, language) if level else ""

    def state(self, assessment_id: str) -> AssessmentState:
        summary = self.assessment(assessment_id)
        with self._read() as session:
            loaded = self._loaded(session, summary.snapshot_sha256)
            details = repo.answers(session, summary.id)
        return assessment_state(summary, loaded, details)

    def update_details(
        self,
        assessment_id: str,
        title: str | None = None,
        assessor: str | None = None,
        marking: str | None = None,
    ) -> AssessmentSummary:
        title = checked_optional(title, _("the title"))
        assessor = checked_optional(assessor, _("the assessor"))
        marking = checked_optional(marking, _("the marking"))
        summary = self.assessment(assessment_id)
        values: dict[str, str] = {}
        if title is not None:
            if not title.strip():
                raise UserError(_("an assessment needs a title"))
            values["title"] = title.strip()[:300]
        if assessor is not None:
            values["assessor"] = assessor.strip()[:200]
        if marking is not None:
            values["marking"] = parse_marking(marking).value
        if values:
            with self._write() as session:
                repo.update_assessment(session, summary.id, **values)
        return self.assessment(summary.id)

    # Reports ------------------------------------------------------------------------------

    def report(self, assessment_id: str, marking: str | None = None) -> Report:
        state = self.state(assessment_id)
        summary = state.summary
        organisation = self.organisation(summary.organisation_id)
        chosen = parse_marking(marking) if marking else parse_marking(summary.marking)
        from readiness.services.exchange import origin_line, origin_of

        source = origin_line(origin_of(self, summary.id)) or ""
        return Report(
            organisation=organisation.name,
            organisation_kind=organisation.kind.value,
            sector=organisation.sector,
            country=organisation.country,
            title=summary.title,
            assessor=summary.assessor,
            status=summary.status.value,
            marking=chosen,
            questionnaire_sha256=state.loaded.sha256,
            created_at=summary.created_at,
            updated_at=summary.updated_at,
            generated_at=datetime.now(UTC),
            tool_version=__version__,
            result=state.result,
            details=state.details,
            source=source,
        )

    # Internals ----------------------------------------------------------------------------

    def refresh_stale_scores(self, batch: int = 500) -> int:
        """Fill score caches left empty (e.g. by a migration), ``batch`` per transaction."""
        with self._read() as session:
            stale = repo.stale_assessments(session)
        for start in range(0, len(stale), batch):
            with self._write() as session:
                for assessment_id, sha256 in stale[start : start + batch]:
                    if not locking.lock_assessment(session, assessment_id):
                        continue  # deleted meanwhile by another user of a shared database
                    questionnaire = self._loaded(session, sha256).questionnaire
                    details = repo.answers(session, assessment_id)
                    self._store(session, assessment_id, score(questionnaire, answers_of(details)))
        return len(stale)

    def _store(
        self,
        session: Session,
        assessment_id: str,
        result: ScoreResult,
        updated_at: datetime | None = None,
    ) -> None:
        repo.store_score(session, assessment_id, updated_at=updated_at, **score_cache(result))

    def _target(self, session: Session, assessment_id: str) -> tuple[str, str]:
        """The full id and questionnaire snapshot of the assessment ``assessment_id`` names."""
        full_id = self._resolve(
            session,
            assessment_id,
            repo.assessment_exists,
            repo.find_assessment_ids,
            _("assessment"),
        )
        locking.lock_assessment(session, full_id)  # one writer per assessment (server DBs)
        sha256 = repo.snapshot_of(session, full_id)
        assert sha256 is not None
        origin = exchange_repo.origin(session, full_id)  # imported: read-only (DESIGN 8)
        if origin is not None and origin.read_only:
            raise UserError(
                _(
                    "this assessment came in a package signed by {name}; it is read-only here"
                ).format(name=origin.signer_name)
            )
        return full_id, sha256

    def _loaded(self, session: Session, sha256: str) -> LoadedQuestionnaire:
        """The questionnaire of a snapshot, parsed once per process (snapshots never change)."""
        return stored_snapshot(sha256, lambda: repo.snapshot_content(session, sha256))

    def _resolve(
        self,
        session: Session,
        given: str,
        exists: Callable[[Session, str], bool],
        finder: Callable[[Session, str], list[str]],
        what: str,
    ) -> str:
        given = checked_text(given, _("the {what} id").format(what=what)).strip()
        if exists(session, given):  # the common case: a full id, found by primary key
            return given
        if len(given) < MIN_PREFIX:
            raise UserError(
                _("{what} id '{id}' is too short: give at least {n} characters").format(
                    what=what, id=given, n=MIN_PREFIX
                )
            )
        matches = finder(session, given)
        if given in matches or len(matches) == 1:
            return given if given in matches else matches[0]
        if len(matches) > 1:
            raise UserError(
                _("{what} id '{id}' is ambiguous; give more characters").format(what=what, id=given)
            )
        if trashed(session, given, finder is repo.find_assessment_ids):
            raise UserError(
                _("{what} '{id}' is in the trash (restore it to use it)").format(
                    what=what, id=given
                )
            )
        raise UserError(_("unknown {what} id '{id}'").format(what=what, id=given))

    def _read(self) -> AbstractContextManager[Session]:
        return guard.session(self.database, write=False)

    def _write(self) -> AbstractContextManager[Session]:
        return guard.session(self.database, write=True)


def parse_marking(label: str) -> Marking:
    try:
        return Marking.parse(checked_text(label, _("the marking")))
    except ValueError as exc:
        raise UserError(str(exc)) from exc


__all__ = ["DEFAULT_MARKING", "AssessmentState", "Workspace", "parse_marking"]
