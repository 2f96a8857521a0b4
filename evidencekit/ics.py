"""Running deadlines as iCalendar (RFC 5545): one VEVENT per deadline, each with an alarm.

Written by hand (the format is small) so the core needs no extra package; tests parse the
output with the ``icalendar`` package to prove a calendar accepts it. Stable UIDs (case and
clock) let a subscribed calendar update an event instead of duplicating it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable

from .domain import Case, Deadline
from .timeutil import UTC

PRODID = "-//EvidenceKit//Deadlines//ZH"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 §3.1)."""
    out: list[str] = []
    cur = b""
    for ch in line:
        enc = ch.encode("utf-8")
        if len(cur) + len(enc) > (75 if not out else 74):
            out.append(cur.decode("utf-8"))
            cur = b""
        cur += enc
    out.append(cur.decode("utf-8"))
    return [out[0]] + [" " + s for s in out[1:]]


def _utc(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(items: Iterable[tuple[Case, Deadline]], now: datetime, *, lang: str = "zh",
             alarm_hours: float = 2.0, host: str = "evidencekit") -> str:
    """The iCalendar text for ``(case, deadline)`` pairs (running deadlines)."""
    zh = lang.startswith("zh")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:" + ("EvidenceKit 售后期限" if zh else
                                                 "EvidenceKit deadlines")]
    for case, d in items:
        if not d.running:
            continue
        name = d.name(lang)
        summary = f"{case.case_no} {name}" + (f"（订单 {case.order_no}）" if zh else
                                              f" (order {case.order_no})")
        desc = (f"案件 {case.case_no}，订单 {case.order_no}：{name}，截止 {_utc(d.due)}。"
                f"来源：{d.source or '—'}" if zh else
                f"Case {case.case_no}, order {case.order_no}: {d.name_en}, due {_utc(d.due)}. "
                f"Source: {d.source or '—'}")
        # A short event ending at the due time, so calendars show it where it falls due.
        start = d.due - timedelta(minutes=30)
        lines += ["BEGIN:VEVENT", f"UID:{case.case_no}-{d.id}-{_utc(d.started_at or d.due)}@{host}",
                  f"DTSTAMP:{_utc(now)}", f"DTSTART:{_utc(start)}", f"DTEND:{_utc(d.due)}",
                  f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(desc)}",
                  "CATEGORIES:EvidenceKit", "BEGIN:VALARM", "ACTION:DISPLAY",
                  f"DESCRIPTION:{_escape(summary)}",
                  f"TRIGGER;RELATED=END:-PT{int(alarm_hours * 60)}M", "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
