"""Instants: stored in UTC, parsed from ISO text, shown in a zone with its offset.

Naive input (no offset) is read in the platform's zone when given (China
Standard Time for Douyin), else in the user's local zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BadTime, EmptyTime, UnknownZone

UTC = timezone.utc
CST = ZoneInfo("Asia/Shanghai")


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
    except ValueError as e:
        raise BadTime(text=text) from e
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_zone or get_zone(None))
    return dt.astimezone(UTC)


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
    local = dt.astimezone(zone or get_zone(None))
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


__all__ = ["UTC", "CST", "get_zone", "parse_instant", "to_iso", "from_iso", "format_local",
           "format_duration", "utcnow", "timedelta"]
