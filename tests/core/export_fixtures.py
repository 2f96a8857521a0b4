"""A realistic Chinese dispute case for export tests, built from files generated on the fly
and attached to a real library, as production does (attach, then export).

Photos are made with Pillow (EXIF capture time, orientation, GPS), reports with
reportlab, a hostile PDF (JavaScript open action + embedded file) with pypdf, the chat
log as a text export and the trace as a courier's JSON. Nothing is downloaded.

``CaseFiles`` builds exhibits by hand, for the few tests about files attach would refuse
(what an older version may have let into a library); it never carries parsed contents.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw

from evidencekit.domain import AppealPoint, Exhibit
from evidencekit.export import BundleSource, source_from_library
from evidencekit.ingest.model import ChatLog, Message, Trace, TraceEvent
from evidencekit.store import Library
from evidencekit.store.blobs import BlobStore

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
             ("merchant", "杯来杯往旗舰店",
              "您好，非常抱歉给您带来不便。麻烦提供一下外包装和杯子的照片，我们核实后马上处理。"),
             ("buyer", "买家小李", "外包装是好的，就是杯子裂了。地址是浙江省杭州市西湖区文三路100号"),
             ("merchant", "杯来杯往旗舰店",
              "收到。我们发货前每只杯子都做了打包视频和称重，详见附件；请问裂痕的位置在哪里？"),
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

    def add(self, path: Path, kind: str, caption: str = "", *, is_new=False,
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
        return ex

    def blob_path(self, sha: str) -> Path:
        own = self.blobs / sha  # else the fixture library's (exhibits mixed with its own)
        return own if own.exists() else BlobStore(self.root / "lib" / "blobs").path(sha)


def write_chat(path: Path, log: ChatLog) -> Path:
    """The chat as a phone's text export (China time, ``time speaker: text`` lines)."""
    path.write_text("".join(f"{m.at.astimezone(CST):%Y-%m-%d %H:%M:%S} {m.speaker}: {m.text}\n"
                            for m in log.messages), encoding="utf-8")
    return path


def write_trace(path: Path, tr: Trace) -> Path:
    """The trace as a courier query's JSON (kuaidi100 shape, newest first)."""
    import json
    data = {"nu": tr.tracking_no, "com": "shunfeng", "data": [
        {"time": f"{e.at.astimezone(CST):%Y-%m-%d %H:%M:%S}", "location": e.location,
         "context": e.text} for e in reversed(tr.events)]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def fixture_library(root: Path, *, mode: str = "arbitration", photos: int = 3,
                    hostile: bool = False, chat_messages: int = 24,
                    report_pages: int = 2) -> tuple[Library, int]:
    """The case in a library at ``root / "lib"`` (clock fixed), its files attached."""
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    originals = root / "originals"
    originals.mkdir(exist_ok=True)
    added = [t(19, 9)]
    lib = Library.open(root / "lib", clock=lambda: added[0])
    lib.set_setting("store_names", ["杯来杯往旗舰店"])
    judged = mode == "appeal"
    case = lib.create_case(
        platform="douyin", dispute_type="signed_not_received", order_no="6921234567890123456",
        after_sale_no="AS20240917001", buyer_name="李小明", buyer_phone="13812345678",
        product="陶瓷马克杯 350ml 白色", amount="89.00", store_name="杯来杯往旗舰店",
        request_at=t(15, 10), shipped_at=t(12, 8),
        statement=("本店于 9 月 12 日发货，顺丰轨迹显示 9 月 18 日由买家本人签收。发货前已对每只杯子"
                   "进行打包拍照和称重，照片见证据 E4 起。\n\n买家称杯子破裂，但外包装完好，"
                   "我们已提出补发或退货检测，买家未回应。请平台核实。"))
    lib.update_case(case.id, stage="intervention", intervention_at=t(19, 8))

    def attach(path: Path, kind: str, caption: str, **kw) -> Exhibit:
        shutil.copyfile(path, originals / path.name)
        added[0] += timedelta(minutes=1)
        return lib.attach(case.id, path, kind=kind, caption=caption, **kw)

    chat = attach(write_chat(src / "chat.txt", chat_log(chat_messages)), "chat_log",
                  "与买家的完整聊天记录")
    trace_ex = attach(write_trace(src / "trace.json", trace()), "logistics_trace",
                      "顺丰物流轨迹（显示本人签收）")
    report = attach(make_report_pdf(src / "inspection.pdf", report_pages), "inspection_report",
                    "第三方质检报告", is_new=judged)
    for i in range(photos):
        attach(make_photo(src / f"IMG_{i:04d}.jpg", f"photo {i}", orientation=6 if i == 0 else 1,
                          seed=i), "photo", f"发货前打包照片 {i + 1}", is_new=False)
    if hostile:
        attach(make_hostile_pdf(src / "courier_proof.pdf"), "courier_proof", "快递公司签收证明",
               is_new=False)
    if judged:
        lib.update_case(
            case.id, stage="appeal", judgment_at=t(21, 15), judgment_ref="PJ-20240921-7788",
            judgment_text="经核实，商家未能提供有效签收证明，支持买家退款。",
            appeal_points=[AppealPoint("判定认为商家未提供签收证明",
                                       "顺丰轨迹显示本人签收，快递公司出具了签收证明", [trace_ex.id]),
                           AppealPoint("判定认为商品存在质量问题", "第三方质检报告结论为合格，批次 B20240901",
                                       [report.id])])
    del chat
    return lib, case.id


def build_case(root: Path, *, mode: str = "arbitration", photos: int = 3, hostile: bool = False,
               chat_messages: int = 24, report_pages: int = 2) -> BundleSource:
    """The fixture case's export source, read from its library as the CLI and app do."""
    lib, case_id = fixture_library(root, mode=mode, photos=photos, hostile=hostile,
                                   chat_messages=chat_messages, report_pages=report_pages)
    return source_from_library(lib, case_id, mode, NOW)


def originals_dir(root: Path) -> Path:
    return root / "originals"


__all__ = ["build_case", "fixture_library", "NOW", "make_photo", "make_report_pdf", "make_hostile_pdf", "io"]
