"""The deadline engine: clocks by stage, states by threshold, exact across DST."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from evidencekit import deadlines
from evidencekit.domain import Case
from evidencekit.rules import load_rules
from evidencekit.timeutil import format_local, parse_instant

RULES = load_rules()
UTC = timezone.utc


def _case(**kw) -> Case:
    base = dict(id=1, case_no="EK-00001", platform="douyin", dispute_type="quality_issue",
                order_no="1")
    base.update(kw)
    return Case(**base)


def test_evidence_clock_48h_and_states():
    t0 = parse_instant("2024-09-17T10:00+08:00")
    case = _case(stage="intervention", intervention_at=t0)
    def state(hours_later):
        (d,) = deadlines.compute(case, RULES, t0 + timedelta(hours=hours_later))
        return d.state, d.remaining_seconds
    assert state(0) == ("ok", 48 * 3600)
    assert state(36) == ("due_soon", 12 * 3600)
    assert state(46.5) == ("critical", int(1.5 * 3600))
    assert state(49) == ("overdue", -3600)
    (d,) = deadlines.compute(case, RULES, t0)
    assert d.id == "evidence" and d.name_zh == "平台介入后举证" and d.due == t0 + timedelta(hours=48)


def test_request_stage_clocks():
    t0 = parse_instant("2024-09-15T09:00+08:00")
    dls = deadlines.compute(_case(stage="request", request_at=t0), RULES, t0)
    assert [(d.id, d.remaining_seconds) for d in dls] == [("reply", 86400), ("refund_handling", 172800)]


def test_judged_clocks_remedy_only_when_against_merchant():
    t0 = parse_instant("2024-09-20T10:00+08:00")

    def ids(c):
        return [d.id for d in deadlines.compute(c, RULES, t0)]
    assert ids(_case(stage="judged", judgment_at=t0)) == ["appeal"]
    assert ids(_case(stage="judged", judgment_at=t0, judgment_against_merchant=True)) == ["remedy", "appeal"]
    (appeal,) = [d for d in deadlines.compute(_case(stage="judged", judgment_at=t0), RULES, t0)]
    assert appeal.due == t0 + timedelta(days=7)
    # an appeal once submitted stops the clock; closed cases have none
    assert ids(_case(stage="appeal", judgment_at=t0, appeal_submitted_at=t0)) == []
    assert ids(_case(stage="closed", judgment_at=t0)) == []


def test_tiktok_appeal_and_penalty_appeals():
    t0 = parse_instant("2024-09-20T10:00-07:00")
    c = _case(platform="tiktok_shop", stage="judged", judgment_at=t0)
    (appeal,) = deadlines.compute(c, RULES, t0)
    assert appeal.id == "appeal" and appeal.due == t0 + timedelta(days=21)
    assert deadlines.appeals_left(c, RULES) == 1
    # penalty appeals: 30 days from the penalty, then 15 days from the first one's rejection
    p0 = t0 + timedelta(days=1)
    c2 = _case(platform="tiktok_shop", stage="closed", penalty_at=p0)
    (first,) = [d for d in deadlines.all_clocks(c2, RULES, t0) if d.id.startswith("penalty")]
    assert first.due == p0 + timedelta(days=30)
    sub1 = p0 + timedelta(days=5)
    rejected = p0 + timedelta(days=9)
    c3 = _case(platform="tiktok_shop", stage="judged", penalty_at=p0,
               penalty_appeal_submitted_at=sub1, penalty_appeal_rejected_at=rejected)
    clocks = {d.id: d for d in deadlines.all_clocks(c3, RULES, rejected)}
    assert clocks["penalty_appeal_first"].state == "met"
    assert clocks["penalty_appeal_first"].stopped_at == sub1
    second = clocks["penalty_appeal_second"]
    assert second.running and second.due == rejected + timedelta(days=15)
    # the second appeal, recorded late, stops the second clock only; the first stays met at sub1
    sub2 = rejected + timedelta(days=16)
    events = {"penalty_appeal_submitted_at": [sub1, sub2]}
    c3.penalty_appeal_submitted_at = sub2
    clocks = {d.id: d for d in deadlines.all_clocks(c3, RULES, sub2, events)}
    assert clocks["penalty_appeal_first"].stopped_at == sub1
    assert clocks["penalty_appeal_second"].state == "late"
    assert clocks["penalty_appeal_second"].late_seconds == 86400


def test_dst_zone_is_exact_elapsed_time_and_shown_with_offset():
    """48 h across the US spring-forward night is 48 real hours; the display shows the new offset."""
    ny = ZoneInfo("America/New_York")
    start = datetime(2024, 3, 9, 12, 0, tzinfo=ny)  # EST, -05:00
    case = _case(stage="intervention", intervention_at=start.astimezone(UTC))
    (d,) = deadlines.compute(case, RULES, start.astimezone(UTC))
    assert d.due == start.astimezone(UTC) + timedelta(hours=48)
    # local wall time moves by 49 h because the clocks jumped forward an hour
    assert format_local(d.due, ny) == "2024-03-11 13:00 -04:00"
    assert format_local(start.astimezone(UTC), ny) == "2024-03-09 12:00 -05:00"
    # naive input read in a DST zone lands on the right UTC instant
    assert parse_instant("2024-11-03 01:30", ZoneInfo("America/New_York")).utcoffset() == timedelta(0)
    assert parse_instant("2024-07-01 12:00", ny) == datetime(2024, 7, 1, 16, 0, tzinfo=UTC)
    assert parse_instant("2024-01-01 12:00", ny) == datetime(2024, 1, 1, 17, 0, tzinfo=UTC)


def test_now_must_be_aware():
    import pytest
    with pytest.raises(ValueError):
        deadlines.compute(_case(stage="intervention", intervention_at=datetime(2024, 1, 1, tzinfo=UTC)),
                          RULES, datetime(2024, 1, 1))
