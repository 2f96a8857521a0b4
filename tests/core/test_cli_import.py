"""``evidencekit import``: the CLI contract of issue 14 (flags, JSON counts, exit codes 0/1/2)."""

from __future__ import annotations

import json

import pytest

from .import_lists import ZH_HEADER, write_csv, zh_rows
from .test_cli import ek, lib  # noqa: F401 - the library fixture

pytestmark = pytest.mark.usefixtures("engine")


def test_import_dry_run_then_import_then_reimport(lib, tmp_path):  # noqa: F811
    rows = zh_rows(3)
    rows[2][4] = "未收到货"  # unknown reason: an error on row 4
    path = write_csv(tmp_path / "售后列表.csv", ZH_HEADER, rows, encoding="gb18030")

    dry = ek(lib, "import", path, "--dry-run")
    assert dry.returncode == 1, dry.stderr
    assert "第 2 行  AS6001  新建" in dry.stdout and "第 4 行  AS6003  错误" in dry.stdout
    assert "未收到货" in dry.stdout and "预览（资料库未改动）" in dry.stdout
    assert json.loads(ek(lib, "case", "list", "--json").stdout) == []  # a dry run changes nothing

    first = ek(lib, "import", path, "--json")
    assert first.returncode == 1, first.stderr  # some rows had errors, the others were imported
    data = json.loads(first.stdout)
    assert data["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "closed": 0, "errors": 1}
    assert data["platform"] == "douyin" and data["columns"]["order_no"] == "订单编号"
    assert [r["result"] for r in data["rows"]] == ["new", "new", "error"]
    assert data["rows"][2]["errors"][0]["code"] == "unknown_reason"

    rows[0][7] = "99.00"
    rows[2][4] = "质量问题"
    later = write_csv(tmp_path / "later.csv", ZH_HEADER, rows)
    again = ek(lib, "import", later, "--json", lang="en")
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout)["counts"]
    assert counts == {"created": 1, "updated": 1, "unchanged": 1, "closed": 0, "errors": 0}
    human = ek(lib, "import", later, lang="en")
    assert human.returncode == 0 and "Imported: created 0 · updated 0 · unchanged 3" in human.stdout


def test_import_refusals_exit_2_and_change_nothing(lib, tmp_path):  # noqa: F811
    none = write_csv(tmp_path / "x.csv", ["a", "b"], [["1", "2"]])
    r = ek(lib, "import", none)
    assert r.returncode == 2 and "售后单号" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "m.toml"
    bad.write_text("schema_version = 2\n", encoding="utf-8")
    good = write_csv(tmp_path / "l.csv", ZH_HEADER, zh_rows(1))
    r = ek(lib, "import", good, "--mapping", bad, lang="en")
    assert r.returncode == 2 and "m.toml" in r.stderr and "schema_version" in r.stderr
    r = ek(lib, "import", good, "--platform", "nowhere", lang="en")
    assert r.returncode == 2 and "nowhere" in r.stderr
    r = ek(lib, "import", tmp_path / "missing.xlsx")
    assert r.returncode == 2 and "missing.xlsx" in r.stderr
    assert "AS6001" not in ek(lib, "case", "list").stdout
