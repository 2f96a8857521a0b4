"""What the library's operation modules share: database, blobs, clock and who is acting.

``Library`` owns one of these and hands it to ``exhibits`` and ``fsck``; those modules never
import ``library`` (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy import Connection, insert

from ..timeutil import to_iso
from .blobs import Blobs
from .db import Database
from .schema import log

_INSERT_LOG = insert(log)  # built once: every change writes one


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
        (its list summary is computed again before the transaction commits)."""
        self.db.mark_changed(case_id)
        conn.execute(_INSERT_LOG, {"case_id": case_id, "at": self.now(), "actor": self.actor,
                                   "action": action, "detail": detail})
