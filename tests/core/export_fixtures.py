"""A realistic Chinese dispute case for export tests, built from files generated on the fly.

Photos are made with Pillow (EXIF capture time, orientation, GPS), reports with
reportlab, a hostile PDF (JavaScript open action + embedded file) with pypdf,
chat logs and traces as ingestion's typed objects. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw

from evidencekit.domain import AppealPoint, Case, ChecklistItem, Deadline, Exhibit, LogEntry
from evidencekit.export import BundleSource
from evidencekit.ingest.model import ChatLog, Message, Trace, TraceEvent

UTC = timezone.utc
CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def t(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2024, 9, day, hh, mm, tzinfo=CST).astimezone(UTC)


def make_photo(path: Path, text: str, *, size=(1600, 1200), orientation: int = 1,
               taken: str = "2024:09:16 09:12:00", gps: bool = True, seed: int = 0) -> Path:
    im = Image.new("RGB", size, (200 - seed * 13 % 80, 180, 150 + seed * 7 % 90))
    d = ImageDraw.Draw(im)
    for i in range(0, size[0], 80):
        d.line([(i, 0), (i + size[1] // 2, size[1])], fill=(120, 110 + i % 90, 100), width=6)
    d.rectangle([40, 40, 520, 140], fill=(255, 255, 255))
    d.text((60, 70), f"{text} TOP", fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    ifd = exif.get_ifd(0x8769)
    ifd[36867] = taken
    ifd[36881] = "+08:00"
    if gps:
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "N", (31.0, 14.0, 5.0), "E", (121.0, 28.0, 10.0)
    im.save(path, "JPEG", quality=88, exif=exif)
    return path


def make_report_pdf(path: Path, pages: int = 2, title: str = "质检报告 Inspection report") -> Path:
    from reportlab.pdfgen.canvas import Canvas
    from evidencekit.export import fonts
    font = fonts.register()
    c = Canvas(str(path), invariant=1, initialFontName=font)
    for i in range(pages):
        c.setFont(font, 18)
        c.drawString(72, 760, f"{title}（第 {i + 1} 页）")
        c.setFont(font, 11)
        c.drawString(72, 730, "产品：陶瓷马克杯 批次 B20240901  结论：合格")
        c.rect(72, 400, 300, 200)
        c.drawString(80, 580, f"检测项目 {i + 1}：外观、尺寸、耐温差")
        c.showPage()
    c.save()
    return path


def make_hostile_pdf(path: Path) -> Path:
    """A PDF with an /OpenAction JavaScript and an embedded file."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject
    tmp = path.with_suffix(".tmp.pdf")
    make_report_pdf(tmp, 1, "快递公司证明 Courier proof")
    w = PdfWriter(clone_from=PdfReader(str(tmp)))
    tmp.unlink()
    js = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                           NameObject("/JS"): TextStringObject("app.alert('pwned');")})
    w._root_object[NameObject("/OpenAction")] = w._add_object(js)
    w.add_attachment("payload.exe", b"MZ-not-really-an-exe")
    with open(path, "wb") as f:
        w.write(f)
    return path


def chat_log(n: int = 24) -> ChatLog:
    base = t(15, 10)
    lines = [("buyer", "买家小李", "你好，收到的杯子碎了，能退款吗？我的电话 13812345678"),
             ("merchant", "杯来杯往旗舰店", "您好，非常抱歉给您带来不便。麻烦提供一下外包装和杯子的照片，我们核实后马上处理。"),
             ("buyer", "买家小李", "外包装是好的，就是杯子裂了。地址是浙江省杭州市西湖区文三路100号"),
             ("merchant", "杯来杯往旗舰店", "收到。我们发货前每只杯子都做了打包视频和称重，详见附件；请问裂痕的位置在哪里？"),
             ("system", "系统", "买家申请平台介入")]
    msgs = []
    for i in range(n):
        role, who, text = lines[i % len(lines)]
        msgs.append(Message(base + timedelta(hours=7 * i, minutes=3 * i), who, role,
                            text + ("" if i < 5 else f"（第 {i} 条）")))
    return ChatLog(msgs)


def trace() -> Trace:
    ev = [(12, 9, "杭州市", "【杭州市】快件已被揽收", "collected"),
          (12, 21, "杭州市", "快件已发往 上海转运中心", "in_transit"),
          (13, 6, "上海市", "快件到达 上海转运中心", "in_transit"),
          (17, 8, "上海市", "快件离开 上海转运中心，发往 苏州", "in_transit"),
          (17, 19, "苏州市", "快件正在派送中，派送员 王师傅 13900001111", "out_for_delivery"),
          (18, 10, "苏州市", "已签收，签收人：本人。感谢使用", "signed")]
    events = [TraceEvent(t(d, h), loc, text, st) for d, h, loc, text, st in ev]
    return Trace(events, tracking_no="SF1234567890", carrier="顺丰速运",
                 stalls=[{"from": t(13, 6).isoformat(), "to": t(17, 8).isoformat(),
                          "hours": 98.0}])


class CaseFiles:
    """Writes originals into a blob folder keyed by sha256, as the library does."""

    def __init__(self, root: Path):
        self.root = root
        self.blobs = root / "blobs"
        self.blobs.mkdir(parents=True, exist_ok=True)
        self.originals = root / "originals"
        self.originals.mkdir(exist_ok=True)
        self.exhibits: list[Exhibit] = []
        self.contents: dict = {}

    def add(self, path: Path, kind: str, caption: str = "", *, is_new=False, content=None,
            facts=None) -> Exhibit:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        (self.blobs / sha).write_bytes(data)
        shutil.copyfile(path, self.originals / path.name)
        n = len(self.exhibits) + 1
        ex = Exhibit(id=100 + n, case_id=1, position=n, kind=kind, sha256=sha, size=len(data),
                     source_name=path.name, added_at=t(19, 9) + timedelta(minutes=n), caption=caption,
                     is_new=is_new, facts=facts or {})
        self.exhibits.append(ex)
        if content is not None:
            self.contents[ex.id] = content
        return ex

    def blob_path(self, sha: str) -> Path:
        return self.blobs / sha


def build_case(root: Path, *, mode: str = "arbitration", photos: int = 3, hostile: bool = False,
               chat_messages: int = 24, report_pages: int = 2) -> BundleSource:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    cf = CaseFiles(root)
    (src / "chat.txt").write_text("2024-09-15 10:00:00 买家小李: 收到的杯子碎了\n", encoding="utf-8")
    cf.add(src / "chat.txt", "chat_log", "与买家的完整聊天记录", content=chat_log(chat_messages))
    (src / "trace.json").write_text('{"data": []}', encoding="utf-8")
    cf.add(src / "trace.json", "logistics_trace", "顺丰物流轨迹（显示本人签收）", content=trace())
    cf.add(make_report_pdf(src / "inspection.pdf", report_pages), "inspection_report",
           "第三方质检报告", is_new=(mode == "appeal"))
    for i in range(photos):
        cf.add(make_photo(src / f"IMG_{i:04d}.jpg", f"photo {i}", orientation=6 if i == 0 else 1,
                          seed=i), "photo", f"发货前打包照片 {i + 1}")
    if hostile:
        cf.add(make_hostile_pdf(src / "courier_proof.pdf"), "courier_proof", "快递公司签收证明")
    judged = mode == "appeal"
    case = Case(
        id=1, case_no="DY-2024-0917-001", platform="douyin", dispute_type="signed_not_received",
        order_no="6921234567890123456", after_sale_no="AS20240917001",
        buyer_name="李小明", buyer_phone="13812345678", product="陶瓷马克杯 350ml 白色",
        amount="89.00", store_name="杯来杯往旗舰店", stage="appeal" if judged else "intervention",
        request_at=t(15, 10), intervention_at=t(19, 8), shipped_at=t(12, 8),
        judgment_at=t(21, 15) if judged else None,
        judgment_ref="PJ-20240921-7788" if judged else "",
        judgment_text="经核实，商家未能提供有效签收证明，支持买家退款。" if judged else "",
        statement=("本店于 9 月 12 日发货，顺丰轨迹显示 9 月 18 日由买家本人签收。发货前已对每只杯子"
                   "进行打包拍照和称重，照片见证据 E4 起。\n\n买家称杯子破裂，但外包装完好，"
                   "我们已提出补发或退货检测，买家未回应。请平台核实。"),
        appeal_points=[AppealPoint("判定认为商家未提供签收证明", "顺丰轨迹显示本人签收，快递公司出具了签收证明",
                                   [102]),
                       AppealPoint("判定认为商品存在质量问题", "第三方质检报告结论为合格，批次 B20240901",
                                   [103])] if judged else [])
    checklist = (ChecklistItem("logistics_trace", True, "ok", [102], "轨迹显示签收", "signed"),
                 ChecklistItem("chat_log", True, "ok", [101], "双方消息齐全", "both parties"),
                 ChecklistItem("courier_proof", False, "ok" if hostile else "missing",
                               [cf.exhibits[-1].id] if hostile else [],
                               "建议提供快递公司签收证明", "courier proof recommended"))
    deadline = Deadline("appeal" if judged else "evidence", "申诉期限" if judged else "举证期限",
                        "Appeal window" if judged else "Evidence due",
                        t(28, 15) if judged else t(21, 8), 0, "ok")
    log = tuple(LogEntry(i, 1, t(19, 9, i), "客服小王", a, d) for i, (a, d) in enumerate([
        ("创建案件", "买家申请平台介入"), ("添加证据", "聊天记录、物流轨迹"),
        ("添加证据", "质检报告、打包照片"), ("生成材料", "举证材料草稿")], start=1))
    return BundleSource(
        case=case, exhibits=tuple(cf.exhibits), blob_path=cf.blob_path, log=log,
        checklist=checklist, deadlines=(deadline,), dispute_type_name_zh="签收未收到",
        dispute_type_name_en="Signed, not received", platform_name_zh="抖店",
        platform_name_en="Douyin", store_name="杯来杯往旗舰店", store_names=("杯来杯往旗舰店",),
        contents=dict(cf.contents), generator="EvidenceKit test", zone="Asia/Shanghai")


def originals_dir(root: Path) -> Path:
    return root / "originals"


__all__ = ["build_case", "NOW", "make_photo", "make_report_pdf", "make_hostile_pdf", "io"]
