"""Bad input: every parser is total (a result or an IngestError), and files are never changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidencekit.errors import IngestError, UsageError
from evidencekit.ingest import IngestResult, analyze, parse_chat, parse_trace, photo_facts, read_pdf_info, video_facts

DATA = Path(__file__).resolve().parents[1] / "data"
EXTENSIONS = [".txt", ".csv", ".xlsx", ".json", ".html", ".pdf", ".jpg", ".png", ".webp",
              ".mp4", ".mov", ".zip", ".bin", ""]
SAMPLES = sorted(p for p in DATA.iterdir() if p.is_file() and p.suffix != ".py"
                 and p.name != "README.md")


def _digest(p: Path) -> tuple[str, int]:
    return hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns


def _check_result(r: IngestResult) -> None:
    json.dumps(r.facts)  # JSON-serialisable
    assert r.kind and r.kind_guess and 0 <= r.kind_confidence <= 1
    assert all(w.code and w.zh and w.en for w in r.warnings)


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_zero_byte_files_are_refused(tmp_path, ext):
    p = tmp_path / f"empty{ext}"
    p.write_bytes(b"")
    with pytest.raises(IngestError) as e:
        analyze(p)
    assert e.value.code == "empty_file" and "0" in e.value.message_zh


@pytest.mark.parametrize("ext", EXTENSIONS)
@pytest.mark.parametrize("kind", [None, "chat_log", "logistics_trace", "photo", "other"])
def test_random_bytes_with_any_name_and_kind(tmp_path, ext, kind):
    p = tmp_path / f"random{ext}"
    p.write_bytes(os.urandom(3000))
    try:
        _check_result(analyze(p, kind))
    except IngestError as e:
        assert e.message_zh and e.message_en


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_is_read_without_changing_it(sample):
    before = _digest(sample)
    try:
        _check_result(analyze(sample))
    except IngestError:
        pass
    assert _digest(sample) == before


def test_unsupported_file_as_other_keeps_size_and_mime():
    r = analyze(DATA / "archive.zip", "other")
    assert r.facts == {"size": 130, "mime": "application/zip", "format": "binary",
                       "file_type": "binary"}
    assert [w.code for w in r.warnings] == ["not_previewable"]


@pytest.mark.parametrize("name", ["聊天 记录 📦 (1).txt", "照片 🧾.jpg", " 检验 报告 ✅.pdf"])
def test_names_with_chinese_spaces_and_emoji(tmp_path, name):
    src = {".txt": "chat_gbk.txt", ".jpg": "photo_exif.jpg", ".pdf": "inspection_report.pdf"}
    p = tmp_path / name
    shutil.copyfile(DATA / src[Path(name).suffix], p)
    r = analyze(p)
    assert r.kind in ("chat_log", "photo", "inspection_report")


def test_missing_file_folder_and_unknown_kind(tmp_path):
    with pytest.raises(IngestError) as e:
        analyze(tmp_path / "nope.txt")
    assert e.value.code == "file_missing"
    with pytest.raises(IngestError) as e:
        analyze(tmp_path)
    assert e.value.code == "is_directory"
    with pytest.raises(UsageError) as e:  # the one kind validation, as the library's
        analyze(DATA / "chat_gbk.txt", kind="receipt")
    assert e.value.code == "unknown_kind"


def test_unexpected_failure_becomes_an_ingest_error(monkeypatch):
    import evidencekit.ingest.chat as chat

    def boom(*a, **k):
        raise KeyError("bug")

    monkeypatch.setattr(chat, "chat_facts", boom)
    with pytest.raises(IngestError) as e:
        analyze(DATA / "chat_gbk.txt")
    assert e.value.code == "unreadable" and isinstance(e.value.__cause__, KeyError)


def test_huge_field_in_csv_and_deep_json(tmp_path):
    p = tmp_path / "chat.csv"
    p.write_text("时间,发送人,内容\n2024-09-17 11:45,顾客,\"" + "长" * 300_000 + "\"\n", "utf-8")
    assert analyze(p).facts["message_count"] == 1
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    try:
        _check_result(analyze(deep))
    except IngestError:
        pass


# Property tests: random bytes at each parser. Only a result or IngestError may come out.
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
PREFIXES = [b"", b"%PDF-1.4\n", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"\x00\x00\x00\x18ftypisom",
            b"PK\x03\x04", b"\xef\xbb\xbf2024-09-17 11:45:01 ", b"{\"data\": [", b"\xff\xfe"]


@FUZZ
@given(data=st.binary(min_size=1, max_size=4000), prefix=st.sampled_from(PREFIXES),
       ext=st.sampled_from(EXTENSIONS), kind=st.sampled_from([None, "chat_log", "logistics_trace",
                                                             "inspection_report", "other"]))
def test_fuzz_analyze(tmp_path, data, prefix, ext, kind):
    p = tmp_path / f"fuzz{ext}"
    p.write_bytes(prefix + data)
    try:
        _check_result(analyze(p, kind))
    except IngestError as e:
        assert e.message_zh and e.message_en


@FUZZ
@given(data=st.binary(min_size=1, max_size=4000), prefix=st.sampled_from(PREFIXES),
       ext=st.sampled_from([".txt", ".csv", ".json", ".html", ".xlsx"]))
def test_fuzz_text_parsers(tmp_path, data, prefix, ext):
    p = tmp_path / f"fuzz{ext}"
    p.write_bytes(prefix + data)
    for parse in (parse_chat, parse_trace):
        try:
            parse(p)
        except IngestError:
            pass


@FUZZ
@given(data=st.binary(min_size=1, max_size=4000), prefix=st.sampled_from(PREFIXES))
def test_fuzz_binary_parsers(tmp_path, data, prefix):
    p = tmp_path / "fuzz.bin"
    p.write_bytes(prefix + data)
    for parse in (read_pdf_info, photo_facts, video_facts):
        try:
            parse(p)
        except IngestError:
            pass


@FUZZ
@given(cut=st.floats(min_value=0.05, max_value=0.98),
       name=st.sampled_from(["inspection_report.pdf", "photo_exif.jpg", "screenshot_small.png",
                             "chat.xlsx", "packing_video.mp4", "encrypted_8888.pdf"]))
def test_fuzz_truncated_real_files(tmp_path, cut, name):
    data = (DATA / name).read_bytes()
    p = tmp_path / name
    p.write_bytes(data[: max(1, int(len(data) * cut))])
    try:
        _check_result(analyze(p))
    except IngestError as e:
        assert e.message_zh and e.message_en


@pytest.mark.parametrize("name, count", [
    ("chat_gbk.txt", 11), ("chat_utf16le.txt", 11), ("chat_utf8bom.csv", 11), ("chat.xlsx", 11),
    ("chat.json", 11), ("chat.html", 11), ("trace_kuaidi100.json", 7), ("trace_gbk.csv", 7),
    ("trace_pasted.txt", 7),
])
def test_parsers_read_nameless_blobs_by_content(tmp_path, name, count):
    """The exporter re-parses originals from the blob store, where files have no suffix."""
    blob = tmp_path / "3f5a9c0d"
    shutil.copyfile(DATA / name, blob)
    if name.startswith("chat"):
        assert len(parse_chat(blob).messages) == count
        assert len(parse_chat(DATA / name).messages) == count
    else:
        assert len(parse_trace(blob).events) == count


def test_a_cut_off_workbook_is_refused_as_a_damaged_xlsx(tmp_path):
    whole = (DATA / "chat.xlsx").read_bytes()
    cut = tmp_path / "chat.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError) as e:
        analyze(cut, "chat_log")
    assert e.value.code == "xlsx_damaged" and e.value.hint("en")
