"""Values that once broke the library for everyone (issue 15): refused at the door with one
line and exit 2; rows written before the checks existed are read defensively."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.core.test_cli import ek


@pytest.fixture
def lib(tmp_path):
    path = tmp_path / "lib"
    assert ek(path, "init").returncode == 0
    assert ek(path, "case", "new", "--type", "quality_issue", "--order", "111").returncode == 0
    return path


def _one_line_refusal(r) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


@pytest.mark.parametrize("flag,value", [
    ("--intervention-at", "9999-12-31T20:00+08:00"),
    ("--request-at", "0001-01-01"),
    ("--request-at", "0001-01-01T00:00+00:00"),
    ("--judgment-at", "2200-01-01T00:00+00:00"),
    ("--amount", "NaN"),
    ("--amount", "sNaN"),
    ("--amount", "Infinity"),
    ("--amount", "1e999"),
    ("--amount", "-5"),
    ("--appeals-used", "99999999999999999999999"),
    ("--appeals-used", "11"),
    ("--appeals-used", "-1"),
])
def test_bad_values_refused_in_one_line(lib, flag, value):
    r = ek(lib, "case", "set", "1", f"{flag}={value}", lang="en")
    _one_line_refusal(r)
    assert ek(lib, "case", "list").returncode == 0


def test_far_instants_refused_at_case_new_and_for_now(lib):
    _one_line_refusal(ek(lib, "case", "new", "--type", "quality_issue", "--order", "9",
                         "--request-at", "0001-01-01"))
    _one_line_refusal(ek(lib, "case", "list", "--now", "9999-12-31T23:00-08:00"))


def test_amount_is_normalised_in_the_core(library):
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    assert library.update_case(case.id, amount="¥1,089.5").amount == "1089.50"
    from evidencekit.errors import UsageError
    for bad in ("NaN", "inf", "abc"):
        with pytest.raises(UsageError):
            library.update_case(case.id, amount=bad)
    with pytest.raises(UsageError):
        library.update_case(case.id, appeals_used=10 ** 30)


def test_old_bad_rows_do_not_break_list_check_or_show(lib):
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "222")
    db = sqlite3.connect(lib / "evidencekit.db")
    # Values an older version let in: far instants, garbage, a huge count, broken JSON.
    db.execute("UPDATE cases SET stage='intervention', intervention_at='9999-12-31T12:00:00+00:00',"
               " request_at='0001-01-01T00:00:00+00:00', judgment_at='garbage',"
               " appeals_used=99999999999, appeal_points='{bad' WHERE id=1")
    db.commit()
    db.close()
    r = ek(lib, "case", "list", "--json")
    assert r.returncode == 0, r.stderr
    assert {c["order_no"] for c in json.loads(r.stdout)} == {"111", "222"}
    r = ek(lib, "check", "1")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    r = ek(lib, "case", "show", "1", "--json")
    assert r.returncode == 0, r.stderr
    assert set(json.loads(r.stdout)["unreadable"]) == {
        "intervention_at", "request_at", "judgment_at", "appeals_used", "appeal_points"}
    r = ek(lib, "case", "show", "1", lang="en")
    assert "intervention_at: the stored value cannot be read" in r.stdout
    # Setting the field again repairs it.
    assert ek(lib, "case", "set", "1", "--intervention-at", "2024-09-18T10:00+08:00").returncode == 0
    show = json.loads(ek(lib, "case", "show", "1", "--json").stdout)
    assert "intervention_at" not in show["unreadable"]
