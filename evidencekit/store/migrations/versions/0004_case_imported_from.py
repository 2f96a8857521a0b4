"""A case handed over from another library (issue 11) keeps its number there.

Numbered migration 4 before the move to Alembic.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("imported_from", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
