"""The work-order log from the CLI, and the platform copy it goes into."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .test_cli import ek

pytestmark = pytest.mark.usefixtures("engine")

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = "2024-09-23T08:00:00+08:00"


def test_worklog_add_list_set_remove_and_checklist(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    cid = ek(lib, "case", "new", "--type", "refund_dispute", "--order", "77",
             "--buyer", "王小明").stdout.split()[-1]
    r = ek(lib, "check", cid, "--json")
    item = next(i for i in json.loads(r.stdout)["items"] if i["kind"] == "work_order_log")
    assert item["status"] == "missing"
    assert ek(lib, "worklog", "add", cid, "--at", "2024-09-17T09:10", "用户反馈磨脚").returncode == 0
    r = ek(lib, "worklog", "add", cid, "--at", "2024-09-17 09:15", "联系用户", "王小明")
    assert r.returncode == 0, r.stderr
    entries = json.loads(ek(lib, "worklog", "list", cid, "--json").stdout)
    assert [e["text"] for e in entries] == ["用户反馈磨脚", "联系用户 王小明"]
    assert entries[0]["at"] == "2024-09-17T01:10:00+00:00"  # naive: the platform's zone (UTC+8)
    r = ek(lib, "--tz", "Asia/Shanghai", "worklog", "list", cid)
    assert "2024-09-17 09:10 +08:00  用户反馈磨脚" in r.stdout
    item = next(i for i in json.loads(ek(lib, "check", cid, "--json").stdout)["items"]
                if i["kind"] == "work_order_log")
    assert item["status"] == "ok"  # the entries meet the work-order-log item
    first = entries[0]["id"]
    assert ek(lib, "worklog", "set", cid, f"#{first}", "--text", "用户反馈鞋子磨脚").returncode == 0
    assert ek(lib, "worklog", "remove", cid, str(entries[1]["id"])).returncode == 0
    entries = json.loads(ek(lib, "worklog", "list", cid, "--json").stdout)
    assert [e["text"] for e in entries] == ["用户反馈鞋子磨脚"]
    # bad input: exit 2, nothing changed
    for bad in (("worklog", "add", cid, "--at", "yesterday", "x"),
                ("worklog", "add", cid, "--at", "2024-09-17T09:10", " "),
                ("worklog", "remove", cid, "999"), ("worklog", "set", cid, "abc", "--text", "x")):
        r = ek(lib, *bad)
        assert r.returncode == 2 and "Traceback" not in r.stderr, bad
    assert len(json.loads(ek(lib, "worklog", "list", cid, "--json").stdout)) == 1
    show = json.loads(ek(lib, "case", "show", cid, "--json").stdout)
    assert [e["text"] for e in show["worklog"]] == ["用户反馈鞋子磨脚"]


def test_platform_copy_refused_until_ready_and_audience_recorded(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    cid = ek(lib, "case", "new", "--type", "signed_not_received", "--order", "88",
             "--buyer", "王小明", "--phone", "13912345678").stdout.split()[-1]
    ek(lib, "attach", cid, DATA / "chat_gbk.txt")
    ek(lib, "case", "set", cid, "--statement", "包裹已于【签收时间】签收。")
    out = tmp_path / "p.pdf"
    r = ek(lib, "export", cid, "-o", out, "--now", NOW)
    assert r.returncode == 2 and not out.exists()
    assert "缺少必需证据：物流轨迹" in r.stderr and "【签收时间】" in r.stderr
    r = ek(lib, "export", cid, "-o", out, "--now", NOW, "--allow-incomplete", "--no-mask")
    assert r.returncode == 0 and "未遮挡" in r.stderr
    rec = tmp_path / "r.pdf"
    assert ek(lib, "export", cid, "-o", rec, "--now", NOW, "--for", "records").returncode == 0
    arc = tmp_path / "a.pdf"
    r = ek(lib, "export", cid, "-o", arc, "--now", NOW, "--profile", "archive", "--json")
    assert json.loads(r.stdout)["audience"] == "records"
    exports = json.loads(ek(lib, "case", "show", cid, "--json").stdout)["exports"]
    assert [e["audience"] for e in exports] == ["platform", "records", "records"]
    text = subprocess.run(["pdftotext", str(rec), "-"], capture_output=True, text=True).stdout
    assert "13912345678" in text and "操作日志" in text  # the records copy keeps everything
