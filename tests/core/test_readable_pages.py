"""Readable at 1:1 (issue 10 item 4, the transcript and index parts): every page of a long
transcript says which day its times are on, messages are numbered per exhibit (E9 #4) so a
statement can cite them, the index gives each exhibit's page range, and a new exhibit of an
appeal carries 新证据 NEW on every one of its pages."""

from __future__ import annotations

import re
from datetime import timedelta

from evidencekit.export import export_bundle, source_from_library
from evidencekit.ingest.model import ChatLog, Message

from .export_fixtures import NOW, fixture_library, t, write_chat
from .pdf_tools import page_text


def test_long_transcript_pages_carry_date_numbers_and_new_mark(tmp_path):
    lib, cid = fixture_library(tmp_path, mode="appeal", photos=1, chat_messages=6)
    base = t(16, 9)
    msgs = [Message(base + timedelta(minutes=i), "买家小李" if i % 2 else "杯来杯往旗舰店",
                    "buyer" if i % 2 else "merchant", f"第 {i + 1} 条：核对包裹情况") for i in range(80)]
    chat = lib.attach(cid, write_chat(tmp_path / "day.txt", ChatLog(msgs)), kind="chat_log",
                      caption="同一天的长聊天", is_new=True)
    label = f"E{chat.position}"
    source = source_from_library(lib, cid, "appeal", NOW)
    rep = export_bundle(source, tmp_path / "ap.pdf", mode="appeal", now=NOW, zone="Asia/Shanghai",
                        allow_incomplete=True)
    index = next(page_text(rep.files[0], p) for p in range(1, 6)
                 if "Index of exhibits" in page_text(rep.files[0], p))
    row = next(line for line in index.splitlines() if line.strip().startswith(label))
    first, last = map(int, re.search(r"(\d+)–(\d+)", row).groups())
    assert last - first >= 2  # a range, not just the first page
    seen = []
    for p in range(first, last + 1):
        text = page_text(rep.files[0], p)
        assert "2024-09-16" in text, p  # the day, on every page
        assert "【新证据 NEW】" in text and label in text, p
        seen += [int(n) for n in re.findall(rf"{label} #(\d+)", text)]
    assert seen == list(range(1, 81))  # numbered once each, in order, none lost
    # a page of another, not-new exhibit has no mark
    assert "【新证据 NEW】" not in page_text(rep.files[0], last + 1) or last + 1 > rep.pages[0]
