"""Batch attach as a clumsy user or an attacker drives it (issue 15): one file at a time, the
good ones go in, refused ones are listed; duplicates, pipes, links and odd names."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import DATA
from tests.core.test_cli import CHAT, REPO, ek

TIMEOUT = 60  # today's code hung on a pipe: every run that could hang is bounded


def run(lib, *args, lang="zh"):
    """The CLI in this process (tests/core/test_cli.ek): exit code, out, err."""
    r = ek(lib, *args, lang=lang)
    r.out, r.err = r.stdout, r.stderr
    return r


def run_process(lib, *args, lang="zh"):
    """A real process, bounded: for what could hang (today's code hung on a pipe)."""
    r = subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "--lang", lang,
                        *map(str, args)], cwd=REPO, capture_output=True, timeout=TIMEOUT)
    r.out = r.stdout.decode("utf-8", "replace")
    r.err = r.stderr.decode("utf-8", "replace")
    return r


@pytest.fixture
def lib(tmp_path):
    path = tmp_path / "lib"
    assert ek(path, "init").returncode == 0
    assert ek(path, "case", "new", "--type", "quality_issue", "--order", "111").returncode == 0
    return path


def _exhibits(lib) -> list[dict]:
    return json.loads(ek(lib, "case", "show", "1", "--json").stdout)["exhibits"]


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "drop"
    d.mkdir()
    (d / "a_chat.txt").write_text(CHAT, encoding="utf-8")
    (d / "b_photo.jpg").write_bytes((DATA / "photo_exif.jpg").read_bytes())
    (d / "c_empty.txt").write_bytes(b"")  # refused
    (d / "d_random.pdf").write_bytes((DATA / "random_bytes.pdf").read_bytes())  # refused
    return d


def test_batch_attaches_the_good_files_lists_refused_and_exits_1(lib, folder):
    r = run(lib, "attach", "1", folder)
    assert r.returncode == 1, r.err
    assert "c_empty.txt" in r.err and "d_random.pdf" in r.err and "Traceback" not in r.err
    assert [e["source_name"] for e in _exhibits(lib)] == ["a_chat.txt", "b_photo.jpg"]


def test_all_or_nothing_keeps_the_old_behaviour(lib, folder):
    r = run(lib, "attach", "1", folder, "--all-or-nothing")
    assert r.returncode == 2 and "d_random.pdf" in r.err
    assert _exhibits(lib) == []
    (folder / "c_empty.txt").unlink()
    (folder / "d_random.pdf").unlink()
    assert run(lib, "attach", "1", folder, "--all-or-nothing").returncode == 0
    assert len(_exhibits(lib)) == 2


def test_rerun_skips_files_the_case_holds(lib, folder):
    (folder / "c_empty.txt").unlink()
    (folder / "d_random.pdf").unlink()
    assert run(lib, "attach", "1", folder).returncode == 0
    r = run(lib, "attach", "1", folder)  # an interrupted import, run again
    assert r.returncode == 0, r.err
    assert "E1 已包含此文件" in r.err and "E2 已包含此文件" in r.err
    assert len(_exhibits(lib)) == 2
    r = run(lib, "attach", "1", folder / "a_chat.txt", "--allow-duplicate")
    assert r.returncode == 0 and len(_exhibits(lib)) == 3


def test_core_says_whether_the_case_holds_a_file(library, tmp_path):
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    f = tmp_path / "chat.txt"
    f.write_text(CHAT, encoding="utf-8")
    assert library.holds_file(case.id, f) is None
    ex = library.attach(case.id, f)
    assert library.holds_file(case.id, f).id == ex.id
    from evidencekit.errors import DuplicateExhibit
    with pytest.raises(DuplicateExhibit) as info:
        library.attach(case.id, f, allow_duplicate=False)
    assert info.value.message("zh") == "E1 已包含此文件"


def test_pipe_socket_and_device_refused_at_once(lib, tmp_path):
    fifo = tmp_path / "chat.txt"
    os.mkfifo(fifo)
    r = run_process(lib, "attach", "1", fifo)
    assert r.returncode == 2 and "不是普通文件" in r.err
    sock_path = tmp_path / "s.sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock_path))
    try:
        r = run_process(lib, "attach", "1", sock_path, "/dev/zero")
    finally:
        s.close()
    assert r.returncode == 2 and r.err.count("不是普通文件") == 2
    # Inside a folder: reported, the rest attached.
    d = tmp_path / "drop"
    d.mkdir()
    os.mkfifo(d / "pipe")
    (d / "chat.txt").write_text(CHAT, encoding="utf-8")
    r = run_process(lib, "attach", "1", d)
    assert r.returncode == 1 and "不是普通文件" in r.err
    assert [e["source_name"] for e in _exhibits(lib)] == ["chat.txt"]


def test_links_leaving_the_folder_are_not_followed(lib, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(CHAT, encoding="utf-8")
    d = tmp_path / "drop"
    (d / "sub").mkdir(parents=True)
    (d / "chat.txt").write_text(CHAT + "x\n", encoding="utf-8")
    (d / "shadow").symlink_to("/etc/passwd")
    (d / "secret_link.txt").symlink_to(outside)
    (d / "inside_link.txt").symlink_to(d / "chat.txt")
    (d / "dangling").symlink_to(d / "nowhere")
    (d / "loop1").symlink_to(d / "loop2")
    (d / "loop2").symlink_to(d / "loop1")
    (d / "sub" / "up").symlink_to("..")
    r = run(lib, "attach", "1", d, lang="en")
    assert r.returncode == 1, r.err
    names = [e["source_name"] for e in _exhibits(lib)]
    assert names == ["chat.txt"]  # the inside link holds the same bytes: skipped as duplicate
    assert "E1 already holds this file" in r.err
    for word in ("shadow: ", "secret_link.txt", "dangling", "loop1", "loop2"):
        assert word.split(":")[0] in r.err, word
    assert r.err.count("outside the folder") == 2
    assert "does not exist" in r.err and r.err.count("Link loop") == 2


def test_app_folder_drop_does_not_follow_links_out(tmp_path):
    from evidencekit.ingest.files import collect_files
    d = tmp_path / "drop"
    d.mkdir()
    (d / "a.txt").write_text("x")
    (d / "shadow").symlink_to("/etc/passwd")
    found = collect_files([d])
    assert found.files == [d / "a.txt"]
    assert [e.code for _, e in found.skipped] == ["link_outside"]


def test_non_utf8_and_control_names_kept_and_printed_escaped(lib, tmp_path):
    d = tmp_path / "drop"
    d.mkdir()
    bad = os.fsencode(d) + b"/chat\xff\xfe.txt"
    with open(bad, "wb") as f:
        f.write(CHAT.encode("utf-8"))
    evil = d / "e\x1b[31mred\u202etxt.exe"
    evil.write_bytes(b"2024-09-17 11:45:01 x\n")
    r = run(lib, "attach", "1", d)
    assert r.returncode == 0, r.err
    assert "\x1b" not in r.out + r.err and "\u202e" not in r.out + r.err
    assert "chat\\xff\\xfe.txt" in r.out and "e\\x1b[31mred\\u202etxt.exe" in r.out
    names = [e["source_name"] for e in _exhibits(lib)]
    assert "chat\\xff\\xfe.txt" in names and "e\x1b[31mred\u202etxt.exe" in names  # kept
    shown = run(lib, "case", "show", "1")
    assert shown.returncode == 0 and "\x1b" not in shown.out and "\u202e" not in shown.out


def test_text_with_lone_surrogates_from_a_broken_file_is_stored(library, tmp_path):
    """pypdf decodes byte-flipped PDFs into text with lone surrogates (found by the
    bench corpus): SQLite refused the row with a traceback."""
    from evidencekit.ingest.model import IngestResult
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4 whatever")
    result = IngestResult("inspection_report", "inspection_report", 0.5,
                          {"text_excerpt": "批次 \udcef\udcbf B2024"}, [])
    ex = library.attach(case.id, f, result=result, caption="cap\udcff")
    assert ex.facts["text_excerpt"] == "批次 ?? B2024" and ex.caption == "cap\\xff"
