"""Answering, undo/redo and history: the part of the Workspace that changes answers.

Every answer change is one committed transaction that also rescores the assessment and
refreshes its cached score (DESIGN section 4). :class:`Answering` is a base of
:class:`readiness.services.workspace.Workspace`, which provides the session, target and
snapshot helpers it uses.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from readiness.domain.answers import AnswerDetail, Evidence
from readiness.domain.history import stacks
from readiness.domain.model import Questionnaire
from readiness.domain.records import AssessmentSummary, Change
from readiness.domain.scoring import ScoreResult, score
from readiness.i18n import _
from readiness.services.answer_edit import AnswerEdit, answer_edit, edited
from readiness.services.state import answers_of
from readiness.services.text_input import checked_text
from readiness.storage import repository as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from readiness.questionnaire.loader import LoadedQuestionnaire


class Answering:
    """Answer changes, all-or-nothing batches, undo, redo and history of one workspace."""

    if TYPE_CHECKING:  # provided by Workspace

        def assessment(self, assessment_id: str) -> AssessmentSummary: ...
        def _read(self) -> AbstractContextManager[Session]: ...
        def _write(self) -> AbstractContextManager[Session]: ...
        def _target(self, session: Session, assessment_id: str) -> tuple[str, str]: ...
        def _loaded(self, session: Session, sha256: str) -> LoadedQuestionnaire: ...
        def _store(
            self,
            session: Session,
            assessment_id: str,
            result: ScoreResult,
            updated_at: datetime | None = None,
        ) -> None: ...

    def change_answer(
        self,
        assessment_id: str,
        question_id: str,
        *,
        option: str | None = None,
        na: str | None = None,
        text: str | None = None,
        comment: str | None = None,
        flagged: bool | None = None,
        clear: bool = False,
        evidence: Evidence | str | None = None,
        clear_evidence: bool = False,
    ) -> Change | None:
        """Change several fields of one answer as ONE committed transaction and one history
        entry (so one undo step): the answer (``option``, ``na`` justification or free
        ``text``; at most one, or ``clear``), the ``comment``, the review flag and the
        ``evidence`` (an Evidence or ``KIND:REFERENCE@YYYY-MM-DD``; ``clear_evidence`` removes
        it). None leaves a field as it is. Every text is checked before anything is written;
        raises UserError for bad input (nothing changed). Returns the change, or None when
        nothing changed. DESIGN sections 3 (evidence), 4 (one transaction per change) and 6
        (``answer``)."""
        checked_text(assessment_id, _("the assessment id"))
        edit = answer_edit(
            question_id,
            option=option,
            na=na,
            text=text,
            comment=comment,
            flagged=flagged,
            clear=clear,
            evidence=evidence,
            clear_evidence=clear_evidence,
        )
        with self._write() as session:
            full_id, sha256 = self._target(session, assessment_id)
            questionnaire = self._loaded(session, sha256).questionnaire
            details = repo.answers(session, full_id)
            change = self._apply(session, full_id, questionnaire, details, edit)
            if change is not None:
                self._store(session, full_id, score(questionnaire, answers_of(details)), change.at)
            return change

    def answer(self, assessment_id: str, question_id: str, option_id: str) -> Change | None:
        return self.change_answer(assessment_id, question_id, option=option_id)

    def answer_na(self, assessment_id: str, question_id: str, justification: str) -> Change | None:
        return self.change_answer(assessment_id, question_id, na=justification)

    def answer_text(self, assessment_id: str, question_id: str, text: str) -> Change | None:
        return self.change_answer(assessment_id, question_id, text=text)

    def clear_answer(self, assessment_id: str, question_id: str) -> Change | None:
        return self.change_answer(assessment_id, question_id, clear=True)

    def set_comment(self, assessment_id: str, question_id: str, comment: str) -> Change | None:
        return self.change_answer(assessment_id, question_id, comment=comment)

    def set_flag(self, assessment_id: str, question_id: str, flagged: bool) -> Change | None:
        return self.change_answer(assessment_id, question_id, flagged=flagged)

    def change_answers(self, assessment_id: str, edits: list[AnswerEdit]) -> list[Change]:
        """Apply several answer edits as ONE committed transaction, all or nothing: each
        question that changes gets its own history entry (so its own undo step), and the
        assessment is rescored once. Raises UserError naming the first edit that cannot apply
        (then nothing is saved). Returns the changes made, in ``edits`` order. DESIGN sections
        3 (answers file) and 6 (``answer ID --file``)."""
        checked_text(assessment_id, _("the assessment id"))
        with self._write() as session:
            full_id, sha256 = self._target(session, assessment_id)
            questionnaire = self._loaded(session, sha256).questionnaire
            details = repo.answers(session, full_id)
            changes = [
                change
                for edit in edits
                if (change := self._apply(session, full_id, questionnaire, details, edit))
            ]
            if changes:
                result = score(questionnaire, answers_of(details))
                self._store(session, full_id, result, changes[-1].at)
            return changes

    def _apply(
        self,
        session: Session,
        full_id: str,
        questionnaire: Questionnaire,
        details: dict[str, AnswerDetail],
        edit: AnswerEdit,
    ) -> Change | None:
        """Check and save one edit inside ``session``; ``details`` is updated in place."""
        new = edited(questionnaire, details.get(edit.question_id, AnswerDetail()), edit)
        change = repo.save_answer(session, full_id, edit.question_id, new)
        if change is not None:
            details[edit.question_id] = new
        return change

    # Undo / redo --------------------------------------------------------------------------

    def can_undo_redo(self, assessment_id: str) -> tuple[bool, bool]:
        with self._read() as session:
            undo, redo = stacks(repo.history_entries(session, assessment_id))
        return bool(undo), bool(redo)

    def undo(self, assessment_id: str) -> Change | None:
        """Revert the latest change not yet undone; None when there is nothing to undo."""
        return self._replay(assessment_id, undoing=True)

    def redo(self, assessment_id: str) -> Change | None:
        return self._replay(assessment_id, undoing=False)

    def _replay(self, assessment_id: str, undoing: bool) -> Change | None:
        with self._write() as session:
            full_id, sha256 = self._target(session, assessment_id)
            undo, redo = stacks(repo.history_entries(session, full_id))
            pending = undo if undoing else redo
            if not pending:
                return None
            original = repo.change(session, pending[-1])
            assert original is not None
            target = original.before if undoing else original.after
            change = repo.save_answer(
                session,
                full_id,
                original.question_id,
                target,
                action="undo" if undoing else "redo",
                target_id=original.id,
            )
            assert change is not None
            details = repo.answers(session, full_id)
            questionnaire = self._loaded(session, sha256).questionnaire
            self._store(session, full_id, score(questionnaire, answers_of(details)), change.at)
            return change

    def history(self, assessment_id: str, question_id: str | None = None) -> list[Change]:
        summary = self.assessment(assessment_id)
        with self._read() as session:
            return repo.history(session, summary.id, question_id)
