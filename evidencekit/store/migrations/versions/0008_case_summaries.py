"""Case summaries: each case's next due instant and checklist progress, kept for the case list.

Rows are filled when a case changes, and for every case the first time the list is read after
this upgrade (``store/summaries.py``).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_summaries",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("next_due_at", sa.Text),
        sa.Column("next_due_clock", sa.Text, nullable=False, server_default=""),
        *(sa.Column(n, sa.Integer, nullable=False, server_default="0")
          for n in ("checklist_met", "checklist_required", "exhibit_count")),
        sa.Column("missing", sa.Text, nullable=False, server_default="[]"),
        sa.Column("case_updated_at", sa.Text, nullable=False),
        sa.Column("rules_key", sa.Text, nullable=False),
    )
    op.create_index("case_summaries_due", "case_summaries", ["next_due_at"])


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
