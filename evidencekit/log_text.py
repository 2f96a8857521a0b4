"""The action log in sentences: what a clerk reads in the History tab instead of codes.

The store writes each entry as an action code and a short detail (``case_updated`` /
``stage=intervention; intervention_at=2024-09-18T02:00:00+00:00``). :func:`log_sentence` turns
one entry into a sentence in Chinese or English, with instants in the given zone (and its
offset). An action or field it does not know is still shown, by its code.
"""

from __future__ import annotations

import re
from datetime import tzinfo

from .domain import KINDS, OUTCOMES, STAGES, LogEntry
from .timeutil import format_local, from_iso

# Case fields by name (the instants end in _at; others may be added by later issues).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "order_no": ("订单号", "order no."), "after_sale_no": ("售后单号", "after-sale no."),
    "buyer_name": ("买家", "buyer"), "buyer_phone": ("买家电话", "buyer phone"),
    "product": ("商品", "product"), "amount": ("金额", "amount"), "store_name": ("店铺", "store"),
    "platform": ("平台", "platform"), "dispute_type": ("纠纷类型", "dispute type"),
    "stage": ("阶段", "stage"), "judgment_ref": ("判定编号", "judgment ref."),
    "judgment_text": ("判定原文", "judgment text"),
    "judgment_against_merchant": ("判定商家担责", "judged against the merchant"),
    "appeals_used": ("已用申诉次数", "appeals used"), "outcome": ("结果", "outcome"),
    "statement": ("商家说明", "statement"), "appeal_points": ("申诉要点", "appeal points"),
    "notes": ("备注", "notes"), "zone": ("时区", "time zone"), "request": ("诉求", "request"),
    "request_at": ("售后申请时间", "after-sale request time"),
    "replied_at": ("回复时间", "reply time"),
    "refund_handled_at": ("退款处理时间", "refund handled time"),
    "intervention_at": ("平台介入时间", "platform intervention time"),
    "evidence_submitted_at": ("举证提交时间", "evidence submitted time"),
    "supplement_requested_at": ("要求补充材料时间", "supplement requested time"),
    "shipped_at": ("发货时间", "shipping time"), "judgment_at": ("判定时间", "judgment time"),
    "remedied_at": ("履行判定时间", "remedy carried out time"),
    "appeal_submitted_at": ("申诉提交时间", "appeal submitted time"),
    "appeal_rejected_at": ("申诉驳回时间", "appeal rejected time"),
    "appeal_decided_at": ("申诉结果时间", "appeal decided time"),
    "closed_at": ("结案时间", "closing time"),
    "supplement_submitted_at": ("补充材料提交时间", "supplement submitted time"),
    "penalty_at": ("处罚时间", "penalty time"),
    "penalty_appeal_submitted_at": ("处罚申诉提交时间", "penalty appeal submitted time"),
    "penalty_appeal_rejected_at": ("处罚申诉驳回时间", "penalty appeal rejected time"),
}


def _pick(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def _value(name: str, raw: str, lang: str, zone: tzinfo | None, rules) -> str:
    """A stored value as a reader would say it."""
    if raw in ("", "None", "null"):
        return _pick(lang, "（空）", "(empty)")
    if name.endswith("_at"):
        try:
            return format_local(from_iso(raw), zone)
        except ValueError:
            return raw
    table = {"stage": STAGES, "outcome": OUTCOMES, "kind": KINDS}.get(name)
    if table and raw in table:
        return _pick(lang, *table[raw])
    if name == "judgment_against_merchant":
        return _pick(lang, "是", "yes") if raw in ("1", "True", "true") else _pick(lang, "否", "no")
    if rules is not None and name == "platform" and raw in rules.platforms:
        return rules.platforms[raw].name(lang)
    if rules is not None and name == "dispute_type":
        for p in rules.platforms.values():
            for t in p.dispute_types:
                if t.id == raw:
                    return t.name(lang)
    return raw


def _field(name: str, lang: str) -> str:
    zh, en = FIELD_NAMES.get(name, (name, name.replace("_", " ")))
    return _pick(lang, zh, en)


def _changes(detail: str, lang: str, zone, rules) -> str:
    """``a=1; b=…`` → "阶段改为 平台介入；商家说明已修改"."""
    out = []
    for part in detail.split("; "):
        name, sep, raw = part.partition("=")
        if not sep:
            out.append(part)
            continue
        label = _field(name, lang)
        if raw == "…":  # long texts are not copied into the log
            out.append(_pick(lang, f"{label}已修改", f"{label} edited"))
        elif raw in ("", "None"):
            out.append(_pick(lang, f"{label}已清除", f"{label} cleared"))
        else:
            value = _value(name, raw, lang, zone, rules)
            out.append(_pick(lang, f"{label}改为 {value}", f"{label} set to {value}"))
    return _pick(lang, "；", "; ").join(out)


def _exhibit_changes(detail: str, lang: str) -> str:
    number, _sep, rest = detail.partition(": ")
    parts = []
    for part in rest.split("; ") if rest else []:
        name, _s, raw = part.partition("=")
        if name == "kind":
            parts.append(_pick(lang, f"类型改为{_pick(lang, *KINDS.get(raw, (raw, raw)))}",
                               f"kind set to {_pick(lang, *KINDS.get(raw, (raw, raw))).lower()}"))
        elif name == "caption":
            parts.append(_pick(lang, f"说明改为“{raw}”", f"caption set to “{raw}”"))
        elif name == "new" and raw == "auto":
            parts.append(_pick(lang, "新证据标记改为自动判断", "new-evidence mark back to automatic"))
        elif name == "new":
            new = raw == "True"
            parts.append(_pick(lang, "标为新证据" if new else "取消新证据标记",
                               "marked as new evidence" if new else "no longer marked as new"))
        else:
            parts.append(part)
    what = _pick(lang, "；", "; ").join(parts) or _pick(lang, "已修改", "edited")
    return _pick(lang, f"证据 {number}：{what}", f"Exhibit {number}: {what}")


_ADDED = re.compile(r"^(E\d+) (\S+) (.*) sha256 ([0-9a-f]+)$")
_MOVED = re.compile(r"^(.*): (E\d+) → (E\d+)$")
_NUMBERED = re.compile(r"^(E\d+) (.*)$")


_IMPORT_SOURCE = re.compile(r"^import (.+) row (\d+)$")


def _source(source: str, lang: str) -> str:
    """Where a change came from (the store appends `` ← import 售后列表.xlsx row 12``)."""
    m = _IMPORT_SOURCE.match(source)
    if m:
        return _pick(lang, f"（导入 {m.group(1)} 第 {m.group(2)} 行）", f" (import {m.group(1)}, row {m.group(2)})")
    return _pick(lang, f"（来源：{source}）", f" (source: {source})")


def log_sentence(entry: LogEntry, lang: str = "zh", zone: tzinfo | None = None,
                 rules=None) -> str:
    """One log entry as a sentence in ``lang`` (``zh`` or ``en``); instants in ``zone``."""
    detail = entry.detail or ""
    head, sep, source = detail.rpartition("← ") if "← " in detail else (detail, "", "")
    if not sep:
        return _sentence(entry.action, detail, lang, zone, rules)
    return _sentence(entry.action, head.rstrip(), lang, zone, rules) + _source(source.strip(), lang)


def _sentence(a: str, d: str, lang: str, zone: tzinfo | None, rules) -> str:
    if a == "case_created":
        parts = [p.strip() for p in d.split(" / ")]
        if len(parts) == 3:
            platform = _value("platform", parts[0], lang, zone, rules)
            dtype = _value("dispute_type", parts[1], lang, zone, rules)
            return _pick(lang, f"新建案件：{platform} · {dtype} · 订单 {parts[2]}",
                         f"Case opened: {platform} · {dtype} · order {parts[2]}")
        return _pick(lang, f"新建案件：{d}", f"Case opened: {d}")
    if a == "case_updated":
        return _pick(lang, "修改案件：", "Case changed: ") + _changes(d, lang, zone, rules)
    if a == "case_trashed":
        return _pick(lang, "案件移入回收站", "Case moved to the trash")
    if a == "case_restored":
        return _pick(lang, "案件从回收站恢复", "Case restored from the trash")
    if a == "exhibit_added":
        m = _ADDED.match(d)
        if m:
            number, kind, name, sha = m.groups()
            k = _pick(lang, *KINDS.get(kind, (kind, kind)))
            return _pick(lang, f"添加证据 {number}（{k}）：{name}，SHA-256 {sha}…",
                         f"Exhibit {number} added ({k.lower()}): {name}, SHA-256 {sha}…")
    if a == "exhibit_updated":
        return _exhibit_changes(d, lang)
    if a in ("exhibit_marked", "exhibit_unmarked"):
        number, _sep, items = d.partition(" ")
        if a == "exhibit_marked":
            return _pick(lang, f"标记要点：{number} {items}", f"Marked key: {number} {items}")
        return _pick(lang, f"取消要点：{number} {items}", f"Unmarked key: {number} {items}")
    if a == "exhibit_moved":
        m = _MOVED.match(d)
        if m:
            name, old, new = m.groups()
            return _pick(lang, f"证据 {name} 从 {old} 移到 {new}",
                         f"Exhibit {name} moved from {old} to {new}")
    if a in ("exhibit_removed", "exhibit_restored"):
        m = _NUMBERED.match(d)
        if m:
            number, name = m.groups()
            if a == "exhibit_removed":
                return _pick(lang, f"移除证据 {number}：{name}", f"Exhibit {number} removed: {name}")
            return _pick(lang, f"恢复证据 {number}：{name}", f"Exhibit {number} restored: {name}")
    lifecycle = _lifecycle_sentence(a, d, lang)
    if lifecycle:
        return lifecycle
    # An action this module does not know yet (added by a later feature): its code and detail.
    text = a.replace("_", " ")
    return f"{text}: {d}" if d else text


def _lifecycle_sentence(a: str, d: str, lang: str) -> str:
    """Submissions, decisions, reopening, stage moved back, appeal limit overridden (issue 9)."""
    if a == "submitted":
        return _pick(lang, f"登记提交到平台：{d}", f"Recorded as submitted to the platform: {d}")
    if a == "decided":
        from .lifecycle import SUBMIT_KINDS
        head, _sep, rest = d.partition(": ")
        number, _s, kind = head.partition(" ")
        kz, ke = SUBMIT_KINDS.get(kind, (kind, kind))
        word = rest.split(" ", 1)[0]
        name = _pick(lang, *OUTCOMES.get(word, (word, word)))
        tail = rest[len(word):]
        return _pick(lang, f"平台结果（提交 {number}，{kz}）：{name}{tail}",
                     f"Platform decision (submission {number}, {ke.lower()}): {name}{tail}")
    if a == "case_reopened":
        return _pick(lang, f"重新打开案件：{d}", f"Case reopened: {d}")
    if a == "stage_moved_back":
        old, _sep, new = d.partition(" → ")
        o = _pick(lang, *STAGES.get(old, (old, old)))
        n = _pick(lang, *STAGES.get(new, (new, new)))
        return _pick(lang, f"阶段手动退回：{o} → {n}", f"Stage moved back by hand: {o} → {n}")
    if a == "appeal_limit_overridden":
        return _pick(lang, f"超出平台申诉次数仍登记提交：{d}",
                     f"Submitted beyond the platform's appeal limit: {d}")
    return ""
