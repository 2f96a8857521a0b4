"""The library schema under Alembic: fresh libraries at head, old ones upgraded with a backup."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from evidencekit.errors import StoreError
from evidencekit.store import Library, migrate
from evidencekit.store.engine import ALEMBIC_USER_VERSION
from evidencekit.store.schema import metadata

DATA = Path(__file__).resolve().parents[1] / "data"
# The numbered migrations of store/db.py before Alembic, verbatim; number N set user_version N.
LEGACY_MIGRATIONS = [
    (DATA / "legacy_v1_schema.sql").read_text(encoding="utf-8"),
    "CREATE INDEX IF NOT EXISTS cases_after_sale ON cases(platform, after_sale_no);",
    (DATA / "legacy_v3_process.sql").read_text(encoding="utf-8"),
    "ALTER TABLE cases ADD COLUMN imported_from TEXT NOT NULL DEFAULT '';",
    "CREATE TABLE worklog (id INTEGER PRIMARY KEY,"
    " case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE, at TEXT NOT NULL,"
    " text TEXT NOT NULL); CREATE INDEX worklog_case ON worklog(case_id, at);",
    __import__("evidencekit.store.search_index", fromlist=["SCHEMA"]).SCHEMA,  # verbatim
    __import__("evidencekit.store.search_index", fromlist=["SCHEMA"]).WORKLOG_SCHEMA,
]


def _legacy_library(root: Path, version: int = 1) -> Path:
    """A library as the code before Alembic left it at ``version``, with some data: rows
    written by the first schema's code (a case, its log, a setting, an exhibit marked new, an
    export recorded in the old ``submissions`` table), then the later numbered migrations run
    over them, as an old library lived through its upgrades."""
    root.mkdir(parents=True)
    path = root / "evidencekit.db"
    conn = sqlite3.connect(path)
    conn.executescript(LEGACY_MIGRATIONS[0])
    conn.execute("INSERT INTO cases(case_no, platform, dispute_type, order_no, buyer_name, stage,"
                 " request_at, created_at, updated_at) VALUES ('EK-00001', 'douyin',"
                 " 'quality_issue', '4938123', '张三', 'intervention', '2024-09-17T02:00:00Z',"
                 " '2024-09-17T02:00:00Z', '2024-09-17T02:05:00Z')")
    conn.execute("INSERT INTO log(case_id, at, actor, action, detail) VALUES"
                 " (1, '2024-09-17T02:00:00Z', 'clerk', 'case_created', 'douyin')")
    conn.execute("INSERT INTO settings(key, value) VALUES ('store_names', '[\"小美家居\"]')")
    blob = hashlib.sha256(b"photo").hexdigest()
    (root / "blobs" / blob[:2]).mkdir(parents=True)
    (root / "blobs" / blob[:2] / blob).write_bytes(b"photo")
    conn.execute("INSERT INTO exhibits(case_id, position, kind, sha256, size, source_name, is_new,"
                 " added_at) VALUES (1, 1, 'photo', ?, 5, 'a.jpg', 1, '2024-09-17T02:06:00Z')", (blob,))
    conn.execute("INSERT INTO submissions(case_id, at, mode, profile, files, bundle_sha256s,"
                 " manifest_sha256) VALUES (1, '2024-09-17T03:00:00Z', 'arbitration', 'douyin',"
                 " '[\"/tmp/EK-00001.pdf\"]', '[\"cd\"]', 'ef')")
    conn.commit()
    for sql in LEGACY_MIGRATIONS[1:version]:
        conn.executescript(sql)
    conn.execute(f"PRAGMA user_version={version}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.commit()
    conn.close()
    return path


def _schema_differences(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        from sqlalchemy import create_engine
        engine = create_engine("sqlite://", creator=lambda: conn)
        with engine.connect() as c:
            # The search index (revision 0006) is SQLite's FTS5 and not in schema.py: its
            # tables are made by plain SQL and kept by search_index.py.
            return [d for d in compare_metadata(MigrationContext.configure(c), metadata)
                    if not (d[0] == "remove_table" and d[1].name.startswith("search_"))
                    and not (d[0] == "remove_index" and d[1].table.name.startswith("search_"))]
    finally:
        conn.close()


def _columns(path: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
                for t in tables if t != "alembic_version" and not t.startswith(("search_", "sqlite_"))}
    finally:
        conn.close()


def _revision(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_one_head():
    # Two engineers adding a revision on the same parent make two heads; upgrade would refuse.
    assert len(migrate._script().get_heads()) == 1
    # the shortcut that spares every CLI command importing Alembic agrees with Alembic
    assert migrate.quick_head() == migrate.head()


def test_fresh_library_is_created_at_head(tmp_path):
    Library.open(tmp_path / "lib").close()
    path = tmp_path / "lib" / "evidencekit.db"
    assert _revision(path) == migrate.head()
    assert _schema_differences(path) == []
    assert list(path.parent.glob("*.bak")) == []  # nothing to back up
    # A program from before Alembic reads user_version and refuses a newer library.
    assert _user_version(path) == ALEMBIC_USER_VERSION


def test_every_numbered_migration_has_its_revision():
    assert len(migrate.LEGACY_REVISIONS) == len(LEGACY_MIGRATIONS)


@pytest.mark.parametrize("version", range(1, len(LEGACY_MIGRATIONS) + 1))
def test_old_library_upgrades_in_place_with_backup(tmp_path, version):
    root = tmp_path / "lib"
    path = _legacy_library(root, version)
    with Library.open(root) as lib:
        case = lib.get_case("EK-00001")
        assert case.buyer_name == "张三" and case.stage == "intervention"
        assert case.request_at.isoformat() == "2024-09-17T02:00:00+00:00"
        assert [e.actor for e in lib.log(case.id)] == ["clerk"]
        assert lib.setting("store_names") == ["小美家居"]
        # the old export record is an export (a draft), not a submission
        [export] = lib.exports(case.id)
        assert export["mode"] == "arbitration" and export["audience"] == "platform"
        assert [f["sha256"] for f in export["files"]] == ["cd"]
        assert lib.submissions(case.id) == []
        # the old "new evidence" mark is kept as the user's override
        [ex] = lib.list_exhibits(case.id)
        assert ex.is_new and ex.new_override is True
        assert case.zone == "" and case.clock_hours == {}
        # the upgraded library keeps working: new rows get the next numbers
        new = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="2")
        assert new.case_no == "EK-00002"
        assert lib.fsck().ok
    assert _revision(path) == migrate.head()
    # Same tables and columns as a fresh library (compare_metadata would also report how
    # SQLite reflects the old hand-written DDL: nullable INTEGER PRIMARY KEY, REAL, inline FKs).
    assert _columns(path) == {t.name: {c.name for c in t.columns} for t in metadata.sorted_tables}
    backup = root / f"evidencekit.db.{migrate.LEGACY_REVISIONS[version - 1]}.bak"
    assert backup.is_file()
    # the backup is the library as it was: old format, old data only
    assert _user_version(backup) == version and _revision(backup) is None
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT case_no FROM cases").fetchall() == [("EK-00001",)]
    conn.close()


def test_upgrade_backs_up_before_a_new_revision(tmp_path, monkeypatch):
    root = tmp_path / "lib"
    Library.open(root).close()
    before = migrate.head()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate._SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_extra.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '9999'\ndown_revision = {before!r}\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.create_table('extra', sa.Column('x', sa.Integer))\n",
        encoding="utf-8")
    monkeypatch.setattr(migrate, "_SCRIPTS", scripts)
    migrate._script.cache_clear()
    migrate.quick_head.cache_clear()
    try:
        with Library.open(root) as lib:
            with lib.db.read() as conn:
                assert conn.exec_driver_sql("SELECT count(*) FROM extra").scalar() == 0
        assert _revision(root / "evidencekit.db") == "9999"
        assert _revision(root / f"evidencekit.db.{before}.bak") == before
    finally:
        migrate._script.cache_clear()
        migrate.quick_head.cache_clear()


def test_newer_library_refused(tmp_path):
    root = tmp_path / "lib"
    Library.open(root).close()
    conn = sqlite3.connect(root / "evidencekit.db")
    conn.execute("UPDATE alembic_version SET version_num='ffff_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        Library.open(root)
    assert "newer" in err.value.message("en")


def test_newer_numbered_library_refused(tmp_path):
    root = tmp_path / "lib"
    path = _legacy_library(root)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={len(migrate.LEGACY_REVISIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError):
        Library.open(root)
    assert _revision(path) is None  # untouched


def test_damaged_database_is_a_store_error(tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "evidencekit.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Library.open(root)
