"""Installed questionnaires: a snapshot installed by the user is listed and can be started.

Revision ID: library
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "library"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questionnaire_snapshots") as batch:
        batch.add_column(sa.Column("installed_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questionnaire_snapshots") as batch:
        batch.drop_column("installed_at")
