"""The checklist engine: does a case hold the evidence its dispute type needs?

Each requirement of the dispute type (and, in appeal mode, what an appeal adds) becomes a
:class:`ChecklistItem` with status ``ok``, ``missing`` or ``warning`` (met, but an exhibit
that meets it has findings to look at) and a reason in Chinese and English.
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from .checks import contextual_findings
from .domain import KINDS, Case, ChecklistItem, Exhibit, Finding
from .rules import RuleSet

MODES = ("arbitration", "appeal")

# Requirements that are not evidence kinds (what an appeal adds).
APPEAL_REQUIREMENTS = {
    "appeal_statement": ("申诉说明", "Appeal statement"),
    "judgment_reference": ("判定引用", "Judgment reference"),
    "new_evidence": ("新证据", "New evidence"),
}
# Notes: never required, never block; for the merchant only (not printed in a platform copy).
NOTE_ITEMS = {
    "proxy_signed": ("代收核实", "Who signed for it"),
}


def requirement_name(kind: str) -> tuple[str, str]:
    """(zh, en) name of a checklist item's requirement: a kind, "a|b" alternatives, or an appeal item."""
    if kind in APPEAL_REQUIREMENTS:
        return APPEAL_REQUIREMENTS[kind]
    if kind in NOTE_ITEMS:
        return NOTE_ITEMS[kind]
    parts = [KINDS.get(k, (k, k)) for k in kind.split("|")]
    return " 或 ".join(p[0] for p in parts), " or ".join(p[1] for p in parts)


def _names(kinds: tuple[str, ...], lang: str) -> str:
    i = 0 if lang == "zh" else 1
    sep = " 或 " if lang == "zh" else " or "
    return sep.join(KINDS[k][i] for k in kinds)


def exhibit_findings(case: Case, exhibit: Exhibit, rules: RuleSet, now: datetime) -> list[Finding]:
    """Intrinsic findings stored at attach time plus case-relative ones as of ``now``."""
    findings = list(exhibit.warnings)
    platform = rules.platform(case.platform)
    dtype = platform.dispute_type(case.dispute_type)
    seen = {f.code for f in findings}
    for f in contextual_findings(case, exhibit.kind, exhibit.facts,
                                 needs_signed=dtype.needs_signed_event,
                                 stall_hours=platform.stall_hours, now=now):
        if f.code not in seen:
            findings.append(f)
    return findings


def _kind_item(kinds: tuple[str, ...], required: bool, exhibits: list[Exhibit],
               findings: dict[int, list[Finding]], worklog: int = 0) -> ChecklistItem:
    matching = [e for e in exhibits if e.kind in kinds]
    label_zh, label_en = _names(kinds, "zh"), _names(kinds, "en")
    key = "|".join(kinds)
    if not matching and worklog and "work_order_log" in kinds:
        # The merchant's own work-order log, written in the case, is that evidence.
        return ChecklistItem(key, required, "ok", [], f"已填写售后工单（{worklog} 条）",
                             f"Work-order log written ({worklog} entries)")
    if not matching:
        need_zh = "必需" if required else "建议"
        need_en = "required" if required else "recommended"
        return ChecklistItem(key, required, "missing", [],
                             f"缺少{label_zh}（{need_zh}）",
                             f"No {label_en.lower()} yet ({need_en})")
    ids = [e.id for e in matching]
    warned = [(e, f) for e in matching for f in findings.get(e.id, [])]
    if warned:
        zh = "；".join(f"E{e.position}: {f.zh}" for e, f in warned[:3])
        en = "; ".join(f"E{e.position}: {f.en}" for e, f in warned[:3])
        return ChecklistItem(key, required, "warning", ids, f"{label_zh}已提供，但需注意：{zh}",
                             f"{label_en} present, but check: {en}")
    return ChecklistItem(key, required, "ok", ids, f"已提供{label_zh}（{len(ids)} 份）",
                         f"{label_en} present ({len(ids)})")


def _appeal_items(case: Case, exhibits: list[Exhibit], rules: RuleSet) -> list[ChecklistItem]:
    rule = rules.platform(case.platform).appeal
    items = []
    if rule.statement:
        has = bool(case.statement.strip()) or any(p.basis.strip() and p.fact.strip()
                                                  for p in case.appeal_points)
        items.append(ChecklistItem(
            "appeal_statement", True, "ok" if has else "missing", [],
            "已写申诉说明" if has else "缺少申诉说明：逐条说明判定依据与事实不符之处",
            "Appeal statement written" if has else
            "No appeal statement: state point by point where the judgment's basis differs from the facts"))
    if rule.judgment_reference:
        has = bool(case.judgment_ref.strip())
        items.append(ChecklistItem(
            "judgment_reference", True, "ok" if has else "missing", [],
            f"已引用判定：{case.judgment_ref}" if has else "缺少所申诉判定的编号或引用",
            f"Judgment referenced: {case.judgment_ref}" if has else
            "No reference to the judgment being appealed"))
    if rule.new_exhibits > 0:
        new = [e.id for e in exhibits if e.is_new]
        ok = len(new) >= rule.new_exhibits
        items.append(ChecklistItem(
            "new_evidence", True, "ok" if ok else "missing", new,
            f"新证据 {len(new)} 份" if ok else f"申诉至少需要 {rule.new_exhibits} 份新证据（标记为“新”）",
            f"{len(new)} new exhibit(s)" if ok else
            f"An appeal needs at least {rule.new_exhibits} exhibit(s) marked new"))
    return items


def evaluate(case: Case, exhibits: list[Exhibit], rules: RuleSet,
             mode: str = "arbitration", *, now: datetime,
             worklog: Sequence = ()) -> list[ChecklistItem]:
    """Checklist items, required first, in the rule file's order. Entries of the case's
    work-order log (``worklog``) meet the work-order-log item."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    dtype = rules.platform(case.platform).dispute_type(case.dispute_type)
    findings = {e.id: exhibit_findings(case, e, rules, now) for e in exhibits}
    n = len(worklog)
    items = [_kind_item(k, True, exhibits, findings, n) for k in dtype.required]
    items += [_kind_item(k, False, exhibits, findings, n) for k in dtype.recommended]
    if dtype.needs_signed_event:
        items += _proxy_signing_note(exhibits)
    if mode == "appeal":
        items += _appeal_items(case, exhibits, rules)
    return items


def _proxy_signing_note(exhibits: list[Exhibit]) -> list[ChecklistItem]:
    """A trace signed by someone else (parcel station, locker, family): seed 003 — ask whether a
    relative or neighbour took it before calling the claim malicious."""
    proxied = [e for e in exhibits if e.kind == "logistics_trace"
               and (e.facts or {}).get("proxy_signed")]
    if not proxied:
        return []
    who = "、".join(sorted({str(e.facts.get("signed_by") or "").strip() for e in proxied} - {""}))
    by_zh, by_en = (f"（{who}）", f" ({who})") if who else ("", "")
    return [ChecklistItem(
        "proxy_signed", False, "warning", [e.id for e in proxied],
        f"轨迹显示包裹由他人代收{by_zh}：先问清买家是否家人、邻居或驿站/快递柜代收，再下结论，"
        "不要直接认定恶意",
        f"The trace shows someone else signed for the parcel{by_en}: ask the buyer whether "
        "family, a neighbour, a parcel station or a locker took it before drawing conclusions")]


def is_note(item: ChecklistItem) -> bool:
    return item.kind in NOTE_ITEMS


def is_complete(items: list[ChecklistItem]) -> bool:
    """Complete when no required item is missing (warnings do not block)."""
    return all(i.status != "missing" for i in items if i.required)


def progress(items: list[ChecklistItem]) -> tuple[int, int]:
    """(met, total) over required items, e.g. for a "4/6" badge."""
    req = [i for i in items if i.required]
    return sum(1 for i in req if i.status != "missing"), len(req)
