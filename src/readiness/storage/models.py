"""SQLAlchemy 2 typed models. Portable types only, so PostgreSQL works as well as SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Shared database (issue 16): named constraints, UTC timestamps with time zone.
from readiness.storage.columns import NAMING_CONVENTION
from readiness.storage.columns import UTCDateTime as DateTime


def utcnow() -> datetime:
    """Now, aware, in UTC (stored as ``timestamp with time zone`` on PostgreSQL)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OrganisationRow(Base):
    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    sector: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Trash and demo (issue 9, revision "trash"): deleted_at set = in the trash; demo = seeded.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class SnapshotRow(Base):
    """The exact questionnaire text an assessment was started with."""

    __tablename__ = "questionnaire_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    questionnaire_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(50))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Questionnaire library (revision "library"): set when the user installed this questionnaire.
    installed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_snapshots.id"))
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    marking: Mapped[str] = mapped_column(String(30), default="TLP:AMBER+STRICT")
    assessor: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Score cache, refreshed on every answer change (revision 0002); NULL means stale.
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    completeness: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Portfolio (revision "portfolio"): per-domain scores cached with the score, as JSON
    # {domain id: full-precision score or null}; NULL means stale.
    domain_scores: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Trash and demo (issue 9, revision "trash"): deleted_at set = in the trash; demo = seeded.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    # Assessment upgrades (revision "upgrade"): the assessment this draft was upgraded from,
    # and a note listing the answers that could not be carried.
    upgraded_from: Mapped[str | None] = mapped_column(String(36), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    organisation: Mapped[OrganisationRow] = relationship()
    snapshot: Mapped[SnapshotRow] = relationship()


class AnswerRow(Base):
    """Current state of one question in one assessment. N/A when na_justification is set."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # No index of its own: the unique (assessment_id, question_id) index serves (0003).
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(200))
    option_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    na_justification: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    # Assessment upgrades (revision "upgrade"): carried from an older version, not yet touched.
    to_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Evidence on answers (revision "evidence"): all NULL when there is none.
    evidence_kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    evidence_reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class HistoryRow(Base):
    """Append-only log of answer changes; undo and redo are changes too."""

    __tablename__ = "answer_history"
    __table_args__ = (Index("ix_answer_history_assessment", "assessment_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10), default="edit")  # edit | undo | redo
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# Portfolio and partnerships (revision "portfolio") -------------------------------------------


class PartnershipRow(Base):
    """A company organisation paired with a defence unit, with a free note."""

    __tablename__ = "partnerships"
    __table_args__ = (UniqueConstraint("company_id", "unit_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    company_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[str] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# Exchange packages (DESIGN section 8, revision "exchange") ---------------------------------


class AssessmentOriginRow(Base):
    """Where an assessment came from: an imported package (read-only here) or an invitation."""

    __tablename__ = "assessment_origins"

    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # assessment (read-only) | invitation
    signer_key_id: Mapped[str] = mapped_column(String(16))  # pinned: the first signer seen
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_public_key: Mapped[str] = mapped_column(String(100))
    signer_recipient: Mapped[str | None] = mapped_column(String(100), nullable=True)
    package_id: Mapped[str] = mapped_column(String(36))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    content_sha256: Mapped[str] = mapped_column(String(64))
    package_created: Mapped[str] = mapped_column(String(40), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SentRevisionRow(Base):
    """The revision last sent of a local assessment and the content it had then."""

    __tablename__ = "sent_revisions"

    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))


class TrustedCardRow(Base):
    """A partner's contact card recorded with ``keys trust``: public parts only."""

    __tablename__ = "trusted_cards"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(100))
    recipient: Mapped[str] = mapped_column(String(100))
    trusted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
