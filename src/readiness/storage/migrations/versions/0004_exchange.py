"""Exchange packages: where imported assessments came from, revisions sent, trusted cards.

DESIGN section 8. Secret keys are never stored in the database: only partners' public cards.

Revision ID: exchange
Revises: evidence
"""

import sqlalchemy as sa
from alembic import op

revision = "exchange"
down_revision = "evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_origins",
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("signer_key_id", sa.String(16), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("signer_public_key", sa.String(100), nullable=False),
        sa.Column("signer_recipient", sa.String(100), nullable=True),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("package_created", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "sent_revisions",
        sa.Column(
            "assessment_id",
            sa.String(36),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "trusted_cards",
        sa.Column("key_id", sa.String(16), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("public_key", sa.String(100), nullable=False),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("trusted_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trusted_cards")
    op.drop_table("sent_revisions")
    op.drop_table("assessment_origins")
