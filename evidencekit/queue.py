"""The work queue: which view each case belongs in and what it still lacks (pure functions).

Views, in order of precedence (a case is in exactly one): 已超时 overdue, 即将超时 due soon
(within the platform's due-soon hours), 待处理 pending (other running clocks, or nothing
running yet and nothing awaited), 待平台判定 awaiting (submitted or appealed, no clock of the
merchant's running), 已结案 closed. Inside a view the most urgent case comes first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from .domain import Case, ChecklistItem, Deadline

BUCKETS: dict[str, tuple[str, str]] = {
    "overdue": ("已超时", "Overdue"),
    "due_soon": ("即将超时", "Due soon"),
    "pending": ("待处理", "To do"),
    "awaiting": ("待平台判定", "Awaiting the platform"),
    "closed": ("已结案", "Closed"),
}
AWAITING_STAGES = ("submitted", "appeal")


def bucket(case: Case, deadlines: Iterable[Deadline]) -> str:
    """The one view a case is in (precedence: overdue, due soon, pending, awaiting, closed)."""
    running = [d for d in deadlines if d.running]
    if any(d.state == "overdue" for d in running):
        return "overdue"
    if any(d.state in ("due_soon", "critical") for d in running):
        return "due_soon"
    if running or case.stage not in AWAITING_STAGES + ("closed",):
        return "pending"
    return "closed" if case.stage == "closed" else "awaiting"


def sort_key(case: Case, deadlines: Iterable[Deadline]) -> tuple:
    """Most urgent first: least time left on a running clock; then the longest waiting."""
    running = [d.remaining_seconds for d in deadlines if d.remaining_seconds is not None]
    if running:
        return (0, min(running), case.id)
    if case.stage == "closed":
        ts = case.closed_at or case.updated_at
        return (2, -(ts.timestamp() if ts else 0), case.id)  # latest closed first
    ts = case.updated_at or case.created_at
    return (1, ts.timestamp() if ts else 0, case.id)  # oldest untouched first


def missing(items: Iterable[ChecklistItem]) -> list[ChecklistItem]:
    """Required checklist items not yet met ("还差：物流轨迹")."""
    return [i for i in items if i.required and i.status == "missing"]


def missing_text(items: Iterable[ChecklistItem], lang: str = "zh") -> str:
    from .checklist import requirement_name
    names = [requirement_name(i.kind)[0 if lang.startswith("zh") else 1] for i in missing(items)]
    if not names:
        return ""
    return ("还差：" + "、".join(names)) if lang.startswith("zh") else ("Missing: " + ", ".join(names))


def _parts(r: Any) -> tuple[Case, list[Deadline]]:
    """A row's case and clocks: a dict (``case``, ``deadlines``) or a ``summary.CaseRow``."""
    if isinstance(r, dict):
        return r["case"], r["deadlines"]
    return r.case, r.deadlines


def build(rows: Iterable[Any]) -> dict[str, list[Any]]:
    """Group rows (``summary.CaseRow`` or dicts with ``case`` and ``deadlines``) into the
    views, most urgent first. Every view is present (possibly empty) so counts show as 0."""
    out: dict[str, list[Any]] = {b: [] for b in BUCKETS}
    for r in rows:
        out[bucket(*_parts(r))].append(r)
    for b in out:
        out[b].sort(key=lambda r: sort_key(*_parts(r)))
    return out


def counts(queue: dict[str, list]) -> dict[str, int]:
    return {b: len(v) for b, v in queue.items()}


def due_within(rows: Iterable[Any], now: datetime, hours: float) -> list[tuple[Case, Deadline]]:
    """Running deadlines due within ``hours`` of ``now`` (overdue ones included), soonest first."""
    out = []
    for r in rows:
        case, dls = _parts(r)
        for d in dls:
            if d.running and (d.due - now).total_seconds() <= hours * 3600:
                out.append((case, d))
    out.sort(key=lambda cd: cd[1].due)
    return out
