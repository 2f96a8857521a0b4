CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    dispute_type TEXT NOT NULL,
    order_no TEXT NOT NULL,
    after_sale_no TEXT NOT NULL DEFAULT '',
    buyer_name TEXT NOT NULL DEFAULT '',
    buyer_phone TEXT NOT NULL DEFAULT '',
    product TEXT NOT NULL DEFAULT '',
    amount TEXT NOT NULL DEFAULT '',
    store_name TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'request',
    request_at TEXT, intervention_at TEXT, judgment_at TEXT,
    judgment_ref TEXT NOT NULL DEFAULT '',
    judgment_text TEXT NOT NULL DEFAULT '',
    judgment_against_merchant INTEGER NOT NULL DEFAULT 0,
    appeal_submitted_at TEXT, appeal_rejected_at TEXT,
    appeals_used INTEGER NOT NULL DEFAULT 0,
    shipped_at TEXT, closed_at TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    statement TEXT NOT NULL DEFAULT '',
    appeal_points TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX cases_order ON cases(order_no);
CREATE TABLE exhibits (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    kind_guess TEXT NOT NULL DEFAULT '',
    kind_confidence REAL NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    source_name TEXT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    is_new INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    facts TEXT NOT NULL DEFAULT '{}',
    warnings TEXT NOT NULL DEFAULT '[]',
    removed_at TEXT
);
CREATE INDEX exhibits_case ON exhibits(case_id, position);
CREATE INDEX exhibits_sha ON exhibits(sha256);
CREATE TABLE log (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX log_case ON log(case_id, id);
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    mode TEXT NOT NULL,
    profile TEXT NOT NULL,
    files TEXT NOT NULL,
    bundle_sha256s TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL
);
-- Blobs being written: a crash between writing a blob and its exhibit row leaves a row
-- here, so the next open can remove the unreferenced blob (see Library._recover).
CREATE TABLE pending_blobs (
    sha256 TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
