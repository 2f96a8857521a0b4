"""The rows the review (复盘) reads across every case, in a few bulk queries.

The review's only SQL lives here (the rest of it reads the library's public functions), so a
port of the store touches one module. Each function returns plain values, no rows.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .library import Library


def submissions(lib: "Library") -> dict[int, list[dict]]:
    """Case id → its submissions, oldest first: ``{id, as, at, kinds, decision, refund}`` where
    ``kinds`` are the evidence kinds of the exhibits it held and ``decision``/``refund`` are
    those of its latest decision (``""`` when none)."""
    latest: dict[int, tuple[str, str]] = {}
    for r in lib.conn.execute("SELECT submission_id, decision, refund FROM decisions "
                              "WHERE submission_id IS NOT NULL ORDER BY at, id"):
        latest[r["submission_id"]] = (r["decision"], r["refund"])
    out: dict[int, list[dict]] = {}
    for r in lib.conn.execute("SELECT id, case_id, kind, at, exhibits FROM submissions "
                              "ORDER BY at, id"):
        try:
            exhibits = json.loads(r["exhibits"] or "[]")
        except ValueError:
            exhibits = []
        decision, refund = latest.get(r["id"], ("", ""))
        out.setdefault(r["case_id"], []).append({
            "id": r["id"], "as": r["kind"], "at": r["at"], "decision": decision, "refund": refund,
            "kinds": sorted({e.get("kind", "") for e in exhibits if e.get("kind")})})
    return out


def refunds(lib: "Library") -> dict[int, str]:
    """Case id → the refund recorded with its latest decision that records one."""
    out: dict[int, str] = {}
    for r in lib.conn.execute("SELECT case_id, refund FROM decisions WHERE refund <> '' "
                              "ORDER BY at, id"):
        out[r["case_id"]] = r["refund"]
    return out


def staff(lib: "Library") -> dict[int, str]:
    """Case id → who handled it: the one who recorded its first submission, else who
    created it (the action log's actor)."""
    created: dict[int, str] = {}
    submitted: dict[int, str] = {}
    for r in lib.conn.execute("SELECT case_id, action, actor FROM log WHERE action IN "
                              "('case_created', 'submitted') ORDER BY id"):
        target = created if r["action"] == "case_created" else submitted
        target.setdefault(r["case_id"], r["actor"])
    return {cid: submitted.get(cid, who) for cid, who in created.items()} | {
        cid: who for cid, who in submitted.items() if cid not in created}


def reader(root: Path, clock: Callable[[], datetime]) -> "Library":
    """A read-only library on its own connection, for a worker thread that only reads (the
    app's review runs beside the UI's connection and the writer's)."""
    from . import db
    from .library import Library
    return Library(Path(root), db.open_for_reading(Path(root) / Library.DB_NAME), clock)
