"""Emoji survive (issue 10 item 4): drawn from the embedded outline font (Symbola), or, when
no font has the character, written as its name in brackets — never dropped, so a buyer's "👍👍"
is never an empty bubble."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from evidencekit.export import export_bundle, source_from_library
from evidencekit.export.fonts import displayable
from evidencekit.ingest.model import ChatLog, Message

from .export_fixtures import NOW, fixture_library, t, write_chat
from .pdf_tools import text_of


def test_emoji_in_a_chat_are_drawn_and_searchable(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=0, chat_messages=2)
    texts = ["好的🙏亲", "👍👍", "收到❤️", "\U0001FAE0"]  # the last: newer than any font here
    msgs = [Message(t(16, 9) + timedelta(minutes=i), "买家小李", "buyer", s)
            for i, s in enumerate(texts)]
    lib.attach(cid, write_chat(tmp_path / "emoji.txt", ChatLog(msgs)), kind="chat_log")
    rep = export_bundle(source_from_library(lib, cid, "arbitration", NOW), tmp_path / "b.pdf",
                        now=NOW, allow_incomplete=True)
    text = text_of(rep.files[0])
    assert "好的🙏亲" in text and "👍👍" in text and "收到❤" in text
    assert "[MELTING FACE]" in text
    fonts = subprocess.run(["pdffonts", str(rep.files[0])], capture_output=True, text=True).stdout
    symbola = [line for line in fonts.splitlines() if "Symbola" in line]
    assert symbola and all(" yes " in line for line in symbola)  # embedded (and subset)


def test_displayable_never_drops_a_character():
    assert displayable("普通文字 plain") == "普通文字 plain"
    assert displayable("👍\u200d") == "👍"  # a joiner alone is nothing to show
    assert displayable("\U0001FAE0") == "[MELTING FACE]"
