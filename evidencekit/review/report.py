"""The weekly review as a PDF report: the page's charts, drawn as vector graphics by reportlab
(not screenshots), each followed by its table; one embedded CJK font; written atomically.

It takes the review's JSON form (``Review.to_dict()``), so the app's page and the report show
the same numbers from one count.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ..progress import CancelLike, ProgressFn, check_cancel
from ..timeutil import format_local, from_iso
from .output import check_destination, write_atomically
from .tables import COLUMNS, SECTION_TITLES, SECTIONS

# Decision colours: the app's charts use the same (ui/review_charts.py).
DECISION_COLORS = {"won": "#2e7d32", "partly": "#f9a825", "lost": "#c62828", "refunded": "#1565c0",
                   "withdrawn": "#8d6e63", "undecided": "#9e9e9e"}
DECISION_NAMES = {"won": ("胜诉", "Won"), "partly": ("部分支持", "Partly"), "lost": ("败诉", "Lost"),
                  "refunded": ("退款和解", "Refunded"), "withdrawn": ("撤回", "Withdrawn"),
                  "undecided": ("未出结果", "Undecided")}
MAX_BARS = 12
_DAY = timedelta(days=1)  # a range's end is the day after its last day
BY_NAMES = {"type": ("纠纷类型", "dispute type"), "product": ("商品", "product"), "carrier": ("快递公司", "carrier"),
            "store": ("店铺", "store"), "staff": ("经办人", "staff"), "week": ("周", "week"),
            "month": ("月", "month")}


def _pick(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def _cell(value: Any, kind: str) -> str:
    if value is None or value == "":
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "hours":
        return f"{value:.1f}"
    return str(value)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _bar_chart(font: str, categories: list[str], series: list[tuple[str, str, list[float]]], *,
               stacked: bool = False, top: float | None = None, width: float = 480, height: float = 190):
    """A horizontal bar chart (categories top to bottom) with a legend when several series."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    d = Drawing(width, height, initialFontName=font)
    chart = HorizontalBarChart()
    label_width = max((stringWidth(c, font, 8) for c in categories), default=40)
    chart.x, chart.y = min(200, label_width + 12), 30 if len(series) > 1 else 12
    chart.width, chart.height = width - chart.x - 20, height - chart.y - 8
    chart.data = [list(reversed(values)) for _name, _color, values in series]  # first category on top
    chart.categoryAxis.categoryNames = list(reversed(categories))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    if top is not None:
        chart.valueAxis.valueMax = top
    else:  # counts: whole numbers on the axis
        biggest = max((sum(v) for v in zip(*chart.data, strict=True)) if stacked else
                      (max(v) for v in chart.data), default=1)
        chart.valueAxis.valueStep = max(1, math.ceil(biggest / 6))
    if stacked:
        chart.categoryAxis.style = "stacked"
    chart.barSpacing = 1
    chart.groupSpacing = 4
    for i, (_name, color, _values) in enumerate(series):
        chart.bars[i].fillColor = HexColor(color)
        chart.bars[i].strokeColor = None
    d.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.fontName, legend.fontSize = font, 8
        legend.x, legend.y = chart.x, 10
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 7
        legend.deltax = 60
        legend.colorNamePairs = [(HexColor(color), name) for name, color, _values in series]
        d.add(legend)
    return d


def _chart(section: str, data: dict, font: str, lang: str):
    """The section's chart, as on the app's page; None when there is nothing to draw."""
    if section == "groups":
        groups = data["groups"][:MAX_BARS]
        if not groups:
            return None
        cats = [_short(g["key"] if data["by"] == "week" else g["label"], 24) for g in groups]
        series = [(_pick(lang, DECISION_NAMES[d]), DECISION_COLORS[d],
                   [float(len(g["case_ids_by_decision"][d])) for g in groups]) for d in DECISION_NAMES]
        return _bar_chart(font, cats, series, stacked=True, height=max(140, 22 * len(cats) + 50))
    if section == "clocks":
        clocks = data["clocks"][:MAX_BARS]
        if not clocks:
            return None
        return _bar_chart(font, [_short(c["name"], 34) for c in clocks],
                          [(_pick(lang, ("按时率 %", "On time %")), "#1565c0",
                            [round((c["on_time_rate"] or 0) * 100, 1) for c in clocks])],
                          top=100, height=max(100, 20 * len(clocks) + 30))
    if section == "kinds":
        kinds = data["kinds"][:MAX_BARS]
        if not kinds:
            return None
        return _bar_chart(font, [_short(k["name"], 24) for k in kinds],
                          [(_pick(lang, ("含此证据的胜诉率 %", "Win rate with it %")), "#1565c0",
                            [round((k["with"]["win_rate"] or 0) * 100, 1) for k in kinds]),
                           (_pick(lang, ("不含此证据的胜诉率 %", "Win rate without it %")), "#9e9e9e",
                            [round((k["without"]["win_rate"] or 0) * 100, 1) for k in kinds])],
                          top=100, height=max(120, 30 * len(kinds) + 50))
    words = (data.get("words") or [])[:MAX_BARS]
    if not words:
        return None
    return _bar_chart(font, [w["word"] for w in words],
                      [(_pick(lang, ("次数", "Times said")), "#1565c0", [float(w["count"]) for w in words])],
                      height=max(100, 16 * len(words) + 30))


def _table(section: str, data: dict, font: str, lang: str, width: float):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    cols = COLUMNS[section]
    if section == "groups":  # the page's wide table, without the key column (the name says it)
        cols = tuple(c for c in cols if c.id != "key")
    items = [*data["groups"], data["total"]] if section == "groups" else list(data[section] or [])
    head = ParagraphStyle("head", fontName=font, fontSize=6.5, leading=8, splitLongWords=False)
    numeric = [c.kind in ("rate", "money", "hours") or all(isinstance(c.get(i), int) for i in items)
               for c in cols]
    first = 0.22 if section != "clocks" else 0.12
    widths = [width * first] + [width * (1 - first) / (len(cols) - 1)] * (len(cols) - 1)
    if section == "clocks":  # platform, then the clock's (long) name
        widths = [width * 0.1, width * 0.3] + [width * 0.6 / (len(cols) - 2)] * (len(cols) - 2)
    table = Table([[Paragraph(c.title(lang), head) for c in cols],
                   *[[_cell(c.get(i), c.kind) for c in cols] for i in items]],
                  repeatRows=1, colWidths=widths)
    style = [("FONT", (0, 0), (-1, -1), font, 7), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
             ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0b4bc")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("ALIGN", (n, 1), (n, -1), "RIGHT") for n, is_number in enumerate(numeric) if is_number]
    if section == "groups":
        style.append(("BACKGROUND", (0, len(items)), (-1, len(items)), colors.HexColor("#f3f4f7")))
    table.setStyle(TableStyle(style))
    return table


def write_review_pdf(data: dict, path: Path, lang: str, now: datetime, zone: tzinfo, *,
                     force: bool = True, progress: Callable[[float, str, str], None] | None = None,
                     cancel: CancelLike | None = None) -> Path:
    """The report of one review (``Review.to_dict()``) at ``path``, replaced whole or not at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from ..export.fonts import register

    path = check_destination(Path(path), force)
    font = register()
    h1 = ParagraphStyle("h1", fontName=font, fontSize=16, leading=22, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=font, fontSize=11.5, leading=16, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=12)
    start, end = from_iso(data["from"]), from_iso(data["to"])
    span = (f"{format_local(start, zone)[:10] if start else '…'} – "
            f"{format_local(end - _DAY, zone)[:10] if end else '…'}")
    total = data["total"]
    title = _pick(lang, ("售后复盘", "After-sales review"))
    story: list[Any] = [
        Paragraph(f"{title}　{span}", h1),
        Paragraph(_pick(lang, (
            f"按{BY_NAMES[data['by']][0]}统计；案件按售后申请时间（没有则按建档时间）归入，时区 {data['zone']}。"
            f"共 {total['disputes']} 件，胜诉率 {_cell(total['win_rate'], 'rate')}"
            f"（胜诉 ÷（胜诉 + 部分支持 + 败诉）），退款 {total['refunded_amount']}，"
            f"期限按时率 {_cell(total['on_time']['rate'], 'rate')}。生成于 {format_local(now, zone)}。",
            f"By {BY_NAMES[data['by']][1]}; a case is dated by its after-sale request (else its creation), "
            f"zone {data['zone']}. {total['disputes']} cases, win rate {_cell(total['win_rate'], 'rate')} "
            f"(won ÷ (won + partly + lost)), refunded {total['refunded_amount']}, clocks kept "
            f"{_cell(total['on_time']['rate'], 'rate')}. Made {format_local(now, zone)}.")), body)]
    width = A4[0] - 30 * mm
    for i, section in enumerate(SECTIONS):
        check_cancel(cancel)
        if progress is not None:
            progress(i / len(SECTIONS), "绘制图表…", "Drawing charts…")
        if section != "groups" and not data.get(section):
            continue
        chart = _chart(section, data, font, lang)
        parts: list[Any] = [Paragraph(_pick(lang, SECTION_TITLES[section]), h2)]
        if chart is not None:
            parts += [chart, Spacer(1, 4)]
        story.append(KeepTogether([*parts, _table(section, data, font, lang, width)]))

    def write(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=14 * mm, bottomMargin=14 * mm, title=f"{title} {span}",
                                author="EvidenceKit", invariant=1, initialFontName=font)
        doc.build(story)
    return write_atomically(path, write)


def report_job(data: dict, path: Path, lang: str, now: datetime, zone: tzinfo
               ) -> Callable[[ProgressFn, CancelLike], Path]:
    """The report as long work for the app's runner (the user chose the file: replaced)."""
    def work(progress: ProgressFn, cancel: CancelLike) -> Path:
        return write_review_pdf(data, path, lang, now, zone, force=True, progress=progress, cancel=cancel)
    return work
