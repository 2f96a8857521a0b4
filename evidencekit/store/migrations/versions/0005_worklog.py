"""The merchant's work-order log (售后工单), written in the case with a time each (issue 10).

Numbered migration 5 before the move to Alembic.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "worklog",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("worklog_case", "worklog", ["case_id", "at"])


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
