"""Page geometry, colours, the page/block model and the stamping canvas.

Every part of the bundle is a :class:`Block` of pages. Blocks with fixed pages
(exhibits) are laid out before drawing, so page numbers are known up front;
flowing blocks (statement, index, appendix) are counted with a dry run that records
where each flowable landed, so drawing them need not lay them out again. One
reportlab canvas then draws the whole file and stamps each page as it goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame

from ..domain import MODES
from ..errors import ContentTooLarge
from ..timeutil import format_local
from .fonts import FONT, ellipsize, text_width

NEW_MARK = "【新证据 NEW】"  # a new exhibit of an appeal: on every one of its pages

W, H = A4
MX = 42.0  # left/right margin
TOP = H - 54.0  # content top (below the header stamp)
BOTTOM = 50.0  # content bottom (above the footer stamp)
CW = W - 2 * MX
CH = TOP - BOTTOM


@dataclass(frozen=True)
class Palette:
    ink: Color
    muted: Color
    accent: Color
    rule: Color
    band: Color  # header blocks and table heads
    buyer: Color
    merchant: Color
    system: Color
    highlight: Color  # the signed row
    alert: Color  # stalls, missing items
    alert_ink: Color
    ok_ink: Color
    key: Color = HexColor("#fff1b8")  # what the user marked as key: messages, trace rows

    def hex(self, name: str) -> str:
        """``#rrggbb`` of a colour, for paragraph markup (links, markers)."""
        return "#" + getattr(self, name).hexval()[2:]


def palette(grayscale: bool) -> Palette:
    """The colours of our own pages. Black-and-white profiles get greys only: every colour
    on a page we draw comes from here (merged source PDFs keep theirs)."""
    if grayscale:
        g = lambda v: Color(v, v, v)  # noqa: E731
        return Palette(g(0), g(.35), g(.1), g(.6), g(.92), g(.94), g(1), g(.97), g(.85), g(.8),
                       g(0), g(0), key=g(.88))
    return Palette(ink=HexColor("#1f2328"), muted=HexColor("#57606a"), accent=HexColor("#1f4e79"),
                   rule=HexColor("#b6bfc8"), band=HexColor("#eef2f6"), buyer=HexColor("#fdf1e3"),
                   merchant=HexColor("#e6f0fa"), system=HexColor("#f3f3f3"),
                   highlight=HexColor("#e3f4e1"), alert=HexColor("#fde2e1"),
                   alert_ink=HexColor("#b42318"), ok_ink=HexColor("#1a7f37"))


@dataclass
class DocInsert:
    """A source PDF page to place, as vector content, into a rectangle of this page."""
    exhibit_no: int
    page_index: int
    rect: tuple[float, float, float, float]  # x, y, w, h


@dataclass
class PageSpec:
    draw: Callable[[Canvas], None]
    insert: DocInsert | None = None
    est_bytes: int = 0
    header: str | None = None  # overrides the block's header text on this page
    marks: list[tuple[str, str]] = field(default_factory=list)  # more outline entries here
    # Named destinations on this page without an outline entry: the key messages and trace
    # rows the user marked ("E1-m4", "E2-r5"), which the cover links to.
    anchors: list[str] = field(default_factory=list)


@dataclass
class Block:
    key: str  # "cover", "statement", "E3", ...
    title: str  # outline title
    header: str  # stamp header text for its pages
    pages: list[PageSpec] | None = None
    story: Callable[[], list[Any]] | None = None  # flowing content (platypus)
    # What the story depends on besides the plan (e.g. where exhibits landed): a layout
    # counted for one key is drawn again only for the same key.
    story_key: Callable[[], Any] = field(default=lambda: None)
    layout: tuple[Any, Any] | None = None  # (story_key(), pages) from the last count
    n_pages: int = 0
    level: int = 0
    exhibit_no: int = 0  # 0 for non-exhibit blocks
    est_bytes: int = 0

    @property
    def splittable(self) -> bool:
        return self.pages is not None and self.exhibit_no > 0


@dataclass
class FileInfo:
    """Where a block's pages ended up: per exhibit, (file number, first page)."""
    file_no: int = 1
    file_count: int = 1
    first_pages: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (file, page)


class BundleCanvas:
    """A reportlab canvas that counts pages and stamps header and footer on each."""

    def __init__(self, target: Any, plan: Any, total: int, file_no: int = 1, file_count: int = 1,
                 *, dry: bool = False):
        self.c = Canvas(target, pagesize=A4, invariant=1, pageCompression=1, initialFontName=FONT)
        self.plan = plan
        self.total = total
        self.file_no = file_no
        self.file_count = file_count
        self.page = 0
        self.dry = dry
        self.header = ""
        self.pal = palette(plan.settings.grayscale)
        case_no = plan.source.case.case_no
        zh, en = MODES[plan.mode]
        self._left = f"案件 Case {case_no}"
        self._right = f"{zh} {en}"
        self._when = "生成 " + format_local(plan.now, plan.zone, seconds=True)
        self._id = f"卷宗号 {plan.bundle_id}"
        if file_count > 1:
            self._id += f" · 文件 {file_no}/{file_count}"

    def start_page(self, header: str) -> None:
        self.page += 1
        self.header = header

    cancel: Any = None

    def finish_page(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            from ..errors import Cancelled
            raise Cancelled()
        if not self.dry:
            self._stamp()
        self.c.showPage()

    def _stamp(self) -> None:
        c, p = self.c, self.pal
        c.saveState()
        c.setFont(FONT, 8)
        c.setFillColor(p.muted)
        header, new = self.header, self.header.endswith(NEW_MARK)
        if new:  # a new exhibit of an appeal: the mark on every one of its pages, in red
            header = header[:-len(NEW_MARK)].rstrip()
        left = ellipsize(self._left + (f"  ·  {header}" if header else ""), 8, CW * 0.5)
        c.drawString(MX, H - 30, left)
        if new:
            c.setFillColor(p.alert_ink)
            c.drawString(MX + text_width(left, 8) + 6, H - 30, NEW_MARK)
            c.setFillColor(p.muted)
        c.drawRightString(W - MX, H - 30, self._right)
        c.setStrokeColor(p.rule)
        c.setLineWidth(0.5)
        c.line(MX, H - 36, W - MX, H - 36)
        c.line(MX, 36, W - MX, 36)
        c.drawString(MX, 24, self._when)
        c.drawRightString(W - MX, 24, self._id)
        c.setFillColor(p.ink)
        c.setFont(FONT, 9)
        c.drawCentredString(W / 2, 24, f"{self.page} / {self.total}")
        c.restoreState()

    def save(self) -> None:
        self.c.save()


Layout = list[list[tuple[Any, float, float, float]]]  # per page: (flowable, x, y, _sW)


def _recorder(page: list, f: Any):
    def record(canv: Any, x: float, y: float, _sW: float = 0) -> None:
        page.append((f, x, y, _sW))
    return record


def flow_story(bc: BundleCanvas, story: list[Any], header: str, *, on_first=None,
               layout: Layout | None = None) -> int:
    """Draw flowables across as many pages as needed; returns pages used.

    On a dry canvas nothing is drawn: each flowable placed is recorded into ``layout``
    (when given) with where the frame put it, so :func:`replay_story` can draw the same
    pages later without laying them out again.
    """
    used = 0
    story = list(story)
    while story:
        bc.start_page(header)
        used += 1
        if on_first is not None and used == 1:
            on_first(bc)
        page: list = []
        frame = Frame(MX, BOTTOM, CW, CH, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, showBoundary=0)
        placed = 0
        while story:
            f = story[0]
            if bc.dry:  # lay out (wrap, split), record instead of drawing
                f.drawOn = _recorder(page, f)
            if frame.add(f, bc.c, trySplit=1):
                story.pop(0)
                placed += 1
                continue
            parts = frame.split(f, bc.c)
            if len(parts) > 1:
                story[0:1] = parts
                if bc.dry:
                    story[0].drawOn = _recorder(page, story[0])
                if frame.add(story[0], bc.c, trySplit=1):
                    story.pop(0)
                    placed += 1
                    continue
            break
        bc.finish_page()
        if layout is not None:
            layout.append(page)
        if placed == 0 and story:
            raise ContentTooLarge()
    if bc.dry and layout is not None:
        for page in layout:
            for f, *_ in page:
                f.__dict__.pop("drawOn", None)  # the class's drawOn again, for the replay
    return used


def replay_story(bc: BundleCanvas, layout: Layout, header: str, *, on_first=None) -> int:
    """Draw pages recorded by a dry :func:`flow_story`: same flowables, same places."""
    for used, page in enumerate(layout, start=1):
        bc.start_page(header)
        if on_first is not None and used == 1:
            on_first(bc)
        for f, x, y, sw in page:
            f.drawOn(bc.c, x, y, _sW=sw)
        bc.finish_page()
    return len(layout)


def draw_kv_rows(c: Canvas, x: float, y: float, rows: list[tuple[str, str]], *, key_w: float,
                 width: float, size: float = 9, pal: Palette, leading: float = 1.45) -> float:
    """Key/value lines (wrapping the value); returns the y below the last line."""
    from .fonts import wrap
    for key, value in rows:
        lines = wrap(value, size, width - key_w) or [""]
        c.setFont(FONT, size)
        c.setFillColor(pal.muted)
        c.drawString(x, y - size, key)
        c.setFillColor(pal.ink)
        for line in lines:
            c.drawString(x + key_w, y - size, line)
            y -= size * leading
    return y


def fit_text(text: str, size: float, width: float, min_size: float = 6) -> float:
    while size > min_size and text_width(text, size) > width:
        size -= 0.5
    return size
