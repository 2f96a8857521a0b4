"""Logistics traces: shapes, statuses, signing, stalls, order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencekit.ingest import analyze, parse_trace
from evidencekit.ingest.model import IngestContext, Trace
from evidencekit.ingest.trace import carrier_from_number, classify_status

DATA = Path(__file__).resolve().parents[1] / "data"
STALL = {"from": "2024-09-15T22:12:40+00:00", "to": "2024-09-20T00:30:00+00:00", "hours": 98.3}


@pytest.mark.parametrize("name, tracking, carrier", [
    ("trace_kuaidi100.json", "SF1234567890123", "顺丰速运"),
    ("trace_gbk.csv", "", ""),
    ("trace_pasted.txt", "YT7300012345678", "圆通速递"),
])
def test_signed_trace_with_a_stall_and_a_locker(name, tracking, carrier):
    r = analyze(DATA / name)
    assert r.kind == "logistics_trace" and r.kind_confidence >= 0.7
    f = r.facts
    assert f["event_count"] == 7
    assert (f["tracking_no"], f["carrier"]) == (tracking, carrier)
    assert f["first_at"] == "2024-09-15T08:02:11+00:00"
    assert f["last_at"] == f["signed_at"] == "2024-09-21T02:41:52+00:00"
    assert f["last_status"] == "proxy_signed" and f["proxy_signed"] is True
    assert f["signed_by"] == "丰巢快递柜"
    assert f["stalls"] == [STALL]
    assert "trace_stall" in [w.code for w in r.warnings]
    assert isinstance(r.content, Trace)
    times = [e.at for e in r.content.events]
    assert times == sorted(times)
    assert [e.status for e in r.content.events] == [
        "collected", "in_transit", "in_transit", "in_transit", "in_transit", "out_for_delivery",
        "proxy_signed"]
    json.dumps(f)


def test_newest_first_json_is_not_out_of_order_but_a_shuffled_paste_is():
    assert "trace_out_of_order" not in [w.code for w in analyze(DATA / "trace_kuaidi100.json").warnings]
    assert "trace_out_of_order" in [w.code for w in analyze(DATA / "trace_pasted.txt").warnings]


def test_locations_come_from_brackets_or_columns():
    tr = parse_trace(DATA / "trace_pasted.txt")
    assert tr.events[0].location == "杭州市"
    assert parse_trace(DATA / "trace_gbk.csv").events[2].location == "武汉市"


def test_unsigned_trace_other_json_shape():
    r = analyze(DATA / "trace_unsigned.json")
    f = r.facts
    assert (f["tracking_no"], f["carrier"]) == ("JT0001234567890", "极兔速递")
    assert f["signed_at"] is None and f["signed_by"] == "" and f["last_status"] == "in_transit"


def test_stall_threshold_comes_from_the_context():
    r = analyze(DATA / "trace_kuaidi100.json", ctx=IngestContext(stall_hours=120))
    assert r.facts["stalls"] == [] and "trace_stall" not in [w.code for w in r.warnings]
    r = analyze(DATA / "trace_kuaidi100.json", ctx=IngestContext(stall_hours=12))
    assert [s["hours"] for s in r.facts["stalls"]] == [98.3, 12.7]


@pytest.mark.parametrize("text, status", [
    ("【杭州市】快件已揽收", "collected"),
    ("快件已从武汉转运中心发出", "in_transit"),
    ("快件到达【长沙岳麓营业点】", "in_transit"),
    ("快递员正在派件，请保持电话畅通", "out_for_delivery"),
    ("您的快件已签收，签收人：本人，如有疑问请联系派件员", "signed"),
    ("已签收，签收人：家人", "proxy_signed"),
    ("快件已投递至菜鸟驿站，请凭取件码取件", "proxy_signed"),
    ("快件已由门卫代收", "proxy_signed"),
    ("收件人拒收，快件退回中", "returned"),
    ("快件外包装破损，已联系寄件人", "exception"),
    ("包裹疑似丢失，正在核实", "exception"),
    ("电子面单已打印", "unknown"),
])
def test_status_keywords(text, status):
    assert classify_status(text) == status


@pytest.mark.parametrize("number, carrier", [
    ("SF1234567890123", "顺丰速运"), ("JDVA12345678901", "京东物流"), ("YT7300012345678", "圆通速递"),
    ("EA123456789CN", "中国邮政"), ("JT0001234567890", "极兔速递"), ("7312345678901", "中通快递"),
    ("772012345678901", "申通快递"), ("4312345678901", "韵达快递"), ("123", ""),
])
def test_carrier_from_number(number, carrier):
    assert carrier_from_number(number) == carrier


def test_text_trace_with_time_only_lines_and_signer_name(tmp_path):
    p = tmp_path / "物流 轨迹.txt"
    p.write_text("2024.09.15 10:00 快件已揽收\n2024.09.16 09:00\n快件已签收，签收人：张三\n", "gbk")
    r = analyze(p, kind="logistics_trace")
    assert r.facts["event_count"] == 2
    assert r.facts["signed_by"] == "张三" and r.facts["last_status"] == "signed"
    assert r.facts["encoding"] == "gb18030"


def test_trace_without_events_is_accepted_with_a_warning(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("请查看截图", "utf-8")
    r = analyze(p, kind="logistics_trace")
    assert r.facts["event_count"] == 0
    assert [w.code for w in r.warnings] == ["trace_empty"]
