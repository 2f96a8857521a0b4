"""The cover's key facts: what an arbitrator needs in 30 seconds, drawn from what ingestion
already knows about each exhibit (its facts), each pointing at the exhibit that shows it.

Nothing here reads a file again: the signed event, the longest stall, batch numbers and
capture times were found when the exhibit was attached (ingest/trace.py, ingest/document.py,
ingest/photo.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Callable

from ..timeutil import format_local, from_iso
from .plan import ExportPlan, PlannedExhibit

MAX_FACTS = 6  # found by ingestion: a cover, not a summary of the bundle
MAX_MARKED = 8  # marked by the user (listed first); the cover stops where its page ends
QUOTE = 48  # characters of a marked message quoted on the cover
ROLES = {"buyer": ("买家", "buyer"), "merchant": ("商家", "merchant"), "system": ("系统", "system")}


@dataclass(frozen=True)
class KeyFact:
    label: str  # the exhibit that shows it ("E2"): the cover links there
    zh: str
    en: str
    anchor: str = ""  # the page of one marked message or row ("E1-m4"), when it is one


def _instant(value: object) -> datetime | None:
    try:
        return from_iso(value) if isinstance(value, str) else None
    except ValueError:  # a fact written by an older version in another shape: not shown
        return None


def _time(value: object, zone: tzinfo) -> str:
    at = _instant(value)
    return format_local(at, zone) if at else ""


def _signed(pe: PlannedExhibit, zone: tzinfo, mask: Callable[[str], str]) -> list[KeyFact]:
    f = pe.exhibit.facts or {}
    when = _time(f.get("signed_at"), zone)
    if not when:
        return []
    place = mask(str(f.get("signed_place") or "").strip())
    who = mask(str(f.get("signed_by") or "").strip())
    proxy = bool(f.get("proxy_signed"))
    what_zh = "他人代收" if proxy else "签收"
    what_en = "signed for by someone else" if proxy else "signed for"
    detail = "，".join(x for x in (place, who) if x)
    return [KeyFact(pe.label, f"{when} {what_zh}" + (f"（{detail}）" if detail else ""),
                    f"{what_en} at {when}" + (f" ({detail})" if detail else ""))]


def _stall(pe: PlannedExhibit, zone: tzinfo) -> list[KeyFact]:
    stalls = [s for s in (pe.exhibit.facts or {}).get("stalls") or [] if isinstance(s, dict)]
    if not stalls:
        return []
    s = max(stalls, key=lambda s: float(s.get("hours") or 0))
    span = " – ".join(x for x in (_time(s.get("from"), zone), _time(s.get("to"), zone)) if x)
    hours = f"{float(s.get('hours') or 0):g}"
    return [KeyFact(pe.label, f"物流最长停滞 {hours} 小时" + (f"（{span}）" if span else ""),
                    f"longest stall in transit: {hours} h" + (f" ({span})" if span else ""))]


def _batches(pe: PlannedExhibit) -> list[KeyFact]:
    found = [str(b) for b in (pe.exhibit.facts or {}).get("batch_numbers") or []][:3]
    if not found:
        return []
    shown = "、".join(found)
    return [KeyFact(pe.label, f"批号 {shown}", f"batch no. {shown.replace('、', ', ')}")]


def _captures(photos: list[PlannedExhibit], zone: tzinfo) -> list[KeyFact]:
    """One line for the photos that carry a capture time: the earliest and the latest."""
    pairs = [(_instant((pe.exhibit.facts or {}).get("captured_at")), pe) for pe in photos]
    timed = sorted(((at, pe) for at, pe in pairs if at is not None), key=lambda x: x[0])
    if not timed:
        return []
    first, last = timed[0], timed[-1]
    span = format_local(first[0], zone)
    if last[0] != first[0]:
        span += f" – {format_local(last[0], zone)}"
    labels = first[1].label if len(timed) == 1 else f"{first[1].label}–{last[1].label}"
    n = len(timed)
    return [KeyFact(first[1].label, f"照片拍摄时间 {span}（{n} 张，{labels}，据照片自带时间）",
                    f"photos taken {span} ({n}, {labels}, by their own capture time)")]


def _quote(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= QUOTE else text[:QUOTE - 1] + "…"


def _marked(pe: PlannedExhibit, content: object, zone: tzinfo,
            mask: Callable[[str], str]) -> list[KeyFact]:
    """The messages or trace rows the user marked as key, quoted (masked) with their number."""
    out: list[KeyFact] = []
    messages = getattr(content, "messages", None)
    events = getattr(content, "events", None)
    for n in pe.exhibit.marks:
        cite = f"{pe.label} #{n}"
        if messages is not None and 1 <= n <= len(messages):
            m = messages[n - 1]
            zh_role, en_role = ROLES.get(m.role, ("", m.role or ""))
            when = format_local(m.at, zone) if m.at else ""
            who = " ".join(x for x in (zh_role, mask(m.speaker or ""), when) if x)
            out.append(KeyFact(pe.label, f"{cite} {who}：「{_quote(mask(m.text))}」",
                               f"key message {cite} ({', '.join(x for x in (en_role, when) if x)})",
                               f"{pe.label}-m{n}"))
        elif events is not None and 1 <= n <= len(events):
            ev = events[n - 1]
            when = format_local(ev.at, zone) if ev.at else ""
            what = " ".join(x for x in (when, mask(ev.location or ""), mask(ev.text or "")) if x)
            out.append(KeyFact(pe.label, f"{cite} 物流：{_quote(what)}",
                               f"key trace event {cite}" + (f" ({when})" if when else ""),
                               f"{pe.label}-r{n}"))
    return out


def marked_facts(plan: ExportPlan, mask: Callable[[str], str]) -> list[KeyFact]:
    """Every marked message and trace row of the bundle, in exhibit order."""
    contents = plan.source.contents
    out: list[KeyFact] = []
    for pe in plan.exhibits:
        if pe.exhibit.marks:
            out += _marked(pe, contents.get(pe.exhibit.id), plan.zone, mask)
    return out


def key_facts(plan: ExportPlan, mask: Callable[[str], str]) -> list[KeyFact]:
    """The facts for the cover: first what the user marked as key, then, in the order an
    arbitrator asks: was it delivered, did it move, what batch, when were the photos taken.
    ``mask`` hides buyer data (names, places)."""
    zone = plan.zone
    marked = marked_facts(plan, mask)[:MAX_MARKED]
    out: list[KeyFact] = []
    for pe in plan.exhibits:
        if pe.exhibit.kind == "logistics_trace":
            out += _signed(pe, zone, mask) + _stall(pe, zone)
    for pe in plan.exhibits:
        if pe.exhibit.kind in ("inspection_report", "batch_certificate"):
            out += _batches(pe)
    out += _captures([pe for pe in plan.exhibits if pe.render == "photo"], zone)
    return marked + list(dict.fromkeys(out))[:MAX_FACTS]
