"""Index cases by (platform, after-sale number): a bulk import matches each row on it (issue 14).

Numbered migration 2 before the move to Alembic.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("cases_after_sale", "cases", ["platform", "after_sale_no"])


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
