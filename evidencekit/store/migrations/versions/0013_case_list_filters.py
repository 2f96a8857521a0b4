"""The case list at 100,000 cases on PostgreSQL (issue 13): each case summary keeps a copy of
the case fields the list filters on (in the trash or not, stage, platform, dispute type,
assignee), so that a page, the count and the views' counts read the summaries alone and
join the cases only for the rows of one page; indexes that serve the list's order within
those filters, holding what the views' counts read (their counts come from an index alone);
on PostgreSQL a trigram index for the search box's substring (pg_trgm, from
revision 0006).

The copies are filled from the cases here; from now on they are written with the summary.
The unused index on ``next_due_at`` and the order index without the trash flag go.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COPIED = ("stage", "platform", "dispute_type", "assignee")


def upgrade() -> None:
    op.add_column("case_summaries", sa.Column("trashed", sa.Integer, nullable=False, server_default="0"))
    for name in COPIED:
        op.add_column("case_summaries", sa.Column(name, sa.Text, nullable=False, server_default=""))
    summaries, cases = sa.table("case_summaries", sa.column("case_id"), sa.column("trashed"),
                                *(sa.column(n) for n in COPIED)), \
        sa.table("cases", sa.column("id"), sa.column("deleted_at"), *(sa.column(n) for n in COPIED))

    def of_case(expr):
        return sa.select(expr).where(cases.c.id == summaries.c.case_id).scalar_subquery()

    op.execute(summaries.update().values(
        trashed=of_case(sa.case((cases.c.deleted_at.is_(None), 0), else_=1)),
        **{n: of_case(cases.c[n]) for n in COPIED}))
    op.drop_index("case_summaries_due", "case_summaries")
    op.drop_index("case_summaries_order", "case_summaries")
    # the order within the trash flag (and a stage, an assignee), then what the views' counts
    # read (platform, stage): counts are read from the index alone
    order = (sa.text("list_order"), sa.text("case_id DESC"))
    col = sa.text
    op.create_index("case_summaries_list", "case_summaries",
                    [col("trashed"), *order, col("platform"), col("stage")])
    op.create_index("case_summaries_stage", "case_summaries",
                    [col("trashed"), col("stage"), *order, col("platform")])
    op.create_index("case_summaries_assignee", "case_summaries",
                    [col("trashed"), col("assignee"), *order, col("platform"), col("stage")])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX case_summaries_search ON case_summaries "
                   "USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
