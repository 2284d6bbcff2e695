"""Sending: an assessment as a signed (and, with recipients, encrypted) package, and an
invitation to a partner (DESIGN section 8, ``package export`` and ``package invite``).

A local assessment's revision goes up by one each time it is sent with other content than the
revision sent before; sending the same content again gives the same revision, which the other
side then reports as ``unchanged``.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from readiness import __version__
from readiness.domain.model import localize
from readiness.domain.records import Status
from readiness.exchange.document import AssessmentInfo, build_document, stamp
from readiness.exchange.encryption import check_recipient
from readiness.exchange.errors import PackageError
from readiness.exchange.package import PackageSpec, write_package
from readiness.i18n import _
from readiness.services.errors import UserError
from readiness.services.keys import Keys
from readiness.services.workspace import Workspace, parse_marking
from readiness.storage import exchange as repo


@dataclass(frozen=True)
class Sent:
    """What ``package export`` / ``package invite`` wrote."""

    path: Path
    package_id: str
    assessment_id: str
    revision: int
    recipients: tuple[str, ...]  # names (or age1… recipients) the package is encrypted to


def resolve_recipients(keys: Keys, given: list[str]) -> list[tuple[str, str]]:
    """(shown name, age recipient) for each ``--to``: a card file or an ``age1…`` recipient."""
    found: list[tuple[str, str]] = []
    names = {card.recipient: card.name for card in keys.trusted()} if given else {}
    for value in given:
        value = value.strip()
        if value.startswith("age1"):
            try:
                found.append((names.get(value, value[:16] + "…"), check_recipient(value)))
            except PackageError as exc:
                raise UserError(str(exc)) from exc
            continue
        path = Path(value).expanduser()
        if not path.is_file():
            raise UserError(
                _("'{value}' is neither a card file nor an age recipient (age1…)").format(
                    value=value[:80]
                )
            )
        card = keys.read_card(path)
        found.append((card.name, card.recipient))
    return found


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc


def export_assessment(
    workspace: Workspace,
    assessment_id: str,
    out: Path,
    to: list[str] | None = None,
    share: bool = False,
    marking: str | None = None,
) -> Sent:
    """Write one assessment as a package to ``out``; UserError (one line) when it cannot."""
    keys = Keys(workspace)
    state = workspace.state(assessment_id)
    summary = state.summary
    with workspace._read() as session:
        origin = repo.origin(session, summary.id)
    if origin is not None and origin.read_only:
        raise UserError(
            _("this assessment came in a package signed by {name}; only they can send it").format(
                name=origin.signer_name
            )
        )
    recipients = resolve_recipients(keys, to or [])
    if not recipients and origin is not None and origin.signer_recipient:
        recipients = [(origin.signer_name, origin.signer_recipient)]
    chosen = parse_marking(marking or summary.marking)
    organisation = workspace.organisation(summary.organisation_id)
    info = AssessmentInfo(
        summary.id,
        summary.title,
        summary.status.value,
        summary.assessor,
        summary.created_at,
        summary.updated_at,
        0,
    )
    full = build_document(organisation, info, state.details, share=False)
    content_sha = hashlib.sha256(full + state.loaded.sha256.encode()).hexdigest()
    with workspace._write() as session:
        previous = repo.sent_revision(session, summary.id)
        if previous is not None and previous[1] == content_sha:
            revision = previous[0]
        else:
            base = previous[0] if previous else (origin.revision if origin else 0)
            revision = base + 1
            repo.save_sent_revision(session, summary.id, revision, content_sha)
    info = replace(info, revision=revision)
    document = build_document(organisation, info, state.details, share=share)
    card = keys.card()
    spec = PackageSpec(
        kind="assessment",
        created=stamp(datetime.now(UTC), share),
        app_version=__version__,
        marking=chosen.value,
        share_mode=share,
        questionnaire={
            "id": state.questionnaire.id,
            "version": state.questionnaire.version,
            "sha256": state.loaded.sha256,
        },
        assessment={"id": summary.id, "revision": revision, "organisation_id": organisation.id},
    )
    data, package_id = write_package(
        spec,
        card,
        keys.signing_key(),
        document,
        state.loaded.source.encode("utf-8"),
        [recipient for _name, recipient in recipients],
    )
    _write_atomically(out, data)
    return Sent(out, package_id, summary.id, revision, tuple(name for name, _r in recipients))


def invite(
    workspace: Workspace,
    organisation_id: str,
    questionnaire: str,
    out: Path,
    title: str | None = None,
) -> Sent:
    """Write an invitation: a questionnaire, this workspace's card and a fresh assessment id."""
    keys = Keys(workspace)
    organisation = workspace.organisation(organisation_id)
    from readiness.services.library import find

    loaded = find(workspace, questionnaire)
    if not organisation.kind.fits(loaded.questionnaire.audience):
        raise UserError(
            _(
                "questionnaire '{qid}' is for audience '{audience}', but {org} is a '{kind}' "
                "organisation"
            ).format(
                qid=loaded.questionnaire.id,
                audience=loaded.questionnaire.audience,
                org=organisation.name,
                kind=organisation.kind.value,
            )
        )
    now = datetime.now(UTC)
    shown_title = (title or "").strip()[:300] or _("{title} — {date}").format(
        title=localize(loaded.questionnaire.title), date=now.date().isoformat()
    )
    assessment_id = str(uuid.uuid4())
    info = AssessmentInfo(assessment_id, shown_title, Status.DRAFT.value, "", now, now, 0)
    card = keys.card()
    document = build_document(organisation, info, {}, share=False, inviter=card)
    spec = PackageSpec(
        kind="invitation",
        created=stamp(now, False),
        app_version=__version__,
        marking="TLP:AMBER+STRICT",
        share_mode=False,
        questionnaire={
            "id": loaded.questionnaire.id,
            "version": loaded.questionnaire.version,
            "sha256": loaded.sha256,
        },
        assessment={"id": assessment_id, "revision": 0, "organisation_id": organisation.id},
    )
    data, package_id = write_package(
        spec, card, keys.signing_key(), document, loaded.source.encode("utf-8")
    )
    _write_atomically(out, data)
    return Sent(out, package_id, assessment_id, 0, ())


def origin_of(workspace: Workspace, assessment_id: str) -> repo.Origin | None:
    """Where an assessment came from (None for one made here); read-only when imported."""
    with workspace._read() as session:
        return repo.origin(session, assessment_id)


def origin_line(origin: repo.Origin | None) -> str | None:
    """One line saying where an imported assessment came from, for every view; None if local."""
    if origin is None or not origin.read_only:
        return None
    return _(
        "Imported, read-only: signed by {name} ({key}), revision {revision}, package of {date}"
    ).format(
        name=origin.signer_name,
        key=origin.signer_key_id,
        revision=origin.revision,
        date=origin.package_created[:10],
    )
