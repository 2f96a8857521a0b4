"""The header block that opens every exhibit, and the times shown for an exhibit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from ..domain import KINDS
from ..timeutil import format_local, from_iso
from .fonts import FONT, ellipsize, wrap
from .page import CW, MX, NEW_MARK, TOP, Palette
from .plan import ExportPlan, PlannedExhibit

_TIME_KEYS = ("captured_at", "taken_at", "capture_time", "datetime_original", "created_at")
_SPAN_KEYS = (("span_from", "span_to"), ("first_at", "last_at"), ("start", "end"),
              ("time_from", "time_to"))


def _as_dt(v: Any) -> datetime | None:
    if isinstance(v, datetime):
        return v
    if isinstance(v, str) and v:
        try:
            return from_iso(v)
        except ValueError:
            return None
    return None


def facts_span(facts: dict) -> tuple[datetime | None, datetime | None]:
    """The time span ingestion recorded, else its capture time (as ``(t, None)``)."""
    for k1, k2 in _SPAN_KEYS:
        a = _as_dt(facts.get(k1))
        if a:
            return a, _as_dt(facts.get(k2))
    for k in _TIME_KEYS:
        t = _as_dt(facts.get(k))
        if t is not None:
            return t, None
    return None, None


def exhibit_time(plan: ExportPlan, pe: PlannedExhibit, content: Any = None) -> str:
    """Capture time or time span as text, with the zone; "" when unknown."""
    from ..kinds import renderer  # the exhibit's view knows where its time is
    a, b = renderer(pe.render).span(content, pe.exhibit.facts or {})
    if a is None:
        return ""
    if b is None or b == a:
        return format_local(a, plan.zone)
    return f"{format_local(a, plan.zone)} — {format_local(b, plan.zone)}"


def kind_label(kind: str) -> str:
    zh, en = KINDS.get(kind, (kind, kind))
    return f"{zh} {en}"


def header_text(pe: PlannedExhibit, new: bool = False) -> str:
    """The running header of an exhibit's pages; a new exhibit of an appeal says so on every
    page (the page stamp draws :data:`NEW_MARK` in the alert colour)."""
    text = f"{pe.label} {KINDS.get(pe.exhibit.kind, (pe.exhibit.kind,))[0]}"
    return f"{text}  {NEW_MARK}" if new else text


def draw_exhibit_header(c: Canvas, plan: ExportPlan, pe: PlannedExhibit, pal: Palette,
                        y: float = TOP, time_text: str = "", extra: str = "") -> float:
    """Draw the block; return the y where content may start."""
    ex = pe.exhibit
    rows = []
    if ex.caption:
        rows.append(("说明 Caption", ex.caption))
    rows.append(("原件 Source", ex.source_name))
    rows.append(("SHA-256", ex.sha256))
    rows.append(("入库 Added", format_local(ex.added_at, plan.zone)))
    if time_text:
        rows.append(("时间 Time", time_text))
    if extra:
        rows.append(("备注 Note", extra))
    key_w, size, lead = 74.0, 8.5, 12.0
    lines = [(k, line) for k, v in rows for line in (wrap(v, size, CW - 24 - key_w) or [""])]
    height = 30 + len(lines) * lead + 8
    c.saveState()
    c.setFillColor(pal.band)
    c.setStrokeColor(pal.rule)
    c.setLineWidth(0.6)
    c.rect(MX, y - height, CW, height, fill=1, stroke=1)
    c.setFillColor(pal.accent)
    c.rect(MX, y - height, 4, height, fill=1, stroke=0)
    c.setFont(FONT, 15)
    c.drawString(MX + 12, y - 21, pe.label)
    c.setFont(FONT, 11)
    c.setFillColor(pal.ink)
    c.drawString(MX + 52, y - 20, ellipsize(kind_label(ex.kind), 11, CW - 170))
    if ex.is_new and plan.mode == "appeal":
        c.setFillColor(pal.alert_ink)
        c.roundRect(MX + CW - 96, y - 24, 84, 16, 3, fill=1, stroke=0)
        c.setFillColor(pal.band if plan.settings.grayscale else pal.band)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(FONT, 8.5)
        c.drawCentredString(MX + CW - 54, y - 19.5, "新证据 NEW")
    yy = y - 30
    prev = None
    for key, line in lines:
        c.setFont(FONT, size)
        if key != prev:
            c.setFillColor(pal.muted)
            c.drawString(MX + 12, yy - size, key)
            prev = key
        c.setFillColor(pal.ink)
        c.setFont(FONT, 7.8 if key == "SHA-256" else size)
        c.drawString(MX + 12 + key_w, yy - size, line)
        yy -= lead
    c.restoreState()
    return y - height - 12
