"""Telling other desktops what changed (issue 13): which cases, within a few seconds.

Every change to a case writes a log entry in its transaction (``StoreContext.log``), and the
database marks the case changed. On PostgreSQL the transaction also sends
``NOTIFY evidencekit_changes`` with those case ids just before it commits, so a listener on
another desktop hears of it the moment it is committed (and never of a rolled-back change).
On SQLite (one desktop, or a folder that must not be shared) the log itself is the feed: the
newest log id says whether anything was committed since, and which cases.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Callable, Iterable

from sqlalchemy import Connection, Engine, func, select, text

from .schema import log

CHANNEL = "evidencekit_changes"
_PAYLOAD_IDS = 900  # NOTIFY payloads are limited to 8000 bytes: ids are sent in chunks


def announce(conn: Connection, case_ids: Iterable[int]) -> None:
    """Inside the writing transaction: tell listeners these cases changed (PostgreSQL)."""
    if conn.dialect.name != "postgresql":
        return
    ids = sorted(case_ids)
    for start in range(0, len(ids), _PAYLOAD_IDS):
        conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                     {"channel": CHANNEL, "payload": json.dumps(ids[start:start + _PAYLOAD_IDS])})


def parse(payload: str) -> set[int]:
    try:
        return {int(i) for i in json.loads(payload)}
    except (ValueError, TypeError):
        return set()


class LogFeed:
    """The cases changed since the last look, read from the action log (any engine)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.last = self._newest()

    def _newest(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(log.c.id))).scalar() or 0)

    def changed(self) -> set[int]:
        """Case ids logged since the last call (one index lookup when nothing changed)."""
        with self.engine.connect() as conn:
            newest = int(conn.execute(select(func.max(log.c.id))).scalar() or 0)
            if newest <= self.last:
                return set()
            ids = set(conn.execute(select(log.c.case_id).distinct().where(
                log.c.id > self.last, log.c.id <= newest)).scalars())
        self.last = newest
        return ids


class Listener:
    """A thread that LISTENs on PostgreSQL and calls ``on_changed(case_ids)`` for each
    notification (from that thread). ``stop()`` ends it within ``poll`` seconds."""

    def __init__(self, engine: Engine, on_changed: Callable[[set[int]], None], poll: float = 0.5):
        self._engine = engine  # its own way of connecting (a password asked for stays in memory)
        self._on_changed, self._poll = on_changed, poll
        self._stop = threading.Event()
        self.listening = threading.Event()  # set once LISTEN is in place (tests wait on it)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="evidencekit-listen", daemon=True)

    def start(self) -> "Listener":
        self._thread.start()
        return self

    def _run(self) -> None:
        raw = None
        try:
            raw = self._engine.raw_connection()  # a connection of its own, kept while listening
            conn: Any = raw.driver_connection  # psycopg's: it receives the notifications
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            while not self._stop.is_set():
                ids: set[int] = set()
                for note in conn.notifies(timeout=self._poll):  # a burst becomes one call
                    ids |= parse(note.payload)
                if ids:
                    self._on_changed(ids)
        except Exception as e:  # noqa: BLE001 - the app keeps working without live updates
            self.error = e
            self.listening.set()
        finally:
            if raw is not None:
                raw.invalidate()  # not back to the pool: it is LISTENing and in autocommit

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self._poll * 4 + 1)
