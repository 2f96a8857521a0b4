"""Typed results of reading evidence files (the contract between ingestion and export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from ..domain import Finding

ROLES = ("buyer", "merchant", "system", "unknown")
TRACE_STATUSES = ("collected", "in_transit", "out_for_delivery", "signed", "proxy_signed",
                  "returned", "exception", "unknown")


@dataclass
class IngestContext:
    """What a parser may know beyond the bytes."""
    store_names: list[str] = field(default_factory=list)  # merchant-side chat names
    stall_hours: float = 72.0
    password: str | None = None


@dataclass
class Message:
    at: datetime | None  # aware, UTC; None when the log has no time for it
    speaker: str
    role: str  # one of ROLES
    text: str


@dataclass
class ChatLog:
    messages: list[Message]
    encoding: str = ""


@dataclass
class TraceEvent:
    at: datetime | None  # aware, UTC
    location: str
    text: str
    status: str  # one of TRACE_STATUSES


@dataclass
class Trace:
    events: list[TraceEvent]  # in time order
    tracking_no: str = ""
    carrier: str = ""
    stalls: list[dict] = field(default_factory=list)  # {from, to, hours}


@dataclass
class IngestResult:
    kind: str
    kind_guess: str
    kind_confidence: float
    facts: dict[str, Any]  # JSON-serialisable
    warnings: list[Finding]
    content: Any = None  # ChatLog | Trace | None (documents and images are read from the blob)


# Kept contents write instants as integer microseconds since the epoch, in UTC (the zone said
# once, in "instants"): 3× cheaper than isoformat() on the 500,000 instants of a 50 MB chat
# (bench/README.md). Contents kept before (ISO strings, no "instants") are still read.
INSTANTS = "epoch_us_utc"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)


def content_to_json(content: Any) -> dict:
    """A chat log or trace as JSON (kept so that export and preview need not parse again)."""
    if isinstance(content, ChatLog):
        return {"type": "chat", "encoding": content.encoding, "instants": INSTANTS,
                "messages": [[(m.at - _EPOCH) // _US if m.at is not None else None,
                              m.speaker, m.role, m.text] for m in content.messages]}
    if isinstance(content, Trace):
        return {"type": "trace", "tracking_no": content.tracking_no, "carrier": content.carrier,
                "stalls": content.stalls, "instants": INSTANTS,
                "events": [[(e.at - _EPOCH) // _US if e.at is not None else None,
                            e.location, e.text, e.status] for e in content.events]}
    raise TypeError(f"no JSON form for {type(content).__name__}")


def content_from_json(data: dict) -> ChatLog | Trace:
    instant = _from_epoch_us if data.get("instants") == INSTANTS else _from_iso
    if data["type"] == "chat":
        return ChatLog([Message(instant(at), speaker, role, text)
                        for at, speaker, role, text in data["messages"]], data["encoding"])
    if data["type"] == "trace":
        return Trace([TraceEvent(instant(at), loc, text, status)
                      for at, loc, text, status in data["events"]],
                     data["tracking_no"], data["carrier"], data["stalls"])
    raise ValueError(f"unknown content type {data.get('type')!r}")


def _from_epoch_us(value: int | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"not an instant: {value!r}")  # a damaged file: parsed again
    return _EPOCH + timedelta(microseconds=value)


def _from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(timezone.utc) if text else None
