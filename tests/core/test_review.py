"""The review's numbers (``stats``) on a fixture library whose answers are worked out by hand.

The fixture (tests/review_fixture.py), reviewed 2026-11-16 … 2026-11-29 at 2026-11-29 12:00
(+08:00), holds five cases:

| case | type | product | store | carrier | staff | decision | refund | intervention → evidence |
|---|---|---|---|---|---|---|---|---|
| 1 | quality_issue | 保温杯 | 旗舰店 | 顺丰速运 | 小王 | won | — | 22 h (met) |
| 2 | quality_issue | 保温杯 | 旗舰店 | — | 小王 | lost | 59.00 | 52 h (late) |
| 3 | shipping_delay | 拖鞋 | 二店 | 中通快递 | 小李 (submitted) | partly | 20.00 | 24 h (met) |
| 4 | refund_dispute | 拖鞋 | 二店 | — | 小李 | refunded (by hand) | not recorded | — |
| 5 | quality_issue | 保温杯 | 旗舰店 | — | 小李 | — | — | running, overdue |

Clocks: reply met 1, 3, 4, late 2 (25 h), 5 (25 h); refund handling met in all five; evidence
met 1, 3, late 2, overdue 5; remedy met 2, 3; appeal overdue 2 (7 days since its judgment,
none filed). Submissions held: 1 chat+trace+inspection (won), 2 chat (lost), 3 chat+trace
(partly).
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from evidencekit import cli
from tests.review_fixture import FROM, NOW, TO, build

pytestmark = pytest.mark.usefixtures("engine")  # the same numbers from a team library
ENGINE_DATABASE_PER_MODULE = True


@pytest.fixture(scope="module")
def lib(tmp_path_factory, engine):
    root = tmp_path_factory.mktemp("review")
    if engine.postgresql:  # the folder points at the module's team database (init --db does it)
        (root / "lib").mkdir()
        (root / "lib" / "library.toml").write_text(f'db = "{engine.url}"\n', encoding="utf-8")
    return build(root / "lib", root / "work")


def test_the_app_worker_reads_on_its_own_read_only_connection(lib, engine):
    from evidencekit.store import Library
    from evidencekit.store.review_rows import reader
    with Library.open(lib) as owner:
        numbers = [c.case_no for c in owner.list_cases()]
    worker = reader(lib, clock=lambda: None)
    try:
        assert worker.read_only and worker.team == engine.postgresql
        assert [c.case_no for c in worker.list_cases()] == numbers and numbers
    finally:
        worker.close()


def stats(lib, capsys, *args, lang="zh"):
    capsys.readouterr()
    rc = cli.main(["--library", str(lib), "--lang", lang, "stats", "--from", FROM, "--to", TO,
                   "--now", NOW, *map(str, args)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_json_by_type_matches_the_fixture(lib, capsys):
    rc, out, err = stats(lib, capsys, "--by", "type", "--json")
    assert rc == 0, err
    data = json.loads(out)
    groups = {g["key"]: g for g in data["groups"]}
    assert [g["key"] for g in data["groups"]] == ["quality_issue", "refund_dispute", "shipping_delay"]
    q = groups["quality_issue"]
    assert (q["label"], q["disputes"], q["undecided"], q["win_rate"]) == ("质量问题", 3, 1, 0.5)
    assert q["decisions"] == {"won": 1, "partly": 0, "lost": 1, "refunded": 0, "withdrawn": 0}
    assert q["refunded_amount"] == "59.00"
    assert q["submit_hours"] == {"count": 2, "mean": 37.0, "median": 37.0, "max": 52.0}
    assert q["on_time"] == {"met": 6, "late": 3, "overdue": 2, "rate": 0.5455}
    assert q["cases"] == ["EK-00001", "EK-00002", "EK-00005"]
    r = groups["refund_dispute"]
    assert (r["win_rate"], r["refunded_amount"], r["refunds_without_amount"]) == (None, "0.00", 1)
    s = groups["shipping_delay"]
    assert (s["win_rate"], s["refunded_amount"], s["on_time"]["rate"]) == (0.0, "20.00", 1.0)
    total = data["total"]
    assert total["disputes"] == 5  # the October case and the trashed one are not in it
    assert total["decisions"] == {"won": 1, "partly": 1, "lost": 1, "refunded": 1, "withdrawn": 0}
    assert (total["win_rate"], total["refunded_amount"]) == (0.3333, "79.00")
    assert total["submit_hours"] == {"count": 3, "mean": 32.67, "median": 24.0, "max": 52.0}
    assert total["on_time"] == {"met": 12, "late": 3, "overdue": 2, "rate": 0.7059}
    clocks = {c["clock"]: (c["met"], c["late"], c["overdue"], c["on_time_rate"]) for c in data["clocks"]}
    assert clocks == {"reply": (3, 2, 0, 0.6), "refund_handling": (5, 0, 0, 1.0),
                      "evidence": (2, 1, 1, 0.5), "remedy": (2, 0, 0, 1.0), "appeal": (0, 0, 1, 0.0)}
    kinds = {k["kind"]: (k["with"]["submissions"], k["with"]["win_rate"], k["without"]["submissions"],
                         k["without"]["win_rate"]) for k in data["kinds"]}
    assert kinds == {"chat_log": (3, 0.3333, 0, None), "logistics_trace": (2, 0.5, 1, 0.0),
                     "inspection_report": (1, 1.0, 2, 0.0)}
    words = [(w["word"], w["count"], w["cases"]) for w in data["words"]]
    assert words[:3] == [("退款", 3, 3), ("杯子", 3, 2), ("碎", 2, 1)]
    assert "驿站" in {w for w, _, _ in words}
    assert not {"李四", "的", "了", "我"} & {w for w, _, _ in words}  # buyer name and stop words
    # each word names the cases that said it (the app's click-through)
    assert [w["case_ids"] for w in data["words"][:3]] == [[1, 2, 4], [1, 2], [1]]
    # the words of each group (here: dispute type) and of each decision's cases
    assert [(w["word"], w["count"], w["case_ids"]) for w in q["words"][:3]] == [
        ("杯子", 3, [1, 2]), ("退款", 2, [1, 2]), ("碎", 2, [1])]
    assert [w["word"] for w in r["words"]] == ["想要", "退款"]
    assert [(w["word"], w["case_ids"]) for w in data["words_by_outcome"]["lost"]] == [
        ("杯子", [2]), ("裂缝", [2]), ("退款", [2])]
    assert set(data["words_by_outcome"]) == {"won", "partly", "lost", "refunded", "undecided"}
    # a kind's cases: those whose judged submission held it, and those whose did not
    assert [(k["kind"], k["with"]["case_ids"], k["without"]["case_ids"]) for k in data["kinds"]] == [
        ("chat_log", [1, 2, 3], []), ("logistics_trace", [1, 3], [2]), ("inspection_report", [1], [2, 3])]


@pytest.mark.parametrize("by, expected", [
    ("product", [("保温杯", 3, 0.5), ("拖鞋", 2, 0.0)]),
    ("store", [("旗舰店", 3, 0.5), ("二店", 2, 0.0)]),
    ("carrier", [("", 3, 0.0), ("中通快递", 1, 0.0), ("顺丰速运", 1, 1.0)]),
    ("staff", [("小李", 3, 0.0), ("小王", 2, 0.5)]),
    ("week", [("2026-W47", 2, 0.5), ("2026-W48", 3, 0.0)]),
    ("month", [("2026-11", 5, 0.3333)]),
])
def test_csv_by_each_key(lib, capsys, by, expected):
    rc, out, err = stats(lib, capsys, "--by", by, "--csv")
    assert rc == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["key"], int(r["disputes"]), float(r["win_rate"])) for r in table[:-1]] == expected
    assert table[-1]["disputes"] == "5" and table[-1]["refunded_amount"] == "79.00"


def test_csv_of_the_other_tables(lib, capsys):
    rc, out, _ = stats(lib, capsys, "--csv", "--section", "clocks")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rc == 0 and [(r["clock"], r["on_time_rate"]) for r in rows] == [
        ("判定后申诉", "0.0"), ("平台介入后举证", "0.5"), ("退款申请处理", "1.0"),
        ("判责后履约（退款/赔付）", "1.0"), ("售后申请回复", "0.6")]
    rc, out, _ = stats(lib, capsys, "--csv", "--section", "words", "--top", "2")
    assert rc == 0 and out.splitlines() == ["word,count,cases", "退款,3,3", "杯子,3,2"]


def test_xlsx_holds_the_same_numbers_and_is_not_replaced_without_force(lib, capsys, tmp_path):
    from openpyxl import load_workbook
    dest = tmp_path / "复盘.xlsx"
    rc, out, err = stats(lib, capsys, "--by", "type", "--xlsx", dest, lang="en")
    assert rc == 0, err
    wb = load_workbook(dest)
    assert wb.sheetnames == ["Disputes and decisions", "Clocks kept", "Win rate by evidence kind",
                             "Frequent buyer words"]
    ws = wb["Disputes and decisions"]
    header = [c.value for c in ws[1]]
    total = dict(zip(header, [c.value for c in ws[5]], strict=True))
    assert ws["A2"].value == "quality_issue" and ws.max_row == 5
    assert (total["Disputes"], total["Won"], total["Partly"], total["Lost"], total["Refunded"]) == (5, 1, 1, 1, 1)
    assert total["Win rate"] == pytest.approx(0.3333) and total["Refunded amount"] == 79
    assert ws.cell(row=5, column=header.index("Win rate") + 1).number_format == "0.0%"
    assert [c.value for c in wb["Frequent buyer words"][2]] == ["退款", 3, 3]
    before = dest.read_bytes()
    rc, _, err = stats(lib, capsys, "--xlsx", dest, lang="en")
    assert rc == 2 and "--force" in err and dest.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["复盘.xlsx"]  # no partial file left


def test_range_human_output_and_bad_range(lib, capsys):
    capsys.readouterr()
    rc = cli.main(["--library", str(lib), "--lang", "zh", "stats", "--by", "week", "--from", "2026-11-23",
                   "--to", "2026-11-29", "--now", NOW, "--json", "--no-words"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0 and [g["key"] for g in data["groups"]] == ["2026-W48"] and data["words"] is None
    rc, out, _ = stats(lib, capsys, "--by", "type")
    assert rc == 0 and "质量问题  3  1  0  1" in out and "合计  5" in out and "退款×3" in out
    capsys.readouterr()
    rc = cli.main(["--library", str(lib), "--lang", "en", "stats", "--from", "2026-11-29", "--to", "2026-11-01"])
    assert rc == 2 and "date range is empty" in capsys.readouterr().err


def test_the_library_stop_word_list_is_the_users(lib, capsys):
    capsys.readouterr()
    assert cli.main(["--library", str(lib), "stats", "--stopwords"]) == 0
    own = lib / "stopwords.txt"
    assert capsys.readouterr().out.strip() == str(own) and "的" in own.read_text("utf-8")
    try:
        own.write_text(own.read_text("utf-8") + "退款\n杯子\n", "utf-8")
        rc, out, _ = stats(lib, capsys, "--csv", "--section", "words", "--top", "1")
        assert rc == 0 and out.splitlines()[1] == "碎,2,1"
    finally:
        own.unlink()


def test_weekly_pdf_has_the_charts_tables_and_chinese_text(lib, capsys, tmp_path):
    import subprocess

    from tests.core.pdf_tools import qpdf_ok, text_of
    dest = tmp_path / "复盘.pdf"
    rc, _, err = stats(lib, capsys, "--by", "type", "--pdf", dest)
    assert rc == 0, err
    qpdf_ok(dest)
    text = text_of(dest)
    for expected in ("售后复盘 2026-11-16 – 2026-11-29", "纠纷与结果", "期限按时率", "证据类型与胜诉率",
                     "买家消息高频词", "质量问题", "33.3%", "79.00", "驿站"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(dest)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in r for r in rows)  # one CJK font, embedded and subset
    # the charts are drawn (vector bars, not pictures): the decision colours are in the page
    from pypdf import PdfReader
    page = PdfReader(dest).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    assert "/XObject" not in page["/Resources"] and ".180392 .490196 .196078 rg" in content  # #2e7d32: won
