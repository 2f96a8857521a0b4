"""Ingestion decides once what a file is and how it is shown; export and preview read that."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from evidencekit import kinds
from evidencekit.errors import UsageError
from evidencekit.export import export_bundle, source_from_library
from evidencekit.ingest.model import content_from_json, content_to_json
from evidencekit.store import Library

from .pdf_tools import text_of

DATA = Path(__file__).resolve().parent.parent / "data"
CLOCK = datetime(2024, 9, 19, 1, 30, tzinfo=timezone.utc)
NOW = datetime(2024, 9, 20, 2, 0, tzinfo=timezone.utc)


def _case(root: Path, files: list[str]) -> tuple[Library, int]:
    lib = Library.open(root, clock=lambda: CLOCK)
    lib.set_setting("store_names", ["小美家居旗舰店客服"])
    case = lib.create_case(platform="douyin", dispute_type="signed_not_received", order_no="4921")
    for name in files:
        lib.attach(case.id, DATA / name)
    return lib, case.id


def test_attach_records_file_type_encoding_and_view(tmp_path):
    lib, cid = _case(tmp_path / "lib", ["chat_gbk.txt", "photo_exif.jpg", "inspection_report.pdf",
                                        "archive.zip", "chat.xlsx"])
    got = {e.source_name: (e.facts["file_type"], kinds.view_of(e).name)
           for e in lib.list_exhibits(cid)}
    assert got == {"chat_gbk.txt": ("text", "chat"), "photo_exif.jpg": ("image", "photo"),
                   "inspection_report.pdf": ("pdf", "document"),
                   "archive.zip": ("binary", "binary"), "chat.xlsx": ("xlsx", "chat")}
    assert lib.list_exhibits(cid)[0].facts["encoding"] == "gb18030"
    lib.close()


def test_export_reads_what_attach_understood_not_the_file_again(tmp_path, monkeypatch):
    lib, cid = _case(tmp_path / "lib", ["chat_gbk.txt", "trace_kuaidi100.json"])
    import evidencekit.ingest.chat as chat
    import evidencekit.ingest.detect as detect
    import evidencekit.ingest.trace as trace

    def no(*a, **k):
        raise AssertionError("parsed or sniffed again")
    for mod, name in ((chat, "_parse"), (trace, "_parse"), (detect, "sniff_format")):
        monkeypatch.setattr(mod, name, no)
    out = tmp_path / "b.pdf"
    export_bundle(source_from_library(lib, cid, "arbitration", NOW), out, now=NOW,
                  profiles_dir=lib.profiles_dir, allow_incomplete=True)
    text = text_of(out)
    assert "你好，我买的玻璃杯今天发货吗" in text  # the transcript, from the kept content
    assert "丰巢快递柜" in text
    lib.close()


def test_exhibits_from_older_versions_are_decided_once_and_kept(tmp_path):
    root = tmp_path / "lib"
    lib, cid = _case(root, ["chat_gbk.txt", "photo_exif.jpg"])
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    out1 = tmp_path / "1" / "b.pdf"  # the same name: the manifest lists it
    export_bundle(source_from_library(lib, cid, "arbitration", NOW), out1, now=NOW,
                  profiles_dir=lib.profiles_dir, allow_incomplete=True)
    # As an older version left it: no file type, no encoding, no kept content.
    for e in lib.list_exhibits(cid):
        facts = {k: v for k, v in e.facts.items() if k not in ("file_type", "encoding")}
        lib.update_exhibit(e.id, facts=facts)
    lib.close()
    shutil.rmtree(root / "contents")
    lib = Library.open(root, clock=lambda: CLOCK)
    assert [e.facts["file_type"] for e in lib.list_exhibits(cid)] == ["text", "image"]
    out2 = tmp_path / "2" / "b.pdf"
    export_bundle(source_from_library(lib, cid, "arbitration", NOW), out2, now=NOW,
                  profiles_dir=lib.profiles_dir, allow_incomplete=True)
    assert out1.read_bytes() == out2.read_bytes()
    assert list((root / "contents").iterdir())  # read once, kept for next time
    lib.close()


def test_changed_store_names_are_read_again(tmp_path):
    lib, cid = _case(tmp_path / "lib", ["chat_gbk.txt"])
    ex = lib.list_exhibits(cid)[0]
    roles = {m.speaker: m.role for m in lib.exhibit_content(ex).messages}
    assert roles["小美家居旗舰店客服"] == "merchant"
    lib.set_setting("store_names", ["顾客"])  # now the other party is "ours"
    roles = {m.speaker: m.role for m in lib.exhibit_content(ex).messages}
    assert roles["顾客"] == "merchant"
    lib.close()


def test_kept_content_round_trips(tmp_path):
    from evidencekit.ingest import analyze
    for name in ("chat_utf16le.txt", "chat.json", "trace_gbk.csv", "trace_pasted.txt"):
        content = analyze(DATA / name).content
        assert content_from_json(json.loads(json.dumps(content_to_json(content)))) == content


def test_contents_kept_in_the_old_iso_form_are_still_read():
    """Kept contents written before instants became epoch microseconds read the same."""
    from evidencekit.ingest import analyze
    content = analyze(DATA / "chat_utf16le.txt").content
    data = content_to_json(content)
    assert data["instants"] == "epoch_us_utc" and isinstance(data["messages"][0][0], int)
    old = {"type": "chat", "encoding": content.encoding,
           "messages": [[m.at.isoformat() if m.at else None, m.speaker, m.role, m.text]
                        for m in content.messages]}
    assert content_from_json(old) == content


def test_one_kind_validation(tmp_path):
    lib, cid = _case(tmp_path / "lib", [])
    with pytest.raises(UsageError) as e:
        lib.attach(cid, DATA / "chat_gbk.txt", kind="receipt")
    assert e.value.code == "unknown_kind"
    lib.close()


def test_export_case_is_the_one_entry_platform_zone_and_recorded(tmp_path):
    """export_case (the CLI's and the app's) prints times in the platform's zone whatever the
    library's display zone, and records the export."""
    from evidencekit.export import export_case
    lib, cid = _case(tmp_path / "lib", ["chat_gbk.txt"])
    lib.set_setting("display_zone", "America/New_York")
    report = export_case(lib, cid, tmp_path / "b.pdf", now=NOW, allow_incomplete=True)
    text = text_of(report.files[0])
    assert "+08:00" in text and "-05:00" not in text and "-04:00" not in text
    assert [e["manifest_sha256"] for e in lib.exports(cid)] == [report.manifest_sha256]  # a draft
    named = export_case(lib, cid, tmp_path / "utc.pdf", now=NOW, zone="UTC", record=False,
                        allow_incomplete=True)
    assert "+00:00" in text_of(named.files[0])
    assert len(lib.exports(cid)) == 1 and lib.submissions(cid) == []
    lib.close()
