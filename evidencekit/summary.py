"""Whole-case views shared by the CLI and the app: what `case show` and `case list` report."""

from __future__ import annotations

from datetime import datetime

from . import checklist, deadlines
from .domain import Case
from .store import Library


def urgency_key(case: Case, dls: list) -> tuple:
    """Sort key: cases with the least time left first; cases without clocks after, newest first."""
    if dls:
        return (0, min(d.remaining_seconds for d in dls), 0)
    ts = case.updated_at.timestamp() if case.updated_at else 0
    return (1, 0, -ts)


def cases_by_urgency(lib: Library, now: datetime, *, trash: bool = False) -> list[dict]:
    rows = []
    by_case = lib.exhibits_by_case()
    for case in lib.list_cases(trash=trash):
        dls = deadlines.compute(case, lib.rules, now) if case.platform in lib.rules.platforms else []
        exhibits = by_case.get(case.id, [])
        try:
            items = checklist.evaluate(case, exhibits, lib.rules, "arbitration", now)
        except Exception:  # a rule file that no longer knows the type: show the case anyway
            items = []
        met, total = checklist.progress(items)
        rows.append({"case": case, "deadlines": dls, "checklist": (met, total),
                     "exhibit_count": len(exhibits)})
    rows.sort(key=lambda r: urgency_key(r["case"], r["deadlines"]))
    return rows


def case_list_json(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        c: Case = r["case"]
        urgent = deadlines.most_urgent(r["deadlines"])
        out.append({
            "id": c.id, "case_no": c.case_no, "platform": c.platform,
            "dispute_type": c.dispute_type, "order_no": c.order_no, "stage": c.stage,
            "buyer_name": c.buyer_name, "exhibit_count": r["exhibit_count"],
            "checklist": {"met": r["checklist"][0], "required": r["checklist"][1]},
            "deadline": urgent.to_dict() if urgent else None,
            "deadlines": [d.to_dict() for d in r["deadlines"]],
            "updated_at": c.to_dict()["updated_at"],
        })
    return out


def case_detail(lib: Library, case_ref, now: datetime, mode: str = "arbitration") -> dict:
    """Everything about a case as JSON-ready data (facts, exhibits, deadlines, checklist, log)."""
    case = lib.get_case(case_ref)
    exhibits = lib.list_exhibits(case.id)
    facts = case.to_dict()
    ex_out = []
    for e in exhibits:
        d = e.to_dict()
        d["warnings"] = [f.to_dict() for f in checklist.exhibit_findings(case, e, lib.rules, now)]
        d["number"] = f"E{e.position}"
        ex_out.append(d)
    items = checklist.evaluate(case, exhibits, lib.rules, mode, now)
    dls = deadlines.compute(case, lib.rules, now)
    return facts | {
        "case": facts,
        "exhibits": ex_out,
        "deadlines": [d.to_dict() for d in dls],
        "checklist": {"mode": mode, "complete": checklist.is_complete(items),
                      "items": [i.to_dict() for i in items]},
        "appeals_left": deadlines.appeals_left(case, lib.rules),
        "submissions": lib.submissions(case.id),
        "log": [entry.to_dict() for entry in lib.log(case.id)],
    }
