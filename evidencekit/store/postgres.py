"""A team library's database: PostgreSQL through psycopg 3 (issue 13).

What only PostgreSQL needs lives here, beside ``engine.py`` (SQLite's): the URL a user gives
(``postgresql://user@host/db?sslmode=verify-full``), where its password comes from, the write
lock taken when a write transaction begins, read connections that see the last commit, the
raw connection the search index uses, and the two roles (staff, reviewer).

Passwords: libpq reads its usual sources by itself (``~/.pgpass``, a service file,
``PGPASSWORD``). When the server still asks for one, :data:`password_prompt` (set by the CLI
to getpass on a terminal, by the app to a dialog) is asked, and the answer is kept in this
process's memory only. EvidenceKit never writes a password anywhere (:func:`savable_url`).
"""

from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from ..errors import BadDatabaseUrl, TeamDatabaseUnreachable, TeamRolesMissing

DRIVER = "postgresql+psycopg"
_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")

# Every write transaction takes this lock first, so writers queue one after another as they do
# on SQLite (BEGIN IMMEDIATE): numbers handed out by counting (case numbers, exhibit positions,
# search unit ids) stay unique and gap-free. Readers never take it.
WRITE_LOCK_KEY = 0x45564B  # "EVK"
# A write that hands out no numbers and touches only its own rows may set this execution
# option to skip the queue: sending an original's chunks (minutes for a long video) must not
# make every other desktop's edits wait behind it.
UNQUEUED = "evidencekit_unqueued"
LOCK_WAIT = "30s"  # a writer waits this long for another desktop's write (SQLite: busy_timeout)

# Asked for a password when the server wants one and libpq found none: gets the URL as shown
# to the user (no password), returns the password or None to give up.
password_prompt: Callable[[str], str | None] | None = None
_passwords: dict[str, str] = {}  # URL without password → the password typed, this process only

# The roles a team library's rows are shared by, per database: staff read and write cases,
# reviewers only read (the offline review group).
STAFF, REVIEWER = "staff", "reviewer"


def is_database_url(text: str) -> bool:
    return text.split(":", 1)[0].lower() in _SCHEMES


def parse_url(text: str) -> URL:
    """The user's URL as psycopg 3's (``postgresql://`` and ``postgres://`` accepted)."""
    try:
        url = make_url(text.strip())
    except ArgumentError as e:
        raise BadDatabaseUrl(url=shown(text)) from e
    if url.drivername not in _SCHEMES or not url.database:
        raise BadDatabaseUrl(url=shown(text))
    return url.set(drivername=DRIVER)


def shown(url: URL | str) -> str:
    """The URL as it may be printed: no password, the plain ``postgresql://`` scheme."""
    if isinstance(url, str):
        try:
            url = make_url(url.strip())
        except ArgumentError:
            return "postgresql://…"
    # URL.set() takes None as "unchanged": the password is dropped with _replace
    return url._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)


def savable_url(url: URL | str) -> tuple[str, bool]:
    """The URL to write into ``library.toml``: never with its password. Returns (URL, whether
    a password was taken out)."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return shown(parsed), parsed.password is not None


def role_names(url: URL) -> dict[str, str]:
    """The two roles of the team library in ``url``'s database (names per database, so two
    team libraries on one server do not share their staff)."""
    db = (url.database or "").lower()
    return {STAFF: f"{db}_staff", REVIEWER: f"{db}_reviewer"}


def _password_needed(e: Exception) -> bool:
    text = str(e).lower()
    return "no password supplied" in text or "password authentication failed" in text


def connect(url: URL) -> Engine:
    """An engine on the team database at ``url``, with a first connection made (so a wrong
    host or password is told now, in words, not at the first query)."""
    key = shown(url)
    if url.password is None and key in _passwords:
        url = url.set(password=_passwords[key])
    while True:
        engine = _engine(url)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            if url.password is not None:
                _passwords[key] = url.password  # asked for, or given in the URL: memory only
            return engine
        except DBAPIError as e:
            engine.dispose()
            orig = e.orig if e.orig is not None else e
            if _password_needed(orig) and password_prompt is not None:
                answer = password_prompt(key)
                if answer:
                    url = url.set(password=answer)
                    continue
            raise TeamDatabaseUnreachable(url=key, reason=_first_line(orig)) from e


def _first_line(e: BaseException) -> str:
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    return lines[0] if lines else type(e).__name__


def _engine(url: URL) -> Engine:
    # pool_pre_ping: a desktop left open overnight finds its connections closed by the server
    engine = create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET lock_timeout = '{LOCK_WAIT}'")
        dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        if not (options.get("evidencekit_read") or options.get(UNQUEUED)):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine


def read_connection(engine: Engine) -> Connection:
    """Each statement on its own and seeing the last commit, as SQLite's readers do."""
    return engine.connect().execution_options(isolation_level="AUTOCOMMIT", evidencekit_read=True)


def can_write(conn: Connection) -> bool:
    """Whether the connected user may change cases (a reviewer may not)."""
    return bool(conn.exec_driver_sql(
        "SELECT has_table_privilege(current_user, 'cases', 'INSERT')").scalar())


# ---- roles ----------------------------------------------------------------------------------
def owns_library(conn: Connection) -> bool:
    """Whether the connected user owns the library's tables (made them at ``init --db``)."""
    return bool(conn.exec_driver_sql(
        "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'cases'").scalar())


def ensure_roles(conn: Connection, url: URL) -> dict[str, str]:
    """Create the staff and reviewer roles (group roles, no login) if missing and grant them
    the library's tables; the owner runs it (``init --db``; grants again after each upgrade).
    Another user only has it checked that the roles are there."""
    names = role_names(url)
    missing = [n for n in names.values() if not conn.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": n}).first()]
    owner = owns_library(conn)
    if missing:
        can_create = conn.exec_driver_sql(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").scalar()
        if not (owner and can_create):
            raise TeamRolesMissing(staff=names[STAFF], reviewer=names[REVIEWER])
        for name in missing:
            conn.exec_driver_sql(f"CREATE ROLE {_ident(conn, name)} NOLOGIN")
    if owner:
        grant_roles(conn, url)
    return names


def grant_roles(conn: Connection, url: URL) -> None:
    """GRANT the library's tables to its roles (those that exist); nothing to anyone else."""
    names = role_names(url)
    have = {r for (r,) in conn.exec_driver_sql(
        "SELECT rolname FROM pg_roles WHERE rolname IN (%(a)s, %(b)s)",
        {"a": names[STAFF], "b": names[REVIEWER]})}
    db = _ident(conn, url.database or "")
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    if names[STAFF] in have:
        staff = _ident(conn, names[STAFF])
        conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {staff}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {staff}")
        conn.exec_driver_sql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                             f"TO {staff}")
        conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {staff}")
        # The schema's own bookkeeping is the owner's: staff cannot move the revision.
        conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {staff}")
    if names[REVIEWER] in have:
        reviewer = _ident(conn, names[REVIEWER])
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {db} TO {reviewer}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {reviewer}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reviewer}")
        # The sealing key (store/team_keys.py): a reviewer verifies bundles with the
        # certificates but never reads the private key, which only staff may use to seal.
        conn.exec_driver_sql(f"REVOKE SELECT ON library_keys FROM {reviewer}")
        conn.exec_driver_sql("GRANT SELECT (id, role, fingerprint, cert_pem, created_at) "
                             f"ON library_keys TO {reviewer}")


def _ident(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


# ---- the raw connection (search) --------------------------------------------------------------
class Row(tuple):
    """A result row read by position or by column name, like ``sqlite3.Row``."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor) -> Callable[[Any], Row]:
    names = tuple(c.name for c in cursor.description or ())

    def make(values) -> Row:
        row = Row(values)
        row.names = names
        return row
    return make


def _placeholders(sql: str) -> str:
    # The search SQL is written with SQLite's ``?``; psycopg takes ``%s`` (and ``%%`` for ``%``).
    return sql.replace("%", "%%").replace("?", "%s")


class RawPostgres:
    """psycopg's own connection for the search index's SQL (``search_index.py``), with the
    interface of ``engine.RawSQLite``: a statement runs on this thread's open write
    transaction when there is one, else on a connection of its own in autocommit (each
    statement reads the last commit)."""

    dialect = "postgresql"

    def __init__(self, db):
        self._db = db
        self._reader: Any = None

    def _connection(self):
        conn = self._db.current()
        if conn is not None:
            return conn.connection.driver_connection
        if self._reader is None:
            self._reader = self._db.engine.raw_connection()
            self._reader.driver_connection.autocommit = True
        return self._reader.driver_connection

    def execute(self, sql: str, args=()):
        cur = self._connection().cursor(row_factory=_row_factory)
        return cur.execute(_placeholders(sql), tuple(args))

    def executemany(self, sql: str, rows):
        cur = self._connection().cursor(row_factory=_row_factory)
        cur.executemany(_placeholders(sql), list(rows))
        return cur

    def copy(self, table_and_columns: str, rows) -> None:
        """Many rows at once (COPY): a 50 MB chat is 500,000 units."""
        with self._connection().cursor() as cur:
            with cur.copy(f"COPY {table_and_columns} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.invalidate()  # autocommit was changed: not for the pool
            self._reader = None
