"""Conversion between database rows and domain objects."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping

from ..domain import INSTANT_FIELDS, MAX_APPEALS_USED, AppealPoint, Case, Exhibit, Finding, LogEntry
from ..timeutil import from_iso, read_stored_instant, to_iso

CASE_TEXT = ("case_no", "platform", "dispute_type", "order_no", "after_sale_no", "buyer_name",
             "buyer_phone", "product", "amount", "store_name", "stage", "judgment_ref",
             "judgment_text", "outcome", "statement", "notes", "zone", "imported_from", "request",
             "assignee")
CASE_INSTANTS = INSTANT_FIELDS + ("created_at", "updated_at", "deleted_at")


def case_from_row(r: RowMapping) -> Case:
    """A case row as a :class:`Case`. Never raises for a bad value: values written before
    they were checked (year 9999, a huge appeal count, broken JSON) are set aside in
    ``Case.unreadable`` so that one row cannot make every list fail."""
    unreadable: dict[str, str] = {}
    kw: dict[str, Any] = {k: r[k] if isinstance(r[k], str) else str(r[k] or "") for k in CASE_TEXT}
    for k in CASE_INSTANTS:
        kw[k] = read_stored_instant(r[k])
        if kw[k] is None and r[k]:
            unreadable[k] = str(r[k])
    raw_points = r["appeal_points"]
    try:
        points = [] if raw_points in ("[]", "", None) else [  # most cases have none: no parse
            AppealPoint(str(p.get("basis", "")), str(p.get("fact", "")),
                        [int(i) for i in p.get("exhibit_ids", [])])
            for p in json.loads(raw_points)]
    except (ValueError, TypeError, AttributeError):
        points, unreadable["appeal_points"] = [], str(r["appeal_points"])[:200]
    appeals = r["appeals_used"]
    if not isinstance(appeals, int) or not 0 <= appeals <= MAX_APPEALS_USED:
        unreadable["appeals_used"], appeals = str(appeals), 0
    return Case(id=r["id"], version=int(r["version"] or 1),
                judgment_against_merchant=bool(r["judgment_against_merchant"]),
                appeals_used=appeals, appeal_points=points, unreadable=unreadable,
                clock_hours={} if r["clock_hours"] in ("{}", "", None) else json.loads(r["clock_hours"]),
                **kw)


def case_value(field: str, value):
    """A domain value as stored in its column."""
    if field in CASE_INSTANTS:
        return to_iso(value)
    if field == "appeal_points":
        return json.dumps([{"basis": p.basis, "fact": p.fact, "exhibit_ids": list(p.exhibit_ids)}
                           for p in value], ensure_ascii=False)
    if field == "judgment_against_merchant":
        return int(bool(value))
    if field == "clock_hours":
        return json.dumps(value, sort_keys=True)
    return value


def _stored_instant(text: str) -> datetime:
    """An instant from a NOT NULL column (from_iso gives None only for empty text)."""
    instant = from_iso(text)
    assert instant is not None, "NOT NULL instant column was empty"
    return instant


def exhibit_from_row(r: RowMapping | sqlite3.Row) -> Exhibit:
    return Exhibit(
        id=r["id"], case_id=r["case_id"], position=r["position"], kind=r["kind"],
        sha256=r["sha256"], size=r["size"], source_name=r["source_name"],
        added_at=_stored_instant(r["added_at"]), caption=r["caption"], is_new=bool(r["is_new"]),
        new_override=None if r["new_override"] is None else bool(r["new_override"]),
        kind_guess=r["kind_guess"], kind_confidence=r["kind_confidence"],
        facts=json.loads(r["facts"] or "{}"),
        warnings=[Finding.from_dict(w) for w in json.loads(r["warnings"] or "[]")],
        removed_at=from_iso(r["removed_at"]), marks=_marks(r["marks"]))


def _marks(raw: str | None) -> list[int]:
    """The stored marks; a value that cannot be read marks nothing (never breaks a list)."""
    if raw in (None, "", "[]"):
        return []
    try:
        return sorted({int(n) for n in json.loads(raw)})
    except (ValueError, TypeError):
        return []


def log_from_row(r: RowMapping) -> LogEntry:
    return LogEntry(id=r["id"], case_id=r["case_id"], at=_stored_instant(r["at"]), actor=r["actor"],
                    action=r["action"], detail=r["detail"])
