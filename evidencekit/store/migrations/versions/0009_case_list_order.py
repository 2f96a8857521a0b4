"""The case list paged in SQL: each case summary keeps its place in the list (``list_order``,
one integer: the next due instant, else the last change) and its search text, with an index
on the order, so that the list's first page is an index range at 10,000 or 100,000 cases.

The summaries kept before are deleted: the first list read computes them again (as after
revision 0008).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.table("case_summaries").delete())
    op.add_column("case_summaries", sa.Column("list_order", sa.BigInteger))
    op.add_column("case_summaries", sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    op.create_index("case_summaries_order", "case_summaries",
                    ["list_order", sa.text("case_id DESC")])


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
