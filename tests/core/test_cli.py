"""The CLI contract: commands, flags, JSON fields and exit codes that outside checks rely on."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from evidencekit.cli import main

pytestmark = pytest.mark.usefixtures("engine")

REPO = Path(__file__).resolve().parents[2]

CHAT = ("2024-09-17 11:45:01 顾客: 收到的杯子碎了\n"
        "2024-09-17 11:46:10 小店客服: 您好，麻烦拍一下照片\n"
        "2024-09-18 09:00:00 顾客: 照片发你了\n")


def ek(lib: Path, *args, lang="zh") -> subprocess.CompletedProcess:
    """Run one CLI command in this process (``evidencekit.cli.main``, the entry point itself,
    with its own error-to-exit mapping) and return what a process would have: exit code,
    stdout, stderr. In-process keeps the suite fast; ``ek_process`` runs a real process
    for the few tests about the process itself."""
    argv = ["--library", str(lib), "--lang", lang, *map(str, args)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(REPO):
        try:
            code = main(argv)
        except SystemExit as e:  # argparse: --help, a bad flag
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    return subprocess.CompletedProcess(["evidencekit", *argv], code, out.getvalue(), err.getvalue())


def ek_process(lib: Path, *args, lang="zh") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "--lang", lang,
                           *map(str, args)], cwd=REPO, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def lib(tmp_path):
    path = tmp_path / "lib"
    assert ek(path, "init").returncode == 0
    return path


def test_quality_case_walkthrough(lib, tmp_path):
    r = ek(lib, "case", "new", "--platform", "douyin", "--type", "quality_issue", "--order", "6921",
           "--after-sale", "AS-1", "--buyer", "李四", "--phone", "13812345678", "--amount", "89.00")
    assert r.returncode == 0, r.stderr
    case_id = r.stdout.strip().splitlines()[-1]
    assert case_id.isdigit()
    assert ek(lib, "case", "set", case_id, "--stage", "intervention",
              "--intervention-at", "2024-09-18T10:00:00+08:00").returncode == 0
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="gbk")
    r = ek(lib, "attach", case_id, chat, "--kind", "chat_log", "--caption", "完整聊天记录")
    assert r.returncode == 0, r.stderr
    r = ek(lib, "check", case_id, "--now", "2024-09-19T10:00:00+08:00", "--json")
    assert r.returncode == 1, r.stderr  # inspection report still missing
    data = json.loads(r.stdout)
    assert data["complete"] is False
    items = {i["kind"]: i for i in data["items"]}
    assert items["inspection_report"]["status"] == "missing" and items["inspection_report"]["required"]
    assert items["chat_log"]["status"] in ("ok", "warning") and len(items["chat_log"]["exhibits"]) == 1
    assert set(data["items"][0]) >= {"kind", "required", "status", "exhibits", "reason_zh", "reason_en"}
    (dl,) = data["deadlines"]
    assert set(dl) == {"id", "name_zh", "name_en", "due", "state", "remaining_seconds", "stopped_at",
                       "late_seconds", "source"}
    assert dl["remaining_seconds"] == 24 * 3600 and dl["state"] == "ok"
    assert dl["due"] == "2024-09-20T02:00:00+00:00"
    r = ek(lib, "check", case_id, "--now", "2024-09-19T10:00:00+08:00")
    assert "质检报告" in r.stdout and "48" not in r.stderr
    show = json.loads(ek(lib, "case", "show", case_id, "--json").stdout)
    (ex,) = show["exhibits"]
    assert set(ex) >= {"kind", "sha256", "source_name", "facts", "warnings"}
    assert ex["kind"] == "chat_log" and ex["source_name"] == "chat.txt" and len(ex["sha256"]) == 64
    assert show["order_no"] == "6921" and show["buyer_phone"] == "13812345678"
    assert [e["action"] for e in show["log"]][:2] == ["case_created", "case_updated"]
    listing = json.loads(ek(lib, "case", "list", "--json").stdout)
    assert listing[0]["id"] == int(case_id)
    assert ek(lib, "fsck").returncode == 0


def test_list_most_urgent_first(lib):
    ids = []
    for order, at in (("A", "2024-09-18T10:00+08:00"), ("B", "2024-09-17T10:00+08:00"), ("C", None)):
        cid = ek(lib, "case", "new", "--type", "lost_parcel", "--order", order).stdout.split()[-1]
        if at:
            ek(lib, "case", "set", cid, "--stage", "intervention", "--intervention-at", at)
        ids.append(cid)
    listing = json.loads(ek(lib, "case", "list", "--json", "--now", "2024-09-18T12:00+08:00").stdout)
    assert [c["order_no"] for c in listing] == ["B", "A", "C"]


@pytest.mark.parametrize("args", [
    ("case", "new", "--type", "quality_issue"),                      # missing --order
    ("case", "new", "--type", "nonsense", "--order", "1"),            # unknown type
    ("case", "new", "--type", "quality_issue", "--order", "1", "--amount", "abc"),
    ("case", "set", "999", "--stage", "judged"),                      # no such case
    ("case", "set", "1", "--intervention-at", "yesterday"),
    ("check", "1", "--mode", "sideways"),
    ("attach", "1", "/nonexistent/file.txt"),
])
def test_bad_usage_exits_2_with_one_line_and_changes_nothing(lib, args):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    before = ek(lib, "case", "show", "1", "--json").stdout
    r = ek(lib, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    after = ek(lib, "case", "show", "1", "--json").stdout
    assert json.loads(before)["log"] == json.loads(after)["log"]


def test_attach_batch_adds_the_good_files_names_the_refused_and_exits_1(lib, tmp_path):
    """conventions.md: exit 1 when a batch attach refused some files (the others attached)."""
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    good = tmp_path / "chat.txt"
    good.write_text(CHAT, encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"")
    r = ek(lib, "attach", "1", good, bad, "--json")
    assert r.returncode == 1 and "broken.pdf" in r.stderr and "Traceback" not in r.stderr
    assert [e["source_name"] for e in json.loads(r.stdout)] == ["chat.txt"]
    shown = json.loads(ek(lib, "case", "show", "1", "--json").stdout)["exhibits"]
    assert [e["source_name"] for e in shown] == ["chat.txt"]


def test_attach_batch_of_only_bad_files_exits_2_and_changes_nothing(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    (tmp_path / "a.pdf").write_bytes(b"")
    (tmp_path / "b.jpg").write_bytes(b"not a photo")
    r = ek(lib, "attach", "1", tmp_path / "a.pdf", tmp_path / "b.jpg")
    assert r.returncode == 2 and "a.pdf" in r.stderr and "b.jpg" in r.stderr


def test_attach_all_or_nothing_refuses_the_whole_batch(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "2")
    good = tmp_path / "chat2.txt"
    good.write_text(CHAT + "x\n", encoding="utf-8")
    bad = tmp_path / "broken2.pdf"
    bad.write_bytes(b"")
    r = ek(lib, "attach", "2", good, bad, "--all-or-nothing")
    assert r.returncode == 2 and "broken2.pdf" in r.stderr
    assert json.loads(ek(lib, "case", "show", "2", "--json").stdout)["exhibits"] == []


def test_english_output_and_trash(lib):
    ek(lib, "case", "new", "--type", "refund_dispute", "--order", "77")
    r = ek(lib, "case", "delete", "1", lang="en")
    assert r.returncode == 0 and "trash" in r.stdout
    assert json.loads(ek(lib, "case", "list", "--json").stdout) == []
    assert ek(lib, "case", "restore", "1").returncode == 0
    assert len(json.loads(ek(lib, "case", "list", "--json").stdout)) == 1


@pytest.mark.sqlite_only  # a file in the folder; a team library's fsck: test_team_blobs.py
def test_fsck_exits_1_on_damage(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    chat = tmp_path / "c.txt"
    chat.write_text(CHAT, encoding="utf-8")
    ek(lib, "attach", "1", chat)
    (blob,) = [p for p in (lib / "blobs").rglob("*") if p.is_file() and p.parent.name != "tmp"]
    blob.chmod(0o644)
    blob.write_bytes(b"changed")
    r = ek(lib, "fsck", lang="en")
    assert r.returncode == 1 and "Damaged" in r.stdout


@pytest.mark.sqlite_only  # the folder's own database file (EVIDENCEKIT_DB: test_team_library.py)
def test_env_library_and_rule_error_reporting(tmp_path):
    lib = tmp_path / "envlib"
    env = {**__import__("os").environ, "EVIDENCEKIT_LIBRARY": str(lib)}
    r = subprocess.run([sys.executable, "-m", "evidencekit", "init"], cwd=REPO, env=env,
                       capture_output=True, text=True)
    assert r.returncode == 0 and (lib / "evidencekit.db").exists()
    (lib / "rules" / "broken.toml").write_text("schema_version = 1\nid = 3\n", encoding="utf-8")
    r = ek(lib, "rules", "--json")
    data = json.loads(r.stdout)
    assert r.returncode == 1 and data["errors"][0]["file"].endswith("broken.toml")
    assert {p["id"] for p in data["platforms"]} == {"douyin", "tiktok_shop"}
    # the rest still works with the built-in rules
    assert ek(lib, "case", "new", "--type", "quality_issue", "--order", "1").returncode == 0


def test_exhibit_set_move_remove(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    for i in range(2):
        f = tmp_path / f"c{i}.txt"
        f.write_text(CHAT + f"2024-09-18 10:0{i}:00 顾客: {i}\n", encoding="utf-8")
        ek(lib, "attach", "1", f)
    assert ek(lib, "exhibit", "set", "1", "E2", "--kind", "work_order_log", "--caption", "工单",
              "--new", "yes").returncode == 0
    assert ek(lib, "exhibit", "move", "1", "E2", "1").returncode == 0
    ex = json.loads(ek(lib, "case", "show", "1", "--json").stdout)["exhibits"]
    assert [(e["source_name"], e["kind"], e["is_new"]) for e in ex] == [
        ("c1.txt", "work_order_log", True), ("c0.txt", "chat_log", False)]
    assert ek(lib, "exhibit", "remove", "1", "E1").returncode == 0
    assert ek(lib, "exhibit", "remove", "1", "E9").returncode == 2
    ex = json.loads(ek(lib, "case", "show", "1", "--json").stdout)["exhibits"]
    assert [e["source_name"] for e in ex] == ["c0.txt"]


def test_appeal_points_and_appeal_check(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    f = tmp_path / "c.txt"
    f.write_text(CHAT, encoding="utf-8")
    ek(lib, "attach", "1", f)
    # judged after the exhibit was attached (now): before any submission, nothing is new yet
    r = ek(lib, "case", "set", "1", "--stage", "judged", "--judgment-at", "2099-09-25 10:00",
           "--judgment-ref", "PJ-778", "--appeal-point", "判定称未提供质检报告|已补充第三方质检报告|E1")
    assert r.returncode == 0, r.stderr
    show = json.loads(ek(lib, "case", "show", "1", "--json").stdout)
    assert show["appeal_points"] == [{"basis": "判定称未提供质检报告", "fact": "已补充第三方质检报告",
                                      "exhibit_ids": [show["exhibits"][0]["id"]]}]
    items = {i["kind"]: i["status"] for i in
             json.loads(ek(lib, "check", "1", "--mode", "appeal", "--json").stdout)["items"]}
    assert items["appeal_statement"] == "ok" and items["judgment_reference"] == "ok"
    assert items["new_evidence"] == "missing"
    assert ek(lib, "case", "set", "1", "--appeal-point", "no separator").returncode == 2
    assert ek(lib, "case", "set", "1", "--appeal-point", "a|b|E9").returncode == 2


def test_verify_of_a_file_that_is_no_pdf_says_so_in_one_line(lib):
    r = ek(lib, "verify", REPO / "README.md", lang="en")
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "Cannot read bundle: README.md" in r.stderr


def test_a_bug_in_a_command_exits_2_with_one_line_not_a_traceback(monkeypatch, tmp_path, capsys):
    from evidencekit import cli
    from evidencekit.cli import library_commands

    def broken(args, lang):
        raise RuntimeError("boom")
    monkeypatch.setattr(library_commands, "cmd_init", broken)
    monkeypatch.delenv("EVIDENCEKIT_DEBUG", raising=False)
    assert cli.main(["--library", str(tmp_path / "lib"), "--lang", "en", "init"]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_export_of_a_case_without_exhibits_is_refused_and_writes_nothing(lib, tmp_path):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    out = tmp_path / "bundle.pdf"
    r = ek(lib, "export", "1", "-o", out, "--now", "2024-09-20T10:00+08:00", lang="en")
    assert r.returncode == 2 and "The case has no exhibits to bundle" in r.stderr
    assert not out.exists() and not list(tmp_path.glob("*.pdf*"))


def test_attach_still_reports_a_repaired_pdf(lib, tmp_path):
    """The CLI keeps pypdf's notes off stderr without muting them for ingestion."""
    data = (REPO / "tests" / "data" / "inspection_report.pdf").read_bytes()
    i = data.rindex(b"startxref") + len(b"startxref\n")
    p = tmp_path / "bad xref.pdf"
    p.write_bytes(data[:i] + b"999999" + data[data.index(b"\n", i):])
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    r = ek(lib, "attach", "1", p, "--json", lang="en")
    assert r.returncode == 0, r.stderr
    (exhibit,) = json.loads(r.stdout)
    assert exhibit["facts"]["repaired"] is True and "xref" not in r.stderr.lower()
