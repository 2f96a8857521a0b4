"""Key marks and the merchant's request (issue 10 item 5): the user marks key chat messages and
trace rows (CLI ``exhibit mark``); they are kept in the library, highlighted where the bundle
shows them and listed on the cover, each linked to its page; the request is one line on the
cover, masked like every text that leaves the library."""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from evidencekit.export import export_bundle, source_from_library
from evidencekit.log_text import log_sentence
from evidencekit.store import Library

from .export_fixtures import NOW, fixture_library
from .pdf_tools import page_text, text_of
from .test_cli import ek

REQUEST = "请驳回买家退款申请：买家李小明（13812345678）已本人签收"


def test_marks_and_request_from_the_cli_round_trip_and_refuse_bad_input(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=1, chat_messages=8)
    lib.close()
    root = tmp_path / "lib"
    assert ek(root, "exhibit", "mark", cid, "E1", "--message", "3", "--message", "5,7").returncode == 0
    assert ek(root, "exhibit", "mark", cid, "E2", "--row", "6").returncode == 0
    r = ek(root, "exhibit", "mark", cid, "E1", "--message", "5", "--unmark")
    assert r.returncode == 0 and "#3、#7" in r.stdout
    assert ek(root, "case", "set", cid, "--request", REQUEST).returncode == 0
    show = json.loads(ek(root, "case", "show", cid, "--json").stdout)
    marks = {e["position"]: e["marks"] for e in show["exhibits"]}
    assert marks[1] == [3, 7] and marks[2] == [6] and marks[3] == []
    assert show["case"]["request"] == REQUEST
    for bad, says in ((("E1", "--message", "9"), "没有第 9 条消息"),  # 8 messages
                      (("E2", "--message", "1"), "--row"),  # a trace has rows, not messages
                      (("E4", "--row", "1"), "无法标记"),  # a photo
                      (("E1", "--message", "x"), "数字"),
                      (("E9", "--message", "1"), "E9")):
        r = ek(root, "exhibit", "mark", cid, *bad)
        assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr, (bad, r.stderr)
    after = json.loads(ek(root, "case", "show", cid, "--json").stdout)
    assert {e["position"]: e["marks"] for e in after["exhibits"]} == marks  # nothing changed
    shown = ek(root, "case", "show", cid).stdout
    assert f"诉求: {REQUEST}" in shown and "exhibit_marked  E1 #3, #5, #7" in shown
    lib = Library.open(root)
    said = [log_sentence(e, "zh") for e in lib.log(int(cid))]
    assert "标记要点：E1 #3, #5, #7" in said and "取消要点：E1 #5" in said


def test_marked_items_are_highlighted_listed_on_the_cover_and_linked(tmp_path):
    lib, cid = fixture_library(tmp_path, photos=0, chat_messages=40)
    chat, trace = lib.list_exhibits(cid)[:2]
    lib.mark_exhibit(chat.id, [3, 30])
    lib.mark_exhibit(trace.id, [6])
    lib.update_case(cid, request=REQUEST)
    source = source_from_library(lib, cid, "arbitration", NOW)
    out = export_bundle(source, tmp_path / "p.pdf", now=NOW, allow_incomplete=True).files[0]
    cover = " ".join(page_text(out, 1).split())
    assert "诉求 Merchant's request：请驳回买家退款申请" in cover
    assert "13812345678" not in cover and "李小明" not in cover  # masked like everything else
    pages = {}
    for cite in ("E1 #3", "E1 #30", "E2 #6"):
        assert f"• {cite} " in cover, cite  # listed on the cover, with the page it is on
        found = re.search(rf"key (?:message|trace event) {cite} [^→]*→ E\d p\. (\d+)", cover)
        assert found, cite
        pages[cite] = int(found.group(1))
    assert "地址" in cover.split("• E1 #3")[1].split("•")[0]  # the message quoted (masked)
    assert "文三路100号" not in cover
    assert pages["E1 #30"] > pages["E1 #3"]  # a later page of the same transcript
    for cite in ("E1 #3", "E1 #30"):
        assert f"★ 要点 Key {cite}" in page_text(out, pages[cite])
    assert "★6" in page_text(out, pages["E2 #6"])
    assert "★ 要点 Key E1 #4" not in text_of(out)  # only what was marked
    # each listed item links to the page it names
    reader = PdfReader(out)
    page_of = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    targets = [page_of[a["/Dest"][0].idnum] for a in links if "/Dest" in a]
    assert targets[:3] == [pages["E1 #3"], pages["E1 #30"], pages["E2 #6"]]  # marked ones first
    records = export_bundle(source, tmp_path / "r.pdf", now=NOW, allow_incomplete=True,
                            audience="records").files[0]
    assert "13812345678" in page_text(records, 1)  # the records copy keeps it
