"""The review's time: which cases a date range holds, and the week or month a case belongs to.

A case belongs to the day of its ``request_at`` (else its creation) in the library's display
zone; a week is an ISO week, Monday to Sunday (conventions.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from ..errors import BadPeriod
from ..timeutil import parse_instant


@dataclass(frozen=True)
class Period:
    """Cases whose day instant is in ``[start, end)``; ``None`` = open on that side."""
    start: datetime | None = None
    end: datetime | None = None

    def holds(self, at: datetime | None) -> bool:
        if at is None:
            return False
        return (self.start is None or at >= self.start) and (self.end is None or at < self.end)


def _bound(text: str, zone: tzinfo, *, end: bool) -> datetime:
    raw = text.strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return parse_instant(raw, zone)  # a full instant: as given (exclusive as an end)
    if end:  # a date as the end includes that whole day
        day += timedelta(days=1)
    return datetime.combine(day, time(0), zone)


def parse_period(start: str | None, end: str | None, zone: tzinfo) -> Period:
    """``--from`` / ``--to``: a date (``2026-11-02``; ``--to`` includes that day) or an
    instant; dates are days in ``zone``."""
    p = Period(_bound(start, zone, end=False) if start else None,
               _bound(end, zone, end=True) if end else None)
    if p.start is not None and p.end is not None and p.end <= p.start:
        raise BadPeriod(start=start, end=end)
    return p


def case_day(case) -> datetime | None:
    """The instant a case is dated by: its request, else its creation."""
    return case.request_at or case.created_at


def week_key(at: datetime, zone: tzinfo) -> str:
    year, week, _ = at.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def month_key(at: datetime, zone: tzinfo) -> str:
    return at.astimezone(zone).strftime("%Y-%m")


def week_start(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def week_label(key: str) -> str:
    """``2026-W48`` → ``2026-W48 (11-23–11-29)``: the Monday and Sunday, for a reader."""
    monday = week_start(key)
    return f"{key} ({monday:%m-%d}–{monday + timedelta(days=6):%m-%d})"


def keys_between(first: str, last: str, by: str) -> list[str]:
    """Every week or month key from ``first`` to ``last`` (so a quiet week shows as 0)."""
    out = []
    if by == "week":
        day, stop = week_start(first), week_start(last)
        while day <= stop:
            year, week, _ = day.isocalendar()
            out.append(f"{year}-W{week:02d}")
            day += timedelta(days=7)
    else:
        y, m = map(int, first.split("-"))
        ly, lm = map(int, last.split("-"))
        while (y, m) <= (ly, lm):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
