"""Search everything (issue 11): FTS5 tables, and triggers that queue what changes; the whole
library is queued, so the first catch-up is the backfill (``store/search_index.py``).

Numbered migration 6 before the move to Alembic. FTS5 and these triggers are SQLite's: the
statements are frozen here as they were in the numbered list. A team library on PostgreSQL
(issue 13) gets the same tables with pg_trgm in place of FTS5 (``PG_SCHEMA``): a trigram GIN
index on the units' text (the same three-character floor as FTS5's trigram), and the gram
blocks keep their one- and two-character grams in an array with a GIN index.

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

# search_index.py's SQL runs on both engines: instr() is SQLite's name for strpos().
PG_SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE"
    " AS 'SELECT strpos($1, $2)'",
    """CREATE TABLE search_units (
        id BIGSERIAL PRIMARY KEY,
        case_id INTEGER NOT NULL,
        exhibit_id INTEGER,
        source TEXT NOT NULL,
        loc INTEGER NOT NULL DEFAULT 0,
        field TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL)""",
    "CREATE INDEX search_units_case ON search_units(case_id, source)",
    "CREATE INDEX search_units_exhibit ON search_units(exhibit_id)",
    "CREATE INDEX search_units_trgm ON search_units USING gin (body gin_trgm_ops)",
    """CREATE TABLE search_blocks (
        first_unit BIGINT PRIMARY KEY,
        last_unit BIGINT NOT NULL,
        grams TEXT[] NOT NULL)""",
    "CREATE INDEX search_blocks_grams ON search_blocks USING gin (grams)",
    "CREATE TABLE search_dirty (kind TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref))",
    # search_queue('kind', 'column'): queue the changed row's column (its id, or its case)
    """CREATE FUNCTION search_queue() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE r jsonb;
    BEGIN
        IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
        INSERT INTO search_dirty VALUES (TG_ARGV[0], (r ->> TG_ARGV[1])::integer)
            ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER search_case_aiu AFTER INSERT OR UPDATE ON cases"
    " FOR EACH ROW EXECUTE FUNCTION search_queue('case', 'id')",
    "CREATE TRIGGER search_exhibit_ai AFTER INSERT ON exhibits"
    " FOR EACH ROW EXECUTE FUNCTION search_queue('exhibit', 'id')",
    "CREATE TRIGGER search_exhibit_au AFTER UPDATE OF caption, kind, source_name ON exhibits"
    " FOR EACH ROW EXECUTE FUNCTION search_queue('exhibit', 'id')",
    "CREATE TRIGGER search_log_ai AFTER INSERT ON log"
    " FOR EACH ROW EXECUTE FUNCTION search_queue('log', 'id')",
    "INSERT INTO search_dirty SELECT 'case', id FROM cases ON CONFLICT DO NOTHING",
    "INSERT INTO search_dirty SELECT 'exhibit', id FROM exhibits ON CONFLICT DO NOTHING",
    "INSERT INTO search_dirty SELECT 'log', id FROM log ON CONFLICT DO NOTHING",
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
