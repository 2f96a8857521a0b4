"""Exhibit kind vs file format: each exhibit is rendered by what the file is, never dropped.

A clerk may file a chat screenshot as ``chat_log``, a courier's PDF as
``logistics_trace`` or a scanned report as a JPEG ``inspection_report``; the
bundle shows each by its content, under the header of the kind the user chose.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from evidencekit.export import export_bundle

from .export_fixtures import NOW, CaseFiles, build_case, make_photo, make_report_pdf
from .pdf_tools import page_text, qpdf_ok

KIND_ZH = {"chat_log": "聊天记录", "logistics_trace": "物流轨迹", "photo": "照片",
           "inspection_report": "质检报告", "packing_record": "打包记录", "other": "其他"}


# What ingestion recorded, where the exporter needs it (bytes alone look binary).
FACTS = {"chat16.txt": {"format": "text", "encoding": "utf-16-le"}}


def screenshot(path: Path, fmt: str, text: str) -> Path:
    im = Image.new("RGB", (540, 960), (245, 245, 245))
    d = ImageDraw.Draw(im)
    for i in range(6):
        y = 80 + i * 140
        x = 20 if i % 2 else 200
        d.rounded_rectangle([x, y, x + 320, y + 90], 12, fill=(149, 236, 105) if i % 2 == 0
                            else (255, 255, 255))
        d.text((x + 12, y + 30), f"{text} {i}", fill=(0, 0, 0))
    im.save(path, fmt)
    return path


def chat_xlsx(path: Path) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["时间", "发送人", "内容"])
    ws.append(["2024-09-15 10:00:00", "买家小李", "表格里的聊天：杯子碎了"])
    ws.append(["2024-09-15 10:05:00", "杯来杯往旗舰店", "表格里的回复：请发照片"])
    wb.save(path)
    return path


# (kind, file maker, what its pages must contain besides the header)
def _cases(src: Path) -> list[tuple[str, Path, str]]:
    (src / "chat.txt").write_text(
        "2024-09-15 10:00:00 买家小李: 文本聊天第一句\n"
        "2024-09-15 10:02:00 杯来杯往旗舰店: 文本聊天的回复\n", encoding="utf-8")
    (src / "trace.txt").write_text(
        "2024-09-12 09:00:00 【杭州市】快件已揽收\n2024-09-18 10:00:00 【苏州市】已签收，本人签收\n",
        encoding="utf-8")
    (src / "notes.txt").write_text("仓库备注：这是一段文字，不是照片\n", encoding="utf-8")
    (src / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (src / "chat16.txt").write_bytes(  # UTF-16 without a BOM: only ingestion knows it is text
        "2024-09-15 10:00:00 买家小李: 十六位编码的聊天\n2024-09-15 10:05:00 杯来杯往旗舰店: 收到\n"
        .encode("utf-16-le"))
    (src / "broken.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    whole = make_photo(src / "whole.jpg", "cut", gps=False).read_bytes()
    (src / "cut.jpg").write_bytes(whole[:len(whole) // 2])
    return [
        ("chat_log", screenshot(src / "chat_shot.png", "PNG", "png chat"), ""),
        ("chat_log", screenshot(src / "chat_shot.jpg", "JPEG", "jpeg chat"), ""),
        ("logistics_trace", screenshot(src / "trace_shot.png", "PNG", "trace"), ""),
        ("logistics_trace", make_report_pdf(src / "trace.pdf", 2, "物流签收单 Courier sheet"),
         "物流签收单 Courier sheet"),
        ("chat_log", make_report_pdf(src / "chat.pdf", 1, "聊天导出 Chat export"),
         "聊天导出 Chat export"),
        ("photo", make_report_pdf(src / "photo.pdf", 1, "照片合集 Photo sheet"),
         "照片合集 Photo sheet"),
        ("inspection_report", make_photo(src / "scan.jpg", "scan", size=(1240, 1754), gps=False),
         ""),
        ("chat_log", src / "chat.txt", "文本聊天的回复"),
        ("logistics_trace", src / "trace.txt", "已签收"),
        ("chat_log", chat_xlsx(src / "chat.xlsx"), "表格里的回复"),
        ("packing_record", make_report_pdf(src / "packing.pdf", 1, "打包单 Packing list"),
         "打包单 Packing list"),
        ("photo", src / "notes.txt", "仓库备注"),
        ("photo", src / "blob.bin", "cannot be shown"),
        ("chat_log", src / "broken.xlsx", "cannot be shown"),
        ("photo", src / "cut.jpg", "could not be decoded"),
        ("chat_log", src / "chat16.txt", "十六位编码的聊天"),
        ("inspection_report", src / "cut.jpg", "could not be decoded"),
    ]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("kinds")
    base = build_case(root, photos=0)
    src = root / "mixed"
    src.mkdir()
    cf = CaseFiles(root)
    cases = _cases(src)
    for kind, path, _ in cases:
        cf.add(path, kind, f"{KIND_ZH[kind]}（{path.name}）", facts=FACTS.get(path.name))
    # A stale parsed chat for a screenshot must not turn the picture into a transcript.
    source = replace(base, exhibits=tuple(cf.exhibits), blob_path=cf.blob_path,
                     contents={cf.exhibits[0].id: base.contents[next(iter(base.contents))]},
                     checklist=())
    rep = export_bundle(source, root / "mixed.pdf", now=NOW, zone="Asia/Shanghai")
    rep.source = source  # for the determinism check
    return rep, cases


def _exhibit_pages(path: Path) -> dict[str, int]:
    reader = PdfReader(str(path))
    out: dict[str, int] = {}

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            elif it.title.split(" ")[0][:1] == "E":
                out[it.title.split(" ")[0]] = reader.get_destination_page_number(it) + 1
    walk(reader.outline)
    return out


def test_every_combination_rendered_by_format(mixed):
    rep, cases = mixed
    path = rep.files[0]
    qpdf_ok(path)
    n = len(PdfReader(str(path)).pages)
    assert rep.pages == [n]
    # cover, index, statement, appendix + one page each, the 2-page trace PDF one more
    assert len(cases) + 4 <= n <= len(cases) + 10
    starts = _exhibit_pages(path)
    assert set(starts) == {f"E{i}" for i in range(1, len(cases) + 1)}
    for i, (kind, file, want) in enumerate(cases, start=1):
        text = page_text(path, starts[f"E{i}"])
        assert f"E{i}" in text and KIND_ZH[kind] in text and file.name in text, (i, text)
        if want:
            assert want in text, (i, kind, file.name, text)


def test_images_shown_as_images_pdfs_merged_as_pages(mixed):
    rep, cases = mixed
    path = rep.files[0]
    reader = PdfReader(str(path))
    starts = _exhibit_pages(path)

    def xobjects(page_no: int) -> dict:
        res = reader.pages[page_no - 1].get("/Resources") or {}
        xo = res.get("/XObject") or {}
        return {k: v.get_object().get("/Subtype") for k, v in xo.items()}
    for i, (kind, file, _) in enumerate(cases, start=1):
        subtypes = set(xobjects(starts[f"E{i}"]).values())
        if file.suffix in (".png", ".jpg"):
            assert "/Image" in subtypes, (i, kind, file.name)
        elif file.suffix == ".pdf":
            assert "/Form" in subtypes, (i, kind, file.name)  # vector, not rasterised
    # the 2-page courier PDF filed as a trace keeps both pages
    trace_pdf = next(i for i, c in enumerate(cases, 1) if c[1].name == "trace.pdf")
    assert "第 2 页" in page_text(path, starts[f"E{trace_pdf}"] + 1)


def test_text_chat_still_a_transcript(mixed):
    rep, cases = mixed
    path = rep.files[0]
    starts = _exhibit_pages(path)
    i = next(i for i, c in enumerate(cases, 1) if c[1].name == "chat.txt")
    text = page_text(path, starts[f"E{i}"])
    assert "买家 Buyer" in text and "共 2 条消息" in text
    k = next(i for i, c in enumerate(cases, 1) if c[1].name == "chat16.txt")
    assert "共 2 条消息" in page_text(path, starts[f"E{k}"])
    j = next(i for i, c in enumerate(cases, 1) if c[1].name == "trace.txt")
    assert "状态 Status" in page_text(path, starts[f"E{j}"])


def test_unshowable_files_warned_not_dropped(mixed):
    rep, cases = mixed
    for i, (_, _file, want) in enumerate(cases, start=1):
        if want in ("cannot be shown", "could not be decoded"):
            assert any(en.startswith(f"E{i}:") and want in en for _, en in rep.warnings), i


def test_mixed_kinds_deterministic(mixed, tmp_path):
    rep, _ = mixed
    again = export_bundle(rep.source, tmp_path / "mixed.pdf", now=NOW, zone="Asia/Shanghai")
    assert again.files[0].read_bytes() == rep.files[0].read_bytes()
