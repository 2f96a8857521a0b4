"""Search the work-order log too (issue 11): triggers queue a case's whole work-order log when an
entry is added, changed or removed, and every case with entries is queued once.

Numbered migration 7 before the move to Alembic. SQLite's, frozen here as it was in the
numbered list; PostgreSQL's twin is ``PG_SCHEMA`` (see 0006).

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SCHEMA = """
CREATE TRIGGER search_worklog_ai AFTER INSERT ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', new.case_id); END;
CREATE TRIGGER search_worklog_au AFTER UPDATE ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', new.case_id); END;
CREATE TRIGGER search_worklog_ad AFTER DELETE ON worklog BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('worklog', old.case_id); END;
INSERT OR IGNORE INTO search_dirty SELECT DISTINCT 'worklog', case_id FROM worklog
"""

PG_SCHEMA = [
    "CREATE TRIGGER search_worklog_aiud AFTER INSERT OR UPDATE OR DELETE ON worklog"
    " FOR EACH ROW EXECUTE FUNCTION search_queue('worklog', 'case_id')",
    "INSERT INTO search_dirty SELECT DISTINCT 'worklog', case_id FROM worklog ON CONFLICT DO NOTHING",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for stmt in PG_SCHEMA:
            bind.exec_driver_sql(stmt)
        return
    for stmt in SCHEMA.split(";\n"):  # as the numbered migrations ran (a trigger ends "END;")
        if stmt.strip():
            bind.exec_driver_sql(stmt)


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
