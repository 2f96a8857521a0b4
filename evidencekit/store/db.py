"""The library database: opening (with its upgrade) and the two ways in, reads and writes.

Schema: ``schema.py`` (tables) and ``migrations/versions`` (Alembic revisions), applied by
``migrate.py``. Engine specifics: ``engine.py``.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import URL, Connection, CursorResult, Engine
from sqlalchemy.exc import DBAPIError

from ..errors import NoLibrary, ReviewerCannotWrite, StoreError, TeamUpgradeNeedsOwner
from . import changes, faults, migrate, postgres
from . import engine as eng


class Database:
    """An engine plus the transaction (if any) this thread has open on it.

    A read inside a write transaction runs on that transaction's connection, so it sees the
    rows the transaction has written; a write inside a write is a savepoint of it.
    """

    def __init__(self, engine: Engine, path: Path, refusal: StoreError | None = None,
                 url: URL | None = None):
        self.engine = engine
        self.path = path  # the SQLite file (a team library: its folder's library.toml)
        self.url = url  # a team library's database (None: SQLite)
        self.refusal = refusal  # why writes are refused (read-only folder, full disk), if they are
        self._local = threading.local()
        # Called with the transaction and the cases marked changed in it, just before it
        # commits (the library keeps its case summaries this way).
        self.before_commit: Callable[[Connection, set[int]], None] | None = None
        # The driver's own connection for the search index's SQL (engine.RawSQLite,
        # postgres.RawPostgres)
        self.raw: eng.RawSQLite | postgres.RawPostgres = (
            eng.RawSQLite(self, path) if url is None else postgres.RawPostgres(self))

    def fault(self, e: DBAPIError) -> StoreError:
        """A database error named by its cause, for the user."""
        if self.url is not None:
            return faults.from_postgres_error(e, self.url)
        return faults.from_dbapi_error(e, self.path)

    def current(self) -> Connection | None:
        """This thread's open write transaction, if any."""
        return getattr(self._local, "conn", None)

    def mark_changed(self, case_id: int) -> bool:
        """Note that the open write transaction changed this case; False if it was noted."""
        if case_id in self._local.changed:
            return False
        self._local.changed.add(case_id)
        return True

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if self.refusal is not None:
            raise self.refusal
        open_tx = getattr(self._local, "conn", None)
        if open_tx is not None:  # a change inside a larger one: a savepoint undoes only itself
            with self._savepoint(open_tx):
                yield open_tx
            return
        try:
            with self.engine.begin() as conn:
                self._local.conn, self._local.changed = conn, set()
                try:
                    yield conn
                    if self._local.changed and self.before_commit is not None:
                        self.before_commit(conn, self._local.changed)
                    if self._local.changed:  # other desktops hear of it once it commits
                        changes.announce(conn, self._local.changed)
                finally:
                    self._local.conn, self._local.changed = None, set()
        except DBAPIError as e:  # begin, a statement or the commit: named by its cause
            raise self.fault(e) from e

    @contextmanager
    def _savepoint(self, conn: Connection) -> Iterator[None]:
        # Plain SQL (SQLite and PostgreSQL alike): a bulk import takes one per row, and
        # Connection.begin_nested() costs six times as much.
        depth = getattr(self._local, "depth", 0) + 1
        name = f"ek_sp{depth}"
        self._local.depth = depth
        conn.exec_driver_sql(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            conn.exec_driver_sql(f"ROLLBACK TO SAVEPOINT {name}")
            conn.exec_driver_sql(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            conn.exec_driver_sql(f"RELEASE SAVEPOINT {name}")
        finally:
            self._local.depth = depth - 1

    @contextmanager
    def read(self) -> Iterator[Connection]:
        open_tx = getattr(self._local, "conn", None)
        if open_tx is not None:
            yield open_tx
            return
        if self.url is None:
            with eng.read_connection(self.engine) as conn:
                yield conn
            return
        try:  # a team library: the server can go away between two reads
            with eng.read_connection(self.engine) as conn:
                yield conn
        except DBAPIError as e:
            raise self.fault(e) from e

    def close(self) -> None:
        self.raw.close()
        self.engine.dispose()


def inserted_id(result: CursorResult) -> int:
    """The key of the row an ``insert()`` added (RETURNING or lastrowid, as the engine does it)."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def open_database(path: Path) -> Database:
    """Open (creating if needed) the library database at ``path``, upgraded to the newest schema.

    A library on a read-only folder or disk, or on a full disk, is opened for reading: its
    writes are refused with that cause."""
    if path.exists() and not eng.writable(path):
        return _open_read_only(path, faults.read_only(path))
    engine = eng.sqlite_engine(path)
    try:
        migrate.upgrade(engine, path)
    except BaseException as e:
        engine.dispose()
        if isinstance(e, DBAPIError):
            error = faults.from_dbapi_error(e, path)
        elif isinstance(e, OSError):
            error = faults.from_os_error(e, path)
        else:
            raise
        if error.code == "store_disk_full" and path.exists():
            return _open_read_only(path, error)  # a full disk: still readable
        raise error from e
    return Database(engine, path)


def open_team_database(url: URL, where: Path, *, create: bool = True) -> Database:
    """Open the team library's database at ``url`` (``where``: its folder's library.toml, for
    messages), upgraded to the newest schema when the user may (the owner). A user in the
    reviewer role gets a library whose writes are refused with that cause."""
    engine = postgres.connect(url)
    try:
        if not create:
            with eng.read_connection(engine) as conn:
                if not migrate.is_library(conn):
                    raise NoLibrary(root=postgres.shown(url))
        try:
            if migrate.upgrade(engine, where):
                with engine.begin() as conn:
                    postgres.grant_roles(conn, url)  # the new revision's tables too
        except DBAPIError as e:
            if faults.permission_denied(e):
                raise TeamUpgradeNeedsOwner(url=postgres.shown(url)) from e
            raise faults.from_postgres_error(e, url) from e
        with eng.read_connection(engine) as conn:
            writable = postgres.can_write(conn)
    except BaseException:
        engine.dispose()
        raise
    refusal = None if writable else ReviewerCannotWrite(
        url=postgres.shown(url), staff=postgres.role_names(url)[postgres.STAFF])
    return Database(engine, where, refusal, url=url)


def open_for_reading(path: Path) -> Database:
    """The library database on a read-only connection of its own (a worker that only reads
    beside the app's connections); it must already be on the newest schema."""
    return _open_read_only(path, faults.read_only(path))


def _open_read_only(path: Path, refusal: StoreError) -> Database:
    try:
        engine = eng.sqlite_read_only_engine(path)
    except DBAPIError as e:
        raise faults.from_dbapi_error(e, path) from e
    try:
        migrate.check_current(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, path, refusal)
