"""Everything engine-specific about the library database, in one place.

The query code (``library.py``, ``exhibits.py``, ``fsck.py``) is portable SQLAlchemy Core;
what only SQLite does lives here: its pragmas, taking the write lock when a transaction
begins, the old ``user_version`` marker, the online backup and the integrity check. The second
engine (PostgreSQL, a team library) has its own module, ``postgres.py``; neither is in the
query code.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import sqlite as _sqlite_dialect  # noqa: F401
from sqlalchemy.exc import DBAPIError

# The SQLite dialect is imported with the store rather than by the first create_engine: the app
# imports the store before Qt, whose import hook makes every later import slower (ui/app.py).

# Written into an SQLite library's ``user_version`` once Alembic manages it, so a program from
# before the move to Alembic (which read user_version as its schema number) refuses the file as
# "made by a newer EvidenceKit" instead of writing into a schema it does not know.
ALEMBIC_USER_VERSION = 1000


def sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the library's settings on every connection."""
    engine = create_engine(f"sqlite:///{path}",
                           connect_args={"timeout": 10, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # The driver must not open transactions itself: _on_begin decides how each one starts.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL",
                       "busy_timeout=10000"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock at BEGIN, so two writers queue on busy_timeout instead of
        # one failing half-way with "database is locked". Readers open no transaction at all:
        # each statement reads the last commit, and never blocks a writer.
        if not conn.get_execution_options().get("evidencekit_read"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def writable(path: Path) -> bool:
    """Can the database and its folder be written (the folder holds the WAL files)?"""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def sqlite_read_only_engine(path: Path) -> Engine:
    """An engine that only reads the SQLite file at ``path`` (every write is refused by SQLite).

    Without write access to the folder SQLite cannot make the WAL index, so the file is then
    read as immutable (a cleanly closed library has nothing left in its WAL)."""
    uri = path.resolve().as_uri()
    error: DBAPIError | None = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        engine = create_engine("sqlite://", creator=lambda q=query: sqlite3.connect(
            uri + q, uri=True, timeout=10, check_same_thread=False))

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None  # reads only: no transaction is ever opened

        try:
            with read_connection(engine) as conn:
                conn.exec_driver_sql("PRAGMA user_version").scalar()
            return engine
        except DBAPIError as e:
            engine.dispose()
            error = e
    assert error is not None
    raise error


def read_connection(engine: Engine) -> Connection:
    """A connection that opens no transaction (see ``_on_begin``): each statement reads the last commit."""
    if engine.dialect.name == "postgresql":
        from .postgres import read_connection as pg_read_connection
        return pg_read_connection(engine)
    return engine.connect().execution_options(evidencekit_read=True)


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def legacy_version(conn: Connection) -> int:
    """The numbered-migration version of a library from before Alembic (0 when none)."""
    if not is_sqlite(conn):
        return 0
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def mark_alembic_managed(conn: Connection) -> None:
    if is_sqlite(conn):
        conn.exec_driver_sql(f"PRAGMA user_version={ALEMBIC_USER_VERSION}")


def backup(conn: Connection, dest: Path) -> None:
    """Copy the database to ``dest`` as of its last commit (including what is still in the WAL)."""
    if not is_sqlite(conn):
        raise NotImplementedError(f"no backup for {conn.dialect.name}")
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    tmp = dest.with_name(dest.name + ".part")
    target = sqlite3.connect(str(tmp))
    try:
        raw.backup(target)
    finally:
        target.close()
    tmp.replace(dest)


def integrity_problems(conn: Connection) -> list[str]:
    """What the engine's own consistency check finds (empty when all is well)."""
    if not is_sqlite(conn):
        return []
    out = [msg for (msg,) in conn.exec_driver_sql("PRAGMA integrity_check") if msg != "ok"]
    out += [f"foreign key: {tuple(row)}" for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return out


class RawSQLite:
    """The SQLite connection itself, for the SQL only SQLite has (FTS5 search, its triggers:
    ``search_index.py``). A statement runs on this thread's open write transaction when there
    is one (so it commits or rolls back with it), else on a connection of its own that only
    reads the last commit. Rows are ``sqlite3.Row``. PostgreSQL's twin: ``postgres.RawPostgres``."""

    dialect = "sqlite"

    def __init__(self, db, path: Path):
        self._db, self._path = db, path
        self._reader: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        conn = self._db.current()
        if conn is not None:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return raw
        if self._reader is None:
            self._reader = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True,
                                           timeout=10, isolation_level=None,
                                           check_same_thread=False)
        return self._reader

    def _cursor(self) -> sqlite3.Cursor:
        cur = self._connection().cursor()
        cur.row_factory = sqlite3.Row
        return cur

    def execute(self, sql: str, args=()) -> sqlite3.Cursor:
        return self._cursor().execute(sql, args)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self._cursor().executemany(sql, rows)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
