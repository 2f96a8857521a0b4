"""Importing the after-sale list the backend exports (issue 14)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from evidencekit.errors import Cancelled, StoreZoneRequired
from evidencekit.importing import ImportListError, import_list, load_mapping
from evidencekit.importing.reasons import load_tables
from evidencekit.progress import CancelToken

from .import_lists import EN_HEADER, ZH_HEADER, write_csv, write_xlsx, zh_rows

UTC = timezone.utc


def _by_row(report):
    return {r.after_sale_no: r for r in report.rows}


def test_chinese_headers_import_n_cases(library, tmp_path):
    path = write_xlsx(tmp_path / "售后列表.xlsx", ZH_HEADER, zh_rows(5), title="售后列表 导出于 2024-09-18")
    report = import_list(library, path)
    assert report.counts == {"created": 5, "updated": 0, "unchanged": 0, "closed": 0, "errors": 0}
    assert report.exit_code == 0 and report.header_row == 2 and report.platform == "douyin"
    assert report.columns["order_no"] == "订单编号" and report.columns["buyer_name"] == "用户昵称"
    cases = {c.after_sale_no: c for c in library.list_cases()}
    assert len(cases) == 5
    c = cases["AS6001"]
    assert (c.order_no, c.product, c.buyer_name, c.amount) == ("OD9001", "玻璃杯 1号", "买家1", "21.50")
    assert c.dispute_type == "signed_not_received"  # 已签收但未收到货
    assert cases["AS6005"].dispute_type == "damaged_in_transit"  # 商品破损
    # 2024-09-11 11:01:01 without a zone is read in Douyin's zone (UTC+8)
    assert c.request_at == datetime(2024, 9, 11, 3, 1, 1, tzinfo=UTC)
    assert c.zone == "Asia/Shanghai"  # the zone its times were read in
    log = library.log(c.id)
    assert log[0].action == "case_created" and "import 售后列表.xlsx row 3" in log[0].detail


def test_reimport_of_a_later_export_updates_changed_rows_and_creates_none(library, tmp_path):
    rows = zh_rows(4)
    import_list(library, write_xlsx(tmp_path / "day1.xlsx", ZH_HEADER, rows))
    later = [list(r) for r in rows]
    later[0][7] = "99.00"                                   # amount changed
    later[1][8], later[1][9] = "平台介入中", "2024-09-18 10:00"  # escalated, with its time
    report = import_list(library, write_xlsx(tmp_path / "day2.xlsx", ZH_HEADER, later))
    assert report.counts["created"] == 0
    assert report.counts["updated"] == 2 and report.counts["unchanged"] == 2
    assert len(library.list_cases()) == 4
    res = _by_row(report)
    assert [(c.field, c.old, c.new) for c in res["AS6001"].changes] == [("amount", "21.50", "99.00")]
    escalated = library.get_case(res["AS6002"].case_id)
    assert escalated.intervention_at == datetime(2024, 9, 18, 2, 0, tzinfo=UTC)
    last = library.log(escalated.id)[-1]
    assert last.action == "case_updated" and "intervention_at=" in last.detail
    assert "← import day2.xlsx row 3" in last.detail
    from evidencekit.log_text import log_sentence
    sentence = log_sentence(last, "en", UTC, library.rules)
    assert sentence.startswith("Case changed: platform intervention time set to 2024-09-18 02:00")
    assert sentence.endswith(" (import day2.xlsx, row 3)")
    created = log_sentence(library.log(escalated.id)[0], "zh", UTC, library.rules)
    assert created == "新建案件：抖店 · 质量问题 · 订单 OD9002（导入 day1.xlsx 第 3 行）"


def test_unknown_reason_and_malformed_date_are_row_errors(library, tmp_path):
    rows = zh_rows(4)
    rows[1][4] = "未收到货"                  # not in the table: never guessed
    rows[2][5] = "2024-13-45 11:00:00"      # no such date
    rows[3][5] = "2024-09-17"               # no time of day
    report = import_list(library, write_csv(tmp_path / "list.csv", ZH_HEADER, rows))
    res = _by_row(report)
    assert res["AS6001"].result == "new"
    assert [e.code for e in res["AS6002"].errors] == ["unknown_reason"]
    assert "未收到货" in res["AS6002"].errors[0].zh
    assert [e.code for e in res["AS6003"].errors] == ["bad_time"]
    assert [e.code for e in res["AS6004"].errors] == ["time_without_hour"]
    assert report.counts["errors"] == 3 and report.exit_code == 1
    assert [c.after_sale_no for c in library.list_cases()] == ["AS6001"]


def test_gb18030_and_bom_csv(library, tmp_path):
    rows = zh_rows(3)
    rows[0][2] = "䶮字杯"  # outside GBK: only GB18030 has it
    gb = import_list(library, write_csv(tmp_path / "gb.csv", ZH_HEADER, rows, encoding="gb18030"))
    assert gb.counts["created"] == 3
    assert library.get_case(_by_row(gb)["AS6001"].case_id).product == "䶮字杯"
    bom = import_list(library, write_csv(tmp_path / "bom.csv", ZH_HEADER, zh_rows(2, start=10),
                                         encoding="utf-8-sig"))
    assert bom.counts["created"] == 2 and bom.columns["after_sale_no"] == "售后单号"


def test_closed_case_is_left_alone(library, tmp_path):
    rows = zh_rows(2)
    first = import_list(library, write_csv(tmp_path / "a.csv", ZH_HEADER, rows))
    closed_id = _by_row(first)["AS6001"].case_id
    library.update_case(closed_id, stage="closed")
    before = library.get_case(closed_id)
    rows[0][7] = "1.00"
    report = import_list(library, write_csv(tmp_path / "b.csv", ZH_HEADER, rows))
    res = _by_row(report)["AS6001"]
    assert res.result == "closed" and report.counts["closed"] == 1
    assert res.warnings[0].code == "case_closed" and "closed, not updated" in res.warnings[0].en
    after = library.get_case(closed_id)
    assert after.amount == before.amount == "21.50" and after.stage == "closed"
    assert len(library.log(closed_id)) == len(library.log(closed_id))  # nothing logged
    assert [e.action for e in library.log(closed_id)][-1] != "case_updated" or \
        "1.00" not in library.log(closed_id)[-1].detail


def test_status_sets_its_instant_or_says_it_could_not(library, tmp_path):
    rows = zh_rows(3)
    rows[0][8], rows[0][9] = "平台介入中", "2024-09-12 09:30"
    rows[1][8] = "平台介入中"                         # no intervention time in the row
    rows[2][8], rows[2][10] = "售后关闭", "2024-09-20 18:00:00"
    report = import_list(library, write_csv(tmp_path / "l.csv", ZH_HEADER, rows))
    res = _by_row(report)
    assert library.get_case(res["AS6001"].case_id).intervention_at == datetime(2024, 9, 12, 1, 30, tzinfo=UTC)
    assert [w.code for w in res["AS6002"].warnings] == ["instant_missing"]
    assert res["AS6002"].result == "new" and "平台介入时间" in res["AS6002"].warnings[0].zh
    assert library.get_case(res["AS6002"].case_id).intervention_at is None
    assert library.get_case(res["AS6003"].case_id).closed_at == datetime(2024, 9, 20, 10, 0, tzinfo=UTC)


def test_dry_run_changes_nothing(library, tmp_path):
    path = write_csv(tmp_path / "l.csv", ZH_HEADER, zh_rows(3))
    report = import_list(library, path, dry_run=True)
    assert [r.result for r in report.rows] == ["new"] * 3 and report.dry_run
    assert library.list_cases() == []
    import_list(library, path)
    rows = zh_rows(3)
    rows[2][2] = "新名字"
    again = import_list(library, write_csv(tmp_path / "m.csv", ZH_HEADER, rows), dry_run=True)
    assert [r.result for r in again.rows] == ["unchanged", "unchanged", "updated"]
    assert library.get_case(again.rows[2].case_id).product == "玻璃杯 3号"


def test_tiktok_english_headers_read_in_the_store_zone(library, tmp_path):
    rows = [["577001", "576001", "Mug", "Refund only", "Wrong item", "09/17/2024 11:45:01 AM",
             "buyer_1", "$12.00", "In dispute"],
            ["577002", "576002", "Mug", "Return and refund", "Package not received",
             "2024-09-17 13:00:00", "buyer_2", "8", "Awaiting seller response"]]
    path = write_csv(tmp_path / "tt.csv", EN_HEADER, rows)
    # TikTok Shop's zone is the store's market: no fallback, nothing read or written without it
    with pytest.raises(StoreZoneRequired):
        import_list(library, path)
    assert library.list_cases() == []
    report = import_list(library, path, zone="America/Los_Angeles")
    assert report.platform == "tiktok_shop" and report.zone == "America/Los_Angeles"
    res = _by_row(report)
    case = library.get_case(res["577001"].case_id)
    assert case.platform == "tiktok_shop" and case.dispute_type == "item_is_correct"
    assert case.zone == "America/Los_Angeles"  # the new case carries the store's zone
    assert case.request_at == datetime(2024, 9, 17, 18, 45, 1, tzinfo=UTC)  # PDT is UTC-7
    assert [w.code for w in res["577001"].warnings] == ["instant_missing"]
    assert [e.code for e in res["577002"].errors] == ["unknown_reason"]


def test_mapping_file_for_another_layout(library, tmp_path):
    mapping = tmp_path / "m.toml"
    mapping.write_text('schema_version = 1\nplatform = "douyin"\n[columns]\n'
                       'after_sale_no = "服务单号"\norder_no = ["子订单编号", "订单编号"]\n'
                       'reason = "买家申请原因"\nrequest_at = "买家申请时间"\n', encoding="utf-8")
    header = ["服务单号", "订单编号", "买家申请原因", "买家申请时间"]
    path = write_csv(tmp_path / "other.csv", header, [["S1", "O1", "质量问题", "2024-09-17 10:00"]])
    with pytest.raises(ImportListError) as e:
        import_list(library, path)
    assert e.value.code == "missing_columns" and "售后单号" in e.value.message_zh
    assert library.list_cases() == []
    report = import_list(library, path, mapping=load_mapping(mapping))
    assert report.counts["created"] == 1 and report.mapping == str(mapping)
    assert report.columns["after_sale_no"] == "服务单号"


def test_sample_mapping_and_builtin_tables_are_valid(library):
    from evidencekit.assets import asset_path
    sample = load_mapping(asset_path("import", "mapping-sample.toml"))
    assert sample.platform == "douyin" and sample.headers["after_sale_no"] == ("服务单号",)
    for platform in library.rules.platforms.values():  # every reason names a type the rules have
        tables = load_tables(platform, None)
        assert tables.reasons and tables.statuses


def test_bad_mapping_names_file_and_key(library, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\n[columns]\nbuyer_phone_number = "电话"\n', encoding="utf-8")
    with pytest.raises(ImportListError) as e:
        load_mapping(bad)
    assert "bad.toml" in e.value.message_en and "columns.buyer_phone_number" in e.value.message_en


def test_library_table_adds_a_reason(library, tmp_path):
    rows = zh_rows(1)
    rows[0][4] = "未收到货"
    path = write_csv(tmp_path / "l.csv", ZH_HEADER, rows)
    assert import_list(library, path, dry_run=True).rows[0].result == "error"
    (library.root / "import").mkdir()
    (library.root / "import" / "douyin.toml").write_text(
        'schema_version = 1\n[reasons]\n"未收到货" = "lost_parcel"\n', encoding="utf-8")
    report = import_list(library, path)
    assert report.rows[0].result == "new" and report.rows[0].dispute_type == "lost_parcel"


def test_duplicate_rows_rounded_numbers_and_trashed_cases(library, tmp_path):
    rows = zh_rows(3)
    rows[1][0] = rows[0][0]
    rows[2][0] = "6.91234E+18"
    report = import_list(library, write_csv(tmp_path / "l.csv", ZH_HEADER, rows))
    assert [r.result for r in report.rows] == ["new", "error", "error"]
    assert report.rows[1].errors[0].code == "duplicate_row"
    assert report.rows[2].errors[0].code == "number_rounded"
    library.delete_case(report.rows[0].case_id)
    again = import_list(library, write_csv(tmp_path / "m.csv", ZH_HEADER, zh_rows(1)))
    assert again.rows[0].errors[0].code == "case_in_trash" and len(library.list_cases(trash=True)) == 1


def test_refused_files_change_nothing(library, tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    for path in (xls, tmp_path / "missing.csv",
                 write_csv(tmp_path / "none.csv", ["a", "b"], [["1", "2"]])):
        with pytest.raises(ImportListError):
            import_list(library, path)
    assert library.list_cases() == []


def test_cancel_leaves_the_library_as_it_was(library, tmp_path):
    path = write_csv(tmp_path / "l.csv", ZH_HEADER, zh_rows(600))
    token = CancelToken()
    calls = []

    def progress(fraction, zh, en):
        calls.append(fraction)
        if fraction > 0.3:
            token.cancel()
    with pytest.raises(Cancelled):
        import_list(library, path, progress=progress, cancel=token)
    assert library.list_cases() == [] and calls


@pytest.mark.slow
def test_twenty_thousand_row_xlsx(library, tmp_path):
    n = 20_000
    path = write_xlsx(tmp_path / "big.xlsx", ZH_HEADER, (r for r in zh_rows(n)))
    report = import_list(library, path)
    assert report.counts["created"] == n and report.counts["errors"] == 0
    assert len(library.list_cases()) == n
    again = import_list(library, path, dry_run=True)
    assert again.counts["unchanged"] == n


def test_notable_rows_only_and_every_row_streamed(library, tmp_path):
    rows = zh_rows(5)
    rows[3][4] = "未收到货"
    seen, started = [], []
    report = import_list(library, write_csv(tmp_path / "l.csv", ZH_HEADER, rows), keep="notable",
                         on_start=lambda rep: started.append(rep.columns["after_sale_no"]),
                         on_row=lambda r: seen.append(r.result))
    assert started == ["售后单号"] and seen == ["new", "new", "new", "error", "new"]
    assert [r.after_sale_no for r in report.rows] == ["AS6004"]  # only the row that needs a look
    assert report.counts["created"] == 4 and report.exit_code == 1
