"""Bringing a library's schema to the newest Alembic revision, with a backup first.

Run programmatically on the library's own connection: users need no alembic.ini. Libraries
made before Alembic carry a numbered ``user_version``; they are stamped with the revision that
number became (``LEGACY_REVISIONS``) and upgraded from there.

Alembic is imported only when there is something to do: opening a library that is up to date
(every CLI command) reads one row and compares it with the newest revision found in the file
names of ``migrations/versions``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, Connection, Engine, MetaData, Table, Text, inspect, select

from ..errors import DatabaseTooNew, LibraryNeedsUpgrade
from . import engine as eng

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# user_version N of a pre-Alembic library = LEGACY_REVISIONS[N - 1]. Frozen: the numbered list
# is gone; new schema changes are Alembic revisions only.
LEGACY_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")

_SCRIPTS = Path(__file__).with_name("migrations")

# Alembic's own bookkeeping table, read without importing Alembic.
_version_table = Table("alembic_version", MetaData(), Column("version_num", Text))


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    cfg.attributes["connection"] = conn
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The newest revision (there must be exactly one: tests/core/test_migrations.py checks)."""
    return _script().get_current_head() or ""


def schema_revision() -> str:
    """The schema this program writes, for files that carry rows to another library (.evcase):
    the head revision, read without importing Alembic when the revision files are plain."""
    return quick_head() or head()


_ASSIGN = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)


@lru_cache(maxsize=1)
def quick_head() -> str | None:
    """The newest revision read from the revision files' text, or None when not plain.

    Only a shortcut for "already up to date"; anything unusual (a merge revision, two heads)
    gives None and the full Alembic path decides.
    """
    revisions, parents = set(), set()
    for f in (_SCRIPTS / "versions").glob("[!_]*.py"):
        found = dict(_ASSIGN.findall(f.read_text(encoding="utf-8")))
        rev, down = found.get("revision", ""), found.get("down_revision", "")
        if not re.fullmatch(r"[\"'][\w-]+[\"']", rev) or not re.fullmatch(r"None|[\"'][\w-]+[\"']", down):
            return None
        revisions.add(rev.strip("\"'"))
        if down != "None":
            parents.add(down.strip("\"'"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(select(_version_table.c.version_num)).scalars().all()
    return rows[0] if len(rows) == 1 else None


def _version(conn: Connection) -> tuple[str | None, bool]:
    """(the library's revision, whether it is still marked the pre-Alembic way)."""
    from alembic.util import CommandError
    rev = _stored_revision(conn)
    legacy = eng.legacy_version(conn) if rev is None else 0
    if legacy:
        if legacy > len(LEGACY_REVISIONS):
            raise _newer()
        rev = LEGACY_REVISIONS[legacy - 1]
    if rev is not None:
        try:
            _script().get_revision(rev)
        except CommandError as e:
            raise _newer() from e
    return rev, bool(legacy)


def is_library(conn: Connection) -> bool:
    """Whether the database holds a library already (any revision)."""
    return _stored_revision(conn) is not None or bool(eng.legacy_version(conn))


def check_current(engine: Engine, path: Path) -> None:
    """For a library that cannot be written: refuse one that would need an upgrade."""
    with eng.read_connection(engine) as conn:
        stored = _stored_revision(conn)
        if stored is not None and stored == quick_head():
            return
        rev, legacy = _version(conn)
        if rev != head() or legacy:
            raise LibraryNeedsUpgrade(path=path)


def upgrade(engine: Engine, path: Path) -> bool:
    """Upgrade the database of ``engine`` (stored at ``path``) to the newest revision; returns
    whether anything changed.

    An existing SQLite library is first copied to ``<name>.<revision>.bak`` — even a stamp
    changes the file (a program from before Alembic can no longer open it). A team library on
    PostgreSQL is backed up by its owner (pg_dump); its upgrade, DDL included, is one
    transaction there, so a failed one leaves nothing behind. The upgrade itself is one write
    transaction that looks again at the version, so two programs opening an old library at
    once upgrade it once.
    """
    with eng.read_connection(engine) as conn:
        stored = _stored_revision(conn)
        if stored is not None and stored == quick_head():
            return False  # the usual case: up to date, no lock taken, Alembic not even imported
        rev, legacy = _version(conn)
        if rev == head() and not legacy:
            return False
        if rev is not None and eng.is_sqlite(conn):
            eng.backup(conn, path.with_name(f"{path.name}.{rev}.bak"))
    from alembic import command
    with engine.begin() as conn:
        rev, legacy = _version(conn)
        if rev == head() and not legacy:
            return False
        if legacy and rev:
            command.stamp(_config(conn), rev)
        command.upgrade(_config(conn), "head")
        eng.mark_alembic_managed(conn)
    return True


def _newer() -> DatabaseTooNew:
    return DatabaseTooNew()
