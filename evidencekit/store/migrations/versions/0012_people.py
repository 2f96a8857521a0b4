"""People and working at the same time (issue 13): a case's assignee and version, the leases
of cases open for editing, and who recorded each submission and decision.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (constant defaults): SQLite need not copy the table
    op.add_column("cases", sa.Column("assignee", sa.Text, nullable=False, server_default=""))
    op.add_column("cases", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_index("cases_assignee", "cases", ["assignee"])
    for table in ("submissions", "decisions"):
        op.add_column(table, sa.Column("staff", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "case_leases",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("staff", sa.Text, nullable=False),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Text, nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
