"""Evidence on answers: kind, reference and date (DESIGN sections 3 and 4).

All three are NULL on existing answers (no evidence). Revision ID: evidence
Revises: upgrade
"""

import sqlalchemy as sa
from alembic import op

revision = "evidence"
down_revision = "upgrade"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("evidence_kind", sa.String(30), nullable=True))
        batch.add_column(sa.Column("evidence_reference", sa.Text, nullable=True))
        batch.add_column(sa.Column("evidence_date", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("evidence_date")
        batch.drop_column("evidence_reference")
        batch.drop_column("evidence_kind")
