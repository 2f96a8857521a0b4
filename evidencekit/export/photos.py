"""Photos, screenshots and video keyframes (laid out in ``video.py``): re-encoded on a
worker pool, laid out 1, 2 or 4 per page with captions (capture time and file name).
GPS never reaches the bundle.

Workers decode at reduced scale (``Image.draft``), rotate by EXIF, fit to the
cell at the profile's DPI and write a small JPEG to the temp folder; only paths
come back, so memory stays flat however many photos a case has.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ..ingest.photo import exif_of
from ..malformed import IMAGE_MALFORMED
from ..timeutil import format_local, from_iso
from .bigimage import Unsupported, reduced_png, reduced_vips
from .fonts import FONT, ellipsize
from .heading import draw_exhibit_header, exhibit_time, header_text, kind_label
from .memory import release
from .page import BOTTOM, CH, CW, MX, TOP, PageSpec, Palette
from .plan import ExportPlan, PlannedExhibit, Settings
from .streams import FileStream, image_stream, jpeg_spans

Image.MAX_IMAGE_PIXELS = 200_000_000  # phone panoramas are big but legitimate
# Decoding whole takes 3–4 bytes a pixel, several times over while converting: above these
# sizes PNGs are read in strips, TIFF and WebP decoded reduced by libvips (bigimage.py), and
# other non-JPEG formats become a placeholder, so two workers stay within the export's flat
# memory bound.
STRIPS_FROM_PIXELS = 16_000_000
MAX_WHOLE_DECODE_PIXELS = 40_000_000
REDUCED_BY_VIPS = ("TIFF", "WEBP")
CAP = 30.0  # caption height under each photo
GAP = 12.0


@dataclass(frozen=True)
class Prepared:
    path: Path
    width: int  # pixels as drawn (after rotation)
    height: int
    rotate: int  # degrees to rotate when drawing (pass-through JPEGs only)
    taken: str  # capture time text from EXIF, "" if none
    nbytes: int
    # Byte ranges of ``path`` that make the image stream, copied from the file when the PDF
    # is finished: a pass-through JPEG's original (no re-encode), or the re-encoded file.
    spans: tuple[tuple[int, int], ...] = ()
    components: int = 3
    failed: bool = False  # could not be decoded: a placeholder stands in, with a note
    whole: bool = False  # the stream is the original file itself, byte for byte


def cells(per_page: int) -> list[tuple[float, float, float, float]]:
    """(x, y_top, w, h) boxes for images on a page (caption goes below each)."""
    if per_page == 1:
        return [(MX, TOP, CW, CH - CAP)]
    h = (CH - 2 * CAP - GAP) / 2
    if per_page == 2:
        return [(MX, TOP, CW, h), (MX, TOP - h - CAP - GAP, CW, h)]
    w = (CW - GAP) / 2
    return [(x, y, w, h) for y in (TOP, TOP - h - CAP - GAP) for x in (MX, MX + w + GAP)]


def _exif_time(im: Image.Image) -> str:
    try:
        ifd = exif_of(im).get_ifd(0x8769)
    except IMAGE_MALFORMED:
        return ""
    raw, off = ifd.get(36867), ifd.get(36881)
    if not raw or not isinstance(raw, str):
        return ""
    text = raw.strip().replace(":", "-", 2)
    return f"{text} {off}" if off else f"{text}（相机时间 camera clock）"


_ROT = {3: 180, 6: 270, 8: 90}


# A slice of a tall image: (top, bottom) rows of the image as displayed, of (width, height).
Crop = tuple[int, int, int, int]


def prepare_image(src: Path, dst: Path, box_px: tuple[int, int], s: Settings,
                  max_pixels: int, crop: Crop | None = None) -> Prepared:
    try:
        return _prepare_or_blank(src, dst, box_px, s, max_pixels, crop)
    finally:
        release(collect=False)  # this worker's decoding buffers, back to the system


def _prepare_or_blank(src: Path, dst: Path, box_px: tuple[int, int], s: Settings,
                      max_pixels: int, crop: Crop | None = None) -> Prepared:
    """Runs on a worker thread: Pillow releases the GIL while decoding and encoding.

    A file Pillow cannot decode (truncated, damaged) gets a blank placeholder, so the
    exhibit keeps its place in the bundle and the caller can say what happened.
    """
    try:
        return _prepare(src, dst, box_px, s, max_pixels, crop)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        im = Image.new("L" if s.grayscale else "RGB", (400, 300), "#eeeeee")
        im.save(dst, "JPEG", quality=50)
        return Prepared(dst, im.width, im.height, 0, "", dst.stat().st_size, failed=True)


def _prepare(src: Path, dst: Path, box_px: tuple[int, int], s: Settings,
             max_pixels: int, crop: Crop | None = None) -> Prepared:
    with Image.open(src) as opened:
        im: Image.Image = opened
        taken = _exif_time(im)
        orient = exif_of(im).get(0x0112, 1) if hasattr(im, "getexif") else 1
        spans = jpeg_spans(src) if not s.reencode and im.format == "JPEG" \
            and im.mode in ("RGB", "L") and orient in (1, 3, 6, 8) and crop is None else None
        if spans:
            w, h = im.size
            if orient in (6, 8):
                w, h = h, w
            if s.whole_jpeg:  # the records copy: the original's every byte (EXIF included)
                spans = ((0, src.stat().st_size),)
            return Prepared(src, w, h, _ROT.get(orient, 0), taken, sum(n for _, n in spans),
                            spans, 1 if im.mode == "L" else 3, whole=s.whole_jpeg)
        bw, bh = box_px
        if max_pixels and bw * bh > max_pixels:
            k = (max_pixels / (bw * bh)) ** 0.5
            bw, bh = int(bw * k), int(bh * k)
        req = (bh, bw) if orient in (5, 6, 7, 8) else (bw, bh)
        iw, ih = im.size
        k = min(req[0] / iw, req[1] / ih)
        if crop is not None:  # a slice: its width fills the box, whatever the whole's height
            req = (bh, bw) if orient in (5, 6, 7, 8) else (bw, bh)
            k = min(1.0, (req[1] if orient in (5, 6, 7, 8) else req[0]) /
                    (ih if orient in (5, 6, 7, 8) else iw))
        if im.format == "JPEG" and s.reencode:
            im.draft("L" if s.grayscale else "RGB", (max(1, int(iw * k)), max(1, int(ih * k))))
        elif iw * ih > STRIPS_FROM_PIXELS and im.format == "PNG":
            try:  # decoded a strip at a time, straight to the size the page needs
                im = reduced_png(src, req)
            except Unsupported:
                if iw * ih > MAX_WHOLE_DECODE_PIXELS:
                    raise ValueError("image too large to decode whole") from None
        elif iw * ih > MAX_WHOLE_DECODE_PIXELS and im.format in REDUCED_BY_VIPS:
            try:  # decoded at reduced size by libvips (orientation applied): memory flat
                im = reduced_vips(src, (bw, bh))
            except Unsupported:
                raise ValueError("image too large to decode whole") from None
        elif iw * ih > MAX_WHOLE_DECODE_PIXELS:
            raise ValueError("image too large to decode whole")  # becomes a placeholder
        im = ImageOps.exif_transpose(im)
        if crop is not None:
            top, bottom, _, disp_h = crop
            r = im.height / max(1, disp_h)  # decoded at reduced scale (draft) or whole
            im = im.crop((0, int(top * r), im.width, min(im.height, int(bottom * r))))
        if im.mode in ("RGBA", "LA", "P", "PA"):
            im = im.convert("RGBA")
            base = Image.new("RGB", im.size, (255, 255, 255))
            base.paste(im, mask=im.getchannel("A"))
            im = base
        if s.grayscale and im.mode != "L":
            im = im.convert("L")
        elif im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        if s.reencode and (im.width > bw or im.height > bh):
            im.thumbnail((bw, bh), Image.Resampling.BICUBIC, reducing_gap=2.0)
        quality = s.quality if s.reencode else 95
        im.save(dst, "JPEG", quality=quality, optimize=True)
        size = dst.stat().st_size
        # Streamed from this file when the PDF is written, like a pass-through JPEG: neither
        # reportlab's canvas nor pypdf's writer holds the page images (memory stays flat
        # however many photos a case has).
        return Prepared(dst, im.width, im.height, 0, taken, size, ((0, size),),
                        1 if im.mode == "L" else 3)


class ImageJobs:
    """Re-encode jobs on a thread pool sized to the machine; results are paths."""

    def __init__(self, tmp: Path, settings: Settings, max_pixels: int, workers: int | None = None):
        self.tmp = tmp
        self.settings = settings
        self.max_pixels = max_pixels
        self.pool = ThreadPoolExecutor(max_workers=workers or max(1, os.cpu_count() or 1))
        self.jobs: dict[str, Future] = {}  # by XObject name (stable across runs: P3, I4, V5-0)
        self.owner: dict[str, int] = {}  # XObject name -> number of the exhibit it shows
        self._n = 0

    def submit(self, key: str, src: Path, box_pt: tuple[float, float], exhibit: int,
               crop: Crop | None = None) -> str:
        if key not in self.jobs:
            self.owner[key] = exhibit
            self._n += 1
            px = (max(16, int(box_pt[0] * self.settings.dpi / 72)),
                  max(16, int(box_pt[1] * self.settings.dpi / 72)))
            dst = self.tmp / f"img-{self._n:05d}.jpg"
            self.jobs[key] = self.pool.submit(prepare_image, src, dst, px, self.settings,
                                              self.max_pixels, crop)
        return key

    def get(self, key: str) -> Prepared:
        return self.jobs[key].result()

    def file_streams(self, shas: dict[int, str] | None = None) -> dict[str, FileStream]:
        """Pass-through photos by XObject name, as streams copied from the originals.
        ``shas`` (exhibit number -> SHA-256): a whole original is checked against it as it
        is copied, like an attachment (an original altered since attach fails the export)."""
        shas = shas or {}
        out = {}
        whole = self.whole_exhibits()
        for key in self.jobs:
            p = self.get(key)
            if p.spans:
                w, h = (p.height, p.width) if p.rotate in (90, 270) else (p.width, p.height)
                label = f"E{self.owner[key]}" if self.owner[key] in whole else ""
                out["/" + pdfdoc.xObjectName(key)] = image_stream(
                    p.path, p.spans, w, h, p.components, label,
                    shas.get(self.owner[key], "") if label else "")
        return out

    def whole_exhibits(self) -> set[int]:
        """Exhibits shown by one image that is their original file itself (records copy):
        they need no attachment, and verify hashes the image stream."""
        keys: dict[int, list[str]] = {}
        for key, no in self.owner.items():
            keys.setdefault(no, []).append(key)
        return {no for no, ks in keys.items() if len(ks) == 1 and self.get(ks[0]).whole}

    def failed_exhibits(self) -> list[int]:
        """Numbers of exhibits whose image (or a keyframe) could not be decoded."""
        return sorted({self.owner[k] for k in self.jobs if self.get(k).failed})

    def _of(self, exhibit: int) -> list[Prepared]:
        return [self.get(k) for k in self.jobs if self.owner[k] == exhibit]

    def taken(self, exhibit: int) -> str:
        """Capture time the workers read from an exhibit's image's EXIF ("" if none)."""
        return next((p.taken for p in self._of(exhibit) if p.taken), "")

    def nbytes(self, exhibit: int) -> int:
        """Encoded bytes of an exhibit's images (for packing files to a size limit)."""
        return sum(p.nbytes for p in self._of(exhibit))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def draw_image(c: Canvas, prep: Prepared, key: str, x: float, y_top: float, w: float,
               h: float) -> tuple[float, float, float, float]:
    """Fit the image centred in the box; the XObject name is ``key`` (stable across runs)."""
    k = min(w / prep.width, h / prep.height)
    dw, dh = prep.width * k, prep.height * k
    dx, dy = x + (w - dw) / 2, y_top - dh
    c._currentPageHasImages = 1
    reg = c._doc.getXObjectName(key)
    obj = c._doc.idToObject.get(reg)
    if not obj:
        if prep.spans:  # a placeholder; the finisher swaps in the original's bytes
            obj = pdfdoc.PDFImageXObject(key)
            w_px, h_px = (prep.height, prep.width) if prep.rotate in (90, 270) else \
                (prep.width, prep.height)
            obj.width, obj.height, obj.bitsPerComponent = w_px, h_px, 8
            obj.colorSpace = "DeviceGray" if prep.components == 1 else "DeviceRGB"
            obj.streamContent, obj._filters = b"", ("DCTDecode",)
        else:
            obj = pdfdoc.PDFImageXObject(key, str(prep.path))
        obj.name = key
        c._setXObjects(obj)
        c._doc.Reference(obj, reg)
        c._doc.addForm(key, obj)
    c.saveState()
    c.translate(dx, dy)
    if prep.rotate == 90:
        c.translate(dw, 0)
        c.rotate(90)
        c.scale(dh, dw)
    elif prep.rotate == 270:
        c.translate(0, dh)
        c.rotate(270)
        c.scale(dh, dw)
    elif prep.rotate == 180:
        c.translate(dw, dh)
        c.rotate(180)
        c.scale(dw, dh)
    else:
        c.scale(dw, dh)
    c._code.append(f"/{reg} Do")
    c.restoreState()
    c._formsinuse.append(key)
    if prep.failed:
        c.setFont(FONT, 9)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawCentredString(dx + dw / 2, dy + dh / 2 + 4, "图片无法解码（文件可能不完整）")
        c.drawCentredString(dx + dw / 2, dy + dh / 2 - 9, "image could not be decoded")
    return dx, dy, dw, dh


def _fact_time(plan: ExportPlan, pe: PlannedExhibit) -> str:
    return exhibit_time(plan, pe)


def _caption(c: Canvas, plan: ExportPlan, pe: PlannedExhibit, prep: Prepared, pal: Palette,
             x: float, y: float, w: float) -> None:
    ex = pe.exhibit
    taken = _fact_time(plan, pe) or prep.taken or "无拍摄时间 no capture time"
    c.setFont(FONT, 9)
    c.setFillColor(pal.accent)
    c.drawString(x, y - 10, pe.label)
    c.setFillColor(pal.ink)
    new = "  【新证据 NEW】" if ex.is_new and plan.mode == "appeal" else ""
    c.drawString(x + 24, y - 10, ellipsize((ex.caption or kind_label(ex.kind)) + new, 9, w - 24))
    c.setFont(FONT, 7.5)
    c.setFillColor(pal.muted)
    line2 = f"拍摄 {taken} · {ex.source_name} · SHA-256 {ex.sha256[:16]}…"
    c.drawString(x + 24, y - 21, ellipsize(line2, 7.5, w - 24))


def layout_photos(plan: ExportPlan, group: list[PlannedExhibit], jobs: ImageJobs,
                  pal: Palette) -> list[PageSpec]:
    """A run of consecutive photo exhibits, ``per_page`` to a page."""
    per = plan.settings.per_page
    boxes = cells(per)
    keys = [jobs.submit(f"P{pe.number}", pe.path, boxes[0][2:], pe.number) for pe in group]
    specs = []
    for start in range(0, len(group), per):
        chunk = list(zip(group[start:start + per], keys[start:start + per], strict=False))

        def draw(c: Canvas, chunk=chunk) -> None:
            for (pe, key), (x, y, w, h) in zip(chunk, boxes, strict=False):  # a last page holds fewer
                prep = jobs.get(key)
                _, dy, _, _ = draw_image(c, prep, key, x, y, w, h)
                _caption(c, plan, pe, prep, pal, x, dy - 3, w)
        labels = [pe.label for pe, _ in chunk]
        head = labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"
        specs.append(PageSpec(draw=draw, header=f"{head} 照片"))
    return specs


def layout_image(plan: ExportPlan, pe: PlannedExhibit, jobs: ImageJobs, pal: Palette,
                 src: Path | None = None, note: str = "") -> list[PageSpec]:
    """One image (screenshot, voucher) on its own page under the exhibit header."""
    import io
    y0 = draw_exhibit_header(Canvas(io.BytesIO()), plan, pe, pal, TOP, exhibit_time(plan, pe),
                             note)
    h = y0 - BOTTOM - 4
    slices = _slices(pe, h - SLICE_CAP) if src is None else []
    if slices:
        return _layout_slices(plan, pe, jobs, pal, slices, note)
    key = jobs.submit(f"I{pe.number}", src or pe.path, (CW, h), pe.number)

    def draw(c: Canvas) -> None:
        prep = jobs.get(key)
        t = exhibit_time(plan, pe) or (f"拍摄 {prep.taken}" if prep.taken else "")
        y = draw_exhibit_header(c, plan, pe, pal, TOP, t, note)
        draw_image(c, prep, key, MX, y, CW, y - BOTTOM - 4)
    return [PageSpec(draw=draw)]


SLICE_RATIO = 2.0  # taller than this (height : width) is cut into page-height slices
SLICE_CAP = 16.0  # the "E14 (2/4)" line above a slice on the pages after the first


def _slices(pe: PlannedExhibit, first_h: float) -> list[Crop]:
    """Rows of a tall screenshot per page, so it is shown at the page's full width (a phone
    screenshot squeezed onto one page is unreadable at any zoom): the first slice fits under
    the exhibit header, the others fill a page each. [] when the image is not tall."""
    f = pe.exhibit.facts or {}
    try:
        w, h = int(f.get("width") or 0), int(f.get("height") or 0)
    except (TypeError, ValueError):
        return []
    if w <= 0 or h <= SLICE_RATIO * w:
        return []
    px_per_pt = w / CW
    out: list[Crop] = []
    top, room = 0, first_h
    while top < h:
        bottom = min(h, top + max(1, int(room * px_per_pt)))
        out.append((top, bottom, w, h))
        top, room = bottom, CH - SLICE_CAP
    return out


def _layout_slices(plan: ExportPlan, pe: PlannedExhibit, jobs: ImageJobs, pal: Palette,
                   slices: list[Crop], note: str) -> list[PageSpec]:
    import io
    n = len(slices)
    first_note = " · ".join(x for x in (note, f"长截图分 {n} 页显示 shown in {n} slices") if x)
    y0 = draw_exhibit_header(Canvas(io.BytesIO()), plan, pe, pal, TOP, exhibit_time(plan, pe),
                             first_note)
    specs = []
    for i, crop in enumerate(slices):
        first = i == 0
        room = (y0 - BOTTOM - 4 if first else CH) - SLICE_CAP
        px_h = (crop[1] - crop[0]) / crop[2] * CW  # points at full width
        key = jobs.submit(f"I{pe.number}-{i + 1}", pe.path, (CW, min(room, px_h)), pe.number,
                          crop)
        label = f"{pe.label} ({i + 1}/{n})"

        def draw(c: Canvas, key=key, first=first, label=label) -> None:
            prep = jobs.get(key)
            if first:
                t = exhibit_time(plan, pe) or (f"拍摄 {prep.taken}" if prep.taken else "")
                y = draw_exhibit_header(c, plan, pe, pal, TOP, t, first_note)
            else:
                y = TOP
            c.setFont(FONT, 8.5)
            c.setFillColor(pal.accent)
            c.drawString(MX, y - 10, label)
            y -= SLICE_CAP
            draw_image(c, prep, key, MX, y, CW, y - BOTTOM - 4)
        specs.append(PageSpec(draw=draw))
    return specs


def photo_header(group: list[PlannedExhibit]) -> str:
    if len(group) == 1:
        return header_text(group[0])
    return f"{group[0].label}–{group[-1].label} 照片"


__all__ = ["ImageJobs", "layout_photos", "layout_image", "photo_header",
           "draw_image", "cells", "from_iso", "format_local"]
