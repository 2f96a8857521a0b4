"""The rows the review (复盘) reads across every case, in a few bulk queries.

The review's only queries live here, on SQLAlchemy Core like the rest of the store (the rest
of the review reads the library's public functions). Each function returns plain values.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from sqlalchemy import select

from ..errors import LibraryReadOnly
from .schema import decisions as decisions_t
from .schema import log as log_t
from .schema import submissions as submissions_t

if TYPE_CHECKING:
    from .library import Library


def submissions(lib: "Library") -> dict[int, list[dict]]:
    """Case id → its submissions, oldest first: ``{id, as, at, kinds, decision, refund}`` where
    ``kinds`` are the evidence kinds of the exhibits it held and ``decision``/``refund`` are
    those of its latest decision (``""`` when none)."""
    d, s = decisions_t.c, submissions_t.c
    with lib.db.read() as conn:
        decided = conn.execute(select(d.submission_id, d.decision, d.refund)
                               .where(d.submission_id.is_not(None))
                               .order_by(d.at, d.id)).mappings().all()
        submitted = conn.execute(select(s.id, s.case_id, s.kind, s.at, s.exhibits)
                                 .order_by(s.at, s.id)).mappings().all()
    latest: dict[int, tuple[str, str]] = {}
    for r in decided:
        latest[r["submission_id"]] = (r["decision"], r["refund"])
    out: dict[int, list[dict]] = {}
    for r in submitted:
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
    d = decisions_t.c
    out: dict[int, str] = {}
    with lib.db.read() as conn:
        rows = conn.execute(select(d.case_id, d.refund).where(d.refund != "")
                            .order_by(d.at, d.id)).mappings().all()
    for r in rows:
        out[r["case_id"]] = r["refund"]
    return out


def staff(lib: "Library") -> dict[int, str]:
    """Case id → who handled it: the one who recorded its first submission, else who
    created it (the action log's actor)."""
    created: dict[int, str] = {}
    submitted: dict[int, str] = {}
    g = log_t.c
    with lib.db.read() as conn:
        rows = conn.execute(select(g.case_id, g.action, g.actor)
                            .where(g.action.in_(("case_created", "submitted")))
                            .order_by(g.id)).mappings().all()
    for r in rows:
        target = created if r["action"] == "case_created" else submitted
        target.setdefault(r["case_id"], r["actor"])
    return {cid: submitted.get(cid, who) for cid, who in created.items()} | {
        cid: who for cid, who in submitted.items() if cid not in created}


def reader(root: Path, clock: Callable[[], datetime]) -> "Library":
    """A read-only library on its own connection, for a worker thread that only reads (the
    app's review runs beside the UI's connection and the writer's)."""
    from . import db, location
    from .library import Library
    where = location.resolve(Path(root), None, Path(root))
    if where.url is not None:  # a team library: its own connection to the team database
        database = db.open_team_database(where.url, where.root / location.CONFIG_NAME, create=False)
        database.refusal = database.refusal or LibraryReadOnly(path=str(where.root))
        return Library(where.root, database, clock)
    return Library(Path(root), db.open_for_reading(Path(root) / Library.DB_NAME), clock)
