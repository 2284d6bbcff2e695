"""Cache each assessment's score, level and completeness so lists need no rescoring.

The columns start NULL (stale); the app fills them in on open and after every change.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("score", sa.Float, nullable=True))
        batch.add_column(sa.Column("level", sa.Integer, nullable=True))
        batch.add_column(sa.Column("completeness", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("completeness")
        batch.drop_column("level")
        batch.drop_column("score")
