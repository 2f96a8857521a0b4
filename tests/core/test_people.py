"""People (issue 13): staff names, assignees, versions and edit leases, on the store and the CLI."""

from __future__ import annotations

import json

import pytest

from evidencekit.errors import BadStaffName, StaleCase
from evidencekit.staff import os_user, staff_name
from tests.review_fixture import _submit

from .test_cli import ek

pytestmark = pytest.mark.usefixtures("engine")  # SQLite and PostgreSQL alike


def _case(lib, order="A1"):
    return lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=order).id


def test_staff_is_named_in_the_log_the_submission_and_the_decision(library, tmp_path):
    library.actor = "小王"
    cid = _case(library)
    sub = _submit(library, cid, tmp_path, "2024-09-18 08:00", ["chat_log"])
    library.actor = "小李"
    dec = library.decide(cid, "won")
    assert sub["staff"] == "小王" and dec["staff"] == "小李"
    assert library.submissions(cid)[0]["staff"] == "小王"
    assert library.decisions(cid)[0]["staff"] == "小李"
    actors = {e.action: e.actor for e in library.log(cid)}
    assert actors["case_created"] == "小王" and actors["submitted"] == "小王"
    assert actors["decided"] == "小李"


def test_staff_name_comes_from_the_flag_then_the_environment_then_the_os_user():
    assert staff_name("  小王 ", {"EVIDENCEKIT_STAFF": "小李"}) == "小王"
    assert staff_name(None, {"EVIDENCEKIT_STAFF": "小李"}) == "小李"
    assert staff_name(None, {}) == os_user()
    for bad in ("a\nb", "x" * 41, "a\x07"):
        with pytest.raises(BadStaffName):
            staff_name(bad, {})


def test_cli_assigns_lists_mine_and_logs_who_reassigned(tmp_path, monkeypatch):
    lib = tmp_path / "lib"
    ek(lib, "init")
    a = ek(lib, "case", "new", "--type", "quality_issue", "--order", "1").stdout.split()[-1]
    b = ek(lib, "case", "new", "--type", "quality_issue", "--order", "2").stdout.split()[-1]
    assert ek(lib, "--staff", "店主", "case", "assign", a, "小李").returncode == 0
    r = ek(lib, "--staff", "店主", "case", "assign", a, "小王")
    assert r.returncode == 0 and "小王" in r.stdout and "小李" in r.stdout
    assert ek(lib, "case", "assign", b, "小李").returncode == 0
    monkeypatch.setenv("EVIDENCEKIT_STAFF", "小王")
    mine = json.loads(ek(lib, "case", "list", "--mine", "--json").stdout)
    assert [(c["id"], c["assignee"]) for c in mine] == [(int(a), "小王")]
    r = ek(lib, "case", "list", "--assignee", "小李")
    assert r.returncode == 0 and "@小李" in r.stdout and "EK-00001" not in r.stdout
    log = json.loads(ek(lib, "case", "show", a, "--json").stdout)["log"]
    moves = [(e["actor"], e["detail"]) for e in log if e["action"] == "case_assigned"]
    assert moves == [("店主", "— → 小李"), ("店主", "小李 → 小王")]
    assert ek(lib, "case", "unassign", a).returncode == 0
    show = json.loads(ek(lib, "case", "show", a, "--json").stdout)
    assert show["assignee"] == "" and show["log"][-1]["detail"] == "小王 → —"
    assert show["log"][-1]["actor"] == "小王"  # EVIDENCEKIT_STAFF
    # bad names: exit 2, nothing changed
    for args in (("--staff", "a\nb", "case", "assign", b, "x"), ("case", "assign", b, " \x07 ")):
        r = ek(lib, *args)
        assert r.returncode == 2 and "Traceback" not in r.stderr and "员工名" in r.stderr
    assert json.loads(ek(lib, "case", "show", b, "--json").stdout)["assignee"] == "小李"
    # where and as whom may follow the command as well; after it wins over before it
    mine = json.loads(ek(lib, "--staff", "小王", "case", "list", "--mine", "--json",
                         "--staff", "小李").stdout)
    assert [c["id"] for c in mine] == [int(b)]
    assert ek(lib, "case", "assign", a, "小李", "--staff", "店主").returncode == 0
    log = json.loads(ek(lib, "case", "show", a, "--json").stdout)["log"]
    assert (log[-1]["action"], log[-1]["actor"]) == ("case_assigned", "店主")


def test_saving_over_a_newer_version_is_refused_naming_who_and_when(library, clock, tmp_path):
    library.set_setting("display_zone", "Asia/Shanghai")
    cid = _case(library)
    start = library.get_case(cid).version
    library.actor = "小王"
    library.update_case(cid, expected_version=start, product="杯子")  # 02:00 UTC = 10:00 +08
    clock.advance(minutes=2)
    library.actor = "小李"
    with pytest.raises(StaleCase) as e:
        library.update_case(cid, expected_version=start, product="碗")
    assert e.value.message("zh") == "小王 2024-09-18 10:00 +08:00 修改了此案件，请刷新"
    assert "Xiao" not in e.value.message("en") and "changed this case at" in e.value.message("en")
    assert e.value.exit_code == 2
    case = library.get_case(cid)
    assert case.product == "杯子" and case.version == start + 1  # nothing changed
    assert library.update_case(cid, expected_version=case.version, product="碗").product == "碗"
    # an assignment or an exhibit is no edit of the facts: the version stays
    library.assign_case(cid, "小李")
    assert library.get_case(cid).version == start + 2


def test_cli_expect_version(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    cid = ek(lib, "case", "new", "--type", "quality_issue", "--order", "1").stdout.split()[-1]
    v = json.loads(ek(lib, "case", "show", cid, "--json").stdout)["version"]
    assert ek(lib, "--staff", "小王", "case", "set", cid, "--product", "杯",
              "--expect-version", v).returncode == 0
    r = ek(lib, "--staff", "小李", "case", "set", cid, "--product", "碗", "--expect-version", v)
    assert r.returncode == 2 and "小王" in r.stderr and "修改了此案件，请刷新" in r.stderr
    assert json.loads(ek(lib, "case", "show", cid, "--json").stdout)["product"] == "杯"


def test_a_lease_shows_who_edits_and_expires_when_not_renewed(library, clock):
    cid = _case(library)
    library.actor = "小王"
    assert library.take_lease(cid, "desk-a") is None
    library.actor = "小李"
    other = library.take_lease(cid, "desk-b")
    assert other is not None and other.staff == "小王"
    assert library.editing_by(cid, "desk-b").staff == "小王"
    assert library.editing_by(cid, "desk-a") is None  # one's own lease is not "someone else"
    clock.advance(seconds=100)
    library.actor = "小王"
    assert library.take_lease(cid, "desk-a") is None  # renewed while open
    clock.advance(seconds=100)
    assert library.editing_by(cid, "desk-b").staff == "小王"
    clock.advance(seconds=21)  # desk-a died 121 s ago: its lease is over
    assert library.editing_by(cid, "desk-b") is None
    library.actor = "小李"
    assert library.take_lease(cid, "desk-b") is None
    library.give_back_lease(cid, "desk-b")
    assert library.editing_by(cid, "desk-a") is None
