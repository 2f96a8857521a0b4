"""Warnings that depend on the case, not only on the file (``contextual_findings``).

Intrinsic warnings (blurred photo, trace out of order, ...) come from ingestion
and are stored with the exhibit. These are recomputed whenever the case changes
(a new dispute date, a ship time), so they are never stored.

Rules:

* ``chat_span_short`` (chat_log): the last message is more than one day before the
  dispute date (intervention time, else the after-sale request time). The
  platform wants the *complete* record; a log that stops a day or more before the
  dispute misses the exchanges that matter. One day of slack covers time-zone
  slips and requests filed the morning after the last message.
* ``chat_starts_after_dispute`` (chat_log): the first message is after the dispute
  date: the conversation before the dispute is missing.
* ``trace_not_signed`` (logistics_trace): the dispute type needs a signed event
  (``needs_signed``) and the trace has none.
* ``trace_stalled_at_dispute`` (logistics_trace): the parcel was not signed and its
  last event is more than ``stall_hours`` before the dispute date: it had
  stopped moving when the buyer complained.
* ``packing_after_ship`` (packing_record): capture time after ``case.shipped_at``
  (a packing photo/video taken after shipping proves nothing about the parcel).
* ``capture_time_implausible`` (photo, packing_record, video, and images of
  other kinds): a capture time more than one day in the future or before 2000
  (a camera with an unset clock).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .domain import Case, Finding
from .timeutil import CST, UTC, format_local, from_iso

SPAN_SLACK = timedelta(days=1)
EARLIEST_PLAUSIBLE = datetime(2000, 1, 1, tzinfo=UTC)


def contextual_findings(case: Case, kind: str, facts: dict, *, needs_signed: bool,
                        now: datetime, stall_hours: float = 72) -> list[Finding]:
    """Case-relative warnings for one exhibit's ``facts`` (see the module rules), as of ``now``."""
    facts = facts or {}
    out: list[Finding] = []
    dispute_at = case.intervention_at or case.request_at
    if kind == "chat_log":
        out += _chat(facts, dispute_at)
    elif kind == "logistics_trace":
        out += _trace(facts, dispute_at, needs_signed, stall_hours)
    captured = _instant(facts.get("captured_at")) or (
        _instant(facts.get("created_at")) if kind in ("video", "packing_record") else None)
    if captured is not None:
        if kind == "packing_record" and case.shipped_at and captured > case.shipped_at:
            out.append(Finding(
                "packing_after_ship",
                f"打包记录的拍摄时间（{_zh(captured)}）晚于发货时间（{_zh(case.shipped_at)}），"
                "不能证明发出时的包裹状态",
                f"The packing record was captured ({_en(captured)}) after the parcel shipped "
                f"({_en(case.shipped_at)}); it cannot show the parcel as sent"))
        if captured > now + timedelta(days=1) or captured < EARLIEST_PLAUSIBLE:
            out.append(Finding(
                "capture_time_implausible",
                f"拍摄时间 {_zh(captured)} 不合理（相机时间可能没设置），平台可能不采信",
                f"The capture time {_en(captured)} is implausible (camera clock not set?); the "
                "platform may not accept it"))
    return out


def _chat(facts: dict, dispute_at: datetime | None) -> list[Finding]:
    if dispute_at is None:
        return []
    out = []
    last = _instant(facts.get("last_at"))
    first = _instant(facts.get("first_at"))
    if last is not None and last < dispute_at - SPAN_SLACK:
        out.append(Finding(
            "chat_span_short",
            f"聊天记录只到 {_zh(last)}，没有覆盖到纠纷时间 {_zh(dispute_at)}，请导出完整记录",
            f"The chat ends at {_en(last)}, before the dispute ({_en(dispute_at)}); export the "
            "complete record"))
    if first is not None and first > dispute_at:
        out.append(Finding(
            "chat_starts_after_dispute",
            f"聊天记录从 {_zh(first)} 才开始，晚于纠纷时间，缺少之前的沟通",
            f"The chat starts at {_en(first)}, after the dispute; earlier messages are missing"))
    return out


def _trace(facts: dict, dispute_at: datetime | None, needs_signed: bool,
           stall_hours: float) -> list[Finding]:
    out = []
    signed = facts.get("signed_at")
    if needs_signed and not signed:
        out.append(Finding(
            "trace_not_signed", "这类纠纷需要显示“签收”的物流记录，但这份轨迹里没有签收",
            "This dispute type needs a trace showing the parcel was signed for; this trace "
            "has no signed event"))
    last = _instant(facts.get("last_at"))
    if not signed and last is not None and dispute_at is not None:
        hours = (dispute_at - last).total_seconds() / 3600
        if hours > stall_hours:
            out.append(Finding(
                "trace_stalled_at_dispute",
                f"买家投诉时物流已 {hours:.0f} 小时没有更新（最后一条 {_zh(last)}）",
                f"When the buyer complained, the parcel had not moved for {hours:.0f} h "
                f"(last event {_en(last)})"))
    return out


def _instant(value) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        return from_iso(value)
    except ValueError:
        return None


def _zh(dt: datetime) -> str:
    """Times in messages are shown in the platform's zone, with the offset printed."""
    return format_local(dt, CST)


_en = _zh
