"""What the lifecycle adds to bundles and checklists: an appeal's "changes since the first
submission", and the proxy-signing note on signed-not-received cases (the merchant's only)."""

from __future__ import annotations

from pathlib import Path

from evidencekit import checklist
from evidencekit.export import export_case
from evidencekit.submission import submit

from .pdf_tools import text_of

DATA = Path(__file__).resolve().parents[1] / "data"
CHAT = ("2024-09-17 11:45:01 顾客: 没收到货\n"
        "2024-09-17 11:46:10 小店客服: 您好，轨迹显示已签收，麻烦问下家人\n")


def _chat(tmp_path, name="chat.txt", text=CHAT):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_proxy_signed_trace_is_a_note_not_a_requirement(library, tmp_path):
    case = library.create_case(platform="douyin", dispute_type="signed_not_received",
                               order_no="P-1", intervention_at=library.clock())
    library.attach(case.id, DATA / "trace_kuaidi100.json", kind="logistics_trace")
    library.attach(case.id, _chat(tmp_path), kind="chat_log")
    items = checklist.evaluate(library.get_case(case.id), library.list_exhibits(case.id),
                               library.rules, "arbitration", now=library.clock())
    (note,) = [i for i in items if i.kind == "proxy_signed"]
    assert not note.required and note.status == "warning" and "丰巢快递柜" in note.reason_zh
    assert "家人" in note.reason_zh and "neighbour" in note.reason_en
    assert checklist.is_complete(items)
    # another dispute type gets no such note
    other = library.create_case(platform="douyin", dispute_type="lost_parcel", order_no="P-2")
    library.attach(other.id, DATA / "trace_kuaidi100.json", kind="logistics_trace")
    assert not [i for i in checklist.evaluate(other, library.list_exhibits(other.id),
                                              library.rules, now=library.clock())
                if i.kind == "proxy_signed"]
    # the platform's copy does not carry the merchant's note
    rep = export_case(library, case.id, tmp_path / "b.pdf", now=library.clock(),
                     allow_incomplete=True)
    assert "代收核实" not in text_of(rep.files[0])


def test_appeal_bundle_lists_changes_since_the_first_submission(library, tmp_path, clock):
    case = library.create_case(platform="douyin", dispute_type="refund_dispute", order_no="C-1",
                               intervention_at=clock.now)
    library.attach(case.id, _chat(tmp_path), kind="chat_log", caption="聊天记录")
    first = export_case(library, case.id, tmp_path / "ev.pdf", now=clock.now,
                        allow_incomplete=True)
    submit(library, case.id, first.files)
    clock.advance(days=2)
    library.decide(case.id, "lost", ref="PJ-7")
    clock.advance(hours=1)
    voucher = library.attach(case.id, _chat(tmp_path, "v.txt", "2024-09-20 10:00:00 客服: 已退款\n"
                                            "2024-09-20 10:01:00 顾客: 好的\n"),
                             kind="after_sale_voucher", caption="退款凭证")
    library.update_case(case.id, statement="判定依据与事实不符：已按约退款。")
    rep = export_case(library, case.id, tmp_path / "ap.pdf", mode="appeal", now=clock.now,
                      allow_incomplete=True)
    text = text_of(rep.files[0])
    assert "与首次提交相比" in text and "Changes since the first submission" in text
    assert "新增 Added" in text and "退款凭证" in text and "陈述已更新" in text
    assert voucher.is_new
    # an arbitration bundle has no such section
    assert "与首次提交相比" not in text_of(first.files[0])
