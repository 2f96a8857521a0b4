"""What the library's operation modules share: database, blobs, clock and who is acting.

``Library`` owns one of these and hands it to ``exhibits`` and ``fsck``; those modules never
import ``library`` (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy import Connection, insert, select

from ..timeutil import to_iso
from .blobs import Blobs
from .db import Database
from .schema import cases, log

_INSERT_LOG = insert(log)  # built once: every change writes one


def lock_case(conn: Connection, case_id: int) -> int | None:
    """Lock the case row until the transaction ends; returns its version (None: no such case).

    On SQLite the write transaction holds the database's write lock already (FOR UPDATE is
    not SQLite syntax and SQLAlchemy leaves it out there)."""
    version = conn.execute(select(cases.c.version).where(cases.c.id == case_id)
                           .with_for_update()).scalar()
    return None if version is None else int(version)


@dataclass
class StoreContext:
    db: Database
    blobs: Blobs
    clock: Callable[[], datetime]
    actor: str

    def now(self) -> str:
        stamp = to_iso(self.clock())
        assert stamp is not None  # the clock always gives an instant
        return stamp

    def log(self, conn: Connection, case_id: int, action: str, detail: str = "") -> None:
        """Add an entry to the case's action log, inside the caller's transaction.

        Every change to a case is logged, so this is also where the case is marked changed
        (its list summary is computed again before the transaction commits). On PostgreSQL
        the first change of a case in a transaction locks its row: two desktops changing one
        case take turns, so neither overwrites the summary the other just kept."""
        if self.db.mark_changed(case_id) and conn.dialect.name == "postgresql":
            lock_case(conn, case_id)
        conn.execute(_INSERT_LOG, {"case_id": case_id, "at": self.now(), "actor": self.actor,
                                   "action": action, "detail": detail})
