"""Drop the single-column index on answers.assessment_id.

The unique (assessment_id, question_id) index already serves every lookup by assessment; the
extra index cost about a tenth of the file on a large database and slowed every answer save.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_answers_assessment_id", table_name="answers")


def downgrade() -> None:
    op.create_index("ix_answers_assessment_id", "answers", ["assessment_id"])
