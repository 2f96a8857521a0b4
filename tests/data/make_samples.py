"""Generate the sample evidence files in tests/data (see README.md there).

Run from the repository root:  python tests/data/make_samples.py
Output is deterministic (fixed seeds, fixed PDF dates) so re-running gives the
same files, except PDFs whose IDs pypdf randomises when encrypting.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FONT = ROOT / "assets" / "fonts" / "wqy-microhei.ttc"
RNG = random.Random(20240917)

CHAT = [  # (time, speaker, text) — a "cup arrived broken" dispute, CST times
    ("2024-09-15 09:58:12", "顾客", "你好，我买的玻璃杯今天发货吗？"),
    ("2024-09-15 10:01:40", "小美家居旗舰店客服", "亲，今天下午就发出哦，顺丰包邮。"),
    ("2024-09-15 10:02:05", "顾客", "好的谢谢"),
    ("2024-09-17 11:45:01", "顾客", "收到的杯子碎了\n外箱也压扁了，我拍了照片"),
    ("2024-09-17 11:47:30", "小美家居旗舰店客服", "非常抱歉！麻烦提供一下外包装和破损处的照片，我们马上处理。"),
    ("2024-09-17 11:52:18", "顾客", "[图片]"),
    ("2024-09-17 11:55:00", "小美家居旗舰店客服", "收到，可以为您补发一个新的，或者退款 89 元，您选哪个？"),
    ("2024-09-17 12:10:43", "顾客", "我要退款，电话 13812345678"),
    ("2024-09-17 12:11:02", "系统消息", "买家已发起售后申请（仅退款）"),
    ("2024-09-18 09:30:15", "小美家居旗舰店客服", "已同意退款，请留意到账。"),
    ("2024-09-19 20:05:09", "顾客", "怎么还没到账？我要找平台介入了"),
]
CHAT_BIG5 = [
    ("2024-09-17 11:45:01", "買家", "收到的杯子碎了"),
    ("2024-09-17 11:47:30", "旗艦店客服", "非常抱歉，請提供照片"),
    ("2024-09-17 11:52:18", "買家", "照片已經傳了，請儘快處理"),
    ("2024-09-17 11:55:00", "旗艦店客服", "好的，馬上為您退款"),
]

TRACE = [  # (time, location, text) — SF parcel, 4-day stall in Wuhan, locker delivery
    ("2024-09-15 16:02:11", "杭州市", "顺丰速运 已收取快件"),
    ("2024-09-15 21:40:05", "杭州市", "快件已发车，发往武汉转运中心"),
    ("2024-09-16 06:12:40", "武汉市", "快件到达【武汉转运中心】"),
    ("2024-09-20 08:30:00", "武汉市", "快件已从武汉转运中心发出，发往长沙"),
    ("2024-09-20 19:25:33", "长沙市", "快件到达【长沙岳麓营业点】"),
    ("2024-09-21 08:05:10", "长沙市", "快件交给李师傅，正在派送途中（联系电话：13987654321）"),
    ("2024-09-21 10:41:52", "长沙市", "快件已被【丰巢快递柜】代收，取件码已发送，如有疑问请联系派件员"),
]


def chat_lines(rows) -> str:
    return "".join(f"{t} {who}: {text}\n" for t, who, text in rows)


def write_chats() -> None:
    (HERE / "chat_gbk.txt").write_bytes(chat_lines(CHAT).encode("gbk"))
    # QQ/PC-client style: "speaker time" header, message on the following lines.
    body = "".join(f"{who} {t.replace('-', '/')[:16]}\n{text}\n\n" for t, who, text in CHAT)
    (HERE / "chat_utf16le.txt").write_bytes(body.encode("utf-16"))  # BOM + LE on x86
    (HERE / "chat_utf16be.txt").write_bytes(b"\xfe\xff" + chat_lines(CHAT[:5]).encode("utf-16-be"))
    (HERE / "chat_big5.txt").write_bytes(chat_lines(CHAT_BIG5).encode("big5"))
    csv_text = "时间,发送人,内容\r\n" + "".join(
        f'{t},{who},"{text.replace(chr(34), chr(34) * 2)}"\r\n' for t, who, text in CHAT)
    (HERE / "chat_utf8bom.csv").write_bytes(b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
    write_chat_xlsx()
    messages = [{"msg_id": i, "send_time": _epoch_ms(t), "sender": {"nickname": who},
                 "content": text} for i, (t, who, text) in enumerate(CHAT)]
    (HERE / "chat.json").write_text(json.dumps({"conversation_id": "7412", "messages": messages},
                                               ensure_ascii=False, indent=1), "utf-8")
    rows = "".join(f'<div class="msg"><span class="t">{t}</span> <b>{who}</b>: '
                   f'<span>{text.replace(chr(10), "<br>")}</span></div>\n' for t, who, text in CHAT)
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>聊天记录导出</title>"
            "<style>.msg{margin:4px}</style></head><body><h1>订单 4921 聊天记录</h1>\n"
            f"{rows}</body></html>\n")
    (HERE / "chat.html").write_text(html, "utf-8")
    one = [r for r in CHAT if r[1] == "顾客"]
    (HERE / "chat_one_party.txt").write_text(chat_lines(one), "utf-8")
    (HERE / "chat_no_times.txt").write_text("".join(f"{who}：{text}\n" for _, who, text in CHAT[:6]),
                                            "utf-8")
    # Byte soup with line breaks: no encoding fits (invalid in UTF-8, GB18030 and Big5).
    soup = bytes(RNG.choice([0x80, 0xFF, 0xC0, 0xC1, 0xF8, 0xFE]) for _ in range(3000))
    (HERE / "chat_undecodable.txt").write_bytes(b"\n".join(soup[i:i + 60]
                                                           for i in range(0, 3000, 60)))


def _epoch_ms(t: str) -> int:
    from datetime import datetime, timedelta, timezone
    dt = datetime.fromisoformat(t).replace(tzinfo=timezone(timedelta(hours=8)))
    return int(dt.timestamp() * 1000)


def write_chat_xlsx() -> None:
    from datetime import datetime

    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "聊天记录"
    ws.append(["Time", "Sender", "Message"])
    for t, who, text in CHAT:
        ws.append([datetime.fromisoformat(t), who, text])
    wb.properties.created = datetime(2024, 9, 20)
    wb.properties.modified = datetime(2024, 9, 20)
    wb.save(HERE / "chat.xlsx")


def write_traces() -> None:
    newest_first = [{"time": t, "ftime": t, "context": text, "location": loc}
                    for t, loc, text in reversed(TRACE)]
    kuaidi100 = {"message": "ok", "nu": "SF1234567890123", "ischeck": "1", "com": "shunfeng",
                 "status": "200", "state": "3", "data": newest_first}
    (HERE / "trace_kuaidi100.json").write_text(json.dumps(kuaidi100, ensure_ascii=False,
                                                          indent=1), "utf-8")
    csv_text = "时间,地点,物流信息\r\n" + "".join(f"{t},{loc},{text}\r\n" for t, loc, text in TRACE)
    (HERE / "trace_gbk.csv").write_bytes(csv_text.encode("gbk"))
    lines = [f"{t} 【{loc}】{text}" for t, loc, text in TRACE]
    lines[2], lines[3] = lines[3], lines[2]  # pasted out of order
    pasted = "运单号：YT7300012345678\n" + "\n".join(lines) + "\n"
    (HERE / "trace_pasted.txt").write_text(pasted, "utf-8")
    # A parcel that never got signed (for trace_not_signed), another JSON shape.
    unsigned = {"code": 0, "result": {"mailNo": "JT0001234567890", "expName": "极兔速递",
                                      "list": [{"acceptTime": t, "remark": text,
                                                "areaName": loc} for t, loc, text in TRACE[:4]]}}
    (HERE / "trace_unsigned.json").write_text(json.dumps(unsigned, ensure_ascii=False), "utf-8")


def _font(size: int):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    return "WQY"


def pdf_bytes(pages: list[list[str]], title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    name = _font(12)
    # initialFontName: otherwise reportlab adds an unused, unembedded Helvetica resource
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, initialFontName=name)
    c.setTitle(title)
    for lines in pages:
        y = 780
        for i, line in enumerate(lines):
            c.setFont(name, 18 if i == 0 else 12)
            c.drawString(60, y, line)
            y -= 28 if i == 0 else 20
        c.showPage()
    c.save()
    return buf.getvalue()


def write_pdfs() -> None:
    report = pdf_bytes([
        ["产品质量检验报告", "报告编号：ZJ-2024-09-0315", "委托单位：小美家居旗舰店",
         "样品名称：高硼硅玻璃杯 350ml", "生产批号：LOT20240901-A3", "检验日期：2024年9月5日",
         "签发日期：2024-09-06"],
        ["检验结果", "耐热冲击（120℃温差）：合格", "铅、镉溶出量：未检出", "结论：所检项目符合 GB 4806.5-2016 要求",
         "检验机构：浙江某检测技术有限公司（盖章）"],
    ], "检验报告")
    (HERE / "inspection_report.pdf").write_bytes(report)
    cert = pdf_bytes([["产品合格证", "品名：高硼硅玻璃杯", "批次：B2024-0901", "生产日期：2024-09-01",
                       "检验员：03"]], "合格证")
    (HERE / "batch_certificate.pdf").write_bytes(cert)
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    w.encrypt(user_password="8888", owner_password="owner-8888", algorithm="AES-128")
    buf = io.BytesIO()
    w.write(buf)
    (HERE / "encrypted_8888.pdf").write_bytes(buf.getvalue())
    (HERE / "truncated.pdf").write_bytes(report[: len(report) * 2 // 3])
    (HERE / "random_bytes.pdf").write_bytes(RNG.randbytes(4096))


def scene(w: int, h: int, label: str) -> Image.Image:
    """A photo-like picture: a parcel on a table, with text, edges and sensor noise."""
    im = Image.new("RGB", (w, h), (186, 160, 126))
    d = ImageDraw.Draw(im)
    for i in range(0, h, 7):  # wood grain
        d.line([(0, i), (w, i + RNG.randint(-4, 4))], fill=(170 + RNG.randint(-12, 12), 140, 105))
    d.rectangle([w * 0.2, h * 0.2, w * 0.8, h * 0.8], fill=(205, 170, 120), outline=(90, 70, 40),
                width=4)
    d.rectangle([w * 0.45, h * 0.2, w * 0.55, h * 0.8], fill=(225, 215, 190))  # tape
    font = ImageFont.truetype(str(FONT), max(16, h // 18))
    d.text((w * 0.25, h * 0.3), label, fill=(20, 20, 20), font=font)
    d.text((w * 0.25, h * 0.45), "SF1234567890123", fill=(20, 20, 20), font=font)
    noise = Image.effect_noise((w, h), 12).convert("RGB")
    return Image.blend(im, noise, 0.08)


def exif_for(when: str | None, offset: str | None = None, orientation: int | None = None,
             gps: bool = False) -> Image.Exif:
    ex = Image.Exif()
    ex[271] = "Xiaomi"
    ex[272] = "Xiaomi 14"
    if orientation:
        ex[274] = orientation
    sub = ex.get_ifd(0x8769)
    if when:
        sub[36867] = when
        sub[36868] = when
        if offset:
            sub[36881] = offset
    if gps:
        g = ex.get_ifd(0x8825)
        g[1] = "N"
        g[2] = (30.0, 16.0, 30.5)
        g[3] = "E"
        g[4] = (120.0, 7.0, 12.25)
    return ex


def write_photos() -> None:
    scene(800, 600, "打包 2024-09-14").save(
        HERE / "photo_exif.jpg", quality=70,
        exif=exif_for("2024:09:14 16:20:05", "+08:00").tobytes())
    # Stored landscape 800x600, shown portrait 600x800 (phone held upright).
    scene(800, 600, "旋转 90°").save(HERE / "photo_rotated.jpg", quality=70,
                                    exif=exif_for("2024:09:14 16:21:40", None, 6).tobytes())
    scene(800, 600, "GPS").save(HERE / "photo_gps.jpg", quality=70,
                                exif=exif_for("2024:09:14 16:22:00", "+08:00", gps=True).tobytes())
    scene(800, 600, "模糊").filter(ImageFilter.GaussianBlur(6)).save(
        HERE / "photo_blurred.jpg", quality=70, exif=exif_for("2024:09:14 16:23:00").tobytes())
    scene(400, 300, "截图").quantize(64).save(HERE / "screenshot_small.png")
    full = (HERE / "photo_exif.jpg").read_bytes()
    (HERE / "truncated.jpg").write_bytes(full[: len(full) // 2])
    png = (HERE / "screenshot_small.png").read_bytes()
    (HERE / "truncated.png").write_bytes(png[: len(png) // 2])
    (HERE / "random_bytes.jpg").write_bytes(RNG.randbytes(4096))
    (HERE / "bomb.png").write_bytes(png_header_only(40000, 40000))


def png_header_only(w: int, h: int) -> bytes:
    """A tiny PNG claiming w×h pixels (a decompression bomb as Pillow sees it)."""
    def chunk(typ: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + typ + data
                + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def mp4_bytes(duration: float, timescale: int = 1000, version: int = 0,
              brand: bytes = b"isom") -> bytes:
    """A minimal MP4/MOV: ftyp, moov with an mvhd, and a small mdat."""
    def box(typ: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", 8 + len(payload)) + typ + payload
    created = 3809146800  # 2024-09-14 08:20:00 UTC in seconds since 1904
    if version == 1:
        head = struct.pack(">B3xQQIQ", 1, created, created, timescale, int(duration * timescale))
    else:
        head = struct.pack(">B3xIIII", 0, created, created, timescale, int(duration * timescale))
    mvhd = box(b"mvhd", head + b"\x00\x01\x00\x00" + b"\x01\x00" + b"\x00" * 70 + b"\x00\x00\x00\x02")
    ftyp = box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
    return ftyp + box(b"moov", mvhd) + box(b"mdat", RNG.randbytes(256))


def write_misc() -> None:
    (HERE / "packing_video.mp4").write_bytes(mp4_bytes(12.5))
    (HERE / "packing_video.mov").write_bytes(mp4_bytes(7.25, 600, 1, b"qt  "))
    (HERE / "empty.txt").write_bytes(b"")
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("readme.txt", (2024, 9, 20, 0, 0, 0)), "售后说明")
    (HERE / "archive.zip").write_bytes(buf.getvalue())


def main() -> None:
    write_chats()
    write_traces()
    write_pdfs()
    write_photos()
    write_misc()
    total = sum(p.stat().st_size for p in HERE.iterdir() if p.is_file())
    print(f"wrote samples to {HERE} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
