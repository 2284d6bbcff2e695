"""Receiving packages: ``package inspect`` and ``package import`` (DESIGN section 8).

Each file is read under the caps, decrypted with this workspace's identity where needed, and
its signature and members checked against the manifest before anything is parsed; then it is
imported in one transaction. Outcomes: created, updated, unchanged, conflict, refused. A refused
or conflicting file leaves the database untouched (its transaction is rolled back, or never
begun).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.domain.answers import Answer, AnswerDetail
from readiness.domain.records import Status
from readiness.domain.scoring import ScoreResult, score, shown
from readiness.exchange import archive
from readiness.exchange.document import PackageContent, parse_document
from readiness.exchange.errors import PackageError
from readiness.exchange.package import OpenedPackage, open_package
from readiness.i18n import _
from readiness.questionnaire.issues import FileProblems
from readiness.questionnaire.loader import LoadedQuestionnaire, load_text
from readiness.services import catalog
from readiness.services.errors import UserError
from readiness.services.keys import Keys
from readiness.services.workspace import Workspace
from readiness.storage import exchange as xrepo
from readiness.storage import library
from readiness.storage import repository as repo
from readiness.storage.exchange import Origin

OUTCOMES = ("created", "updated", "unchanged", "conflict", "refused")
_LOADED: dict[str, LoadedQuestionnaire] = {}


def outcome_text(outcome: str) -> str:
    """An import outcome (one of ``OUTCOMES``, the JSON value) as a person reads it."""
    words = {
        "created": _("created"),
        "updated": _("updated"),
        "unchanged": _("unchanged"),
        "conflict": _("conflict"),
        "refused": _("refused"),
    }
    return words.get(outcome, outcome)


@dataclass(frozen=True)
class Signer:
    key_id: str
    name: str
    trusted: bool


@dataclass(frozen=True)
class ImportResult:
    """One file's outcome: the JSON object of ``package import --json``."""

    file: str
    outcome: str
    assessment_id: str | None = None
    organisation: str | None = None
    signer: Signer | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        signer = self.signer
        return {
            "file": self.file,
            "outcome": self.outcome,
            "assessment_id": self.assessment_id,
            "organisation": self.organisation,
            "signer": None
            if signer is None
            else {"key_id": signer.key_id, "name": signer.name, "trusted": signer.trusted},
            "reason": self.reason,
        }

    @property
    def ok(self) -> bool:
        return self.outcome in ("created", "updated", "unchanged")


class _Stop(Exception):
    """Ends one file's import with an outcome; the transaction around it is rolled back."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def open_file(keys: Keys, path: Path) -> OpenedPackage:
    """Read and check one package file; PackageError (one line) when it is refused."""
    return open_package(archive.read_capped(path), keys.identity)


def inspect(workspace: Workspace, path: Path) -> dict[str, Any]:
    """``package inspect --json``: encrypted, signature, trusted, manifest."""
    keys = Keys(workspace)
    try:
        opened = open_file(keys, path)
    except PackageError as exc:
        raise UserError(_("{file}: {problem}").format(file=path.name, problem=exc)) from exc
    signer = opened.signer
    trusted = opened.signature_valid and keys.is_trusted(signer["key_id"], signer["public_key"])
    return {
        "encrypted": opened.encrypted,
        "signature": "valid" if opened.signature_valid else "invalid",
        "trusted": trusted,
        "manifest": opened.manifest,
    }


class _Batch:
    """What every file of one import shares: keys, trusted cards, questionnaires checked."""

    def __init__(self, workspace: Workspace) -> None:
        self.keys = Keys(workspace)
        self.trusted = {c.key_id: c.public_key for c in self.keys.trusted()}
        self.known: set[str] = set()  # questionnaire sha256 checked against those known here

    def is_trusted(self, key_id: str, public_key: str) -> bool:
        return self.trusted.get(key_id) == public_key


def import_packages(
    workspace: Workspace,
    paths: Iterable[Path],
    progress: Callable[[int, int, ImportResult], None] | None = None,
) -> list[ImportResult]:
    """Import each file in its own transaction; ``progress(done, total, result)`` after each."""
    batch = _Batch(workspace)
    paths = list(paths)
    results = []
    for index, path in enumerate(paths, start=1):
        result = import_one(workspace, batch, path)
        results.append(result)
        if progress is not None:
            progress(index, len(paths), result)
    return results


def import_one(workspace: Workspace, batch: _Batch, path: Path) -> ImportResult:
    shown_name = str(path)
    try:
        opened = open_file(batch.keys, path)
    except PackageError as exc:
        return ImportResult(shown_name, "refused", reason=str(exc))
    manifest = opened.manifest
    signer_part = manifest["signer"]
    if not opened.signature_valid:
        return ImportResult(
            shown_name,
            "refused",
            manifest["assessment"]["id"],
            reason=_(
                "bad signature: the manifest was changed after signing or signed by another key"
            ),
        )
    trusted = batch.is_trusted(signer_part["key_id"], signer_part["public_key"])
    signer = Signer(signer_part["key_id"], signer_part["name"], trusted)
    try:
        loaded = _questionnaire(workspace, batch, opened)
        content = parse_document(
            opened.members[archive.ASSESSMENT],
            loaded.questionnaire,
            bool(manifest["share_mode"]),
            manifest["kind"],
        )
        _check_consistent(manifest, content)
    except PackageError as exc:
        return ImportResult(
            shown_name, "refused", manifest["assessment"]["id"], None, signer, str(exc)
        )
    content_sha = hashlib.sha256(
        opened.members[archive.ASSESSMENT] + loaded.sha256.encode()
    ).hexdigest()
    try:
        with workspace._write() as session:
            outcome = _apply(session, opened, loaded, content, content_sha)
    except _Stop as stop:
        return ImportResult(
            shown_name,
            stop.outcome,
            content.assessment.id,
            content.organisation.name,
            signer,
            stop.reason,
        )
    except UserError as exc:
        return ImportResult(shown_name, "refused", content.assessment.id, None, signer, str(exc))
    return ImportResult(
        shown_name, outcome, content.assessment.id, content.organisation.name, signer, None
    )


def _questionnaire(
    workspace: Workspace, batch: _Batch, opened: OpenedPackage
) -> LoadedQuestionnaire:
    declared = opened.manifest["questionnaire"]
    sha = declared["sha256"]
    loaded = _LOADED.get(sha)
    if loaded is None:
        try:
            text = opened.members[archive.QUESTIONNAIRE].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise PackageError(_("the package's questionnaire is not UTF-8 text")) from exc
        try:
            loaded = load_text(text, "questionnaire.yaml")
        except FileProblems as exc:
            raise PackageError(
                _("the package's questionnaire is not valid: {problem}").format(
                    problem=catalog.first_problem(exc)
                )
            ) from exc
    if loaded.sha256 != sha:
        raise PackageError(_("the questionnaire differs from the one the manifest names"))
    q = loaded.questionnaire
    if (q.id, q.version) != (declared["id"], declared["version"]):
        raise PackageError(_("the questionnaire's id or version differs from the manifest's"))
    _LOADED[sha] = loaded
    if sha in batch.known:
        return loaded
    for entry in catalog.builtin():
        known = entry.loaded
        same = (known.questionnaire.id, known.questionnaire.version) == (q.id, q.version)
        if same and known.sha256 != sha:
            raise PackageError(_different(q.id, q.version))
    with workspace._read() as session:
        shas = library.hashes_of(session, q.id, q.version)
    if any(other != sha for other in shas):
        raise PackageError(_different(q.id, q.version))
    batch.known.add(sha)
    return loaded


def _different(qid: str, version: str) -> str:
    return _(
        "the package's questionnaire {qid} {version} differs from the one of that id and "
        "version already known here"
    ).format(qid=qid, version=version)


def _check_consistent(manifest: dict[str, Any], content: PackageContent) -> None:
    declared = manifest["assessment"]
    if (
        content.assessment.id != declared["id"]
        or content.assessment.revision != declared["revision"]
        or content.organisation.id != declared["organisation_id"]
    ):
        raise PackageError(_("assessment.json does not match the signed manifest"))
    if content.inviter is not None and content.inviter.key_id != manifest["signer"]["key_id"]:
        raise PackageError(_("the invitation's card is not the card of its signer"))


def _apply(
    session: Any,
    opened: OpenedPackage,
    loaded: LoadedQuestionnaire,
    content: PackageContent,
    content_sha: str,
) -> str:
    manifest = opened.manifest
    signer = manifest["signer"]
    assessment_id = content.assessment.id
    exists = repo.assessment_exists(session, assessment_id)
    origin = xrepo.origin(session, assessment_id)
    new_origin = Origin(
        assessment_id,
        manifest["kind"],
        signer["key_id"],
        signer["name"][:200],
        signer["public_key"],
        content.inviter.recipient if content.inviter else None,
        manifest["package_id"],
        content.assessment.revision,
        content_sha,
        manifest["created"][:40],
    )
    if exists and (origin is None or origin.kind != manifest["kind"]):
        raise _Stop("conflict", _("an assessment with this id was made in this workspace"))
    if manifest["kind"] == "invitation":
        if exists:
            if origin is not None and origin.signer_key_id == signer["key_id"]:
                return "unchanged"
            raise _Stop("conflict", _("this invitation's assessment came from another signer"))
        _create(session, loaded, content, manifest["marking"], with_answers=False)
        xrepo.save_origin(session, new_origin, new=True)
        return "created"
    if not exists:
        _create(session, loaded, content, manifest["marking"], with_answers=True)
        xrepo.save_origin(session, new_origin, new=True)
        return "created"
    assert origin is not None
    if origin.signer_key_id != signer["key_id"]:
        raise _Stop(
            "conflict",
            _("signed by key {key}, but this assessment came from {name} ({pinned})").format(
                key=signer["key_id"], name=origin.signer_name, pinned=origin.signer_key_id
            ),
        )
    revision = content.assessment.revision
    if revision == origin.revision:
        if origin.content_sha256 == content_sha:
            return "unchanged"
        raise _Stop("conflict", _("same revision {n} with other content").format(n=revision))
    if revision < origin.revision:
        raise _Stop(
            "refused",
            _("you already have a newer revision ({have}) than this package's ({n})").format(
                have=origin.revision, n=revision
            ),
        )
    _update(session, loaded, content, manifest["marking"])
    xrepo.save_origin(session, new_origin, new=False)
    return "updated"


def _create(
    session: Any,
    loaded: LoadedQuestionnaire,
    content: PackageContent,
    marking: str,
    with_answers: bool,
) -> None:
    organisation = content.organisation
    if not repo.organisation_exists(session, organisation.id):
        xrepo.add_organisation_with_id(session, organisation)
    q = loaded.questionnaire
    snapshot = repo.snapshot_id(session, q.id, q.version, loaded.sha256, loaded.source)
    info = content.assessment
    details = content.details if with_answers else {}
    result = _score(loaded, details)
    xrepo.add_assessment_with_id(
        session,
        info.id,
        organisation.id,
        snapshot,
        info.created,
        info.updated,
        title=info.title,
        assessor=info.assessor,
        marking=_marking(marking),
        status=(Status.COMPLETED if result.complete else Status.DRAFT).value,
        score=shown(result.overall),
        level=result.level.level,
        completeness=result.completeness,
        domain_scores=json.dumps({d.id: d.score for d in result.domains}),
    )
    xrepo.insert_answers(session, info.id, details, info.updated)


def _update(
    session: Any, loaded: LoadedQuestionnaire, content: PackageContent, marking: str
) -> None:
    info = content.assessment
    q = loaded.questionnaire
    snapshot = repo.snapshot_id(session, q.id, q.version, loaded.sha256, loaded.source)
    repo.update_assessment(
        session,
        info.id,
        snapshot_id=snapshot,
        title=info.title,
        assessor=info.assessor,
        marking=_marking(marking),
        created_at=info.created.replace(tzinfo=None),
    )
    current = repo.answers(session, info.id)
    for question_id in sorted(set(current) | set(content.details)):
        new = content.details.get(question_id, AnswerDetail())
        if current.get(question_id, AnswerDetail()) != new:
            repo.save_answer(session, info.id, question_id, new)  # keeps the old in history
    _rescore(session, loaded, info.id, content.details)
    repo.update_assessment(session, info.id, updated_at=info.updated.replace(tzinfo=None))


def _score(loaded: LoadedQuestionnaire, details: dict[str, AnswerDetail]) -> ScoreResult:
    answers: dict[str, Answer] = {q: d.answer for q, d in details.items() if d.answer is not None}
    return score(loaded.questionnaire, answers)


def _rescore(
    session: Any, loaded: LoadedQuestionnaire, assessment_id: str, details: dict[str, AnswerDetail]
) -> None:
    result = _score(loaded, details)
    repo.store_score(
        session,
        assessment_id,
        shown(result.overall),
        result.level.level,
        result.completeness,
        result.complete,
        domain_scores={d.id: d.score for d in result.domains},
    )


def _marking(label: str) -> str:
    from readiness.domain.report import Marking

    try:
        return Marking.parse(label).value
    except ValueError:
        return Marking.AMBER_STRICT.value
