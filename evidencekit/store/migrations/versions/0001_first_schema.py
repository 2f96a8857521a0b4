"""The first schema (numbered migration 1 before the move to Alembic).

Libraries made before Alembic carry ``PRAGMA user_version = 1`` and are stamped with this
revision when first opened (see ``migrate.LEGACY_REVISIONS``).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _text(name: str, default: str = "") -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default=default)


def _int(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, nullable=False, server_default="0")


def _size() -> sa.Column:
    # A file's size in bytes: a video passes 2 GiB, PostgreSQL's INTEGER does not (SQLite's
    # INTEGER is 64-bit; the SQLite schema is unchanged).
    return sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False)


def _case_ref() -> sa.Column:
    return sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_no", sa.Text, nullable=False, unique=True),
        *(sa.Column(n, sa.Text, nullable=False) for n in ("platform", "dispute_type", "order_no")),
        *(_text(n) for n in ("after_sale_no", "buyer_name", "buyer_phone", "product", "amount",
                             "store_name")),
        _text("stage", "request"),
        *(sa.Column(n, sa.Text) for n in ("request_at", "intervention_at", "judgment_at")),
        _text("judgment_ref"), _text("judgment_text"), _int("judgment_against_merchant"),
        *(sa.Column(n, sa.Text) for n in ("appeal_submitted_at", "appeal_rejected_at")),
        _int("appeals_used"),
        *(sa.Column(n, sa.Text) for n in ("shipped_at", "closed_at")),
        _text("outcome"), _text("statement"), _text("appeal_points", "[]"), _text("notes"),
        *(sa.Column(n, sa.Text, nullable=False) for n in ("created_at", "updated_at")),
        sa.Column("deleted_at", sa.Text),
    )
    op.create_index("cases_order", "cases", ["order_no"])
    op.create_table(
        "exhibits",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_ref(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        _text("kind_guess"),
        sa.Column("kind_confidence", sa.Float, nullable=False, server_default="0"),
        sa.Column("sha256", sa.Text, nullable=False),
        _size(),
        sa.Column("source_name", sa.Text, nullable=False),
        _text("caption"), _int("is_new"),
        sa.Column("added_at", sa.Text, nullable=False),
        _text("facts", "{}"), _text("warnings", "[]"),
        sa.Column("removed_at", sa.Text),
    )
    op.create_index("exhibits_case", "exhibits", ["case_id", "position"])
    op.create_index("exhibits_sha", "exhibits", ["sha256"])
    op.create_table(
        "log",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_ref(),
        *(sa.Column(n, sa.Text, nullable=False) for n in ("at", "actor", "action")),
        _text("detail"),
    )
    op.create_index("log_case", "log", ["case_id", "id"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_ref(),
        *(sa.Column(n, sa.Text, nullable=False) for n in (
            "at", "mode", "profile", "files", "bundle_sha256s", "manifest_sha256")),
    )
    op.create_table(
        "pending_blobs",
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("pid", sa.Integer, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
