-- Numbered migration 3 of store/db.py before Alembic (main at fafa80e), verbatim.
ALTER TABLE cases ADD COLUMN replied_at TEXT;
    ALTER TABLE cases ADD COLUMN refund_handled_at TEXT;
    ALTER TABLE cases ADD COLUMN evidence_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN supplement_requested_at TEXT;
    ALTER TABLE cases ADD COLUMN supplement_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN remedied_at TEXT;
    ALTER TABLE cases ADD COLUMN appeal_decided_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_appeal_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_appeal_rejected_at TEXT;
    ALTER TABLE cases ADD COLUMN zone TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN clock_hours TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE submissions RENAME TO exports;
    ALTER TABLE exports ADD COLUMN audience TEXT NOT NULL DEFAULT 'platform';
    ALTER TABLE exports ADD COLUMN bundle_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE exports ADD COLUMN pages TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX exports_case ON exports(case_id, id);
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        export_id INTEGER,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        bundle_id TEXT NOT NULL DEFAULT '',
        manifest_sha256 TEXT NOT NULL DEFAULT '',
        mode TEXT NOT NULL DEFAULT '',
        exhibits TEXT NOT NULL DEFAULT '[]',
        statement TEXT NOT NULL DEFAULT '',
        forced_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX submissions_case ON submissions(case_id, id);
    CREATE TABLE submission_files (
        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX submission_files_sha ON submission_files(sha256);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        submission_id INTEGER REFERENCES submissions(id),
        decision TEXT NOT NULL,
        at TEXT NOT NULL,
        refund TEXT NOT NULL DEFAULT '',
        ref TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX decisions_case ON decisions(case_id, id);
    ALTER TABLE exhibits ADD COLUMN new_override INTEGER;
    UPDATE exhibits SET new_override = 1 WHERE is_new = 1;
