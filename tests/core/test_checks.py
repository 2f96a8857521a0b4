"""Case-relative findings computed from exhibit facts."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from evidencekit.checks import contextual_findings
from evidencekit.domain import Case
from evidencekit.ingest import analyze

DATA = Path(__file__).resolve().parents[1] / "data"
UTC = timezone.utc
NOW = datetime(2024, 9, 22, 2, 0, tzinfo=UTC)


def case(**kw) -> Case:
    return Case(id=1, case_no="C-1", platform="douyin", dispute_type="quality", order_no="4921",
                **kw)


def codes(c: Case, kind: str, facts: dict, needs_signed: bool = False, **kw) -> list[str]:
    return [f.code for f in contextual_findings(c, kind, facts, needs_signed=needs_signed,
                                                now=NOW, **kw)]


def test_chat_span_must_reach_the_dispute_date():
    facts = analyze(DATA / "chat_gbk.txt").facts  # last message 2024-09-19 12:05 UTC
    # Intervention on 09-20 10:00 UTC: within a day of the last message.
    assert codes(case(intervention_at=datetime(2024, 9, 20, 10, tzinfo=UTC)), "chat_log",
                 facts) == []
    # Intervention on 09-21 (more than a day later): the log stops too early.
    late = case(request_at=datetime(2024, 9, 17, 4, tzinfo=UTC),
                intervention_at=datetime(2024, 9, 21, 12, tzinfo=UTC))
    found = contextual_findings(late, "chat_log", facts, needs_signed=False, now=NOW)
    assert [f.code for f in found] == ["chat_span_short"]
    assert "+08:00" in found[0].zh and "+08:00" in found[0].en
    # Without an intervention, the request time is the dispute date.
    assert codes(case(request_at=datetime(2024, 9, 17, 4, tzinfo=UTC)), "chat_log", facts) == []
    assert codes(case(request_at=datetime(2024, 9, 14, tzinfo=UTC)), "chat_log", facts) == [
        "chat_starts_after_dispute"]
    assert codes(case(), "chat_log", facts) == []  # no dispute date yet
    assert codes(case(request_at=NOW), "chat_log", {"last_at": None}) == []


def test_trace_signed_and_stalled_at_dispute():
    signed = analyze(DATA / "trace_kuaidi100.json").facts
    unsigned = analyze(DATA / "trace_unsigned.json").facts  # last event 2024-09-20 00:30 UTC
    c = case(request_at=datetime(2024, 9, 21, tzinfo=UTC))
    assert codes(c, "logistics_trace", signed, needs_signed=True) == []
    assert codes(c, "logistics_trace", unsigned, needs_signed=True) == ["trace_not_signed"]
    assert codes(c, "logistics_trace", unsigned, needs_signed=False) == []
    later = case(request_at=datetime(2024, 9, 24, tzinfo=UTC))
    assert codes(later, "logistics_trace", unsigned, needs_signed=False) == [
        "trace_stalled_at_dispute"]
    assert codes(later, "logistics_trace", unsigned, needs_signed=False, stall_hours=200) == []


def test_packing_record_after_shipping():
    facts = analyze(DATA / "photo_exif.jpg", "packing_record").facts  # 2024-09-14 08:20:05 UTC
    assert codes(case(shipped_at=datetime(2024, 9, 15, 8, tzinfo=UTC)), "packing_record",
                 facts) == []
    assert codes(case(shipped_at=datetime(2024, 9, 14, 8, tzinfo=UTC)), "packing_record",
                 facts) == ["packing_after_ship"]
    # A product photo taken after shipping is normal (e.g. the returned item).
    assert codes(case(shipped_at=datetime(2024, 9, 14, 8, tzinfo=UTC)), "photo", facts) == []
    video = analyze(DATA / "packing_video.mp4", "packing_record").facts
    assert codes(case(shipped_at=datetime(2024, 9, 14, 8, tzinfo=UTC)), "packing_record",
                 video) == ["packing_after_ship"]


def test_implausible_capture_times():
    c = case()
    assert codes(c, "photo", {"captured_at": "1999-12-31T00:00:00+00:00"}) == [
        "capture_time_implausible"]
    assert codes(c, "photo", {"captured_at": "2024-09-24T00:00:00+00:00"}) == [
        "capture_time_implausible"]
    assert codes(c, "photo", {"captured_at": "2024-09-22T20:00:00+00:00"}) == []
    assert codes(c, "photo", {"captured_at": "not a time"}) == []
    assert codes(c, "photo", {}) == []
