"""Chat logs typeset as a transcript: buyer on the left, merchant on the right, tinted
bubbles, date separators, flowing over as many pages as needed.

Layout is computed first (pure Python, fast), so the page count is known before
anything is drawn.
"""

from __future__ import annotations

from typing import Any, Callable

from reportlab.pdfgen.canvas import Canvas

from ..timeutil import format_local
from .fonts import FONT, displayable, draw_text, ellipsize, text_width, wrap
from .heading import draw_exhibit_header, exhibit_time
from .page import BOTTOM, CW, MX, TOP, PageSpec, Palette
from .plan import ExportPlan, PlannedExhibit

SIZE = 9.0
LEAD = 12.6
PAD = 5.0
HEAD = 11.0  # speaker/time line above a bubble
GAP = 5.0
BUBBLE_MAX = CW * 0.74
ROLE_TEXT = {"buyer": "买家", "merchant": "商家", "system": "系统", "unknown": "未知"}
KEY_MARK = "★ 要点 Key"  # before a message the user marked as key


def _zone_off(plan: ExportPlan, at) -> str:
    return format_local(at, plan.zone)[-6:]


def layout_chat(plan: ExportPlan, pe: PlannedExhibit, chat: Any, pal: Palette,
                mask: Callable[[str], str]) -> list[PageSpec]:
    """Lay out the whole chat; return one PageSpec per page."""
    pages: list[list[tuple]] = [[]]
    anchors: list[list[str]] = [[]]  # per page: the marked messages that start on it
    marked = set(pe.exhibit.marks)
    header_h = _header_height(plan, pe, chat)
    y = TOP - header_h - 18  # legend line
    last_date = None
    day = ""  # the date line in force, repeated at the top of every page it continues on

    def new_page(carry: bool = True) -> float:
        pages.append([])
        anchors.append([])
        if carry and day:  # so a page read alone still says which day its times are on
            pages[-1].append(("date", TOP - 14, f"{day} （续 cont.）"))
            return TOP - 22
        return TOP

    for n, m in enumerate(chat.messages, start=1):
        at = m.at
        if at is not None:
            local = at.astimezone(plan.zone)
            date = local.date()
            if date != last_date:
                if y - 22 < BOTTOM:
                    y = new_page(carry=False)
                day = f"{local:%Y-%m-%d} （UTC{_zone_off(plan, at)}）"
                pages[-1].append(("date", y - 14, day))
                y -= 22
                last_date = date
            when = f"{local:%H:%M:%S}"
        else:
            when = "时间缺失"
        role = m.role if m.role in ROLE_TEXT else "unknown"
        side_w = CW if role in ("system", "unknown") else BUBBLE_MAX
        lines = wrap(displayable(mask(m.text)), SIZE, side_w - 2 * PAD) or [""]
        # Numbered per exhibit, so a statement can cite "E1 #4".
        head = f"{pe.label} #{n} · {ROLE_TEXT[role]} · {mask(m.speaker) or '—'} · {when}"
        key = n in marked
        if key:  # the user marked it: said in words too, for grey print and copied text
            head = f"{KEY_MARK} {head}"
        first_chunk = True
        while lines:
            avail = y - BOTTOM - HEAD - 2 * PAD
            fit = int(avail // LEAD)
            if fit < 1 or (fit < len(lines) and fit < 3 and y < TOP - 1):
                y = new_page()
                continue
            chunk, lines = lines[:fit], lines[fit:]
            w = min(side_w, max(text_width(s, SIZE) for s in chunk) + 2 * PAD + 1)
            w = max(w, min(side_w, text_width(head, 7.5) + 4))
            h = len(chunk) * LEAD + 2 * PAD
            if role == "merchant":
                x = MX + CW - w
            elif role == "buyer":
                x = MX
            else:
                x = MX + (CW - w) / 2
            pages[-1].append(("msg", x, y, w, h, role, head, chunk, key))
            if key and first_chunk:
                anchors[-1].append(f"{pe.label}-m{n}")
            first_chunk = False
            y -= HEAD + h + GAP
            head = f"{head}（续 cont.）" if lines else head
    specs = []
    for i, ops in enumerate(pages):
        specs.append(PageSpec(draw=_drawer(plan, pe, chat, pal, ops, first=(i == 0)),
                              est_bytes=2500 + 60 * len(ops), anchors=anchors[i]))
    return specs


def _header_height(plan: ExportPlan, pe: PlannedExhibit, chat: Any) -> float:
    import io

    from reportlab.pdfgen.canvas import Canvas as _C  # measure by drawing nowhere

    from .page import palette
    c = _C(io.BytesIO())
    y = draw_exhibit_header(c, plan, pe, palette(False), TOP, exhibit_time(plan, pe, chat),
                            _summary(chat))
    return TOP - y


def _summary(chat: Any) -> str:
    roles = [m.role for m in chat.messages]
    return (f"共 {len(roles)} 条消息：买家 {roles.count('buyer')}、商家 {roles.count('merchant')}"
            f" · {len(roles)} messages")


def _drawer(plan, pe, chat, pal: Palette, ops: list[tuple], first: bool):
    def draw(c: Canvas) -> None:
        fill = {"buyer": pal.buyer, "merchant": pal.merchant, "system": pal.system,
                "unknown": pal.system}
        if first:
            y = draw_exhibit_header(c, plan, pe, pal, TOP, exhibit_time(plan, pe, chat),
                                    _summary(chat))
            c.setFont(FONT, 8)
            c.setStrokeColor(pal.rule)
            for x, role, label in ((MX, "buyer", "◀ 买家 Buyer（左）"),
                                   (MX + CW - 130, "merchant", "商家 Merchant（右）▶")):
                c.setFillColor(fill[role])
                c.rect(x, y - 10, 10, 10, fill=1, stroke=1)
                c.setFillColor(pal.ink)
                c.drawString(x + 14, y - 8.5, label)
        for op in ops:
            if op[0] == "date":
                _, yy, text = op
                c.setStrokeColor(pal.rule)
                c.setLineWidth(0.5)
                tw = text_width(text, 8) + 16
                c.line(MX, yy + 3, MX + (CW - tw) / 2, yy + 3)
                c.line(MX + (CW + tw) / 2, yy + 3, MX + CW, yy + 3)
                c.setFont(FONT, 8)
                c.setFillColor(pal.muted)
                c.drawCentredString(MX + CW / 2, yy, text)
                continue
            _, x, yy, w, h, role, head, lines, key = op
            c.setFont(FONT, 7.5)
            c.setFillColor(pal.accent if key else pal.muted)
            if role == "merchant":
                c.drawRightString(x + w, yy - 8, ellipsize(head, 7.5, BUBBLE_MAX))
            else:
                c.drawString(x, yy - 8, ellipsize(head, 7.5, CW))
            top = yy - HEAD
            c.setFillColor(pal.key if key else fill[role])
            c.setStrokeColor(pal.accent if key else pal.rule)
            c.setLineWidth(1.6 if key else 0.4)
            c.roundRect(x, top - h, w, h, 4, fill=1, stroke=1)
            c.setFillColor(pal.ink)
            c.setFont(FONT, SIZE)
            ty = top - PAD - SIZE + 0.5
            for line in lines:
                draw_text(c, x + PAD, ty, line, SIZE)
                ty -= LEAD
    return draw


def layout_text(plan: ExportPlan, pe: PlannedExhibit, text: str, pal: Palette,
                mask: Callable[[str], str]) -> list[PageSpec]:
    """Plain text exhibits (a chat or trace that could not be parsed, notes)."""
    lines = wrap(mask(text), SIZE, CW)
    header_h = TOP - draw_exhibit_header(Canvas(__import__("io").BytesIO()), plan, pe, pal)
    pages: list[list[str]] = []
    y = TOP - header_h
    cur: list[str] = []
    for line in lines or [""]:
        if y - LEAD < BOTTOM:
            pages.append(cur)
            cur, y = [], TOP
        cur.append(line)
        y -= LEAD
    pages.append(cur)

    def drawer(chunk: list[str], first: bool):
        def draw(c: Canvas) -> None:
            y = draw_exhibit_header(c, plan, pe, pal) if first else TOP
            c.setFont(FONT, SIZE)
            c.setFillColor(pal.ink)
            for line in chunk:
                c.drawString(MX, y - SIZE, line)
                y -= LEAD
        return draw
    return [PageSpec(draw=drawer(ch, i == 0), est_bytes=3000) for i, ch in enumerate(pages)]
