"""Front and back matter as flowing stories: statement, checklist summary, index, appendix."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..checklist import is_note, requirement_name
from ..domain import KINDS
from ..timeutil import format_local
from .fonts import FONT, wrap
from .page import CW, Palette
from .plan import ExportPlan


@dataclass
class Where:
    """Where exhibits landed: label -> (file number, page number), for the index."""
    file_no: int = 1
    pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    last: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> its last page
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)  # "E1-m4" -> its page
    file_names: list[str] = field(default_factory=list)


class Anchor(Flowable):
    """A zero-size flowable that adds a bookmark and outline entry where it lands."""

    def __init__(self, key: str, title: str, level: int = 0):
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, self.level)


def styles(pal: Palette) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=14, textColor=pal.ink,
                          wordWrap="CJK")
    return {
        "h1": ParagraphStyle("h1", parent=base, fontSize=15, leading=20, textColor=pal.accent,
                             spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11.5, leading=16, textColor=pal.accent,
                             spaceBefore=8, spaceAfter=4),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10,
                                textColor=pal.muted),
        "mono": ParagraphStyle("mono", parent=base, fontSize=7, leading=9.5),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11.5,
                               textColor=pal.muted),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _cell(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A table cell broken at word boundaries ("Packing / record", not "Packing recor / d"):
    reportlab's CJK wrapping breaks Latin words anywhere, :func:`fonts.wrap` does not."""
    lines = wrap(text or "", style.fontSize, width - 8 - 0.5)  # the cells' 4 pt paddings
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _table(rows: list[list], widths: list[float], pal: Palette, extra: list | None = None) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), pal.band),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, pal.rule),
        ("BOX", (0, 0), (-1, -1), 0.5, pal.rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *(extra or []),
    ]))
    return t


def _link(label: str, where: Where, pal: Palette, text: str | None = None) -> str:
    """An index link when the exhibit is in this file; plain text otherwise."""
    shown = escape(text or label)
    loc = where.pages.get(label)
    if loc and loc[0] == where.file_no:
        return f'<a href="#{label}" color="{pal.hex("accent")}">{shown}</a>'
    return shown


MAX_LINKED = 12  # exhibits named one by one in a table cell; runs collapse, the rest is counted


def _links(labels: list[str], where: Where, pal: Palette) -> str:
    """Exhibit labels for a narrow table cell: consecutive numbers as a run ("E3–E40"), and at
    most MAX_LINKED items, then the count. A cell naming hundreds of exhibits was taller than
    a page, and a table row cannot split: the whole export failed."""
    nums = [(int(lb[1:]), lb) for lb in labels if lb[:1] == "E" and lb[1:].isdigit()]
    items: list[str] = []
    run: list[tuple[int, str]] = []
    if len(nums) != len(labels):  # labels not of the E<n> form: name them as they are
        items = [_link(lb, where, pal) for lb in labels]
    else:
        for n, lb in sorted(nums):
            if run and n == run[-1][0] + 1:
                run.append((n, lb))
                continue
            if run:
                items.append(_run(run, where, pal))
            run = [(n, lb)]
        if run:
            items.append(_run(run, where, pal))
    if not items:
        return "—"
    if len(items) > MAX_LINKED:
        return "、".join(items[:MAX_LINKED]) + f" 等共 {len(labels)} 份 ({len(labels)} in all)"
    return "、".join(items)


def _run(run: list[tuple[int, str]], where: Where, pal: Palette) -> str:
    if len(run) == 1:
        return _link(run[0][1], where, pal)
    return f"{_link(run[0][1], where, pal)}–{_link(run[-1][1], where, pal)}"


def statement_story(plan: ExportPlan, pal: Palette, mask, where: Where) -> list:
    st = styles(pal)
    case = plan.source.case
    story: list = [_p("陈述 Statement", st["h1"])]
    text = mask(case.statement).strip() or "（商家未填写陈述 No statement given）"
    for para in text.split("\n\n"):
        story += [_p(para.strip(), st["body"]), Spacer(1, 5)]
    if plan.mode == "appeal":
        story.append(_p("申诉要点 Points of appeal", st["h2"]))
        ref = case.judgment_ref or "（未填写 not given）"
        when = format_local(case.judgment_at, plan.zone) if case.judgment_at else "—"
        story.append(_p(f"被申诉判定 Judgment appealed：{ref}　判定时间 Judged at：{when}",
                        st["body"]))
        if case.judgment_text:
            story.append(_p("判定原文 Judgment text：" + mask(case.judgment_text), st["small"]))
        story.append(Spacer(1, 6))
        head = [_p(t, st["head"]) for t in ("#", "判定依据 Basis", "事实 Fact", "证据 Exhibits")]
        rows = [head]
        for i, pt in enumerate(case.appeal_points, start=1):
            links = _links([plan.label_for(x) for x in pt.exhibit_ids], where, pal)
            rows.append([_p(str(i), st["cell"]), _p(mask(pt.basis), st["cell"]),
                         _p(mask(pt.fact), st["cell"]), Paragraph(links, st["cell"])])
        if len(rows) == 1:
            rows.append([_p("—", st["cell"]), _p("（未填写申诉要点 no points given）", st["cell"]),
                         "", ""])
        story.append(_table(rows, [22, (CW - 92) / 2, (CW - 92) / 2, 70], pal))
        from .changes import changes_story
        story += changes_story(plan, st, mask, lambda label: _link(label, where, pal))
    return story


STATUS = {"ok": ("满足", "met"), "missing": ("缺失", "missing"), "warning": ("注意", "check")}


def evidence_story(plan: ExportPlan, pal: Palette, where: Where) -> list:
    """The platform's copy of the checklist: for each requirement, the evidence provided,
    linked. No statuses, no warnings, nothing about what is missing: that is the
    merchant's business, and the records copy keeps it."""
    st = styles(pal)
    dt = plan.source.dispute_type_name_zh or plan.source.case.dispute_type
    story: list = [Spacer(1, 14), Anchor("checklist", "证据对照 Evidence by requirement"),
                   _p("各项要求对应的证据 Evidence provided for each requirement", st["h1"]),
                   _p(f"纠纷类型 Dispute type：{dt} {plan.source.dispute_type_name_en}", st["body"]),
                   Spacer(1, 6)]
    rows = [[_p(t, st["head"]) for t in ("要求 Requirement", "提供的证据 Evidence provided")]]
    case = plan.source.case
    for item in plan.source.checklist:
        if is_note(item):  # the merchant's own notes (who signed for it) stay in the records copy
            continue
        labels = [plan.label_for(x) for x in item.exhibits if x in plan.labels]
        cell = _links(labels, where, pal) if labels else ""  # runs collapse: a row fits a page
        if item.kind == "appeal_statement" and item.status != "missing":
            cell = "见陈述与申诉要点 See the statement and points"
        elif item.kind == "judgment_reference" and case.judgment_ref:
            cell = escape(case.judgment_ref)
        elif "work_order_log" in item.kind.split("|") and plan.source.worklog:
            link = f'<a href="#worklog" color="{pal.hex("accent")}">售后工单 Work-order log</a>'
            cell = "、".join(x for x in (cell, link) if x)
        if not cell:
            continue  # not provided: nothing to show the arbitrator
        zh, en = requirement_name(item.kind)
        rows.append([_cell(f"{zh} {en}", st["cell"], 190), Paragraph(cell, st["cell"])])
    if len(rows) == 1:
        rows.append([_p("—", st["cell"]), _p("见证据目录 See the index", st["cell"])])
    story.append(_table(rows, [190, CW - 190], pal))
    return story


def checklist_story(plan: ExportPlan, pal: Palette, where: Where) -> list:
    if plan.for_platform:
        return evidence_story(plan, pal, where)
    st = styles(pal)
    dt = plan.source.dispute_type_name_zh or plan.source.case.dispute_type
    story: list = [Spacer(1, 14), Anchor("checklist", "证据清单 Checklist"),
                   _p("证据清单核对 Checklist", st["h1"]),
                   _p(f"纠纷类型 Dispute type：{dt} {plan.source.dispute_type_name_en}", st["body"]),
                   Spacer(1, 6)]
    head = [_p(t, st["head"]) for t in ("要求 Requirement", "必需 Req.", "状态 Status",
                                        "证据 Exhibits", "说明 Note")]
    rows, extra = [head], []
    for i, item in enumerate(plan.source.checklist, start=1):  # notes too: the merchant's copy
        names = " ".join(requirement_name(item.kind))
        zh, en = STATUS.get(item.status, (item.status, item.status))
        labels = [plan.label_for(x) for x in item.exhibits]
        rows.append([_cell(names, st["cell"], 140), _p("必需" if item.required else "建议", st["cell"]),
                     _p(f"{zh} {en}", st["cell"]),
                     Paragraph(_links(labels, where, pal), st["cell"]),
                     _p(item.reason_zh, st["cell"])])
        if item.status != "ok":
            extra.append(("TEXTCOLOR", (2, i), (2, i), pal.alert_ink))
    if len(rows) == 1:
        rows.append([_p("（未提供清单 no checklist）", st["cell"]), "", "", "", ""])
    story.append(_table(rows, [140, 46, 64, 70, CW - 320], pal, extra))
    return story


def index_story(plan: ExportPlan, pal: Palette, where: Where, times: dict[str, str]) -> list:
    st = styles(pal)
    story: list = [_p("证据目录 Index of exhibits", st["h1"])]
    if len(where.file_names) > 1:
        n = len(where.file_names)  # by count, not by name (see manifest.build_manifest)
        story.append(_p(f"本卷宗分为 {n} 个文件 Split into {n} files", st["small"]))
        story.append(Spacer(1, 4))
    head = [_p(t, st["head"]) for t in ("编号", "类型 Kind", "说明 / 原件 Caption / source",
                                        "时间 Time", "页", "哈希 Hash")]
    rows = [head]
    for pe in plan.exhibits:
        ex = pe.exhibit
        kind = KINDS.get(ex.kind, (ex.kind, ex.kind))
        loc = where.pages.get(pe.label)
        if loc is None:
            page = "—"
        elif loc[0] == where.file_no:
            end = where.last.get(pe.label, loc)
            shown = f"{loc[1]}–{end[1]}" if end[0] == loc[0] and end[1] > loc[1] else str(loc[1])
            page = _link(pe.label, where, pal, shown)
        else:
            page = f"文件{loc[0]} p.{loc[1]}"
        new = (f' <font color="{pal.hex("alert_ink")}">【新 NEW】</font>'
               if ex.is_new and plan.mode == "appeal" else "")
        caption = escape(ex.caption or "—") + new
        muted = pal.hex("muted")
        rows.append([
            Paragraph(_link(pe.label, where, pal), st["cell"]),
            _cell(f"{kind[0]}\n{kind[1]}", st["cell"], 62),
            Paragraph(f"{_link(pe.label, where, pal, ex.caption or '—') if ex.caption else caption}"
                      f"{new if ex.caption else ''}<br/><font size=7 color='{muted}'>"
                      f"{escape(ex.source_name)}</font>", st["cell"]),
            _p(times.get(pe.label, "") or "—", st["small"]),
            Paragraph(page, st["cell"]),
            _p(ex.sha256[:12], st["mono"]),
        ])
    story.append(_table(rows, [42, 62, CW - 42 - 62 - 112 - 36 - 58, 112, 36, 58], pal))
    return story


def appendix_story(plan: ExportPlan, pal: Palette, warnings: list[tuple[str, str]],
                   mask=lambda text: text) -> list:
    st = styles(pal)
    story: list = [_p("附录 A：哈希清单 Appendix A: hash manifest", st["h1"]),
                   _p("每件原件入库时计算的 SHA-256。原件保存在案件库中，未作任何改动；"
                      "可用 evidencekit verify 核对。SHA-256 of each original as recorded when it "
                      "entered the case; originals are kept unchanged.", st["small"]),
                   Spacer(1, 6)]
    rows = [[_p(t, st["head"]) for t in ("编号", "原件 Original / SHA-256", "大小 Size",
                                         "入库 Added")]]
    for pe in plan.exhibits:
        ex = pe.exhibit
        rows.append([_p(pe.label, st["cell"]),
                     Paragraph(f"{escape(ex.source_name)}<br/><font size=6.8>{ex.sha256}</font>",
                               st["cell"]),
                     _p(f"{ex.size:,} B", st["cell"]),
                     _p(format_local(ex.added_at, plan.zone), st["small"])])
    story.append(_table(rows, [32, CW - 32 - 64 - 100, 64, 100], pal))
    story += worklog_story(plan, pal, mask)
    if plan.for_platform:
        return story  # the edit log and processing notes stay in the records copy
    letters = iter("CD" if plan.source.worklog else "BC")
    n = next(letters)
    story.append(_p(f"附录 {n}：案件操作日志（内部） Appendix {n}: case action log (internal)",
                    st["h2"]))
    rows = [[_p(t, st["head"]) for t in ("时间 Time", "操作人 Actor", "操作 Action",
                                         "详情 Detail")]]
    for e in sorted(plan.source.log, key=lambda e: (e.at, e.id)):
        rows.append([_p(format_local(e.at, plan.zone), st["small"]), _p(e.actor, st["cell"]),
                     _p(e.action, st["cell"]), _p(mask(e.detail), st["cell"])])
    if len(rows) == 1:
        rows.append([_p("—", st["cell"]), "", "", ""])
    story.append(_table(rows, [108, 70, 110, CW - 288], pal))
    if warnings:
        n = next(letters)
        story.append(_p(f"附录 {n}：生成说明（内部） Appendix {n}: processing notes (internal)",
                        st["h2"]))
        for zh, en in warnings:
            story.append(_p(f"• {zh}　{en}", st["small"]))
    return story


def worklog_story(plan: ExportPlan, pal: Palette, mask) -> list:
    """The merchant's work-order log (售后工单): each step with its time, as written."""
    st = styles(pal)
    if not plan.source.worklog:
        return []
    story: list = [Anchor("worklog", "售后工单 Work-order log", 1),
                   _p("附录 B：售后工单 Appendix B: work-order log", st["h2"])]
    rows = [[_p(t, st["head"]) for t in ("时间 Time", "处理经过 Step")]]
    for e in sorted(plan.source.worklog, key=lambda e: (e.at, e.id)):
        rows.append([_p(format_local(e.at, plan.zone), st["small"]), _p(mask(e.text), st["cell"])])
    story.append(_table(rows, [118, CW - 118], pal))
    return story
