"""Bundle export: structure, fonts, Chinese text, masking, sanitising, determinism, cancel."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from evidencekit.errors import Cancelled, EvidenceKitError, ExportError, RuleError
from evidencekit.export import export_bundle, load_profiles
from evidencekit.progress import CancelToken

from .export_fixtures import NOW, build_case
from .pdf_tools import qpdf_ok, text_of


@pytest.fixture(scope="module")
def arbitration(tmp_path_factory):
    root = tmp_path_factory.mktemp("arb")
    src = build_case(root, mode="arbitration", hostile=True, photos=5)
    rep = export_bundle(src, root / "bundle.pdf", mode="arbitration", now=NOW, zone="Asia/Shanghai")
    return root, src, rep


@pytest.fixture(scope="module")
def appeal(tmp_path_factory):
    root = tmp_path_factory.mktemp("appeal")
    src = build_case(root, mode="appeal", photos=2)
    rep = export_bundle(src, root / "appeal.pdf", mode="appeal", now=NOW, zone="Asia/Shanghai")
    return root, src, rep


def test_structure_pages_bookmarks_links(arbitration):
    root, src, rep = arbitration
    path = rep.files[0]
    qpdf_ok(path)
    reader = PdfReader(str(path))
    n = len(reader.pages)
    assert rep.pages == [n]
    titles = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                titles.append(it.title)
    walk(reader.outline)
    for want in ("封面 Cover", "陈述 Statement", "证据对照 Evidence by requirement", "证据目录 Index",
                 "证据 Exhibits", "附录 Appendix"):
        assert want in titles
    for pe_no in range(1, len(src.exhibits) + 1):
        assert any(t.startswith(f"E{pe_no} ") for t in titles), f"E{pe_no} bookmark"
    # index entries are links to pages
    links = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= len(src.exhibits)
    # continuous page numbers n / N on every page
    pages = text_of(path).split("\f")
    for i in range(n):
        assert re.search(rf"\b{i + 1} / {n}\b", pages[i]), f"page {i + 1}"
        assert f"案件 Case {src.case.case_no}" in pages[i]
        assert rep.bundle_id in pages[i]
        assert "+08:00" in pages[i]
    meta = reader.metadata
    assert meta.title.startswith("平台介入举证材料") and meta["/CreationDate"].startswith("D:2026")


def test_fonts_embedded_and_chinese_extractable(appeal):
    _, _, rep = appeal
    path = rep.files[0]
    qpdf_ok(path)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out
    for line in out:
        cols = line.split()
        assert cols[-5] == "yes", line  # emb
    text = text_of(path)
    for want in ("申诉材料", "申诉要点", "判定认为商家未提供签收证明", "证据目录", "已签收",
                 "新证据", "哈希清单", rep.manifest_sha256):
        assert want in text, want


def test_buyer_privacy_masked(arbitration, tmp_path):
    _, src, rep = arbitration
    text = text_of(rep.files[0])
    assert "13812345678" not in text and "138****5678" in text
    assert "文三路100号" not in text
    assert "李小明" not in text
    # opting out shows the raw numbers
    plain = export_bundle(src, tmp_path / "plain.pdf", now=NOW, zone="Asia/Shanghai", mask=False)
    assert "13812345678" in text_of(plain.files[0])


def test_photos_have_no_gps_and_captions(arbitration):
    _, _, rep = arbitration
    data = rep.files[0].read_bytes()
    assert b"GPS" not in data and b"Exif" not in data
    text = text_of(rep.files[0])
    assert "IMG_0003.jpg" in text and "2024-09-16 09:12 +08:00" in text


def test_sanitised_merged_pdf(arbitration):
    _, _, rep = arbitration
    path = rep.files[0]
    data = path.read_bytes()
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root
    assert b"/JavaScript" not in data and b"app.alert" not in data
    assert list(reader.attachments) == ["manifest.json"]
    assert any("removed" in en for _, en in rep.warnings)
    # the merged pages are vector text, not pictures
    assert "快递公司证明 Courier proof" in text_of(path)


def test_deterministic(tmp_path):
    src = build_case(tmp_path / "c", photos=2)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = export_bundle(src, tmp_path / "a" / "out.pdf", now=NOW, zone="Asia/Shanghai")
    b = export_bundle(src, tmp_path / "b" / "out.pdf", now=NOW, zone="Asia/Shanghai")
    assert a.files[0].read_bytes() == b.files[0].read_bytes()
    assert a.manifest_sha256 == b.manifest_sha256


def test_cancel_leaves_nothing(tmp_path):
    src = build_case(tmp_path / "c", photos=3)
    token = CancelToken()
    calls = []

    def progress(f, zh, en):
        calls.append(f)
        if f > 0.1:
            token.cancel()
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    with pytest.raises(Cancelled):
        export_bundle(src, out, now=NOW, progress=progress, cancel=token)
    assert list(out.parent.iterdir()) == []


def test_destination_checked_first(tmp_path):
    src = build_case(tmp_path / "c", photos=1)
    with pytest.raises(EvidenceKitError):
        export_bundle(src, tmp_path / "missing" / "x.pdf", now=NOW)
    with pytest.raises(EvidenceKitError):
        export_bundle(src, tmp_path / "x.txt", now=NOW)


def test_encrypted_pdf_needs_password(tmp_path):
    from dataclasses import replace

    from pypdf import PdfWriter

    from evidencekit.export import source_from_library

    from .export_fixtures import fixture_library, make_report_pdf
    lib, cid = fixture_library(tmp_path / "c", photos=1)
    plain = make_report_pdf(tmp_path / "r.pdf", 1)
    w = PdfWriter(clone_from=str(plain))
    w.encrypt("secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as f:
        w.write(f)
    ex = lib.attach(cid, locked, kind="inspection_report", caption="加密的报告", password="secret")
    src2 = source_from_library(lib, cid, "arbitration", NOW)  # the library keeps no password
    with pytest.raises(ExportError) as e:
        export_bundle(src2, tmp_path / "x.pdf", now=NOW)
    assert "E5" in e.value.message_en and "password" in e.value.message_en
    ok = export_bundle(replace(src2, passwords={ex.sha256: "secret"}), tmp_path / "y.pdf", now=NOW)
    qpdf_ok(ok.files[0])


def test_profiles_load_and_validate(tmp_path):
    profiles = load_profiles()
    assert {"douyin", "archive", "mastercom", "amex", "amex-optblue"} <= set(profiles)
    assert profiles["amex"].max_files == 5 and profiles["amex"].max_pages_per_file == 20
    assert profiles["amex-optblue"].require_grayscale
    (tmp_path / "mine.toml").write_text(
        'schema_version = 1\nname = "stripe"\ntitle_zh = "Stripe"\ntitle_en = "Stripe"\n'
        '[limits]\nmax_total_bytes = 4_500_000\nmax_pages_per_file = 49\n', encoding="utf-8")
    assert load_profiles(tmp_path)["stripe"].max_total_bytes == 4_500_000
    (tmp_path / "bad.toml").write_text(
        'schema_version = 1\nname = "bad"\ntitle_zh = "b"\ntitle_en = "b"\n[photos]\nper_page = 3\n',
        encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_profiles(tmp_path)
    assert e.value.key == "photos.per_page" and "bad.toml" in e.value.file


def test_flowing_blocks_drawn_from_their_counted_layout(tmp_path, monkeypatch):
    """The index is laid out once (counted) and drawn from that layout, which is dropped once
    drawn; the appendix (a row per exhibit) is not kept from its count but laid out again when
    drawn (issue 15: memory flat). Either way the bytes are those of laying them out again."""
    from evidencekit.export import assemble, attempt
    src = build_case(tmp_path / "c", mode="appeal", photos=2, chat_messages=150)
    replays, flows = [], []
    real_replay, real_flow = assemble.replay_story, assemble.flow_story
    monkeypatch.setattr(assemble, "replay_story",
                        lambda bc, layout, header, *a, **k: replays.append(header)
                        or real_replay(bc, layout, header, *a, **k))
    monkeypatch.setattr(assemble, "flow_story",
                        lambda bc, story, header, *a, **k: flows.append(header)
                        or real_flow(bc, story, header, *a, **k))
    (tmp_path / "fast").mkdir()
    (tmp_path / "slow").mkdir()  # same file name: it is in the manifest
    fast = export_bundle(src, tmp_path / "fast" / "b.pdf", mode="appeal", now=NOW)
    assert replays == ["目录 Index"]
    assert "附录 Appendix" in flows  # laid out again when drawn, not replayed
    real_count = attempt.count_flow

    def count_forget(plan, block):
        n = real_count(plan, block)
        block.layout = None
        return n
    monkeypatch.setattr(attempt, "count_flow", count_forget)
    replays.clear()
    slow = export_bundle(src, tmp_path / "slow" / "b.pdf", mode="appeal", now=NOW)
    assert replays == []  # nothing kept: every flowing block laid out again
    assert fast.files[0].read_bytes() == slow.files[0].read_bytes()
