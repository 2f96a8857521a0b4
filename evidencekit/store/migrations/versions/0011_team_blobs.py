"""A team library's originals and signing key in PostgreSQL itself (issue 13).

``team_blobs`` / ``blob_chunks`` hold originals and submitted bundles content-addressed by
SHA-256 in chunks of up to 1 MB; ``library_keys`` holds the sealing key. PostgreSQL only: a
local library keeps these as files (``blobs/``, ``keys/``). See ``store/team_schema.py``.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.create_table(
        "team_blobs",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("chunks", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "blob_chunks",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "library_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False, unique=True),
        sa.Column("key_pem", sa.LargeBinary),
        sa.Column("cert_pem", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    # Originals are mostly JPEG, MP4 and PDF, already compressed: stored out of line as they
    # are, without PostgreSQL spending CPU trying to compress every chunk again.
    op.execute("ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
