"""Assessment upgrades: the assessment a draft was upgraded from, a note, answers to review.

Revision ID: upgrade
Revises: portfolio
"""

import sqlalchemy as sa
from alembic import op

revision = "upgrade"
down_revision = "portfolio"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("upgraded_from", sa.String(36), nullable=True))
        batch.add_column(sa.Column("note", sa.Text, nullable=False, server_default=""))
    with op.batch_alter_table("answers") as batch:
        batch.add_column(
            sa.Column("to_review", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("to_review")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("note")
        batch.drop_column("upgraded_from")
