"""Logistics traces as a timeline table; the signed row and stalls are highlighted."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any, Callable

from reportlab.pdfgen.canvas import Canvas

from ..timeutil import format_local, from_iso
from .fonts import FONT, wrap
from .heading import draw_exhibit_header, exhibit_time
from .page import BOTTOM, CW, MX, TOP, PageSpec, Palette
from .plan import ExportPlan, PlannedExhibit

STATUS = {"collected": "已揽收", "in_transit": "运输中", "out_for_delivery": "派送中",
          "signed": "已签收", "proxy_signed": "代签收", "returned": "退回",
          "exception": "异常", "unknown": "—"}
SIZE = 8.5
LEAD = 11.5
# Rows are numbered per exhibit ("E2 #5") so a statement can cite them and the user can mark them.
COLS = (("#", 22.0), ("时间 Time", 108.0), ("地点 Location", 80.0),
        ("事件 Event", CW - 22 - 108 - 80 - 66), ("状态 Status", 66.0))
KEY_MARK = "★"  # before the number of a row the user marked as key
HEAD_H = 18.0


def _dt(v: Any) -> datetime | None:
    if isinstance(v, datetime):
        return v
    try:
        return from_iso(v) if v else None
    except ValueError:
        return None


def _rows(plan: ExportPlan, trace: Any, mask: Callable[[str], str],
          marked: frozenset[int] = frozenset()) -> list[tuple[str, list, int]]:
    """(style, cells, event number) rows: style is "", "signed", "stall" or "key" (marked by
    the user; the status column still says signed); a stall row has number 0."""
    stalls = sorted(((_dt(s.get("from")), _dt(s.get("to")), float(s.get("hours", 0)))
                     for s in (trace.stalls or [])), key=lambda s: (s[0] is None, s[0] or 0))
    rows: list[tuple[str, list, int]] = []
    pending = list(stalls)
    for n, ev in enumerate(trace.events, start=1):
        while pending and pending[0][0] is not None and ev.at is not None and pending[0][1] \
                and pending[0][1] <= ev.at:
            rows.append(_stall_row(plan, pending.pop(0)))
        status = STATUS.get(ev.status, ev.status or "—")
        style = "signed" if ev.status in ("signed", "proxy_signed") else ""
        style = "key" if n in marked else style
        number = f"{KEY_MARK}{n}" if n in marked else str(n)
        rows.append((style, [number, format_local(ev.at, plan.zone) if ev.at else "时间缺失",
                             mask(ev.location or ""), mask(ev.text or ""), status], n))
    rows.extend(_stall_row(plan, s) for s in pending)
    return rows


def _stall_row(plan: ExportPlan, stall: tuple) -> tuple[str, list, int]:
    a, b, hours = stall
    span = f"{format_local(a, plan.zone)} — {format_local(b, plan.zone)}" if a and b else ""
    return ("stall", ["", "", "", f"停滞 {hours:.0f} 小时（{hours / 24:.1f} 天）无更新  "
                                  f"Stalled {hours:.0f} h  {span}", "停滞 Stall"], 0)


def _summary(trace: Any, plan: ExportPlan) -> str:
    signed = [e for e in trace.events if e.status in ("signed", "proxy_signed")]
    parts = [f"{trace.carrier or '承运商未知'} {trace.tracking_no or ''}".strip(),
             f"{len(trace.events)} 条轨迹 events"]
    if signed and signed[-1].at:
        parts.append("签收 Signed " + format_local(signed[-1].at, plan.zone))
    if trace.stalls:
        parts.append(f"停滞 {len(trace.stalls)} 处 stalls")
    return " · ".join(parts)


def layout_trace(plan: ExportPlan, pe: PlannedExhibit, trace: Any, pal: Palette,
                 mask: Callable[[str], str]) -> list[PageSpec]:
    marked = frozenset(pe.exhibit.marks)
    rows = [(style, [wrap(cell, SIZE, w - 8) or [""] for cell, (_, w) in zip(cells, COLS, strict=False)],
             n) for style, cells, n in _rows(plan, trace, mask, marked)]
    time_text, summary = exhibit_time(plan, pe, trace), _summary(trace, plan)
    start = draw_exhibit_header(Canvas(io.BytesIO()), plan, pe, pal, TOP, time_text, summary)
    pages: list[list] = [[]]
    anchors: list[list[str]] = [[]]  # per page: the marked rows on it (the cover links there)
    y = start - HEAD_H
    for style, cells, n in rows:
        h = max(len(c) for c in cells) * LEAD + 6
        if y - h < BOTTOM and pages[-1]:
            pages.append([])
            anchors.append([])
            y = TOP - HEAD_H
        pages[-1].append((style, cells, h))
        if n in marked:
            anchors[-1].append(f"{pe.label}-r{n}")
        y -= h

    def drawer(ops, first: bool):
        def draw(c: Canvas) -> None:
            y = draw_exhibit_header(c, plan, pe, pal, TOP, time_text, summary) if first else TOP
            c.setFillColor(pal.band)
            c.setStrokeColor(pal.rule)
            c.setLineWidth(0.5)
            c.rect(MX, y - HEAD_H, CW, HEAD_H, fill=1, stroke=1)
            x = MX
            c.setFont(FONT, SIZE)
            c.setFillColor(pal.muted)
            for title, w in COLS:
                c.drawString(x + 4, y - 12.5, title)
                x += w
            y -= HEAD_H
            for style, cells, h in ops:
                fill = {"signed": pal.highlight, "stall": pal.alert, "key": pal.key}.get(style)
                if fill is not None:
                    c.setFillColor(fill)
                    c.rect(MX, y - h, CW, h, fill=1, stroke=0)
                if style == "key":  # a bar in the margin: seen at a glance, in grey print too
                    c.setFillColor(pal.accent)
                    c.rect(MX - 5, y - h, 3, h, fill=1, stroke=0)
                c.setStrokeColor(pal.rule)
                c.line(MX, y - h, MX + CW, y - h)
                x = MX
                for i, (lines, (_, w)) in enumerate(zip(cells, COLS, strict=False)):
                    ink = pal.alert_ink if style == "stall" else (
                        pal.ok_ink if style == "signed" and i == 4 else
                        pal.accent if style == "key" and i == 0 else pal.ink)
                    c.setFillColor(ink)
                    c.setFont(FONT, SIZE)
                    ty = y - 3 - SIZE
                    for line in lines:
                        c.drawString(x + 4, ty, line)
                        ty -= LEAD
                    x += w
                y -= h
        return draw
    return [PageSpec(draw=drawer(ops, i == 0), est_bytes=3000 + 80 * len(ops), anchors=anchors[i])
            for i, ops in enumerate(pages)]
