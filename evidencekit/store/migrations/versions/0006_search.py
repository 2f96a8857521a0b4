"""Search everything (issue 11): FTS5 tables, and triggers that queue what changes; the whole
library is queued, so the first catch-up is the backfill (``store/search_index.py``).

Numbered migration 6 before the move to Alembic. FTS5 and these triggers are SQLite's: the
statements are frozen here as they were in the numbered list, and run on SQLite only (a
PostgreSQL library answers search its own way; issue 13).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SCHEMA = """
CREATE TABLE search_units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    exhibit_id INTEGER,
    source TEXT NOT NULL,
    loc INTEGER NOT NULL DEFAULT 0,
    field TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL
);
CREATE INDEX search_units_case ON search_units(case_id, source);
CREATE INDEX search_units_exhibit ON search_units(exhibit_id);
CREATE TABLE search_blocks (
    first_unit INTEGER PRIMARY KEY,
    last_unit INTEGER NOT NULL
);
CREATE VIRTUAL TABLE search_tri USING fts5(
    body, content='search_units', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', detail=none, tokenize='ascii');
CREATE TRIGGER search_units_ad AFTER DELETE ON search_units BEGIN
    INSERT INTO search_tri(search_tri, rowid, body) VALUES ('delete', old.id, old.body); END;
CREATE TABLE search_dirty (kind TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref))
    WITHOUT ROWID;
CREATE TRIGGER search_case_ai AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('case', new.id); END;
CREATE TRIGGER search_case_au AFTER UPDATE ON cases BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('case', new.id); END;
CREATE TRIGGER search_exhibit_ai AFTER INSERT ON exhibits BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('exhibit', new.id); END;
CREATE TRIGGER search_exhibit_au AFTER UPDATE OF caption, kind, source_name ON exhibits BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('exhibit', new.id); END;
CREATE TRIGGER search_log_ai AFTER INSERT ON log BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('log', new.id); END;
INSERT OR IGNORE INTO search_dirty SELECT 'case', id FROM cases;
INSERT OR IGNORE INTO search_dirty SELECT 'exhibit', id FROM exhibits;
INSERT OR IGNORE INTO search_dirty SELECT 'log', id FROM log
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for stmt in SCHEMA.split(";\n"):  # as the numbered migrations ran (a trigger ends "END;")
        if stmt.strip():
            bind.exec_driver_sql(stmt)


def downgrade() -> None:
    raise NotImplementedError("EvidenceKit libraries are upgraded only")
