"""Two copies from one case: the platform copy shows no buyer data (in chat, trace,
captions, file names, product, work-order log or a merged PDF) and no internal warning,
clock or edit log; the records copy keeps them all."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from evidencekit.domain import ChecklistItem
from evidencekit.export import PlatformCopyIncomplete, export_bundle, fonts, platform_problems, source_from_library
from evidencekit.ingest.model import ChatLog, Message, TraceEvent

from .export_fixtures import NOW, fixture_library, t, trace, write_chat, write_trace
from .pdf_tools import page_text, text_of

# Every form the issue found leaking, each with its own digits so a leak names its form.
FORMS = {
    "full-width": "１３９１１１１２２２２",
    "+86": "+8613911113333",
    "86": "8613911114444",
    "0086": "008613911115555",
    "dots": "139.1111.6666",
    "spaced": "139 1111 7777",
    "Tel": "Tel13911118888",
    "landline": "057188889999",
    "id-spaced": "330106 19900101 1234",
    "id-15": "330106900101123",
    "id-18": "330106199203041235",
}
ADDRESSES = ["浙江省 杭州市 西湖区 文三路 123号 5幢", "浙江省杭州市西湖区文三路１２３号"]
BUYER = "李小明"


def _pdf_with_buyer_data(path: Path) -> Path:
    font = fonts.register()
    c = Canvas(str(path), invariant=1, initialFontName=font)
    c.setFont(font, 12)
    c.drawString(72, 760, "快递面单 Waybill")
    c.drawString(72, 740, f"收件人：{BUYER} 电话：13812345678")
    c.drawString(72, 720, "身份证：330106199001011234")
    c.drawString(72, 700, "地址：浙江省杭州市西湖区文三路１００号")
    c.showPage()
    c.setFont(font, 12)
    c.drawString(72, 760, "第二页：批次 B20240901 结论：合格")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    root = tmp_path_factory.mktemp("platformcopy")
    lib, cid = fixture_library(root, photos=1, hostile=True)
    src = root / "more"
    src.mkdir()
    base = t(16, 9)
    msgs = [Message(base + timedelta(minutes=i), BUYER if i % 2 == 0 else "杯来杯往旗舰店",
                    "buyer" if i % 2 == 0 else "merchant", f"{name}：{form}")
            for i, (name, form) in enumerate(FORMS.items())]
    msgs += [Message(base + timedelta(hours=1, minutes=i), BUYER, "buyer", f"地址 {a}")
             for i, a in enumerate(ADDRESSES)]
    lib.attach(cid, write_chat(src / f"{BUYER}_聊天.txt", ChatLog(msgs)), kind="chat_log",
               caption=f"{BUYER} 的聊天 Tel13911118888")
    tr = trace()
    tr.events.append(TraceEvent(t(18, 11), "杭州市", f"派送员联系收件人 {FORMS['+86']} "
                                f"{ADDRESSES[1]}", "signed"))
    lib.attach(cid, write_trace(src / "trace2.json", tr), kind="logistics_trace", caption="轨迹")
    lib.attach(cid, _pdf_with_buyer_data(src / f"{BUYER}_13911119999_面单.pdf"),
               kind="courier_proof", caption=f"面单 {FORMS['dots']}")
    lib.add_worklog(cid, t(16, 9, 10), f"用户 {BUYER} 反馈未收到，电话 13812345678")
    lib.add_worklog(cid, t(16, 9, 15), "联系用户，建议向家人确认")
    lib.update_case(cid, product="马克杯（收件人 李小明 13912345678）")
    source = source_from_library(lib, cid, "arbitration", NOW)
    platform = export_bundle(source, root / "platform.pdf", now=NOW, zone="Asia/Shanghai")
    records = export_bundle(source, root / "records.pdf", now=NOW, zone="Asia/Shanghai",
                            audience="records")
    return source, platform, records


def _digits(text: str) -> str:
    return "".join(ch for ch in text.translate({0xFF10 + i: 48 + i for i in range(10)})
                   if ch.isdigit())


def test_platform_copy_shows_no_buyer_data(case):
    _, platform, _ = case
    text = text_of(platform.files[0])
    flat = _digits(text)
    for name, form in FORMS.items():
        assert form not in text, name
        assert _digits(form) not in flat, name
    for a in ADDRESSES:
        assert "123号" not in text and "１２３号" not in text, a
    assert "13812345678" not in text and "13912345678" not in text
    assert "13911119999" not in text  # in a file name
    assert BUYER not in text and "李**" in text
    assert "330106199001011234" not in text and "文三路１００号" not in text  # the merged PDF
    manifest = json.loads(PdfReader(str(platform.files[0])).attachments["manifest.json"][0])
    dumped = json.dumps(manifest, ensure_ascii=False)
    assert BUYER not in dumped and "13911119999" not in dumped and "139.1111.6666" not in dumped
    assert manifest["audience"] == "platform" and manifest["masked"] is True
    assert platform.audience == "platform"


def test_merged_page_with_buyer_data_is_an_image_and_named(case):
    _, platform, _ = case
    assert any("含买家信息，已转为图片并遮挡" in zh for zh, _ in platform.warnings)
    for i in range(1, platform.pages[0] + 1):
        if "面单" in page_text(platform.files[0], i) and "原第 1 /" in page_text(platform.files[0], i):
            assert "收件人" not in page_text(platform.files[0], i)  # no text layer left
            break
    else:
        pytest.fail("the redacted waybill page is not in the bundle")
    text = text_of(platform.files[0])
    assert "第二页：批次 B20240901" in text  # a page without buyer data stays vector text


def test_platform_copy_has_no_internal_notes(case):
    _, platform, _ = case
    text = text_of(platform.files[0])
    for internal in ("剩余", "超期", "期限", "操作日志", "action log", "客服小王", "生成说明",
                     "必需 Req.", "缺失", "注意", "建议提供", "removed", "已去除"):
        assert internal not in text, internal
    assert "各项要求对应的证据" in text
    assert "售后工单" in text and "联系用户，建议向家人确认" in text
    assert "138****5678" in text


def test_records_copy_keeps_everything(case):
    _, _, records = case
    text = text_of(records.files[0])
    for name in ("+86", "Tel", "landline", "id-15", "id-18"):
        assert FORMS[name] in text, name
    assert BUYER in text and "13911119999" in text
    assert "收件人" in text and "330106199001011234" in text  # the merged page stays vector
    for internal in ("期限", "操作日志", "必需 Req.", "售后工单", "存档版"):
        assert internal in text, internal
    assert records.audience == "records" and not records.masked


def test_records_copy_can_be_masked(case, tmp_path):
    source, _, _ = case
    rep = export_bundle(source, tmp_path / "r.pdf", now=NOW, zone="Asia/Shanghai",
                        audience="records", mask=True)
    text = text_of(rep.files[0])
    assert BUYER not in text and FORMS["Tel"] not in text
    assert "操作日志" in text  # still the records copy


def test_platform_copy_refused_when_not_ready(case, tmp_path):
    source, _, _ = case
    bad = replace(source, case=replace(source.case, statement="买家于【签收时间】签收。"),
                  checklist=source.checklist + (ChecklistItem(
                      "inspection_report", True, "missing", [], "缺少", "missing"),))
    problems = platform_problems(bad, "arbitration")
    assert [en for _, en in problems] == ["required evidence missing: Inspection report",
                                          "unfilled blanks in the statement: 【签收时间】"]
    out = tmp_path / "x.pdf"
    with pytest.raises(PlatformCopyIncomplete) as e:
        export_bundle(bad, out, now=NOW, zone="Asia/Shanghai")
    assert e.value.exit_code == 2 and "【签收时间】" in e.value.message("zh")
    assert not out.exists() and not list(tmp_path.iterdir())
    empty = replace(source, case=replace(source.case, statement="  "))
    assert [en for _, en in platform_problems(empty, "arbitration")] == ["the statement is empty"]
    rep = export_bundle(bad, out, now=NOW, zone="Asia/Shanghai", allow_incomplete=True)
    assert rep.files[0].exists()
    # a records copy is the merchant's own: never refused
    export_bundle(bad, tmp_path / "r.pdf", now=NOW, zone="Asia/Shanghai", audience="records")
