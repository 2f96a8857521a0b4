"""The deadline engine: every clock on a case at a given instant, running or stopped.

Pure: takes the case, its platform's rules, ``now`` and (optionally) the times the case's
submissions were made; no wall clock is read here. A clock runs from its start instant for the
hours in force when it started (``Case.clock_hours``, else the rule's) and stops at the first of
its stop instants recorded at or after the start: then it is history (``met`` or ``late``), not
an alarm.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Mapping

from .domain import Case, Deadline
from .rules import Clock, Platform, RuleSet

STATE_ORDER = {"overdue": 0, "critical": 1, "due_soon": 2, "ok": 3, "late": 4, "met": 5}

# Submission kinds (``submit --as``) and the instant each records.
SUBMISSION_INSTANTS = {
    "evidence": "evidence_submitted_at",
    "appeal": "appeal_submitted_at",
    "supplement": "supplement_submitted_at",
    "penalty-appeal": "penalty_appeal_submitted_at",
}

Events = Mapping[str, Iterable[datetime]]


def events_from_submissions(submissions: Iterable) -> dict[str, list[datetime]]:
    """Instant name → every time it happened, from submission records (objects or dicts)."""
    out: dict[str, list[datetime]] = {}
    for s in submissions:
        kind = s["as"] if isinstance(s, Mapping) else s.as_
        at = s["at"] if isinstance(s, Mapping) else s.at
        if isinstance(at, str):
            from .timeutil import from_iso
            at = from_iso(at)
        name = SUBMISSION_INSTANTS.get(kind)
        if name and at is not None:
            out.setdefault(name, []).append(at)
    return out


def _applies(clock: Clock, case: Case) -> bool:
    if getattr(case, clock.starts, None) is None:
        return False
    if clock.requires and not getattr(case, clock.requires, False):
        return False
    if clock.dispute_types and case.dispute_type not in clock.dispute_types:
        return False
    return True


def _runs(clock: Clock, case: Case) -> bool:
    """Whether a clock that has not stopped is still a live obligation. Penalty appeals run
    apart from the dispute: closing the dispute does not stop them."""
    if clock.family == "penalty":
        return True
    if case.stage == "closed" or case.closed_at is not None:
        return False
    if clock.stages and case.stage not in clock.stages:
        return False
    if clock.appeals_used is not None and case.appeals_total != clock.appeals_used:
        return False
    return True


def stop_instant(clock: Clock, case: Case, start: datetime, events: Events | None = None
                 ) -> datetime | None:
    """The first stop event at or after ``start`` (a stop recorded before it belongs to an
    earlier round, e.g. the first appeal for the second appeal's clock)."""
    candidates = []
    for name in clock.stops:
        value = getattr(case, name, None)
        if value is not None:
            candidates.append(value)
        candidates.extend((events or {}).get(name, ()))
    after = [c for c in candidates if c >= start]
    return min(after) if after else None


def state_for(remaining_seconds: float, platform: Platform) -> str:
    if remaining_seconds < 0:
        return "overdue"
    if remaining_seconds <= platform.critical_hours * 3600:
        return "critical"
    if remaining_seconds <= platform.due_soon_hours * 3600:
        return "due_soon"
    return "ok"


def clock_hours(clock: Clock, case: Case) -> float:
    """The hours in force when the clock started (pinned on the case), else the rule's."""
    return float(case.clock_hours.get(clock.id, clock.hours))


def all_for_platform(case: Case, platform: Platform, now: datetime,
                     events: Events | None = None) -> list[Deadline]:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    running, stopped = [], []
    for clock in platform.clocks:
        if not _applies(clock, case):
            continue
        start = getattr(case, clock.starts)
        hours = clock_hours(clock, case)
        # Durations are exact elapsed time: instants are UTC, so DST never shifts a clock.
        due = start + timedelta(hours=hours)
        common = dict(id=clock.id, name_zh=clock.name_zh, name_en=clock.name_en, due=due,
                      source=clock.source, started_at=start, hours=hours)
        stop = stop_instant(clock, case, start, events)
        if stop is not None:
            late = max(0, int((stop - due).total_seconds()))
            stopped.append(Deadline(remaining_seconds=None, state="late" if late else "met",
                                    stopped_at=stop, late_seconds=late, **common))
        elif _runs(clock, case):
            remaining = int((due - now).total_seconds())
            running.append(Deadline(remaining_seconds=remaining,
                                    state=state_for(remaining, platform), **common))
    running.sort(key=lambda d: d.due)
    stopped.sort(key=lambda d: (d.stopped_at, d.due))
    return running + stopped


def all_clocks(case: Case, rules: RuleSet, now: datetime, events: Events | None = None
               ) -> list[Deadline]:
    """Running clocks soonest first, then stopped ones (met/late) in the order they stopped."""
    return all_for_platform(case, rules.platform(case.platform), now, events)


def compute_for_platform(case: Case, platform: Platform, now: datetime,
                         events: Events | None = None) -> list[Deadline]:
    return [d for d in all_for_platform(case, platform, now, events) if d.running]


def compute(case: Case, rules: RuleSet, now: datetime, events: Events | None = None
            ) -> list[Deadline]:
    """Running clocks, soonest first. Closed cases have none."""
    return compute_for_platform(case, rules.platform(case.platform), now, events)


def most_urgent(deadlines: list[Deadline]) -> Deadline | None:
    live = [d for d in deadlines if d.remaining_seconds is not None]
    return min(live, key=lambda d: d.remaining_seconds or 0) if live else None


def pin_hours(case: Case, platform: Platform, changed: Iterable[str]) -> dict[str, float]:
    """``clock_hours`` after the instants in ``changed`` were (re)recorded: a clock whose start
    instant changed takes the rule's hours now in force; the others keep theirs."""
    changed = set(changed)
    pinned = dict(case.clock_hours)
    for clock in platform.clocks:
        if clock.starts in changed:
            if getattr(case, clock.starts, None) is None:
                pinned.pop(clock.id, None)
            else:
                pinned[clock.id] = clock.hours
    return pinned


def appeals_left(case: Case, rules: RuleSet) -> int:
    return max(0, rules.platform(case.platform).max_appeals - case.appeals_total)
