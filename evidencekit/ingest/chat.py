"""Chat logs (聊天记录): who said what, when.

Text exports are streamed line by line with anchored, bounded patterns (no
backtracking blow-ups), so a 500,000-line log parses in a few seconds and
memory holds only the parsed messages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..domain import Finding
from ..timeutil import to_iso
from .model import ChatLog, IngestContext, Message
from .tables import TIME_KEYS, find_columns, iter_table_rows, json_records, pick, text_format
from .textio import LineReader, detect_file, read_text
from .times import InstantCache, make_instant, parse_time_value

# `2024-09-17 11:45:01 顾客: 文本` (also [..] around the time, / or . in dates).
_TIME_SPEAKER_TEXT = re.compile(
    r"\[?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]{1,3}(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?\]?"
    r"[ \t]+([^:：\t]{1,40}?)[ \t]*[:：][ \t]?(.*)")
# `2024-09-17 11:45:01 顾客` with the message on the following lines (QQ style).
_TIME_SPEAKER = re.compile(
    r"\[?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]{1,3}(\d{1,2}):(\d{2})(?::(\d{2}))?\]?"
    r"[ \t]+([^:：\t]{1,40}?)[ \t]*$")
# `顾客 2024/09/17 11:45` with the message on the following lines.
_SPEAKER_TIME = re.compile(
    r"([^:：\t]{1,40}?)[ \t]+[(（\[]?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]{1,3}(\d{1,2}):(\d{2})"
    r"(?::(\d{2}))?[)）\]]?[ \t]*$")
# A date on its own line, then `11:45 顾客: 文本` lines (WeChat style).
_DATE_LINE = re.compile(r"[-— \t]*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[-— \t]*$")
_CLOCK_SPEAKER_TEXT = re.compile(
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]+([^:：\t]{1,40}?)[ \t]*[:：][ \t]?(.*)")

_CLOSERS = (")", "）", "]")
_DATE_LEADERS = ("-", "—", " ", "\t")
# `顾客：文本` with no time at all (copied from a phone screen).
_SPEAKER_TEXT = re.compile(r"([^:：\t\d]{1,20}?)[ \t]*[:：][ \t]?(.*)")
_MERCHANT_STRONG = ("官方旗舰", "旗舰店")
_SYSTEM_STRONG = ("系统", "平台", "system", "platform")
_MERCHANT = ("客服", "商家", "店", "卖家", "seller", "merchant", "shop", "store",
             "customer service")
_SYSTEM_WEAK = ("官方", "抖音", "tiktok", "小二")

SENDER_KEYS = ("sender", "发送人", "发送者", "发言人", "发送方", "from", "speaker", "nickname",
               "昵称", "用户", "sender_name", "senderName", "from_name", "user", "name", "role",
               "角色", "author")
CONTENT_KEYS = ("content", "内容", "消息", "消息内容", "聊天内容", "message", "msg", "text", "body")


class RoleClassifier:
    """Buyer / merchant / system from a speaker's name, cached per name."""

    def __init__(self, store_names: Iterable[str] = ()):
        self.store_names = [s.strip().lower() for s in store_names if s and s.strip()]
        self._cache: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        role = self._cache.get(name)
        if role is None:
            role = self._cache[name] = self._classify(name)
        return role

    def _classify(self, name: str) -> str:
        n = name.strip().lower()
        if not n:
            return "unknown"
        if any(s in n or n in s for s in self.store_names):
            return "merchant"
        if any(k in n for k in _MERCHANT_STRONG):
            return "merchant"
        if any(k in n for k in _SYSTEM_STRONG):
            return "system"
        if any(k in n for k in _MERCHANT):
            return "merchant"
        if any(k in n for k in _SYSTEM_WEAK):
            return "system"
        return "buyer"


def parse_chat(path: Path, ctx: IngestContext | None = None) -> ChatLog:
    """Read a chat export (.txt/.csv/.tsv/.xlsx/.json/.html) into messages."""
    return _parse(Path(path), ctx or IngestContext())[0]


def _parse(path: Path, ctx: IngestContext) -> tuple[ChatLog, bool, bool]:
    """Returns (log, recognised_as_chat, undecodable)."""
    roles = RoleClassifier(ctx.store_names)
    fmt = text_format(path, SENDER_KEYS + CONTENT_KEYS)
    if fmt in ("csv", "xlsx"):
        log = _parse_table(path, roles, fmt)
        if log is not None:
            return log, True, False
        if fmt == "xlsx":  # no known headers: read the cells as text lines
            rows, _ = iter_table_rows(path, fmt)
            lines = (" ".join(str(c) for c in row if c is not None) for row in rows)
            messages, recognised = parse_lines(lines, roles)
            return ChatLog(messages, "xlsx"), recognised, False
    if fmt == "json":
        log = _parse_json(path, roles)
        if log is not None:
            return log, True, False
    if fmt == "html":
        from .htmltext import html_lines
        text, decoded = read_text(path)
        messages, recognised = parse_lines(html_lines(text), roles)
        return ChatLog(messages, decoded.encoding), recognised, decoded.undecodable
    reader = LineReader(path, detect_file(path))
    messages, recognised = parse_lines(reader, roles)
    if not recognised and len(messages) <= 1 and not reader.mostly_unreadable:
        untimed = parse_untimed(LineReader(path, reader.decoded), roles)
        if untimed is not None:
            messages, recognised = untimed, True
    return ChatLog(messages, reader.decoded.encoding), recognised, reader.mostly_unreadable


def parse_untimed(lines: Iterable[str], roles: RoleClassifier) -> list[Message] | None:
    """``speaker: text`` lines without times, if most lines look like that; else ``None``."""
    messages: list[Message] = []
    total = matched = 0
    for line in lines:
        if not line.strip():
            continue
        total += 1
        m = _SPEAKER_TEXT.match(line)
        if m and m.group(1).strip():
            matched += 1
            who = m.group(1).strip()
            messages.append(Message(None, who, roles(who), m.group(2)))
        elif messages:
            messages[-1].text += "\n" + line
        if total >= 200 and matched < 0.6 * total:
            return None
    return messages if matched >= 2 and matched >= 0.6 * total else None


def parse_lines(lines: Iterable[str], roles: RoleClassifier) -> tuple[list[Message], bool]:
    """Messages from text lines. The hot loop of big logs: kept flat on purpose."""
    messages: list[Message] = []
    append = messages.append
    instant = InstantCache()
    speaker = ""
    at = None
    parts: list[str] = []
    started = False
    day: tuple[int, int, int] | None = None
    recognised = False
    m_tst, m_ts, m_st = _TIME_SPEAKER_TEXT.match, _TIME_SPEAKER.match, _SPEAKER_TIME.match

    for line in lines:
        head = None
        c = line[:1]
        if c.isdigit() or c == "[":
            m = m_tst(line)
            if m:
                y, mo, d, h, mi, s, who, text = m.groups()
                head = (instant(y, mo, d, h, mi, s), who, text)
            else:
                m = m_ts(line)
                if m:
                    y, mo, d, h, mi, s, who = m.groups()
                    head = (instant(y, mo, d, h, mi, s), who, None)
                elif len(line) < 40 and (m := _DATE_LINE.match(line)):
                    day = (int(m[1]), int(m[2]), int(m[3]))
                    continue
                elif day is not None and (m := _CLOCK_SPEAKER_TEXT.match(line)):
                    h, mi, s, who, text = m.groups()
                    head = (make_instant(*day, int(h), int(mi), int(s or 0)), who, text)
        elif c in _DATE_LEADERS and len(line) < 40 and (m := _DATE_LINE.match(line)):
            day = (int(m[1]), int(m[2]), int(m[3]))
            continue
        elif len(line) < 80 and (line[-1:].isdigit() or line[-1:] in _CLOSERS):
            m = m_st(line)
            if m:
                who, y, mo, d, h, mi, s = m.groups()
                head = (instant(y, mo, d, h, mi, s), who, None)
        if head is None:
            if started or line.strip():
                parts.append(line)
                started = True
            continue
        if started and (speaker or parts):
            text = parts[0] if len(parts) == 1 else "\n".join(parts).strip("\n")
            append(Message(at, speaker, roles(speaker) if speaker else "unknown", text))
        recognised = started = True
        at, speaker, first = head
        speaker = speaker.strip()
        parts = [] if first is None else [first]
    if started and (speaker or "".join(parts).strip()):
        text = parts[0] if len(parts) == 1 else "\n".join(parts).strip("\n")
        append(Message(at, speaker, roles(speaker) if speaker else "unknown", text))
    if recognised and messages and not messages[0].speaker:
        del messages[0]  # export header (title, export time) before the first message
    return messages, recognised


def _parse_table(path: Path, roles: RoleClassifier, fmt: str) -> ChatLog | None:
    rows, encoding = iter_table_rows(path, fmt)
    cols = None
    messages: list[Message] = []
    for row in rows:
        if cols is None:
            cols = find_columns(row, {"time": TIME_KEYS, "sender": SENDER_KEYS,
                                      "content": CONTENT_KEYS})
            if cols is not None and ("content" not in cols or "sender" not in cols):
                return None
            if cols is None:
                return None
            continue
        who = _cell(row, cols.get("sender"))
        text = _cell(row, cols.get("content"))
        ti = cols.get("time")
        at = parse_time_value(row[ti]) if ti is not None and ti < len(row) else None
        if not who and not text:
            continue
        messages.append(Message(at, who, roles(who) if who else "unknown", text))
    return ChatLog(messages, encoding) if cols is not None else None


def _cell(row, i) -> str:
    if i is None or i >= len(row) or row[i] is None:
        return ""
    return str(row[i]).strip()


def _parse_json(path: Path, roles: RoleClassifier) -> ChatLog | None:
    records, encoding = json_records(path, CONTENT_KEYS)
    if records is None:
        return None
    messages = []
    for rec in records:
        who = pick(rec, SENDER_KEYS)
        if isinstance(who, dict):
            who = pick(who, ("name", "nickname", "nick", "昵称", "id"))
        who = "" if who is None else str(who).strip()
        text = pick(rec, CONTENT_KEYS)
        text = "" if text is None else str(text)
        at = parse_time_value(pick(rec, TIME_KEYS))
        messages.append(Message(at, who, roles(who) if who else "unknown", text))
    return ChatLog(messages, encoding)


def chat_facts(log: ChatLog, recognised: bool = True,
               undecodable: bool = False) -> tuple[dict, list[Finding]]:
    """Facts and intrinsic warnings of a parsed chat log."""
    by_party: Counter[str] = Counter()
    role_counts: Counter[str] = Counter()
    first = last = None
    timed = 0
    speaker_roles: dict[str, str] = {}
    for msg in log.messages:
        if msg.speaker:
            by_party[msg.speaker] += 1
            speaker_roles.setdefault(msg.speaker, msg.role)
        role_counts[msg.role] += 1
        if msg.at is not None:
            timed += 1
            if first is None or msg.at < first:
                first = msg.at
            if last is None or msg.at > last:
                last = msg.at
    facts = {
        "message_count": len(log.messages),
        "parties": list(by_party),
        "first_at": to_iso(first),
        "last_at": to_iso(last),
        "by_party": dict(by_party),
        "roles": {r: role_counts[r] for r in ("buyer", "merchant", "system", "unknown")
                  if role_counts[r]},
        "party_roles": speaker_roles,
        "timestamped": timed,
        "encoding": log.encoding,
    }
    warnings: list[Finding] = []
    if undecodable:
        warnings.append(Finding(
            "chat_undecodable", "文字编码无法识别，已按原始文本保存，部分文字可能是乱码",
            "The text encoding could not be recognised; kept as raw text, some characters may "
            "be garbled"))
    if not recognised:
        warnings.append(Finding(
            "chat_not_recognised", "没有找到“时间 + 发言人”格式的消息，已按原始文本保存",
            "No 'time + speaker' messages found; kept as raw text"))
    people = [p for p, r in speaker_roles.items() if r != "system"]
    if recognised and len(people) < 2:
        warnings.append(Finding(
            "chat_one_party", "聊天记录里只有一方在说话，请确认导出了完整对话（买家和客服双方）",
            "Only one party speaks in this chat; make sure the full conversation (buyer and "
            "store) was exported"))
    elif recognised and "merchant" not in speaker_roles.values():
        warnings.append(Finding(
            "chat_merchant_unknown", "无法判断哪一方是本店客服，请在设置里填写店铺/客服名称",
            "Cannot tell which party is the store; add the store's chat names in Settings"))
    if log.messages and timed == 0:
        warnings.append(Finding(
            "chat_no_timestamps", "聊天记录没有时间，平台可能不予采信，请导出带时间的记录",
            "The chat has no timestamps; the platform may not accept it. Export it with times"))
    return facts, warnings


def ingest(path: Path, ctx: IngestContext, file_type: str = "text") -> tuple[ChatLog, dict,
                                                                               list[Finding]]:
    """The chat view's loader (see :mod:`evidencekit.kinds`): content, facts, warnings."""
    log, recognised, undecodable = _parse(Path(path), ctx)
    facts, warnings = chat_facts(log, recognised, undecodable or file_type == "binary")
    return log, facts, warnings
