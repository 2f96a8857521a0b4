"""Search everything (issue 11): the CLI in-process over a library of many cases, Chinese one-
and two-character words, order-number fragments, filters, and the migration's backfill."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from evidencekit.cli.main import main
from evidencekit.store import Library
from evidencekit.store import search_index as si

pytestmark = pytest.mark.usefixtures("engine")
ENGINE_DATABASE_PER_MODULE = True  # the module's library is built once; other tests open their own

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2024, 9, 20, 4, 0, tzinfo=timezone.utc)


def chat(*lines: str) -> str:
    return "".join(f"2024-09-17 11:{i:02d}:00 {who}: {text}\n"
                   for i, (who, text) in enumerate(line.split(":", 1) for line in lines))


def open_new(folder: Path, engine) -> Library:
    """A new library in ``folder``: its own SQLite file, or a fresh team database."""
    return Library.open(folder, clock=lambda: NOW,
                        db_url=engine.server.new_database() if engine.postgresql else None)


@pytest.fixture(scope="module")
def library(tmp_path_factory, engine):
    """24 cases with chats that share most words; only EK-00017's chat says 驿站."""
    root = tmp_path_factory.mktemp("search")
    files = root / "files"
    files.mkdir()
    if engine.postgresql:  # the folder points at the module's database (as init --db does)
        (root / "lib").mkdir()
        (root / "lib" / "library.toml").write_text(f'db = "{engine.url}"\n', encoding="utf-8")
    lib = Library.open(root / "lib", clock=lambda: NOW)
    for i in range(1, 25):
        platform = "tiktok_shop" if i == 5 else "douyin"
        dtype = lib.rules.platform(platform).dispute_types[0].id
        extra = {"zone": "America/New_York"} if platform == "tiktok_shop" else {}
        case = lib.create_case(platform=platform, dispute_type=dtype, order_no=f"6921{i:04d}78901",
                               product="玻璃杯" if i % 2 else "台灯", **extra)
        lines = ["顾客:你好，快递到了吗", "小店客服:亲，已经发出了", "顾客:收到了，杯子碎了"]
        if i == 17:
            lines.insert(2, "顾客:快递放在驿站了，我没去拿")
        path = files / f"chat{i}.txt"
        path.write_text(chat(*lines), encoding="utf-8")
        lib.attach(case.id, path, kind="chat_log")
        if i == 3:
            lib.attach(case.id, DATA / "inspection_report.pdf", caption="质检报告")
            lib.attach(case.id, DATA / "trace_pasted.txt", kind="logistics_trace")
        if i == 9:
            lib.update_case(case.id, notes="买家说外箱完好无损")
    lib.close()
    return root / "lib"


def run(lib: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--lang", "zh", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def search_json(lib: Path, capsys, *args: str) -> list[dict]:
    code, out, err = run(lib, "search", *args, "--json", capsys=capsys)
    assert code == 0, err
    return json.loads(out)["hits"]


def test_two_characters_find_only_the_case_that_says_them(library, capsys):
    hits = search_json(library, capsys, "驿站")
    assert [(h["case_no"], h["exhibit"], h["source"], h["message"]) for h in hits] == [
        ("EK-00017", "E1", "message", 3)]
    assert "«驿站»" in hits[0]["snippet"]
    start, end = hits[0]["marks"][0]
    assert hits[0]["snippet"][start:end] == "«驿站»"
    # the human form names case, exhibit and message
    code, out, _ = run(library, "search", "驿站", capsys=capsys)
    assert code == 0 and out.strip() == "EK-00017 E1 聊天 第 3 条: 快递放在«驿站»了，我没去拿"


def test_one_character_phrases_and_several_words(library, capsys):
    one = search_json(library, capsys, "碎", "--limit", "100")
    assert len(one) == 24 and {h["source"] for h in one} == {"message"}
    assert len(search_json(library, capsys, "没去拿")) == 1  # a trigram phrase
    both = search_json(library, capsys, "驿站 没去")  # a short and a short word: both needed
    assert [h["case_no"] for h in both] == ["EK-00017"]
    # words spread over a case's units narrow the cases: 驿站 in one message, 杯子 in another
    spread = search_json(library, capsys, "驿站 杯子")
    assert sorted((h["case_no"], h["message"]) for h in spread) == [("EK-00017", 3), ("EK-00017", 4)]
    # … a case field and a message: EK-00017 sells 玻璃杯 (odd numbers), not 台灯
    field_and_chat = search_json(library, capsys, "玻璃杯 驿站")
    assert {(h["case_no"], h["source"], h["field"]) for h in field_and_chat} == {
        ("EK-00017", "case", "product"), ("EK-00017", "log", None), ("EK-00017", "message", None)}
    assert search_json(library, capsys, "台灯 驿站") == []
    notes = search_json(library, capsys, "无损")  # case fields: the notes
    assert [(h["case_no"], h["source"], h["field"]) for h in notes] == [("EK-00009", "case", "notes")]


def test_order_number_fragments_pdf_pages_and_trace_events(library, capsys):
    hits = search_json(library, capsys, "00127")  # from the middle of 6921001278901
    assert sorted((h["case_no"], h["source"], h["field"]) for h in hits) == [
        ("EK-00012", "case", "order_no"), ("EK-00012", "log", None)]  # the field, and "case_created"
    assert {h["case_no"] for h in search_json(library, capsys, "0010789")} == {"EK-00010"}
    page = search_json(library, capsys, "LOT20240901")
    assert [(h["case_no"], h["exhibit"], h["page"]) for h in page] == [("EK-00003", "E2", 1)]
    event = search_json(library, capsys, "武汉转运中心")
    assert event and {(h["case_no"], h["exhibit"], h["source"]) for h in event} == {
        ("EK-00003", "E3", "event")}
    assert search_json(library, capsys, "yt7300012345")[0]["source"] == "carrier"  # ASCII: any case


def test_filters_narrow_to_cases(library, capsys):
    assert len(search_json(library, capsys, "碎", "--limit", "100", "--platform", "tiktok_shop")) == 1
    glass = search_json(library, capsys, "碎", "--limit", "100", "--product", "玻璃")
    assert {int(h["case_no"][3:]) % 2 for h in glass} == {1} and len(glass) == 12
    assert search_json(library, capsys, "驿站", "--stage", "closed") == []
    assert len(search_json(library, capsys, "驿站", "--from", "2024-09-20", "--to", "2024-09-20")) == 1
    assert search_json(library, capsys, "驿站", "--to", "2024-09-19") == []


def test_empty_query_is_refused(library, capsys):
    code, out, err = run(library, "search", " - ", capsys=capsys)
    assert code == 2 and out == "" and "搜索内容为空" in err


def test_removed_exhibits_and_edits_follow(tmp_path, engine):
    lib = open_new(tmp_path / "lib", engine)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    path = tmp_path / "c.txt"
    path.write_text(chat("顾客:包裹在驿站"), encoding="utf-8")
    ex = lib.attach(case.id, path, kind="chat_log")
    assert [h.source for h in si.search(lib, "驿站")] == ["message"]
    lib.remove_exhibit(ex.id)
    assert si.search(lib, "驿站") == []
    lib.restore_exhibit(ex.id)
    lib.update_case(case.id, notes="驿站的照片")
    lib.update_exhibit(ex.id, caption="驿站取件记录")
    si.catch_up(lib)
    assert sorted(h.source for h in si.search(lib, "驿站")) == ["caption", "case", "log", "message"]
    lib.update_case(case.id, notes="")
    si.catch_up(lib)  # the old note is no longer found; the log keeps what it said
    assert sorted(h.source for h in si.search(lib, "驿站")) == ["caption", "log", "message"]
    # the work-order log (售后工单): added, changed, removed
    entry = lib.add_worklog(case.id, NOW, "已联系快递员核实，包裹放在菜鸟驿站")
    si.catch_up(lib)
    work = [h for h in si.search(lib, "菜鸟") if h.source == "worklog"]
    assert [(h.case_no, h.loc) for h in work] == [(case.case_no, entry.id)]
    lib.update_worklog(case.id, entry.id, text="已联系快递员核实")
    si.catch_up(lib)
    assert si.search(lib, "菜鸟") == [] and si.search(lib, "快递员")[0].source == "worklog"
    lib.remove_worklog(case.id, entry.id)
    si.catch_up(lib)
    assert [h.source for h in si.search(lib, "快递员")] == []


# What revisions after 0005 other than search's and the summaries' added (0010: marks and the
# request; 0012: assignees, versions, leases, who recorded): a library faked as older loses them.
LATER_REVISIONS = ("ALTER TABLE exhibits DROP COLUMN marks", "ALTER TABLE cases DROP COLUMN request",
                   "DROP TABLE case_leases", "DROP INDEX cases_assignee",
                   "ALTER TABLE cases DROP COLUMN assignee", "ALTER TABLE cases DROP COLUMN version",
                   "ALTER TABLE submissions DROP COLUMN staff", "ALTER TABLE decisions DROP COLUMN staff")


def test_migration_backfills_an_existing_library_with_progress(tmp_path, engine):
    lib = open_new(tmp_path / "lib", engine)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    path = tmp_path / "c.txt"
    path.write_text(chat("顾客:包裹在驿站"), encoding="utf-8")
    lib.attach(case.id, path, kind="chat_log")
    url = lib.db.url
    # make it a library of the build before search: no search tables, at the revision before
    # (0005; the case summaries of 0008, the marks and request of 0010 are made again on the way up)
    if engine.postgresql:
        with lib.db.engine.begin() as pg:
            pg.exec_driver_sql("DROP TABLE search_units, search_blocks, search_dirty, case_summaries, "
                               "team_blobs, blob_chunks, library_keys")  # and 0011's
            pg.exec_driver_sql("DROP FUNCTION search_queue() CASCADE")  # and its triggers
            pg.exec_driver_sql("DROP FUNCTION instr(text, text)")
            for sql in LATER_REVISIONS:
                pg.exec_driver_sql(sql)
            pg.exec_driver_sql("UPDATE alembic_version SET version_num='0005'")
        lib.close()
    else:
        lib.close()
        conn = sqlite3.connect(tmp_path / "lib" / "evidencekit.db", isolation_level=None)
        for (kind, name) in conn.execute("SELECT type, name FROM sqlite_master WHERE (name LIKE "
                                         "'search%' OR name = 'case_summaries') AND type IN "
                                         "('table', 'trigger')").fetchall():
            conn.execute(f"DROP {kind} IF EXISTS {name}")
        for sql in LATER_REVISIONS:
            conn.execute(sql)
        conn.execute("UPDATE alembic_version SET version_num='0005'")
        conn.close()
    lib = Library.open(tmp_path / "lib", clock=lambda: NOW,
                       db_url=url.render_as_string(hide_password=False) if url else None)
    assert si.search(lib, "驿站") == [] and si.pending(lib.conn) == 4  # case, exhibit, 2 log entries
    seen: list[float] = []
    assert si.catch_up(lib, progress=lambda f, zh, en: seen.append(f)) == 4
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert [h.source for h in si.search(lib, "驿站")] == ["message"]
    assert si.pending(lib.conn) == 0


def test_hits_are_ranked_best_first(tmp_path, capsys):
    """All words in one unit first, then the rarer word's unit; a short message saying the word
    twice before a long one saying it once; among equals the newest."""
    lib = Library.open(tmp_path / "lib", clock=lambda: NOW)
    dtype = lib.rules.platform("douyin").dispute_types[0].id
    case = lib.create_case(platform="douyin", dispute_type=dtype, order_no="1")
    path = tmp_path / "chat.txt"
    path.write_text(chat("顾客:盒子里的东西都好好的，就是杯子的把手那里有一点点裂开，您看怎么处理",
                         "顾客:裂开了，裂开了",
                         "小店客服:收到",
                         "顾客:裂开的照片发您了",
                         "顾客:驿站说没有包裹"), encoding="utf-8")
    lib.attach(case.id, path, kind="chat_log")
    lib.close()
    hits = search_json(tmp_path / "lib", capsys, "裂开")
    assert [h["message"] for h in hits] == [2, 4, 1]
    hits = search_json(tmp_path / "lib", capsys, "照片 裂开")
    assert [h["message"] for h in hits][0] == 4  # both words
    hits = search_json(tmp_path / "lib", capsys, "驿站 裂开")
    assert [h["message"] for h in hits][0] == 5  # the rarer word's message before the others
