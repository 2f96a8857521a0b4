"""The deadline engine: every running clock on a case at a given instant.

Pure: takes the case, its platform's rules and ``now``; no wall clock is read here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .domain import Case, Deadline
from .rules import Clock, Platform, RuleSet

STATE_ORDER = {"overdue": 0, "critical": 1, "due_soon": 2, "ok": 3}


def _applies(clock: Clock, case: Case) -> bool:
    if clock.stages and case.stage not in clock.stages:
        return False
    if getattr(case, clock.starts, None) is None:
        return False
    if clock.stops_when and getattr(case, clock.stops_when, None) is not None:
        return False
    if clock.requires and not getattr(case, clock.requires, False):
        return False
    if clock.appeals_used is not None and case.appeals_used != clock.appeals_used:
        return False
    if clock.dispute_types and case.dispute_type not in clock.dispute_types:
        return False
    return True


def state_for(remaining_seconds: float, platform: Platform) -> str:
    if remaining_seconds < 0:
        return "overdue"
    if remaining_seconds <= platform.critical_hours * 3600:
        return "critical"
    if remaining_seconds <= platform.due_soon_hours * 3600:
        return "due_soon"
    return "ok"


def compute_for_platform(case: Case, platform: Platform, now: datetime) -> list[Deadline]:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    out = []
    for clock in platform.clocks:
        if not _applies(clock, case):
            continue
        # Durations are exact elapsed time: instants are UTC, so DST never shifts a clock.
        due = getattr(case, clock.starts) + timedelta(hours=clock.hours)
        remaining = int((due - now).total_seconds())
        out.append(Deadline(id=clock.id, name_zh=clock.name_zh, name_en=clock.name_en, due=due,
                            remaining_seconds=remaining, state=state_for(remaining, platform)))
    out.sort(key=lambda d: d.due)
    return out


def compute(case: Case, rules: RuleSet, now: datetime) -> list[Deadline]:
    """Running clocks, soonest first. Closed cases have none."""
    if case.stage == "closed" or case.closed_at is not None:
        return []
    return compute_for_platform(case, rules.platform(case.platform), now)


def most_urgent(deadlines: list[Deadline]) -> Deadline | None:
    return min(deadlines, key=lambda d: d.remaining_seconds) if deadlines else None


def appeals_left(case: Case, rules: RuleSet) -> int:
    return max(0, rules.platform(case.platform).max_appeals - case.appeals_used)
