"""Round trips: generate messages and courier events, write them in every format and encoding
the parsers accept, parse them back, get the same thing (hypothesis, issue 8 item 6)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidencekit.ingest import parse_chat, parse_trace
from evidencekit.ingest.textio import read_text, sniff_encoding

CST = timezone(timedelta(hours=8))  # times without an offset are read in the platform's zone
SETTINGS = settings(deadline=None, max_examples=25,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Common Chinese characters (all in GBK and Big5-HKSCS too), letters, digits and the
# punctuation chat logs carry; the separators the formats use (: ： tab newline , ") are
# left to the formats under test.
HANZI = ("的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
         "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
         "使点从业本去把性好应开它合还因由其些然前外天四日那社义事平形相全表间样与关各重新线内数正心反你"
         "明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题程展五果料"
         "象员位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
         "杯子碎退款快递签收派件驿站包裹客服顾客店铺照片")
WORD = st.text(alphabet=HANZI + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1,
               max_size=8)
TEXT = st.lists(st.sampled_from([*HANZI, *"abcxyzABC0123456789，。！？、（）- "]), min_size=1,
                max_size=60).map(lambda cs: "".join(cs).strip()).filter(bool)
INSTANT = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(microsecond=0))


def _utc(naive: datetime) -> datetime:
    return naive.replace(tzinfo=CST).astimezone(timezone.utc)


def _encode(text: str, encoding: str) -> bytes:
    """The bytes a Windows or phone tool would write: BOMs where such tools put them."""
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


TEXT_ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16-le-bom", "utf-16-be-bom"]


# ---- chat logs -------------------------------------------------------------------------------
SPEAKERS = st.lists(WORD, min_size=2, max_size=3, unique=True)


@st.composite
def chats(draw):
    speakers = draw(SPEAKERS)
    n = draw(st.integers(1, 12))
    return [(draw(INSTANT), draw(st.sampled_from(speakers)), draw(TEXT)) for _ in range(n)]


def _chat_txt(msgs) -> str:
    return "".join(f"{at:%Y-%m-%d %H:%M:%S} {who}: {text}\r\n" for at, who, text in msgs)


def _chat_csv(msgs) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["时间", "发送人", "内容"])
    for at, who, text in msgs:
        w.writerow([f"{at:%Y-%m-%d %H:%M:%S}", who, text])
    return buf.getvalue()


def _chat_json(msgs) -> str:
    return json.dumps([{"time": f"{at:%Y-%m-%d %H:%M:%S}", "sender": who, "content": text}
                       for at, who, text in msgs], ensure_ascii=False)


def _chat_html(msgs) -> str:
    body = "".join(f"<p>{at:%Y-%m-%d %H:%M:%S} {who}: {text}</p>\n" for at, who, text in msgs)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


CHAT_FORMATS = {"txt": _chat_txt, "csv": _chat_csv, "json": _chat_json, "html": _chat_html}


@pytest.mark.parametrize("fmt", sorted(CHAT_FORMATS))
@SETTINGS
@given(msgs=chats(), encoding=st.sampled_from(TEXT_ENCODINGS))
def test_chat_round_trip(tmp_path_factory, fmt, msgs, encoding):
    if fmt in ("json", "html") and encoding not in ("utf-8", "utf-8-sig"):
        encoding = "utf-8"  # JSON is UTF-8 by definition; the HTML page declares its charset
    text = CHAT_FORMATS[fmt](msgs)
    path = tmp_path_factory.mktemp("chat") / f"chat.{fmt}"
    path.write_bytes(_encode(text, encoding))
    log = parse_chat(path)
    assert [(m.at, m.speaker, m.text) for m in log.messages] == \
        [(_utc(at), who, text) for at, who, text in msgs]


def test_chat_round_trip_xlsx(tmp_path):
    from openpyxl import Workbook
    msgs = [(datetime(2024, 9, 17, 11, 45, 1), "顾客", "收到的杯子碎了"),
            (datetime(2024, 9, 17, 11, 46, 10), "小店客服", "您好，麻烦拍一下照片")]
    wb = Workbook()
    ws = wb.active
    ws.append(["时间", "发送人", "内容"])
    for at, who, text in msgs:
        ws.append([at, who, text])
    wb.save(tmp_path / "chat.xlsx")
    log = parse_chat(tmp_path / "chat.xlsx")
    assert [(m.at, m.speaker, m.text) for m in log.messages] == \
        [(_utc(at), who, text) for at, who, text in msgs]


# ---- courier traces --------------------------------------------------------------------------
@st.composite
def traces(draw):
    n = draw(st.integers(1, 10))
    start = draw(INSTANT)
    gaps = draw(st.lists(st.integers(60, 5 * 86400), min_size=n, max_size=n))
    times, t = [], start
    for g in gaps:
        times.append(t)
        t += timedelta(seconds=g)
    return [(at, draw(TEXT)) for at in times]


def _trace_json(events, newest_first: bool) -> str:
    rows = [{"time": f"{at:%Y-%m-%d %H:%M:%S}", "context": text} for at, text in events]
    return json.dumps({"status": "200", "data": rows[::-1] if newest_first else rows},
                      ensure_ascii=False)


def _trace_csv(events, newest_first: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["时间", "物流信息"])
    for at, text in (events[::-1] if newest_first else events):
        w.writerow([f"{at:%Y-%m-%d %H:%M:%S}", text])
    return buf.getvalue()


def _trace_txt(events, newest_first: bool) -> str:
    return "".join(f"{at:%Y-%m-%d %H:%M:%S} {text}\n"
                   for at, text in (events[::-1] if newest_first else events))


TRACE_FORMATS = {"json": _trace_json, "csv": _trace_csv, "txt": _trace_txt}


@pytest.mark.parametrize("fmt", sorted(TRACE_FORMATS))
@SETTINGS
@given(events=traces(), encoding=st.sampled_from(TEXT_ENCODINGS), newest_first=st.booleans())
def test_trace_round_trip(tmp_path_factory, fmt, events, encoding, newest_first):
    if fmt == "json" and encoding not in ("utf-8", "utf-8-sig"):
        encoding = "utf-8"
    text = TRACE_FORMATS[fmt](events, newest_first)
    path = tmp_path_factory.mktemp("trace") / f"trace.{fmt}"
    path.write_bytes(_encode(text, encoding))
    trace = parse_trace(path)
    assert [(e.at, e.text) for e in trace.events] == [(_utc(at), text) for at, text in events]


# ---- the decoder -----------------------------------------------------------------------------
@SETTINGS
@given(lines=st.lists(TEXT, min_size=1, max_size=30), encoding=st.sampled_from(TEXT_ENCODINGS))
def test_decoder_round_trip(tmp_path_factory, lines, encoding):
    text = "\n".join(lines) + "\n"
    path = tmp_path_factory.mktemp("text") / "notes.txt"
    path.write_bytes(_encode(text, encoding))
    decoded, how = read_text(path)
    assert decoded == text and not how.undecodable


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("的", "gbk", "gb18030"),  # as Big5 these bytes read 腔
    ("退款", "gbk", "gb18030"),
    ("你好，收到的杯子碎了", "gbk", "gb18030"),
    ("的", "big5", "big5hkscs"),
    ("我們這個收到了", "big5", "big5hkscs"),
    ("一\n", "gbk", "gb18030"),  # D2 BB is also UTF-8: Cyrillic һ
    ("没", "gbk", "gb18030"),  # C3 BB: û
    ("小学\n", "gbk", "gb18030"),
    ("café au lait\n", "utf-8", "utf-8"),  # accented letters inside words stay UTF-8
    ("Привет, как дела?", "utf-8", "utf-8"),
])
def test_short_legacy_chinese_is_told_apart(text, encoding, expected):
    assert sniff_encoding(text.encode(encoding), complete=True).encoding == expected
