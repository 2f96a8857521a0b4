"""Readable at 1:1 (issue 10 item 4): a tall phone screenshot (1080×4800) is cut into
page-height slices shown at the page's full width, each captioned "E9 (2/4)", instead of being
squeezed onto one page (156×693 px before)."""

from __future__ import annotations

from PIL import Image, ImageDraw
from pypdf import PdfReader

from evidencekit.export import export_bundle, source_from_library

from .export_fixtures import NOW, fixture_library
from .pdf_tools import page_text


def test_tall_screenshot_is_sliced_at_full_width(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=1, chat_messages=4)
    shot = Image.new("RGB", (1080, 4800), "white")
    d = ImageDraw.Draw(shot)
    for y in range(0, 4800, 120):  # rows of "text" so every slice has content
        d.rectangle((40, y + 20, 1040, y + 70), fill=(30, 30, 30) if (y // 120) % 2 else (90, 90, 200))
    shot.save(tmp_path / "long.png")
    ex = lib.attach(cid, tmp_path / "long.png", kind="listing_snapshot", caption="商品详情长截图")
    label = f"E{ex.position}"
    source = source_from_library(lib, cid, "arbitration", NOW)
    rep = export_bundle(source, tmp_path / "b.pdf", now=NOW, allow_incomplete=True)
    reader = PdfReader(rep.files[0])
    pages = [i for i in range(len(reader.pages))
             if f"{label} (1/" in page_text(rep.files[0], i + 1)
             or f"{label} (" in page_text(rep.files[0], i + 1)]
    n = len(pages)
    assert n >= 3  # 4800 px tall at full width does not fit one page
    for k, i in enumerate(pages, start=1):
        assert f"{label} ({k}/{n})" in page_text(rep.files[0], i + 1)
        widths = [im.image.width for im in reader.pages[i].images]
        assert widths and max(widths) >= 1000, (k, widths)  # readable: ≥ 1,000 px of 1,080
    heights = sum(max(im.image.height for im in reader.pages[i].images) for i in pages)
    assert heights >= 0.9 * 4800 * (max(widths) / 1080)  # nothing of the screenshot dropped
