"""The dispute after the export, through the CLI: submit, get it back, decide, appeal limits,
closed cases, diff, deadlines (iCalendar checked by a calendar parser), overwrite refusal."""

from __future__ import annotations

import hashlib
import json

import pytest

from .test_cli import CHAT, ek

pytestmark = pytest.mark.usefixtures("engine")

NOW = "2024-09-19T10:00:00+08:00"


@pytest.fixture
def case(tmp_path):
    lib = tmp_path / "lib"
    assert ek(lib, "init").returncode == 0
    cid = ek(lib, "case", "new", "--type", "refund_dispute", "--order", "77",
             "--request-at", "2024-09-17 09:00").stdout.split()[-1]
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert ek(lib, "attach", cid, chat, "--kind", "chat_log").returncode == 0
    return lib, cid


def _show(lib, cid, *extra):
    r = ek(lib, "case", "show", cid, "--json", *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_intake_to_submission_decision_appeal(case, tmp_path):
    lib, cid = case
    # the reply stops the 24 h clock (late by 1 h); --intervention-at alone starts the 48 h one
    assert ek(lib, "case", "set", cid, "--replied-at", "2024-09-18 10:00").returncode == 0
    assert ek(lib, "case", "set", cid, "--intervention-at", "2024-09-18 12:00").returncode == 0
    show = _show(lib, cid, "--now", NOW)
    assert show["stage"] == "intervention"
    clocks = {d["id"]: d for d in show["deadlines"]}
    assert clocks["reply"]["state"] == "late" and clocks["reply"]["late_seconds"] == 3600
    assert clocks["evidence"]["state"] == "ok" and clocks["evidence"]["remaining_seconds"] == 26 * 3600
    # export to the library's exports folder with the default name; again: v2, nothing replaced
    r = ek(lib, "export", cid, "--now", NOW, "--json", "--allow-incomplete")
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)["files"][0]
    assert first.endswith("exports/EK-00001-举证-v1.pdf")
    r = ek(lib, "export", cid, "--now", NOW, "-o", tmp_path, "--json", "--allow-incomplete")
    assert r.returncode == 0, r.stderr
    bundle = tmp_path / "EK-00001-举证-v2.pdf"
    assert json.loads(r.stdout)["files"] == [str(bundle)]
    original = bundle.read_bytes()
    # an existing destination is refused (exit 2, file untouched) unless --force
    r = ek(lib, "export", cid, "--now", NOW, "-o", bundle, "--allow-incomplete")
    assert r.returncode == 2 and "--force" in r.stderr and bundle.read_bytes() == original
    show = _show(lib, cid)
    assert len(show["exports"]) == 2 and show["submissions"] == []
    assert set(show["exports"][0]) >= {"id", "at", "mode", "audience", "profile", "files"}
    assert set(show["exports"][0]["files"][0]) >= {"name", "sha256", "pages"}
    # submit: the last line is the submission id; the clock stops; the stage moves
    r = ek(lib, "submit", cid, bundle, "--at", "2024-09-19 11:00")
    assert r.returncode == 0, r.stderr
    sub_id = r.stdout.strip().splitlines()[-1]
    assert sub_id.isdigit()
    show = _show(lib, cid, "--now", "2024-09-25 10:00")
    assert show["stage"] == "submitted"
    assert {d["id"]: d["state"] for d in show["deadlines"]}["evidence"] == "met"
    (sub,) = show["submissions"]
    assert sub["as"] == "evidence" and sub["decision"] is None
    assert sub["files"][0]["sha256"] == hashlib.sha256(original).hexdigest()
    assert sub["files"][0]["stored"] and sub["exhibits"][0]["number"] == "E1"
    # the exported file is deleted: the submitted bytes come back identical
    bundle.unlink()
    back = tmp_path / "back.pdf"
    assert ek(lib, "submission", "get", sub_id, "-o", back).returncode == 0
    assert back.read_bytes() == original
    assert ek(lib, "submission", "get", sub_id, "-o", back).returncode == 2
    assert "1 个已提交材料文件" in ek(lib, "fsck").stdout
    # the platform judges against the merchant: the 7-day appeal clock runs
    assert ek(lib, "decide", cid, "--decision", "lost", "--at", "2024-09-21 10:00",
              "--ref", "PJ-5").returncode == 0
    show = _show(lib, cid, "--now", "2024-09-22 10:00")
    assert show["stage"] == "judged" and show["outcome"] == "lost" and show["judgment_ref"] == "PJ-5"
    assert any(d["id"] == "appeal" and d["state"] == "ok" for d in show["deadlines"])
    # an appeal without new evidence misses a required item
    r = ek(lib, "check", cid, "--mode", "appeal", "--json")
    items = {i["kind"]: i for i in json.loads(r.stdout)["items"]}
    assert r.returncode == 1 and items["new_evidence"]["status"] == "missing"
    voucher = tmp_path / "voucher.txt"
    voucher.write_text("2024-09-21 12:00:00 客服: 退款凭证\n2024-09-21 12:01:00 顾客: 收到\n",
                       encoding="utf-8")
    assert ek(lib, "attach", cid, voucher, "--kind", "after_sale_voucher").returncode == 0
    assert ek(lib, "case", "set", cid, "--statement", "判定依据与事实不符：已按约退款。").returncode == 0
    show = _show(lib, cid)
    assert [e["is_new"] for e in show["exhibits"]] == [False, True]
    r = ek(lib, "export", cid, "--mode", "appeal", "--now", "2024-09-22 10:00", "-o",
           tmp_path / "appeal.pdf", "--allow-incomplete")
    assert r.returncode == 0, r.stderr
    r = ek(lib, "submit", cid, tmp_path / "appeal.pdf", "--as", "appeal", "--at", "2024-09-22 11:00")
    assert r.returncode == 0, r.stderr
    appeal_id = r.stdout.split()[-1]
    show = _show(lib, cid, "--now", "2024-09-23 10:00")
    assert show["stage"] == "appeal" and show["appeals_used"] == 1 and show["appeals_left"] == 0
    assert {d["id"]: d["state"] for d in show["deadlines"]}["appeal"] == "met"
    # diff of the last two submissions: the voucher added, the statement changed
    r = ek(lib, "case", "diff", cid, "--json")
    d = json.loads(r.stdout)
    assert r.returncode == 0 and len(d["added"]) == 1 and d["removed"] == [] and d["statement_changed"]
    assert "+ E2" in ek(lib, "case", "diff", cid, sub_id, appeal_id).stdout
    # at the limit: export --mode appeal warns, submit --as appeal is refused (exit 2)
    r = ek(lib, "export", cid, "--mode", "appeal", "--now", "2024-09-23 10:00", "-o",
           tmp_path / "appeal2.pdf", "--allow-incomplete")
    assert r.returncode == 0 and "申诉次数已用完" in r.stderr
    r = ek(lib, "submit", cid, tmp_path / "appeal2.pdf", "--as", "appeal")
    assert r.returncode == 2 and "已用完" in r.stderr
    assert len(_show(lib, cid)["submissions"]) == 2
    # the appeal is decided: the case closes and becomes read-only
    assert ek(lib, "decide", cid, "--decision", "won", "--at", "2024-09-26 10:00").returncode == 0
    show = _show(lib, cid)
    assert show["stage"] == "closed" and show["outcome"] == "won"
    for args in (("attach", cid, voucher), ("case", "set", cid, "--notes", "x"),
                 ("export", cid, "-o", tmp_path / "late.pdf")):
        r = ek(lib, *args)
        assert r.returncode == 2 and "已结案" in r.stderr and "Traceback" not in r.stderr, args
    assert not (tmp_path / "late.pdf").exists()
    assert ek(lib, "case", "reopen", cid).returncode == 2  # a reason is required
    assert ek(lib, "case", "reopen", cid, "--reason", "买家再次投诉").returncode == 0
    assert ek(lib, "case", "set", cid, "--notes", "x").returncode == 0
    assert _show(lib, cid)["log"][-2]["action"] == "case_reopened"


def test_set_outcome_only_without_submissions(case):
    lib, cid = case
    assert ek(lib, "case", "set", cid, "--outcome", "refunded").returncode == 0
    assert _show(lib, cid)["outcome"] == "refunded"
    assert ek(lib, "decide", cid, "--decision", "won").returncode == 2  # nothing to decide on


def test_submit_refuses_what_is_not_an_export_of_this_case(case, tmp_path):
    lib, cid = case
    other = ek(lib, "case", "new", "--type", "lost_parcel", "--order", "88").stdout.split()[-1]
    out = tmp_path / "b.pdf"
    assert ek(lib, "export", cid, "-o", out, "--now", NOW, "--allow-incomplete").returncode == 0
    r = ek(lib, "submit", other, out)
    assert r.returncode == 2 and "EK-00001" in r.stderr
    fake = tmp_path / "x.pdf"
    fake.write_bytes(b"%PDF-1.4\n%%EOF\n")
    r = ek(lib, "submit", cid, fake)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert _show(lib, cid)["submissions"] == []


def test_deadlines_json_and_ics_parse(case):
    lib, cid = case
    ek(lib, "case", "new", "--type", "lost_parcel", "--order", "99", "--intervention-at",
       "2024-09-18 10:00")
    r = ek(lib, "deadlines", "--now", NOW, "--json")
    assert r.returncode == 0, r.stderr
    items = json.loads(r.stdout)
    assert [(d["case_no"], d["id"]) for d in items] == [
        ("EK-00001", "reply"), ("EK-00001", "refund_handling"), ("EK-00002", "evidence")]
    assert items[0]["state"] == "overdue" and items[0]["remaining_seconds"] < 0
    within = json.loads(ek(lib, "deadlines", "--now", NOW, "--within", "12", "--json").stdout)
    assert [d["id"] for d in within] == ["reply", "refund_handling"]
    r = ek(lib, "deadlines", "--now", NOW, "--ics")
    assert r.returncode == 0, r.stderr
    icalendar = pytest.importorskip("icalendar")
    cal = icalendar.Calendar.from_ical(r.stdout)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 3
    assert all(len(list(e.walk("VALARM"))) == 1 for e in events)
    due = {str(e["UID"]).split("-20")[0]: e.decoded("DTEND") for e in events}
    assert due["EK-00002-evidence"].isoformat() == "2024-09-20T02:00:00+00:00"
    assert "EK-00002" in str(events[-1]["SUMMARY"])


def test_tiktok_case_asks_for_the_store_zone(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    r = ek(lib, "case", "new", "--platform", "tiktok_shop", "--type", "return_not_received", "--order", "1")
    assert r.returncode == 2 and "--zone" in r.stderr
    r = ek(lib, "case", "new", "--platform", "tiktok_shop", "--type", "return_not_received", "--order", "1",
           "--zone", "America/New_York", "--judgment-at", "2024-09-20 10:00")
    assert r.returncode == 0, r.stderr
    show = _show(lib, r.stdout.split()[-1])
    assert show["zone"] == "America/New_York"
    assert show["judgment_at"] == "2024-09-20T14:00:00+00:00"  # read in the store's zone
    (appeal,) = [d for d in show["deadlines"] if d["id"] == "appeal"]
    assert appeal["due"] == "2024-10-11T14:00:00+00:00"  # 21 days


def test_rules_show_sources(tmp_path):
    lib = tmp_path / "lib"
    r = ek(lib, "rules", "--json")
    data = json.loads(r.stdout)
    for p in data["platforms"]:
        assert all(c["source"] for c in p["clocks"]) and all(t["source"] for t in p["dispute_types"])
    text = ek(lib, "rules").stdout
    assert "seed 000 §11.3" in text and "未核实" in text
