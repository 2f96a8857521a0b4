"""Reading the many ways exports write a time.

Naive times are China Standard Time (Douyin's zone) unless the text carries an
offset. Results are aware ``datetime`` objects in UTC, or ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from ..timeutil import CST, UTC

# China has had no daylight saving time since 1991, so a fixed offset is exact
# after that and much faster than a zoneinfo lookup per message.
_CST_FIXED = timezone(timedelta(hours=8))
_FIXED_FROM = datetime(1992, 1, 1)

# Date then time, with -, /, . or 年月日 separators; optional seconds, fraction and offset.
DATETIME_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:[ T\u3000]{0,3}(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:[.,]\d{1,6})?)?秒?"
    r"[ ]?(Z|[+-]\d{2}:?\d{2})?)?"
)
DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)日?")


def make_instant(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0,
                 offset: str | None = None) -> datetime | None:
    """Build a UTC instant from parts read in CST (or in ``offset``); ``None`` if invalid."""
    try:
        if offset:
            dt = datetime(y, mo, d, h, mi, s, tzinfo=_parse_offset(offset))
        else:
            naive = datetime(y, mo, d, h, mi, s)
            zone = _CST_FIXED if naive >= _FIXED_FROM else CST
            dt = naive.replace(tzinfo=zone)
        return dt.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _parse_offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def from_match(m: re.Match) -> datetime | None:
    """Instant from a :data:`DATETIME_RE` match."""
    y, mo, d, h, mi, s, off = m.groups()
    return make_instant(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), off)


def parse_time_text(text: str) -> datetime | None:
    """First date-time found in ``text`` (e.g. ``2024/9/17 11:45``), as UTC."""
    if not text:
        return None
    m = DATETIME_RE.search(text[:200])
    return from_match(m) if m else None


def parse_time_value(value: object) -> datetime | None:
    """A cell or JSON value: text, epoch seconds/milliseconds, or a (naive) datetime."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return make_instant(value.year, value.month, value.day, value.hour, value.minute,
                                value.second)
        return value.astimezone(UTC)
    if isinstance(value, date):
        return make_instant(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if isinstance(value, str):
        s = value.strip()
        if s.isdigit() and len(s) in (10, 13):
            return _from_epoch(float(s))
        return parse_time_text(s)
    return None


def _from_epoch(x: float) -> datetime | None:
    if x > 1e11:  # milliseconds
        x /= 1000.0
    if not 0 < x < 4.1e9:
        return None
    try:
        return datetime.fromtimestamp(x, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def iso_date(m: re.Match) -> str | None:
    """``YYYY-MM-DD`` from a :data:`DATE_RE` match, or ``None`` if not a real date."""
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


class InstantCache:
    """Fast CST→UTC conversion for logs with many times on few days.

    The UTC instant of each day's CST midnight is computed once; a time of day is
    then a ``timedelta`` added to it (exact after 1991, when China dropped DST).
    """

    def __init__(self) -> None:
        self._days: dict[tuple[str, str, str], object] = {}  # a datetime, or _SLOW

    def __call__(self, y: str, mo: str, d: str, h: str, mi: str, s: str | None) -> datetime | None:
        key = (y, mo, d)
        base = self._days.get(key, _MISSING)
        if base is _MISSING:
            base = make_instant(int(y), int(mo), int(d))
            if base is not None and base.year < 1992:
                base = None  # DST years: take the slow, exact path
            self._days[key] = base if base is not None else _SLOW
            base = self._days[key]
        hh, mm, ss = int(h), int(mi), int(s) if s else 0
        if base is _SLOW or hh > 23 or mm > 59 or ss > 59:
            return make_instant(int(y), int(mo), int(d), hh, mm, ss)
        assert isinstance(base, datetime)
        return base + timedelta(seconds=hh * 3600 + mm * 60 + ss)


_MISSING = object()
_SLOW = object()
