"""A small library with known cases, submissions and decisions for the review's numbers.

Seven cases on Douyin (display zone Asia/Shanghai); the review of 2026-11-16 … 2026-11-29 at
``NOW`` holds five of them (one is dated October, one is in the trash). The numbers each test
expects are worked out by hand in tests/core/test_review.py from the facts below.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from pypdf import PdfWriter

from evidencekit.store import Library
from evidencekit.timeutil import parse_instant

NOW = "2026-11-29T12:00:00+08:00"
FROM, TO = "2026-11-16", "2026-11-29"


def t(text: str) -> datetime:
    return parse_instant(text + "+08:00")


def _chat(folder: Path, name: str, lines: list[tuple[str, str, str]]) -> Path:
    path = folder / name
    path.write_text("".join(f"{at} {who}: {text}\n" for at, who, text in lines), "utf-8")
    return path


def _trace(folder: Path, name: str, carrier: str, number: str) -> Path:
    path = folder / name
    path.write_text(json.dumps({"com": carrier, "nu": number, "data": [
        {"time": "2026-11-20 18:00:00", "context": "已签收，签收人：本人"},
        {"time": "2026-11-19 08:00:00", "context": "快件已到达【杭州转运中心】"},
        {"time": "2026-11-18 20:00:00", "context": "已揽收"}]}, ensure_ascii=False), "utf-8")
    return path


def _submit(lib: Library, case_id: int, folder: Path, at: str, kinds: list[str]) -> dict:
    """A submission whose bundle held exhibits of ``kinds`` (the manifest an export writes)."""
    case = lib.get_case(case_id)
    bundle = folder / f"{case.case_no}-{at[:10]}.pdf"
    writer = PdfWriter()  # a real one-page PDF (the store counts its pages), not the export's
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Title": f"{case.case_no} {at}"})
    with bundle.open("wb") as f:
        writer.write(f)
    manifest = {"bundle_id": f"b-{case.case_no}-{at}", "mode": "arbitration",
                "case": {"case_no": case.case_no}, "files": [bundle.name],
                "exhibits": [{"label": f"E{i}", "sha256": f"{case_id:02d}{i:062d}", "kind": k}
                             for i, k in enumerate(kinds, start=1)]}
    return lib.record_submission(case_id, [(bundle, manifest, True)], as_kind="evidence", at=t(at))


def build(root: Path, work: Path) -> Path:
    """Write the fixture library at ``root`` (``work``: a folder for its source files)."""
    work.mkdir(parents=True, exist_ok=True)
    clock = [t("2026-11-16 09:00")]
    lib = Library.open(root, clock=lambda: clock[0])
    lib.set_setting("display_zone", "Asia/Shanghai")
    try:
        lib.actor = "小王"
        c1 = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="A1",
                             product="保温杯", store_name="旗舰店", buyer_name="李四",
                             request_at=t("2026-11-16 10:00"), replied_at=t("2026-11-16 12:00"),
                             intervention_at=t("2026-11-17 10:00")).id
        lib.attach(c1, _chat(work, "c1.txt", [("2026-11-16 10:05:00", "李四", "收到的杯子碎了"),
                                               ("2026-11-16 10:06:00", "小店客服", "您好，麻烦拍一下照片"),
                                               ("2026-11-16 10:07:00", "李四", "杯子碎了，要退款，我是李四")]),
                   kind="chat_log")
        lib.attach(c1, _trace(work, "t1.json", "shunfeng", "SF1234567890"), kind="logistics_trace")
        _submit(lib, c1, work, "2026-11-18 08:00", ["chat_log", "logistics_trace", "inspection_report"])
        lib.decide(c1, "won", at=t("2026-11-20 10:00"))

        c2 = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="A2",
                             product="保温杯", store_name="旗舰店",
                             request_at=t("2026-11-17 09:00"), replied_at=t("2026-11-18 10:00"),
                             intervention_at=t("2026-11-18 09:00")).id
        lib.attach(c2, _chat(work, "c2.txt", [("2026-11-17 09:01:00", "王五", "杯子有裂缝，要退款")]),
                   kind="chat_log")
        _submit(lib, c2, work, "2026-11-20 13:00", ["chat_log"])
        lib.decide(c2, "lost", at=t("2026-11-22 09:00"), refund="59.00")
        lib.update_case(c2, remedied_at=t("2026-11-22 20:00"))

        c3 = lib.create_case(platform="douyin", dispute_type="shipping_delay", order_no="A3",
                             product="拖鞋", store_name="二店",
                             request_at=t("2026-11-24 10:00"), replied_at=t("2026-11-24 11:00"),
                             intervention_at=t("2026-11-24 12:00")).id
        lib.attach(c3, _chat(work, "c3.txt", [("2026-11-24 10:01:00", "赵六", "物流一直不动"),
                                               ("2026-11-24 10:02:00", "赵六", "快递停在驿站")]),
                   kind="chat_log")
        lib.attach(c3, _trace(work, "t3.json", "zhongtong", "75312345678901"), kind="logistics_trace")
        lib.actor = "小李"  # records the submission: the case is 小李's
        _submit(lib, c3, work, "2026-11-25 12:00", ["chat_log", "logistics_trace"])
        lib.decide(c3, "partly", at=t("2026-11-26 10:00"), refund="20.00")
        lib.update_case(c3, remedied_at=t("2026-11-26 15:00"))

        c4 = lib.create_case(platform="douyin", dispute_type="refund_dispute", order_no="A4",
                             product="拖鞋", store_name="二店",
                             request_at=t("2026-11-25 10:00"), replied_at=t("2026-11-25 10:30"),
                             refund_handled_at=t("2026-11-25 18:00"), outcome="refunded").id
        lib.attach(c4, _chat(work, "c4.txt", [("2026-11-25 10:01:00", "孙七", "不想要了，退款")]),
                   kind="chat_log")

        lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="A5",
                        product="保温杯", store_name="旗舰店",
                        request_at=t("2026-11-26 10:00"), replied_at=t("2026-11-27 11:00"),
                        intervention_at=t("2026-11-27 10:00"))
        # outside the range, and in the trash
        lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="A6", product="保温杯",
                        request_at=t("2026-10-01 10:00"), outcome="won")
        c7 = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="A7",
                             request_at=t("2026-11-20 10:00"), outcome="lost").id
        lib.delete_case(c7)
    finally:
        lib.close()
    return root
