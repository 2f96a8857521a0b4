"""The library's tables, as SQLAlchemy Core objects: the schema at the newest revision.

Queries are built from these tables, never from SQL text, so that the same code runs on any
engine SQLAlchemy supports (SQLite today; PostgreSQL for a team library later). A change here
needs an Alembic revision under ``migrations/versions/`` (see docs/architecture.md).

Instants are ISO-8601 UTC text (``timeutil.to_iso``); flags are 0/1 integers; lists and
dictionaries are JSON text. ``rows.py`` converts them to domain objects.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

metadata = MetaData()


def _text(name: str) -> Column:
    return Column(name, Text, nullable=False, server_default="")


def _instant(name: str) -> Column:
    return Column(name, Text)


# A file's size in bytes: 64-bit on PostgreSQL (a video passes 2 GiB); SQLite's INTEGER is.
SIZE = BigInteger().with_variant(Integer(), "sqlite")


def _case_ref() -> Column:
    return Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)


cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_no", Text, nullable=False, unique=True),
    Column("platform", Text, nullable=False),
    Column("dispute_type", Text, nullable=False),
    Column("order_no", Text, nullable=False),
    *(_text(n) for n in ("after_sale_no", "buyer_name", "buyer_phone", "product", "amount",
                         "store_name")),
    Column("stage", Text, nullable=False, server_default="request"),
    *(_instant(n) for n in ("request_at", "intervention_at", "judgment_at")),
    _text("judgment_ref"),
    _text("judgment_text"),
    Column("judgment_against_merchant", Integer, nullable=False, server_default="0"),
    *(_instant(n) for n in ("appeal_submitted_at", "appeal_rejected_at")),
    Column("appeals_used", Integer, nullable=False, server_default="0"),
    *(_instant(n) for n in ("shipped_at", "closed_at")),
    _text("outcome"),
    _text("statement"),
    Column("appeal_points", Text, nullable=False, server_default="[]"),
    _text("notes"),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    _instant("deleted_at"),
    # a dispute is a process (revision 0003): the instants that move stages and stop clocks,
    # the case's own zone, and the hours each clock started with (JSON)
    *(_instant(n) for n in ("replied_at", "refund_handled_at", "evidence_submitted_at",
                            "supplement_requested_at", "supplement_submitted_at", "remedied_at",
                            "appeal_decided_at", "penalty_at", "penalty_appeal_submitted_at",
                            "penalty_appeal_rejected_at")),
    _text("zone"),
    Column("clock_hours", Text, nullable=False, server_default="{}"),
    _text("imported_from"),  # the case number in the library it was handed over from (0004)
    _text("request"),  # the merchant's request in one line, for the cover (诉求, 0010)
    # who works on the case, and its edit version: saving over a newer one is refused (0012)
    _text("assignee"),
    Column("version", Integer, nullable=False, server_default="1"),
)
Index("cases_order", cases.c.order_no)
Index("cases_assignee", cases.c.assignee)
Index("cases_after_sale", cases.c.platform, cases.c.after_sale_no)  # a bulk import matches on it

exhibits = Table(
    "exhibits", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("position", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    _text("kind_guess"),
    Column("kind_confidence", Float, nullable=False, server_default="0"),
    Column("sha256", Text, nullable=False),
    Column("size", SIZE, nullable=False),
    Column("source_name", Text, nullable=False),
    _text("caption"),
    Column("is_new", Integer, nullable=False, server_default="0"),
    Column("added_at", Text, nullable=False),
    Column("facts", Text, nullable=False, server_default="{}"),
    Column("warnings", Text, nullable=False, server_default="[]"),
    _instant("removed_at"),
    Column("new_override", Integer),  # the user's "new evidence" mark (NULL: computed)
    # The messages (chat) or events (trace) the user marked as key: 1-based numbers, JSON (0010)
    Column("marks", Text, nullable=False, server_default="[]"),
)
Index("exhibits_case", exhibits.c.case_id, exhibits.c.position)
Index("exhibits_sha", exhibits.c.sha256)

log = Table(
    "log", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    _text("detail"),
)
Index("log_case", log.c.case_id, log.c.id)

# An export is a draft: a bundle written to disk (the file is the user's).
exports = Table(
    "exports", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("at", Text, nullable=False),
    Column("mode", Text, nullable=False),
    Column("profile", Text, nullable=False),
    Column("files", Text, nullable=False),
    Column("bundle_sha256s", Text, nullable=False),
    Column("manifest_sha256", Text, nullable=False),
    Column("audience", Text, nullable=False, server_default="platform"),
    _text("bundle_id"),
    Column("pages", Text, nullable=False, server_default="[]"),
)
Index("exports_case", exports.c.case_id, exports.c.id)

# A submission is what went to the platform: its files' bytes are kept in the blob store.
submissions = Table(
    "submissions", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("export_id", Integer),
    Column("kind", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    *(_text(n) for n in ("bundle_id", "manifest_sha256", "mode")),
    Column("exhibits", Text, nullable=False, server_default="[]"),
    _text("statement"),
    _text("forced_reason"),
    _text("staff"),  # who recorded it (0012)
)
Index("submissions_case", submissions.c.case_id, submissions.c.id)

submission_files = Table(
    "submission_files", metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id", ondelete="CASCADE"),
           nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", SIZE, nullable=False),
    Column("pages", Integer, nullable=False, server_default="0"),
)
Index("submission_files_sha", submission_files.c.sha256)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("submission_id", Integer, ForeignKey("submissions.id")),
    Column("decision", Text, nullable=False),
    Column("at", Text, nullable=False),
    _text("refund"),
    _text("ref"),
    Column("recorded_at", Text, nullable=False),
    _text("staff"),  # who recorded it (0012)
)
Index("decisions_case", decisions.c.case_id, decisions.c.id)

# The merchant's work-order log (售后工单), written in the case with a time each (revision 0005).
worklog = Table(
    "worklog", metadata,
    Column("id", Integer, primary_key=True),
    _case_ref(),
    Column("at", Text, nullable=False),
    Column("text", Text, nullable=False),
)
Index("worklog_case", worklog.c.case_id, worklog.c.at)

# Blobs being written: a crash between writing a blob and its exhibit row leaves a row here, so
# the next open can remove the unreferenced blob (see Library._recover). No key: rows are
# matched by (sha256, pid).
pending_blobs = Table(
    "pending_blobs", metadata,
    Column("sha256", Text, nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", Text, nullable=False),
)

# A case open for editing on a desktop (0012): others see "正在由 小王 编辑" until it is given
# back or expires (a desktop that died holds it no longer than one lease period).
case_leases = Table(
    "case_leases", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("staff", Text, nullable=False),
    Column("holder", Text, nullable=False),  # the desktop (one app run) holding it
    Column("expires_at", Text, nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# What the case list shows of each case, kept when the case changes (see ``summaries.py``):
# the list of 10,000 cases opens without evaluating every case's clocks and checklist.
case_summaries = Table(
    "case_summaries", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    _instant("next_due_at"),  # the soonest running clock's due instant (NULL: none runs)
    _text("next_due_clock"),
    Column("checklist_met", Integer, nullable=False, server_default="0"),
    Column("checklist_required", Integer, nullable=False, server_default="0"),
    Column("exhibit_count", Integer, nullable=False, server_default="0"),
    Column("missing", Text, nullable=False, server_default="[]"),  # kinds still missing (JSON)
    # What the values were computed from: stale when the case row or the rules changed since.
    Column("case_updated_at", Text, nullable=False),
    Column("rules_key", Text, nullable=False),
    # The list's order as one number (case_summary.list_order) and its search box's text
    # (case_summary.search_text): a page of the list is one index range (revision 0009).
    Column("list_order", BigInteger),
    Column("search_text", Text, nullable=False, server_default=""),
    # Copies of the case fields the list filters on (revision 0013): a page, its count and the
    # views' counts read this table alone (100,000 cases on PostgreSQL); stale like the rest
    # when they differ from the case row (summaries.stale_ids).
    Column("trashed", Integer, nullable=False, server_default="0"),  # 1: in the trash
    *(_text(n) for n in ("stage", "platform", "dispute_type", "assignee")),
)
# The list's order within the trash flag, and within a stage or an assignee (My cases), then
# what the views' counts read: a count is read from an index alone.
_S = case_summaries.c
_ORDER = (_S.list_order, _S.case_id.desc())
Index("case_summaries_list", _S.trashed, *_ORDER, _S.platform, _S.stage)
Index("case_summaries_stage", _S.trashed, _S.stage, *_ORDER, _S.platform)
Index("case_summaries_assignee", _S.trashed, _S.assignee, *_ORDER, _S.platform, _S.stage)
# PostgreSQL also has case_summaries_search, a pg_trgm GIN index over search_text for the
# search box's substring (revision 0013; SQLite has no index for LIKE '%…%'). Like the search
# index's tables it is made by the revision's SQL, not declared here.
