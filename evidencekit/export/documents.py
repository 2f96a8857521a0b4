"""PDF exhibits merged page for page as vector content, scaled into the stamp margins.

Each source page becomes a Form XObject (its content stream and resources only)
drawn on a fresh A4 page. Annotations, actions, scripts and attached files of the
source never come along: the page's own are not copied, and those reachable from its
resources are left out by :func:`sanitize.clone_resources`.
"""

from __future__ import annotations

import io
import zlib
from collections import OrderedDict
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, StreamObject
from reportlab.pdfgen.canvas import Canvas

from ..errors import (
    ExhibitLocked,
    ExhibitPdfUnreadable,
    ExportError,
    PageBoxUnreadable,
    PageContentTooLarge,
    PdfUncheckable,
)
from ..malformed import PDF_MALFORMED
from . import sanitize
from .fonts import FONT
from .heading import draw_exhibit_header, exhibit_time
from .page import BOTTOM, CW, MX, TOP, DocInsert, PageSpec, Palette
from .plan import ExportPlan, PlannedExhibit
from .redact import DocumentRedaction, redact_document


def open_document(plan: ExportPlan, pe: PlannedExhibit) -> PdfReader:
    ex = pe.exhibit
    try:
        reader = PdfReader(str(pe.path), strict=False)
        if reader.is_encrypted:
            password = plan.source.passwords.get(ex.sha256, "")
            if not reader.decrypt(password):
                raise ExhibitLocked(label=pe.label, name=ex.source_name)
        _ = len(reader.pages)
    except ExportError:
        raise
    except PDF_MALFORMED as e:  # convert once, here
        raise ExhibitPdfUnreadable(label=pe.label, name=ex.source_name, reason=e) from e
    return reader


class LazyDocument:
    """An exhibit PDF that is open only while it is used: at most :data:`OPEN_AT_ONCE`
    readers stay open (least recently used closed first), so an export's memory does not
    grow with the number of PDF exhibits. Opened once at creation, so a PDF that cannot be
    opened is known before layout."""

    OPEN_AT_ONCE = 4

    def __init__(self, plan: ExportPlan, pe: PlannedExhibit,
                 cache: "OrderedDict[int, PdfReader]"):
        """``cache`` is shared by the documents of one export (and only that export)."""
        self.plan, self.pe, self._cache = plan, pe, cache
        self._close(open_document(plan, pe))

    @property
    def reader(self) -> PdfReader:
        key = id(self)
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        reader = open_document(self.plan, self.pe)
        reader._ek_key = self.pe.exhibit.sha256  # type: ignore[attr-defined]  # see sanitize
        cache[key] = reader
        while len(cache) > self.OPEN_AT_ONCE:
            self._close(cache.popitem(last=False)[1])
        return reader

    @property
    def pages(self):
        return self.reader.pages

    @staticmethod
    def _close(reader: PdfReader) -> None:
        try:
            reader.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass

    def __del__(self) -> None:
        reader = self._cache.pop(id(self), None)
        if reader is not None:
            self._close(reader)


def scan_document(plan: ExportPlan, pe: PlannedExhibit, tmp) -> DocumentRedaction | None:
    """Read every page's text layer with pdfium: pages holding buyer data are rendered with
    it blacked out (used instead of the vector page), scans and unembedded fonts named."""
    password = plan.source.passwords.get(pe.exhibit.sha256, "")
    dpi = max(120, min(200, plan.settings.dpi))
    try:
        return redact_document(pe.path, plan.masker, tmp, password=password, dpi=dpi,
                               name=pe.label)
    except Exception as e:  # pdfium cannot read what pypdf could
        if plan.masker.enabled:
            raise PdfUncheckable(label=pe.label, name=pe.exhibit.source_name, reason=e) from e
        return None


def _box(page: Any) -> tuple[float, float, float, float, int]:
    box = page.cropbox if "/CropBox" in page else page.mediabox
    x0, y0 = float(min(box.left, box.right)), float(min(box.bottom, box.top))
    w, h = abs(float(box.width)), abs(float(box.height))
    rot = int(page.get("/Rotate", 0) or 0) % 360
    return x0, y0, w, h, rot


def check_page(page: Any, number: int) -> None:
    """Raise :class:`ExportError` (the exhibit becomes a placeholder) when a page cannot be
    merged: its box is not four numbers, or its content inflates past pypdf's limits."""
    from pypdf.errors import LimitReachedError
    try:
        x0, y0, w, h, _ = _box(page)
        if not (w > 0 and h > 0):
            raise ValueError("empty page box")
    except PDF_MALFORMED as e:  # a NullObject box gives ValueError, and so on
        raise PageBoxUnreadable(page=number) from e
    try:
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()
    except LimitReachedError as e:
        raise PageContentTooLarge(page=number) from e


def is_blank(page: Any) -> bool:
    try:
        data = page.get_contents().get_data() if page.get_contents() is not None else b""
    except PDF_MALFORMED:
        return False
    return not data.strip()


def _stream_bytes(obj: Any, seen: set[int], depth: int = 0) -> int:
    """Encoded bytes of the streams a page's resources pull in (images, forms, fonts), each
    counted once per document: what merging the page copies into the bundle."""
    if depth > 12:
        return 0
    ref = getattr(obj, "idnum", None)
    if ref is not None:
        if ref in seen:
            return 0
        seen.add(ref)
    try:
        obj = obj.get_object()
    except PDF_MALFORMED:
        return 0
    n = len(obj._data or b"") if isinstance(obj, StreamObject) else 0
    if isinstance(obj, (DictionaryObject, ArrayObject)):
        for key, v in (obj.items() if isinstance(obj, DictionaryObject) else enumerate(obj)):
            if key not in ("/Parent", "/P", "/Annots", "/B"):
                n += _stream_bytes(v, seen, depth + 1)
    return n


def page_cost(page: Any, seen: set[int]) -> int:
    n = 0
    for key in ("/Contents", "/Resources"):
        if key in page:
            n += _stream_bytes(page.raw_get(key), seen)
    return n


def layout_document(plan: ExportPlan, pe: PlannedExhibit, reader: PdfReader, pal: Palette,
                    skip_blank: bool, redaction: DocumentRedaction | None = None,
                    ) -> tuple[list[PageSpec], list[tuple[str, str]]]:
    warnings: list[tuple[str, str]] = list(redaction.warnings(pe.label)) if redaction else []

    risky = sanitize.scan(reader)
    if set(risky) - {"annotations"}:
        zh, en = sanitize.describe(risky)
        warnings.append((f"{pe.label}：已去除源 PDF 中的{zh}（原件不变）",
                         f"{pe.label}: removed {en} from the source PDF (original unchanged)"))
    images = redaction.images if redaction else {}
    refonted = redaction.refonted if redaction else {}
    n = len(reader.pages)
    note = f"共 {n} 页 · {n} page(s)，按原样矢量合并 merged as vector"
    if images:  # say which pages are pictures now, and why
        pages = "、".join(str(i + 1) for i in sorted(images))
        note += f"；第 {pages} 页含买家信息，已遮挡并转为图片 redacted as image"
    if refonted:
        pages = "、".join(str(i + 1) for i in sorted(refonted))
        note += f"；第 {pages} 页字体未嵌入，已用内置字体重绘 redrawn with the bundled font"
    time_text = exhibit_time(plan, pe)
    y0 = draw_exhibit_header(Canvas(io.BytesIO()), plan, pe, pal, TOP, time_text, note)
    specs: list[PageSpec] = []
    skipped = []
    seen: set[int] = set()
    for i, page in enumerate(reader.pages):
        check_page(page, i + 1)
        if skip_blank and is_blank(page):
            skipped.append(i + 1)
            continue
        first = not specs
        top = (y0 if first else TOP) - 14
        x0, y0_, w, h, rot = _box(page)
        vw, vh = (h, w) if rot in (90, 270) else (w, h)
        s = min(CW / vw, (top - BOTTOM) / vh)
        rect = (MX + (CW - vw * s) / 2, top - vh * s, vw * s, vh * s)
        if i in refonted:  # unembedded Chinese fonts: drawn again with the bundled one
            drawn, glyphs = refonted[i]
            specs.append(PageSpec(draw=_drawer(plan, pe, pal, first, rect, i + 1, n, time_text,
                                               note, drawn, (glyphs, _box(page))),
                                  est_bytes=drawn.stat().st_size + 20 * len(glyphs)))
            continue
        image = images.get(i)
        if image is not None:  # redacted: the rendered page stands in; no text layer left
            specs.append(PageSpec(draw=_drawer(plan, pe, pal, first, rect, i + 1, n, time_text,
                                               note, image),
                                  est_bytes=image.stat().st_size + 500))
            continue
        specs.append(PageSpec(draw=_drawer(plan, pe, pal, first, rect, i + 1, n, time_text, note),
                              insert=DocInsert(pe.number, i, rect),
                              est_bytes=max(500, page_cost(page, seen))))
    if skipped:
        pages = ", ".join(map(str, skipped))
        warnings.append((f"{pe.label}：按配置省略了空白页（第 {pages} 页）",
                         f"{pe.label}: blank page(s) {pages} left out as the profile requires"))
    if not specs:  # a document of blank pages still shows up, never silently dropped
        specs.append(PageSpec(draw=_drawer(plan, pe, pal, True, None, 0, n, time_text, note)))
    return specs, warnings


def _drawer(plan, pe, pal, first, rect, page_no, n, time_text, note, image=None, text=None):
    def draw(c: Canvas) -> None:
        if image is not None and rect is not None:
            c.drawImage(str(image), *rect)
            if text is not None:
                _draw_text_layer(c, rect, *text)
        y = draw_exhibit_header(c, plan, pe, pal, TOP, time_text, note) if first else TOP
        c.setFont(FONT, 7.5)
        c.setFillColor(pal.muted)
        if page_no:
            mark = ("（已遮挡 redacted）" if image is not None and text is None else
                    "（内置字体重绘 redrawn with the bundled font）" if text is not None else "")
            c.drawRightString(MX + CW, y - 9,
                              f"{pe.label} 原第 {page_no} / {n} 页 · p. {page_no}/{n}{mark}")
        if rect is not None:
            c.setStrokeColor(pal.rule)
            c.setLineWidth(0.6)
            c.rect(*rect, fill=0, stroke=1)
    return draw


def _draw_text_layer(c: Canvas, rect, glyphs, box) -> None:
    """Over a refonted page's image: its unembedded Chinese glyphs drawn visibly in the
    bundled font, every other glyph invisibly (render mode 3), so the page keeps its text."""
    x0, y0, w, _h, _rot = box
    s = rect[2] / w
    c.saveState()  # the render mode is graphics state: it must not leak into the stamps
    t = c.beginText()
    for g in glyphs:
        if g.char.isspace() or g.size <= 0:
            continue
        t.setTextRenderMode(0 if g.missing_font else 3)
        t.setFont(FONT, g.size * s)
        t.setTextOrigin(rect[0] + (g.origin[0] - x0) * s, rect[1] + (g.origin[1] - y0) * s)
        t.textOut(g.char)
    t.setTextRenderMode(0)
    c.drawText(t)
    c.restoreState()


def _matrix(page: Any, rect: tuple[float, float, float, float]) -> list[float]:
    """Map the source page's visible box (after /Rotate) onto rect."""
    x0, y0, w, h, rot = _box(page)
    if rot == 90:
        m = [0, -1, 1, 0, -y0, w + x0]
        vw = h
    elif rot == 180:
        m = [-1, 0, 0, -1, w + x0, h + y0]
        vw = w
    elif rot == 270:
        m = [0, 1, -1, 0, h + y0, -x0]
        vw = h
    else:
        m = [1, 0, 0, 1, -x0, -y0]
        vw = w
    s = rect[2] / vw
    return [m[0] * s, m[1] * s, m[2] * s, m[3] * s, m[4] * s + rect[0], m[5] * s + rect[1]]


def place_page(writer: PdfWriter, target: Any, src_page: Any,
               rect: tuple[float, float, float, float], name: str) -> None:
    """Draw src_page (content + resources only) into rect of target."""
    x0, y0, w, h, _ = _box(src_page)
    contents = src_page.get_contents()
    data = contents.get_data() if contents is not None else b""
    form = StreamObject()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(x0), FloatObject(y0),
                                             FloatObject(x0 + w), FloatObject(y0 + h)])
    res = src_page.get("/Resources")
    if res is not None:
        form[NameObject("/Resources")] = sanitize.clone_resources(res.get_object(), writer)
    form[NameObject("/Filter")] = NameObject("/FlateDecode")
    form._data = zlib.compress(data, 6)
    form_ref = writer._add_object(form)

    page_res = target.get("/Resources")
    page_res = DictionaryObject(page_res.get_object()) if page_res is not None else DictionaryObject()
    xobj = page_res.get("/XObject")
    xobj = DictionaryObject(xobj.get_object()) if xobj is not None else DictionaryObject()
    xobj[NameObject(name)] = form_ref
    page_res[NameObject("/XObject")] = xobj
    target[NameObject("/Resources")] = page_res
    m = " ".join(f"{v:.5f}" for v in _matrix(src_page, rect))
    draw = StreamObject()
    draw._data = f"q {m} cm {name} Do Q".encode()
    old = target.get("/Contents")
    items = ArrayObject()
    if old is not None:
        old_obj = old.get_object()
        if isinstance(old_obj, ArrayObject):
            items.extend(old_obj)
        else:
            items.append(old if hasattr(old, "idnum") else writer._add_object(old_obj))
    items.append(writer._add_object(draw))
    target[NameObject("/Contents")] = items


__all__ = ["open_document", "layout_document", "place_page", "PdfReadError"]
