"""The cover: what the case is, where the clock stands, and how to check the bundle."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from ..timeutil import format_duration, format_local
from .fonts import FONT, displayable, draw_text, ellipsize, wrap
from .keyfacts import key_facts
from .page import BOTTOM, CW, MX, TOP, Palette, W
from .plan import ExportPlan

TITLES = {"arbitration": ("平台介入举证材料", "Evidence for platform intervention (arbitration)"),
          "appeal": ("申诉材料", "Appeal evidence bundle")}


@dataclass
class CoverFacts:
    pages: int  # pages of this file
    total_pages: int  # over all files
    file_no: int
    file_names: list[str]
    manifest_sha256: str
    # label -> (file number, first page) of each exhibit, for the key facts' links
    exhibit_pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    # anchor ("E1-m4") -> (file number, page) of each marked message and trace row
    item_pages: dict[str, tuple[int, int]] = field(default_factory=dict)


def _rows(plan: ExportPlan, f: CoverFacts, mask) -> list[tuple[str, str]]:
    s, case = plan.source, plan.source.case
    z = plan.zone
    buyer = " ".join(x for x in (plan.masker.name(case.buyer_name), mask(case.buyer_phone)) if x)
    rows = [("店铺 Store", s.store_name or case.store_name or "—"),
            ("平台 Platform", f"{s.platform_name_zh or case.platform} {s.platform_name_en}".strip()),
            ("订单号 Order No.", case.order_no or "—"),
            ("售后单号 After-sale No.", case.after_sale_no or "—"),
            ("纠纷类型 Dispute type",
             f"{s.dispute_type_name_zh or case.dispute_type} {s.dispute_type_name_en}".strip()),
            ("买家 Buyer", buyer or "—"),
            ("金额 Amount", f"¥ {case.amount}" if case.amount else "—")]
    if case.product:
        rows.append(("商品 Product", case.product))
    for label, dt in (("发货 Shipped", case.shipped_at), ("售后申请 Request", case.request_at),
                      ("平台介入 Intervention", case.intervention_at),
                      ("判定 Judgment", case.judgment_at)):
        if dt is not None:
            rows.append((label, format_local(dt, z)))
    if plan.mode == "appeal" and case.judgment_ref:
        rows.append(("判定编号 Judgment ref.", case.judgment_ref))
    # Clocks are the merchant's business: the platform's copy never shows them.
    for d in (() if plan.for_platform else plan.source.deadlines):
        left = (d.due - plan.now).total_seconds()
        state = (f"生成时剩余 {format_duration(left, 'zh')} / {format_duration(left, 'en')} left"
                 if left >= 0 else f"生成时已超期 {format_duration(-left, 'zh')} / overdue by "
                 f"{format_duration(-left, 'en')}")
        rows.append((f"期限 {d.name_zh}", f"{format_local(d.due, z)}（{state}）"))
    rows += [("生成时间 Generated", format_local(plan.now, z, seconds=True)),
             ("证据数量 Exhibits", str(len(plan.exhibits))),
             ("页数 Pages", f"{f.pages}" + (f"（全部文件共 {f.total_pages} 页 all files）"
                                           if len(f.file_names) > 1 else "")),
             ("卷宗号 Bundle ID", plan.bundle_id),
             ("提交配置 Profile", f"{plan.profile.title_zh} {plan.profile.name}")]
    if not plan.for_platform:
        rows.append(("副本 Copy", "存档版（含内部记录，勿提交平台） Records copy (internal: do not "
                     "submit)"))
    if len(f.file_names) > 1:
        # By part, not by name: a renamed file keeps its content and its seal.
        rows.append(("文件 File", f"第 {f.file_no} / {len(f.file_names)} 个 "
                     f"part {f.file_no} of {len(f.file_names)}"))
    return rows


KEEP_BELOW = BOTTOM + 86 + 16  # the integrity box under the key facts


def _draw_key_facts(c: Canvas, plan: ExportPlan, f: CoverFacts, pal: Palette, mask,
                    y: float) -> float:
    """要点 Key facts: the user's marked messages and rows first, then what ingestion found;
    each with the page it is shown on, linked when that page is in this file. Facts that do
    not fit on the cover are counted, not dropped silently. Returns the y below them."""
    facts = key_facts(plan, mask)
    if not facts:
        return y
    y -= 18
    c.setFillColor(pal.accent)
    c.setFont(FONT, 10.5)
    c.drawString(MX, y, "要点 Key facts")
    size, lead = 8.5, 11.5
    for i, fact in enumerate(facts):
        loc = f.item_pages.get(fact.anchor) if fact.anchor else None
        dest = fact.anchor if loc else fact.label
        loc = loc or f.exhibit_pages.get(fact.label)
        here = bool(loc) and loc[0] == f.file_no  # type: ignore[index]
        where_zh = fact.label + (f" 第 {loc[1]} 页" if here else "")  # type: ignore[index]
        where_en = fact.label + (f" p. {loc[1]}" if here else "")  # type: ignore[index]
        lines = [(line, pal.ink, 4) for line in wrap(displayable(f"• {fact.zh} → {where_zh}"), size,
                                                         CW - 8)[:2]]
        lines += [(line, pal.muted, 12) for line in wrap(f"{fact.en} → {where_en}", size,
                                                           CW - 16)[:2]]
        if y - 4 - lead * (len(lines) + 1) < KEEP_BELOW and i < len(facts) - 1:
            rest = len(facts) - i
            c.setFont(FONT, size)
            c.setFillColor(pal.muted)
            c.drawString(MX + 4, y - lead + 2.5, f"…另有 {rest} 条要点见各证据页 "
                                                f"({rest} more on the exhibits' pages)")
            return y - lead
        y -= 4
        top = y
        for text, ink, indent in lines:
            c.setFont(FONT, size)
            c.setFillColor(ink)
            y -= lead
            draw_text(c, MX + indent, y + 2.5, text, size)
        if here:  # bookmarks are named by the exhibit's label, or the marked item's anchor
            c.linkRect("", dest, (MX, y, MX + CW, top), relative=0)
    return y


def draw_cover(c: Canvas, plan: ExportPlan, f: CoverFacts, pal: Palette, mask) -> None:
    zh, en = TITLES[plan.mode]
    c.setFillColor(pal.accent)
    c.rect(MX, TOP - 6, CW, 6, fill=1, stroke=0)
    c.setFont(FONT, 26)
    c.drawString(MX, TOP - 48, zh)
    c.setFont(FONT, 12)
    c.setFillColor(pal.muted)
    c.drawString(MX, TOP - 68, en)
    c.setFont(FONT, 10.5)
    c.setFillColor(pal.ink)
    c.drawString(MX, TOP - 90, f"案件编号 Case No. {plan.source.case.case_no}")
    y = TOP - 112
    request = " ".join(plan.source.case.request.split())  # masked with the plan's source
    if request:  # what the merchant asks, in one line, before anything else
        c.setFillColor(pal.accent)
        line = ellipsize(displayable(f"诉求 Merchant's request：{request}"), 12, CW)
        draw_text(c, MX, TOP - 110, line, 12)
        y = TOP - 126
    c.setStrokeColor(pal.rule)
    c.setLineWidth(0.5)
    key_w, size, lead = 150.0, 9.5, 15.0
    for key, value in _rows(plan, f, mask):
        lines = wrap(value, size, CW - key_w - 8) or [""]
        c.setFont(FONT, size)
        c.setFillColor(pal.muted)
        c.drawString(MX + 4, y - 11, key)
        c.setFillColor(pal.ink)
        for line in lines:
            c.drawString(MX + key_w, y - 11, line)
            y -= lead
        y -= 2
        c.line(MX, y - 1, MX + CW, y - 1)
    y = _draw_key_facts(c, plan, f, pal, mask, y)
    # integrity box
    y -= 16
    c.setFillColor(pal.band)
    c.rect(MX, y - 86, CW, 86, fill=1, stroke=1)
    c.setFillColor(pal.accent)
    c.setFont(FONT, 10.5)
    c.drawString(MX + 10, y - 18, "完整性 Integrity")
    c.setFillColor(pal.ink)
    c.setFont(FONT, 8.5)
    c.drawString(MX + 10, y - 34, "清单 manifest.json（PDF 附件 attachment）SHA-256：")
    c.setFont(FONT, 9)
    c.drawString(MX + 10, y - 48, f.manifest_sha256)
    c.setFont(FONT, 7.5)
    c.setFillColor(pal.muted)
    note = ("清单列出每件原件的 SHA-256、大小和入库时间；原件在案件库中保持不变，"
            "可用 evidencekit verify 逐件核对。The manifest lists each original's SHA-256; check it "
            "with evidencekit verify.")
    yy = y - 62
    for line in wrap(note, 7.5, CW - 20)[:2]:
        c.drawString(MX + 10, yy, line)
        yy -= 10
    c.setFillColor(pal.ink)
    c.setFont(FONT, 8)
    _ = W
