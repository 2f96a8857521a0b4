"""Instants: stored in UTC, parsed from ISO text, shown in a zone with its offset.

Naive input (no offset) is read in the platform's zone when given (China
Standard Time for Douyin), else in the user's local zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BadTime, EmptyTime, TimeOutOfRange, UnknownZone

UTC = timezone.utc
CST = ZoneInfo("Asia/Shanghai")
# Instants a case can hold. Outside this span adding a clock's hours or showing the time in
# a zone overflows datetime (year 1 or 9999), and no dispute happens there anyway.
EARLIEST_INSTANT = datetime(1970, 1, 1, tzinfo=UTC)
LATEST_INSTANT = datetime(2100, 1, 1, tzinfo=UTC)


def get_zone(name: str | None) -> tzinfo:
    """Zone by IANA name; ``None`` or "local" gives the machine's local zone."""
    if not name or name == "local":
        return datetime.now().astimezone().tzinfo or UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise UnknownZone(zone=name) from e


def parse_instant(text: str, default_zone: tzinfo | None = None) -> datetime:
    """Parse ISO 8601 (``2024-09-17T11:45:01+08:00``, ``2024-09-17 11:45``) to UTC."""
    raw = (text or "").strip()
    if not raw:
        raise EmptyTime()
    if raw.endswith("Z"):
        raw = raw[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(raw.replace("/", "-"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=default_zone or get_zone(None))
        dt = dt.astimezone(UTC)
    except ValueError as e:
        raise BadTime(text=text) from e
    except OverflowError:
        dt = None  # year 1 or 9999 shifted by the zone: out of range below
    check_instant(dt, text)
    assert dt is not None  # check_instant refused None
    return dt


def check_instant(dt: datetime | None, shown: str = "") -> None:
    """Refuse an instant outside the span a case can hold (see ``EARLIEST_INSTANT``)."""
    if dt is not None and EARLIEST_INSTANT <= dt < LATEST_INSTANT:
        return
    raise TimeOutOfRange(text=shown or (dt.isoformat() if dt else ""))


def read_stored_instant(text: str | None) -> datetime | None:
    """A stored instant, or ``None`` when it cannot be read or lies outside the span a case
    can hold (a row written before that was checked must not break every list)."""
    try:
        dt = from_iso(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if dt is not None and not (EARLIEST_INSTANT <= dt < LATEST_INSTANT):
        return None
    return dt


def to_iso(dt: datetime | None) -> str | None:
    """UTC ISO text for storage and JSON (``2024-09-17T03:45:01+00:00``)."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        raise ValueError("naive datetime")
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def format_local(dt: datetime | None, zone: tzinfo | None = None, *, seconds: bool = False) -> str:
    """``2024-09-17 11:45 +08:00`` — always with the offset, so a reader knows the zone."""
    if dt is None:
        return ""
    try:
        local = dt.astimezone(zone or get_zone(None))
    except OverflowError:  # year 1 or 9999 read from a file: show it in UTC rather than fail
        local = dt.astimezone(UTC)
    fmt = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    off = local.strftime("%z")
    off = f"{off[:3]}:{off[3:]}" if off else "+00:00"
    return f"{local.strftime(fmt)} {off}"


def format_duration(seconds: float, lang: str = "zh") -> str:
    """Human countdown: ``1天 3小时`` / ``1d 3h``; negative means overdue."""
    s = int(abs(seconds))
    d, rem = divmod(s, 86400)
    h, rem = divmod(rem, 3600)
    m = rem // 60
    if lang.startswith("zh"):
        parts = [f"{d}天" if d else "", f"{h}小时" if h else "", f"{m}分" if (m and not d) else ""]
        text = " ".join(p for p in parts if p) or "0分"
        return f"已超 {text}" if seconds < 0 else text
    parts = [f"{d}d" if d else "", f"{h}h" if h else "", f"{m}m" if (m and not d) else ""]
    text = " ".join(p for p in parts if p) or "0m"
    return f"{text} overdue" if seconds < 0 else text


def utcnow() -> datetime:
    return datetime.now(UTC)


__all__ = ["UTC", "CST", "get_zone", "parse_instant", "check_instant", "read_stored_instant",
           "to_iso", "from_iso", "format_local", "format_duration", "utcnow", "timedelta"]
