"""What the review needs to know about each case, read once from the library.

Cases come from the library's public functions (``list_cases``, ``exhibits_by_case``, the
clocks engine); submissions, decisions and who handled a case from
:mod:`evidencekit.store.review_rows`, the review's one module of SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import deadlines
from ..domain import Case, Deadline, Exhibit
from ..errors import NotInRules
from ..store import review_rows
from ..timeutil import from_iso
from .period import Period, case_day


@dataclass
class CaseFacts:
    case: Case
    day: datetime  # the instant the case is dated by (request, else creation)
    carrier: str  # of its first logistics trace that names one
    staff: str
    refund: Decimal | None  # refund recorded with its latest decision that records one
    submit_hours: float | None  # intervention → the first evidence submission after it
    clocks: list[Deadline] = field(default_factory=list)  # stopped (met/late) and overdue
    submissions: list[dict] = field(default_factory=list)  # review_rows.submissions shape
    chat_exhibits: list[Exhibit] = field(default_factory=list)


def _amount(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _carrier(exhibits: list[Exhibit]) -> str:
    for e in exhibits:
        if e.kind == "logistics_trace" and (e.facts or {}).get("carrier"):
            return str(e.facts["carrier"])
    return ""


def _submit_hours(case: Case, subs: list[dict]) -> float | None:
    if case.intervention_at is None:
        return None
    times = [from_iso(s["at"]) for s in subs if s["as"] == "evidence"]
    if case.evidence_submitted_at is not None:
        times.append(case.evidence_submitted_at)
    after = [t for t in times if t is not None and t >= case.intervention_at]
    return (min(after) - case.intervention_at).total_seconds() / 3600 if after else None


def _clocks(lib: Any, case: Case, subs: list[dict], now: datetime) -> list[Deadline]:
    """Clocks that have an answer: stopped (met or late) or running past their due time."""
    try:
        every = deadlines.all_clocks(case, lib.rules, now, deadlines.events_from_submissions(subs))
    except NotInRules:  # a platform the rule files no longer know: no clocks to judge
        return []
    return [d for d in every if d.stopped_at is not None or (d.remaining_seconds or 0) < 0]


def gather(lib: Any, period: Period, now: datetime) -> list[CaseFacts]:
    """Every case (not in the trash) dated within ``period``, oldest first."""
    cases = [c for c in lib.list_cases() if period.holds(case_day(c))]
    if not cases:
        return []
    exhibits = lib.exhibits_by_case()
    subs = review_rows.submissions(lib)
    refunds = review_rows.refunds(lib)
    staff = review_rows.staff(lib)
    out = []
    for c in sorted(cases, key=lambda c: (case_day(c), c.id)):
        day = case_day(c)
        assert day is not None  # period.holds refused cases without one
        mine = subs.get(c.id, [])
        ex = exhibits.get(c.id, [])
        out.append(CaseFacts(
            case=c, day=day, carrier=_carrier(ex), staff=staff.get(c.id, ""),
            refund=_amount(refunds.get(c.id, "")), submit_hours=_submit_hours(c, mine),
            clocks=_clocks(lib, c, mine, now), submissions=mine,
            chat_exhibits=[e for e in ex if e.kind == "chat_log"]))
    return out


def buyer_messages(lib: Any, facts: CaseFacts) -> list[str]:
    """The buyer's lines in the case's chat logs, as attach read them."""
    out: list[str] = []
    for ex in facts.chat_exhibits:
        try:
            content = lib.exhibit_content(ex)
        except Exception:  # noqa: BLE001 - an unreadable chat only drops its words from the count
            continue
        for m in getattr(content, "messages", None) or []:
            if m.role == "buyer" and m.text:
                out.append(m.text)
    return out
