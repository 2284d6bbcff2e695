"""Portfolio and partnerships: per-domain score cache on assessments, a partnerships table.

``assessments.domain_scores`` starts NULL (stale); the app fills it on open, like the score
cache of 0002. Partnerships pair a company organisation with a defence unit, with a note.

Revision ID: portfolio
Revises: library
"""

import sqlalchemy as sa
from alembic import op

revision = "portfolio"
down_revision = "library"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("domain_scores", sa.Text, nullable=True))
    op.create_table(
        "partnerships",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "company_id",
            sa.String(36),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "unit_id",
            sa.String(36),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("company_id", "unit_id"),
    )
    op.create_index("ix_partnerships_company_id", "partnerships", ["company_id"])
    op.create_index("ix_partnerships_unit_id", "partnerships", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_partnerships_unit_id", table_name="partnerships")
    op.drop_index("ix_partnerships_company_id", table_name="partnerships")
    op.drop_table("partnerships")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("domain_scores")
