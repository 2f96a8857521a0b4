"""Redacting buyer data in merged PDF pages, for real.

A merged page is vector content: masking what is drawn over it would leave the text
layer (and a copy-paste) intact. So every page of a PDF exhibit is read with pdfium:

* its text layer holds buyer data (the :class:`~evidencekit.masking.Masker` finds some)
  → the page is rendered to an image, the matched glyphs' boxes are painted black, and
  the image stands in for the page (no text layer left);
* it has no text layer but draws images → a scan: it cannot be checked, so it is named
  (``E8 第2页是扫描件，无法自动遮挡，请人工检查``);
* it draws Chinese text in a font the file does not embed → named too, because readers
  without that font show boxes; the page is rendered without those glyphs and they are
  drawn again over it as text in the bundled font, the rest of its text as an invisible
  layer, so it looks right everywhere and stays searchable (:func:`refont_page`).

pypdfium2 (PDFium, the renderer of Chrome) is used because it both renders pages and
gives each character's box; pypdf gives neither.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw

from ..masking import Masker

_PAD = 1.5  # points added around each glyph box, so anti-aliased edges are covered too


@dataclass
class Glyph:
    """One character of a page's text layer, in PDF user space (points, origin bottom left)."""
    char: str
    box: tuple[float, float, float, float]  # left, bottom, right, top
    origin: tuple[float, float] = (0.0, 0.0)  # where the glyph sits on its baseline
    size: float = 0.0  # font size in points, as drawn
    missing_font: bool = False  # Chinese, in a font the file does not embed


@dataclass
class PageFacts:
    index: int  # 0-based
    text: str = ""
    glyphs: list[Glyph] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)  # spans of text to black out
    scanned: bool = False  # images, no text layer
    unembedded_cjk: bool = False  # Chinese text in a font the file does not carry


@dataclass
class DocumentRedaction:
    """What pdfium found in one PDF exhibit, and the images made for redacted pages."""
    pages: list[PageFacts]
    images: dict[int, Path] = field(default_factory=dict)  # page index -> rendered image
    masked: bool = True  # was masking asked for (scans matter only then)
    # Pages drawn again with the bundled font: page index -> (image without the Chinese
    # glyphs, the page's glyphs to draw over it as text)
    refonted: dict[int, tuple[Path, list[Glyph]]] = field(default_factory=dict)

    @property
    def redacted(self) -> list[int]:
        return sorted(self.images)

    @property
    def scanned(self) -> list[int]:
        return [p.index for p in self.pages if p.scanned]

    @property
    def unembedded(self) -> list[int]:
        return [p.index for p in self.pages if p.unembedded_cjk]

    def warnings(self, label: str) -> list[tuple[str, str]]:
        """The export report's lines for this exhibit (pages counted from 1)."""
        out = []
        if self.images:
            n = _pages(self.redacted)
            out.append((f"{label} 第{n[0]}页含买家信息，已转为图片并遮挡（该页文字不可复制）",
                        f"{label} page(s) {n[1]} held buyer data: rendered as an image with it "
                        "blacked out (no selectable text on that page)"))
        for i in (self.scanned if self.masked else []):
            out.append((f"{label} 第{i + 1}页是扫描件，无法自动遮挡，请人工检查",
                        f"{label} page {i + 1} is a scan: it cannot be masked automatically, "
                        "check it by eye"))
        if self.refonted:
            n = _pages(sorted(self.refonted))
            out.append((f"{label} 第{n[0]}页使用未嵌入的中文字体，已用内置字体重绘（文字仍可搜索）",
                        f"{label} page(s) {n[1]} use Chinese fonts that are not embedded: "
                        "drawn again with the bundled font (text still searchable)"))
        left = [i for i in self.unembedded if i not in self.refonted and i not in self.images]
        if left:
            n = _pages(left)
            out.append((f"{label} 第{n[0]}页使用未嵌入的中文字体，阅读器可能显示为方框",
                        f"{label} page(s) {n[1]} use Chinese fonts that are not embedded; "
                        "readers without them show boxes"))
        return out


def _pages(indexes: list[int]) -> tuple[str, str]:
    nums = [str(i + 1) for i in indexes]
    return "、".join(nums), ", ".join(nums)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def _page_facts(page, index: int, mask: Masker) -> PageFacts:
    import pypdfium2.raw as raw
    facts = PageFacts(index)
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        chars, glyphs = [], []
        fonts_checked: dict[int, bool] = {}
        ox, oy = ctypes.c_double(), ctypes.c_double()
        for i in range(n):
            ch = chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD)
            chars.append(ch)
            if ch.isspace():
                glyphs.append(Glyph(ch, (0, 0, 0, 0)))
                continue
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            g = Glyph(ch, tp.get_charbox(i), (ox.value, oy.value), raw.FPDFText_GetFontSize(tp, i))
            if _is_cjk(ch):
                obj = raw.FPDFText_GetTextObject(tp, i)
                font = raw.FPDFTextObj_GetFont(obj) if obj else None
                if font:
                    key = ctypes.cast(font, ctypes.c_void_p).value or 0
                    if key not in fonts_checked:
                        fonts_checked[key] = bool(raw.FPDFFont_GetIsEmbedded(font))
                    g.missing_font = not fonts_checked[key]
                    facts.unembedded_cjk = facts.unembedded_cjk or g.missing_font
            glyphs.append(g)
        facts.text = "".join(chars)
        facts.glyphs = glyphs
        facts.hidden = [(s, e) for s, e in mask.spans(facts.text)
                        if any(not glyphs[k].char.isspace() for k in range(s, e))]
        if not facts.text.strip():
            facts.scanned = any(obj.type == raw.FPDF_PAGEOBJ_IMAGE
                                for obj in page.get_objects(max_depth=4))
    finally:
        tp.close()
    return facts


def _render(page, dpi: int) -> tuple[Image.Image, Callable[[float, float], tuple[float, float]]]:
    """The page as an RGB image, and a function mapping page points to its pixels."""
    import pypdfium2.raw as raw
    bitmap = page.render(scale=dpi / 72, may_draw_forms=False)
    im = bitmap.to_pil().convert("RGB")
    w, h = im.size

    def to_px(x: float, y: float) -> tuple[float, float]:
        dx, dy = ctypes.c_int(), ctypes.c_int()
        raw.FPDF_PageToDevice(page.raw, 0, 0, w, h, 0, x, y, dx, dy)
        return dx.value, dy.value
    return im, to_px


def redact_page(page, facts: PageFacts, dpi: int, out: Path) -> Path:
    """Render ``page`` with every hidden glyph painted black; write a JPEG at ``out``."""
    im, to_px = _render(page, dpi)
    draw = ImageDraw.Draw(im)
    for start, end in facts.hidden:
        for g in facts.glyphs[start:end]:
            if g.char.isspace():
                continue
            left, bottom, right, top = g.box
            (x0, y0), (x1, y1) = to_px(left - _PAD, bottom - _PAD), to_px(right + _PAD, top + _PAD)
            draw.rectangle([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)], fill=(0, 0, 0))
    hidden = {k for start, end in facts.hidden for k in range(start, end)}
    missing = [g for k, g in enumerate(facts.glyphs) if g.missing_font and k not in hidden]
    if missing:  # pdfium had no font for them: draw them with the bundled one
        from PIL import ImageFont

        from ..assets import font_path
        for g in missing:
            size = max(4, round(g.size * dpi / 72))
            x, y = to_px(*g.origin)
            draw.text((x, y), g.char, fill=(0, 0, 0), anchor="ls",
                      font=ImageFont.truetype(str(font_path()), size))
    im.save(out, "JPEG", quality=85, optimize=True)
    return out


def refont_page(page, facts: PageFacts, dpi: int, out: Path) -> Path:
    """Render ``page`` with the boxes of its unembedded Chinese glyphs painted white (a
    reader may show tofu there, or nothing); the caller draws those glyphs again as text in
    the bundled font, so the page looks right everywhere and stays searchable."""
    im, to_px = _render(page, dpi)
    draw = ImageDraw.Draw(im)
    for g in facts.glyphs:
        if g.missing_font:
            left, bottom, right, top = g.box
            (x0, y0), (x1, y1) = to_px(left - 0.5, bottom - 0.5), to_px(right + 0.5, top + 0.5)
            draw.rectangle([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)],
                           fill=(255, 255, 255))
    im.save(out, "JPEG", quality=88, optimize=True)
    return out


def redact_document(path: Path, mask: Masker, out_dir: Path, *, password: str = "",
                    dpi: int = 150, name: str = "doc") -> DocumentRedaction:
    """Scan every page of the PDF at ``path``; render the pages that hold buyer data.

    With masking off nothing is rendered, but scans and unembedded fonts are still found.
    """
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path), password=password or None)
    try:
        result = DocumentRedaction(pages=[], masked=mask.enabled)
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                facts = _page_facts(page, i, mask)
                result.pages.append(facts)
                if facts.hidden:
                    result.images[i] = redact_page(page, facts, dpi,
                                                   out_dir / f"{name}-p{i + 1}-redacted.jpg")
                elif facts.unembedded_cjk and page.get_rotation() == 0:
                    image = refont_page(page, facts, dpi, out_dir / f"{name}-p{i + 1}-font.jpg")
                    result.refonted[i] = (image, facts.glyphs)
                # One object per character, kept for every page of every PDF exhibit until
                # the export ends, was most of what loading a big case kept (issue 15):
                # only a refonted page still needs its glyphs (drawn again as text).
                facts.glyphs = []
            finally:
                page.close()
        return result
    finally:
        pdf.close()
