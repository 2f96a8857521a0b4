"""The checklist engine: required/recommended items, alternatives, appeal additions, warnings."""

from __future__ import annotations

from datetime import datetime, timezone

from evidencekit import checklist
from evidencekit.domain import AppealPoint, Case, Exhibit, Finding
from evidencekit.rules import load_rules

RULES = load_rules()
T = datetime(2024, 9, 18, tzinfo=timezone.utc)


def _case(**kw):
    base = dict(id=1, case_no="EK-00001", platform="douyin", dispute_type="quality_issue", order_no="1")
    return Case(**(base | kw))


def _ex(i, kind, **kw):
    return Exhibit(id=i, case_id=1, position=i, kind=kind, sha256="0" * 64, size=1,
                   source_name=f"f{i}", added_at=T, **kw)


def test_missing_then_complete():
    case = _case()
    items = checklist.evaluate(case, [], RULES, now=T)
    assert [(i.kind, i.required, i.status) for i in items] == [
        ("inspection_report", True, "missing"), ("chat_log", True, "missing"),
        ("batch_certificate", False, "missing"), ("photo", False, "missing"),
        ("after_sale_voucher", False, "missing")]
    assert items[0].reason_zh == "缺少质检报告（必需）" and "inspection report" in items[0].reason_en
    assert not checklist.is_complete(items) and checklist.progress(items) == (0, 2)
    ex = [_ex(1, "inspection_report"), _ex(2, "chat_log"), _ex(3, "chat_log")]
    items = checklist.evaluate(case, ex, RULES, now=T)
    assert items[1].status == "ok" and items[1].exhibits == [2, 3]
    assert checklist.is_complete(items) and checklist.progress(items) == (2, 2)


def test_alternatives_any_one_satisfies():
    case = _case(dispute_type="damaged_in_transit")
    items = checklist.evaluate(case, [_ex(1, "logistics_trace"), _ex(2, "packing_record")], RULES, now=T)
    alt = items[1]
    assert alt.kind == "courier_proof|packing_record" and alt.status == "ok" and alt.exhibits == [2]
    assert "或" in checklist.evaluate(case, [], RULES, now=T)[1].reason_zh


def test_stored_warning_marks_item():
    warn = Finding("one_party", "只有一方发言", "Only one party speaks")
    items = checklist.evaluate(_case(), [_ex(1, "chat_log", warnings=[warn])], RULES, now=T)
    chat = items[1]
    assert chat.status == "warning" and "只有一方发言" in chat.reason_zh and "E1" in chat.reason_en
    assert checklist.is_complete(checklist.evaluate(
        _case(), [_ex(1, "chat_log", warnings=[warn]), _ex(2, "inspection_report")], RULES, now=T))


def test_appeal_adds_statement_reference_and_new_exhibit():
    case = _case()
    ex = [_ex(1, "inspection_report"), _ex(2, "chat_log")]
    items = checklist.evaluate(case, ex, RULES, "appeal", now=T)
    extra = {i.kind: i.status for i in items[-3:]}
    assert extra == {"appeal_statement": "missing", "judgment_reference": "missing", "new_evidence": "missing"}
    assert not checklist.is_complete(items)
    case = _case(judgment_ref="PJ-2024-0918-001",
                 appeal_points=[AppealPoint("判定依据：未提供质检报告", "已补充第三方质检报告", [3])])
    ex.append(_ex(3, "inspection_report", is_new=True))
    items = checklist.evaluate(case, ex, RULES, "appeal", now=T)
    assert checklist.is_complete(items)
    assert [i.exhibits for i in items if i.kind == "new_evidence"] == [[3]]


def test_requirement_names():
    assert checklist.requirement_name("chat_log") == ("聊天记录", "Chat log")
    assert checklist.requirement_name("courier_proof|packing_record") == (
        "快递公司证明 或 打包记录", "Courier proof or Packing record")
    assert checklist.requirement_name("appeal_statement") == ("申诉说明", "Appeal statement")
