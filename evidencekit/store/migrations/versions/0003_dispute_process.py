"""A dispute is a process (issue 9): instants that move stages and stop clocks, the hours each
clock started with, exports (drafts) apart from submissions (what went to the platform, bytes
kept), decisions, and the user's override of the "new evidence" mark.

Numbered migration 3 before the move to Alembic.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW_INSTANTS = ("replied_at", "refund_handled_at", "evidence_submitted_at",
                "supplement_requested_at", "supplement_submitted_at", "remedied_at",
                "appeal_decided_at", "penalty_at", "penalty_appeal_submitted_at",
                "penalty_appeal_rejected_at")


def _text(name: str, default: str = "") -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default=default)


def _case_ref() -> sa.Column:
    return sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    for name in NEW_INSTANTS:
        op.add_column("cases", sa.Column(name, sa.Text))
    op.add_column("cases", _text("zone"))
    op.add_column("cases", _text("clock_hours", "{}"))

    # What was recorded as a submission before is a draft export.
    op.rename_table("submissions", "exports")
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL names a table's key sequence and constraints after it: they move too, so
        # the new submissions table gets its own plain names.
        op.execute("ALTER SEQUENCE submissions_id_seq RENAME TO exports_id_seq")
        op.execute("ALTER INDEX submissions_pkey RENAME TO exports_pkey")
        op.execute("ALTER TABLE exports RENAME CONSTRAINT submissions_case_id_fkey TO exports_case_id_fkey")
    op.add_column("exports", _text("audience", "platform"))
    op.add_column("exports", _text("bundle_id"))
    op.add_column("exports", _text("pages", "[]"))
    op.create_index("exports_case", "exports", ["case_id", "id"])

    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_ref(),
        sa.Column("export_id", sa.Integer),
        *(sa.Column(n, sa.Text, nullable=False) for n in ("kind", "at", "recorded_at")),
        _text("bundle_id"), _text("manifest_sha256"), _text("mode"), _text("exhibits", "[]"),
        _text("statement"), _text("forced_reason"),
    )
    op.create_index("submissions_case", "submissions", ["case_id", "id"])
    op.create_table(
        "submission_files",
        sa.Column("submission_id", sa.Integer,
                  sa.ForeignKey("submissions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("submission_files_sha", "submission_files", ["sha256"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_ref(),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id")),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        _text("refund"), _text("ref"),
        sa.Column("recorded_at", sa.Text, nullable=False),
    )
    op.create_index("decisions_case", "decisions", ["case_id", "id"])

    op.add_column("exhibits", sa.Column("new_override", sa.Integer))
    # A mark set before the mark was computed was the user's (or attach's) choice: keep it.
    exhibits = sa.table("exhibits", sa.column("is_new", sa.Integer),
                        sa.column("new_override", sa.Integer))
    op.execute(exhibits.update().where(exhibits.c.is_new == 1).values(new_override=1))


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
