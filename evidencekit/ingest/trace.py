"""Logistics traces (物流轨迹): events in time order, the last state, signing, stalls."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from ..domain import Finding
from ..timeutil import to_iso
from .model import IngestContext, Trace, TraceEvent
from .tables import TIME_KEYS, find_columns, find_records, iter_table_rows, load_json, pick, text_format
from .textio import LineReader, detect_file
from .times import DATETIME_RE, from_match, parse_time_value

CONTEXT_KEYS = ("context", "desc", "description", "内容", "描述", "轨迹", "物流信息", "状态描述",
                "remark", "status_desc", "statusDesc", "content", "message", "msg", "info",
                "detail", "text", "轨迹描述", "物流详情", "status", "状态")
LOCATION_KEYS = ("location", "地点", "城市", "所在地", "area", "areaName", "city", "site",
                 "网点", "place", "站点")
TRACKING_KEYS = ("nu", "tracking_no", "trackingNo", "trackingNumber", "tracking_number",
                 "mailNo", "mail_no", "waybill_no", "waybillNo", "logisticsNo", "logistic_no",
                 "number", "num", "运单号", "快递单号", "单号")
CARRIER_KEYS = ("carrier", "com", "company", "expressCompany", "express_company", "expName",
                "cpName", "shipper", "快递公司", "物流公司", "承运商")

# Order matters: the first rule whose keyword appears wins.
_STATUS_RULES = (
    ("exception", ("异常", "破损", "丢失", "遗失", "问题件", "无法派送", "派送失败", "滞留")),
    ("returned", ("退回", "退件", "拒收", "返回寄件", "退货")),
    ("proxy_signed", ("代收", "代签", "快递柜", "丰巢", "驿站", "门卫", "家人", "快递超市",
                      "自提", "前台", "物业", "收发室", "代为签收")),
    ("signed", ("签收", "妥投", "delivered")),
    ("out_for_delivery", ("派件", "派送", "投递", "out for delivery")),
    ("collected", ("揽收", "揽件", "已收件", "收取快件", "已收寄", "picked up")),
    ("in_transit", ("运输", "到达", "发出", "转运", "中转", "离开", "发往", "已到", "装车", "in transit",
                    "arrived", "departed")),
)
# Courtesy clauses ("如有疑问请联系…", "如有异常…") must not change the status.
_COURTESY = re.compile(r"[，,。；;]?\s*如有[^，,。；;]{0,40}")
_SIGNER = re.compile(r"(?:签收人|代收人|收件人)\s*(?:是|为|[:：])?\s*[【\[(（]?([^\s，,。；;！!】\])）]{1,20})")
_SIGN_PLACES = ("丰巢快递柜", "丰巢智能柜", "菜鸟驿站", "兔喜生活", "妈妈驿站", "快递超市", "快递柜",
                "智能柜", "驿站", "门卫", "前台", "物业", "收发室", "家人", "本人", "他人")
_BRACKET = re.compile(r"[【\[]([^】\]]{1,30})[】\]]")
_TEXT_LINE = re.compile(r"\s*\[?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ T]{0,3}\d{1,2}[:：]\d{2}"
                        r"(?:[:：]\d{2})?)\]?[ \t]*(.*)")
_TRACKING_IN_TEXT = re.compile(r"(?:运单号|快递单号|单号|tracking\s*(?:no|number)?)\s*[:：#]?\s*"
                               r"([A-Za-z]{0,4}\d{8,20})", re.IGNORECASE)
# Tracking-number patterns of the big Chinese carriers.
_CARRIER_PATTERNS = (
    (re.compile(r"SF\d{12,13}"), "顺丰速运"),
    (re.compile(r"JD[A-Z0-9]{10,16}"), "京东物流"),
    (re.compile(r"YT\d{13,16}"), "圆通速递"),
    (re.compile(r"(?:E[A-Z]|[A-Z]{2})\d{9}CN"), "中国邮政"),
    (re.compile(r"JT\d{13}"), "极兔速递"),
    (re.compile(r"(?:73|75|76|78)\d{10,13}"), "中通快递"),
    (re.compile(r"77\d{11,13}"), "申通快递"),
    (re.compile(r"(?:43|31)\d{11,13}"), "韵达快递"),
)


def classify_status(text: str) -> str:
    t = _COURTESY.sub("", text).lower()
    for status, words in _STATUS_RULES:
        if any(w in t for w in words):
            return status
    return "unknown"


# Carrier codes used by courier query APIs (kuaidi100 style) and their names.
_CARRIER_CODES = {
    "shunfeng": "顺丰速运", "sf": "顺丰速运", "zhongtong": "中通快递", "zto": "中通快递",
    "yuantong": "圆通速递", "yto": "圆通速递", "yunda": "韵达快递", "shentong": "申通快递",
    "sto": "申通快递", "jd": "京东物流", "jingdong": "京东物流", "ems": "EMS",
    "youzhengguonei": "中国邮政", "jtexpress": "极兔速递", "jitu": "极兔速递",
    "debangwuliu": "德邦快递", "debangkuaidi": "德邦快递", "huitongkuaidi": "百世快递",
    "baishiwuliu": "百世快递", "fengwang": "丰网速运", "danniao": "丹鸟",
}


def carrier_name(value: str) -> str:
    """A display name for a carrier code (``shunfeng`` → 顺丰速运); names pass through."""
    v = value.strip()
    return _CARRIER_CODES.get(v.lower(), v)


def carrier_from_number(number: str) -> str:
    n = number.strip().upper()
    for pattern, name in _CARRIER_PATTERNS:
        if pattern.fullmatch(n):
            return name
    return ""


def parse_trace(path: Path, ctx: IngestContext | None = None) -> Trace:
    """Read a courier trace (.json/.csv/.xlsx/.txt) into events in time order."""
    return _parse(Path(path), ctx or IngestContext())[0]


def _parse(path: Path, ctx: IngestContext) -> tuple[Trace, bool, str]:
    """Returns (trace, out_of_order_in_source, encoding)."""
    raw: list[TraceEvent] = []
    tracking = carrier = encoding = ""
    fmt = text_format(path, CONTEXT_KEYS + LOCATION_KEYS)
    handled = False
    if fmt == "json":
        loaded = load_json(path)
        if loaded is not None:
            data, encoding = loaded
            records = find_records(data, CONTEXT_KEYS)
            if records is not None:
                handled = True
                raw = [_event(parse_time_value(pick(r, TIME_KEYS)), pick(r, LOCATION_KEYS),
                              pick(r, CONTEXT_KEYS)) for r in records]
                tracking, carrier = _json_ids(data)
    if not handled and fmt in ("csv", "xlsx"):
        rows, encoding = iter_table_rows(path, fmt)
        cols = None
        for row in rows:
            if cols is None:
                cols = find_columns(row, {"time": TIME_KEYS, "context": CONTEXT_KEYS,
                                          "location": LOCATION_KEYS})
                if cols is None or "context" not in cols:
                    cols = None
                    break
                continue
            time, location, context = (_cell(row, cols, k) for k in ("time", "location", "context"))
            if context in (None, "") and time in (None, ""):
                continue
            raw.append(_event(parse_time_value(time), location, context))
        handled = cols is not None
    if not handled:
        reader = LineReader(path, detect_file(path))
        encoding = reader.decoded.encoding
        raw, tracking = _text_events(reader)
    if not tracking:
        tracking = _tracking_from_events(raw)
    if not carrier and tracking:
        carrier = carrier_from_number(tracking)
    out_of_order = _out_of_order(raw)
    events = _in_time_order(raw)
    trace = Trace(events, str(tracking), carrier_name(str(carrier)),
                  find_stalls(events, ctx.stall_hours))
    return trace, out_of_order, encoding


def _cell(row, cols: dict[str, int], key: str):
    """The row's value in the column found for ``key``, or None."""
    return row[cols[key]] if key in cols and cols[key] < len(row) else None


def _event(at, location, text) -> TraceEvent:
    text = "" if text is None else str(text).strip()
    location = "" if location is None else str(location).strip()
    if not location:
        m = _BRACKET.search(text)
        if m:
            location = m.group(1).strip()
    return TraceEvent(at, location, text, classify_status(text))


def _json_ids(data) -> tuple[str, str]:
    tracking = carrier = ""
    queue = [data]
    for _ in range(50):  # shallow search of the envelope only
        if not queue:
            break
        node = queue.pop(0)
        if isinstance(node, dict):
            if not tracking:
                v = pick(node, TRACKING_KEYS)
                tracking = str(v) if isinstance(v, (str, int)) and not isinstance(v, bool) else ""
            if not carrier:
                v = pick(node, CARRIER_KEYS)
                carrier = str(v) if isinstance(v, str) else ""
            queue.extend(v for v in node.values() if isinstance(v, dict))
    return tracking, carrier


def _text_events(lines) -> tuple[list[TraceEvent], str]:
    events: list[TraceEvent] = []
    tracking = ""
    for line in lines:
        if len(line) > 2000:
            line = line[:2000]
        m = _TEXT_LINE.match(line)
        if m:
            dm = DATETIME_RE.match(m.group(1))
            events.append(_event(from_match(dm) if dm else None, "", m.group(2)))
        elif not tracking and (tm := _TRACKING_IN_TEXT.search(line)):
            tracking = tm.group(1)
        elif line.strip() and events and events[-1].text == "":
            events[-1] = _event(events[-1].at, "", line.strip())
    return events, tracking


def _tracking_from_events(events: list[TraceEvent]) -> str:
    for ev in events[:50]:
        m = _TRACKING_IN_TEXT.search(ev.text)
        if m:
            return m.group(1)
    return ""


def _out_of_order(events: list[TraceEvent]) -> bool:
    """Mixed order in the source; consistently newest-first (courier APIs) is fine."""
    times = [e.at for e in events if e.at is not None]
    pairs = list(pairwise(times))
    up = any(a < b for a, b in pairs)
    down = any(a > b for a, b in pairs)
    return up and down


def _in_time_order(events: list[TraceEvent]) -> list[TraceEvent]:
    times = [e.at for e in events if e.at is not None]
    if len(times) >= 2 and times[0] > times[-1]:
        events = list(reversed(events))  # newest-first source
    timed = sorted((e for e in events if e.at is not None), key=lambda e: e.at or datetime.min)
    return timed + [e for e in events if e.at is None]


def find_stalls(events: list[TraceEvent], stall_hours: float) -> list[dict]:
    """Gaps between consecutive events longer than ``stall_hours``, up to the signing."""
    stalls = []
    prev: TraceEvent | None = None
    for ev in events:
        if ev.at is None:
            continue
        if prev is not None and prev.at is not None:
            hours = (ev.at - prev.at).total_seconds() / 3600
            if hours > stall_hours:
                stalls.append({"from": to_iso(prev.at), "to": to_iso(ev.at),
                               "hours": round(hours, 1)})
        if ev.status in ("signed", "proxy_signed"):
            break
        prev = ev
    return stalls


def signer(text: str) -> str:
    m = _SIGNER.search(text)
    if m:
        return m.group(1)
    for place in _SIGN_PLACES:
        if place in text:
            return place
    m = _BRACKET.search(text)
    return m.group(1) if m and any(p in m.group(1) for p in ("柜", "驿站", "超市")) else ""


def trace_facts(trace: Trace, out_of_order: bool = False,
                stall_hours: float = 72.0) -> tuple[dict, list[Finding]]:
    timed = [e for e in trace.events if e.at is not None]
    signed = next((e for e in reversed(trace.events)
                   if e.status in ("signed", "proxy_signed")), None)
    last = trace.events[-1] if trace.events else None
    facts = {
        "event_count": len(trace.events),
        "tracking_no": trace.tracking_no,
        "carrier": trace.carrier,
        "first_at": to_iso(timed[0].at) if timed else None,
        "last_at": to_iso(timed[-1].at) if timed else None,
        "last_status": last.status if last else "unknown",
        "signed_at": to_iso(signed.at) if signed else None,
        "signed_by": signer(signed.text) if signed else "",
        "signed_place": signed.location if signed else "",
        "proxy_signed": bool(signed and signed.status == "proxy_signed"),
        "stalls": trace.stalls,
    }
    warnings: list[Finding] = []
    if not trace.events:
        warnings.append(Finding("trace_empty", "没有读到任何物流记录（需要“时间 + 描述”）",
                                "No tracking events found (need 'time + description')"))
    elif not timed:
        warnings.append(Finding("trace_no_timestamps", "物流记录没有时间，无法判断先后和停滞",
                                "The trace has no times; order and stalls cannot be checked"))
    if out_of_order:
        warnings.append(Finding(
            "trace_out_of_order", "原始物流记录的时间顺序是乱的，已按时间重新排列，请核对是否完整",
            "Events in the source are out of time order; they were sorted, check nothing is "
            "missing"))
    if trace.stalls:
        longest = max(s["hours"] for s in trace.stalls)
        warnings.append(Finding(
            "trace_stall",
            f"物流有 {len(trace.stalls)} 处超过 {stall_hours:g} 小时未更新（最长 {longest:g} 小时）",
            f"The parcel did not move for more than {stall_hours:g} h {len(trace.stalls)} "
            f"time(s) (longest {longest:g} h)"))
    return facts, warnings


def ingest(path: Path, ctx: IngestContext, file_type: str = "text") -> tuple[Trace, dict,
                                                                             list[Finding]]:
    """The trace view's loader (see :mod:`evidencekit.kinds`): content, facts, warnings."""
    tr, out_of_order, encoding = _parse(Path(path), ctx)
    facts, warnings = trace_facts(tr, out_of_order, ctx.stall_hours)
    facts["encoding"] = encoding
    return tr, facts, warnings
