"""Trash and demo marks on organisations and assessments (DESIGN section 4, issue 9).

``deleted_at`` set means the row is in the trash (restorable); only emptying the trash removes
rows. ``demo`` marks rows that ``readiness demo`` seeded, so ``demo --remove`` takes out those
and nothing a user made. Existing rows become live, non-demo rows.

Revision ID: trash
Revises: exchange
"""

import sqlalchemy as sa
from alembic import op

revision = "trash"
down_revision = "exchange"
branch_labels = None
depends_on = None

TABLES = ("organisations", "assessments")


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch table rebuild: with foreign keys on, SQLite's rebuild drops
    # the old table, and that DELETE cascades into every assessment and answer.
    for table in TABLES:
        op.add_column(table, sa.Column("deleted_at", sa.DateTime, nullable=True))
        op.add_column(
            table, sa.Column("demo", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("demo")
            batch.drop_column("deleted_at")
