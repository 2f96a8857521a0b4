"""Typed results of reading evidence files (the contract between ingestion and export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
