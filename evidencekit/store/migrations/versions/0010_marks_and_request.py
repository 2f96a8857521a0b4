"""Key marks and the merchant's request: the chat messages and trace rows the user marked as
key (``exhibits.marks``, a JSON list of 1-based message or event numbers) and the one-line
request the cover states (``cases.request``, 诉求).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("exhibits", sa.Column("marks", sa.Text, nullable=False, server_default="[]"))
    op.add_column("cases", sa.Column("request", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
