"""Benchmark: search over 10,000 cases with 1,000,000 chat messages (target: < 100 ms a query),
what the index costs to build and on disk, and attaching a 50 MB chat with its index (< 5 s).

    python bench/bench_search.py [--cases 10000] [--messages 100] [--skip-attach]

The library is filled through the store (cases with their fields and log) and the search
index's own writer (the messages: what attach writes for a chat, without parsing 10,000 files).
Queries run through ``search_index.search``, the function the CLI and the app call.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidencekit.store import Library  # noqa: E402
from evidencekit.store import search_index as si  # noqa: E402

WORDS = ("您好 请问 快递 什么时候 到 收到 了 杯子 碎 破损 没收到 退款 退货 麻烦 拍 照片 发 给 我 "
         "看看 这边 帮您 处理 申请 已经 签收 物流 显示 质量 问题 颜色 不对 尺码 客服 亲 好的 谢谢 "
         "谢谢亲 售后 补发 运费 包装 完好 打开 发现 裂开 一下 商品 订单 号 是 吗 呢 吧 哦 "
         "稍等 马上 查询 核实 情况").split()
RARE = "驿站"  # in exactly one case's chat
NOW = datetime(2026, 11, 29, tzinfo=timezone.utc)


def message(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))


def build(root: Path, cases: int, per_case: int) -> tuple[Library, float, int, float, float]:
    lib = Library.open(root, clock=lambda: NOW)
    rng = random.Random(11)
    dtype = lib.rules.platform("douyin").dispute_types[0].id
    with lib.transaction():
        for i in range(cases):
            lib.create_case(platform="douyin", dispute_type=dtype, order_no=f"69{i:014d}",
                            product=rng.choice(["陶瓷杯", "保温杯", "T恤", "运动鞋", "台灯"]))
    t0 = time.perf_counter()
    si.catch_up(lib)  # the cases' fields and logs (what the first search after an import does)
    case_fields = time.perf_counter() - t0
    rare_case = cases // 2
    t0, c0 = time.perf_counter(), time.process_time()
    total = 0
    for first in range(1, cases + 1, 100):  # 100 cases a transaction (attach: one chat each)
        with lib.transaction():
            for case_id in range(first, min(cases, first + 99) + 1):
                msgs = [message(rng) for _ in range(per_case)]
                if case_id == rare_case:
                    msgs[per_case // 2] = "快递放在驿站了，我没去拿"
                si._insert(lib.conn, case_id, None,
                           [si.Unit("message", m, loc=i) for i, m in enumerate(msgs)])
                total += len(msgs)
    return lib, case_fields, total, time.perf_counter() - t0, time.process_time() - c0


def timed(fn, repeat=5):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best * 1000, out


def scan(conn, word, limit=50):
    return conn.execute("SELECT id FROM search_units WHERE instr(body, ?) > 0 ORDER BY id DESC "
                        "LIMIT ?", (word, limit)).fetchall()


def scan_all(conn, word):
    return conn.execute("SELECT COUNT(*) FROM search_units WHERE instr(body, ?) > 0",
                        (word,)).fetchone()[0]


def _checkpoint(db: Path) -> None:
    """Fold the WAL into the file so its size is the database's (the library's own raw
    connection reads on a read-only handle outside a write)."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def attach_chat(tmp: Path) -> None:
    """A 50 MB chat through Library.attach (its index is deferred: DEFER_UNITS), then its index
    as the next catch-up builds it; ``analyze`` alone (bench_chat.py) as the yardstick of the
    machine's speed right now."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_chat import write_log

    from evidencekit.ingest import analyze
    path = tmp / "chat.txt"
    write_log(path, 500_000, "utf-8")
    t0, c0 = time.perf_counter(), time.process_time()
    analyze(path)
    parse, parse_cpu = time.perf_counter() - t0, time.process_time() - c0
    lib = Library.open(tmp / "attachlib")
    dtype = lib.rules.platform("douyin").dispute_types[0].id
    case = lib.create_case(platform="douyin", dispute_type=dtype, order_no="1")
    db = tmp / "attachlib" / "evidencekit.db"
    _checkpoint(db)
    before = db.stat().st_size
    t0, c0 = time.perf_counter(), time.process_time()
    lib.attach(case.id, path, kind="chat_log")
    attach, attach_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    si.catch_up(lib)  # what the next search (or the app's search box) does first
    index, index_cpu = time.perf_counter() - t0, time.process_time() - c0
    _checkpoint(db)
    after = db.stat().st_size
    t0 = time.perf_counter()
    hits = si.search(lib, "杯子碎了", limit=50)
    first = (time.perf_counter() - t0) * 1000
    print(f"50 MB chat ({path.stat().st_size / 1e6:.1f} MB, 500,000 messages): analyze alone "
          f"{parse:.2f} s wall, {parse_cpu:.2f} s CPU; Library.attach {attach:.2f} s wall, "
          f"{attach_cpu:.2f} s CPU (index deferred); its index afterwards "
          f"{index:.1f} s wall, {index_cpu:.1f} s CPU; database +{(after - before) / 1e6:.0f} MB; "
          f"a search in it {first:.1f} ms ({len(hits)} hits)")
    lib.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--messages", type=int, default=100, help="chat messages per case")
    ap.add_argument("--skip-attach", action="store_true")
    ap.add_argument("--only-attach", action="store_true")
    ap.add_argument("--keep", metavar="DIR", help="build the library here and keep it")
    args = ap.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1, 5 min), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(args.keep or tmpname)
        if args.only_attach:
            attach_chat(tmp)
            return
        lib, case_s, n, msg_s, msg_cpu = build(tmp / "lib", args.cases, args.messages)
        conn = lib.conn
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = (tmp / "lib" / "evidencekit.db").stat().st_size
        units = conn.execute("SELECT COUNT(*), SUM(length(CAST(body AS BLOB))) FROM search_units").fetchone()
        print(f"cases: {args.cases}, messages: {n}; case fields + logs indexed in {case_s:.1f} s; "
              f"messages indexed in {msg_s:.1f} s wall, {msg_cpu:.1f} s CPU ({msg_cpu / n * 1e6:.1f} µs CPU "
              "each, generating them included)")
        print(f"database: {size / 1e6:.0f} MB; unit text {units[1] / 1e6:.0f} MB in {units[0]} units")
        for table in ("search_tri", "search_grams"):
            pages = conn.execute(f"SELECT SUM(length(block)) FROM {table}_data").fetchone()[0]
            print(f"  {table}: {pages / 1e6:.0f} MB")
        queries = [(RARE, "two characters, one case"), ("碎", "one character, common"),
                   ("裂开", "two characters, common"), ("没收到", "three characters, common"),
                   ("我没去拿", "four characters, one case"), ("00005000", "order number fragment"),
                   ("驿站 没去", "two words, one case"), ("杯子 碎", "two words, common")]
        print("| query | what | first 50 hits (ms) | hits | every match by a plain scan (ms, count) |")
        print("|---|---|---|---|---|")
        for q, what in queries:
            ms, hits = timed(lambda q=q: si.search(lib, q, limit=50))
            word = q.split()[0]
            scan_ms, count = timed(lambda word=word: scan_all(conn, word), repeat=1)
            print(f"| `{q}` | {what} | {ms:.1f} | {len(hits)} | {scan_ms:.0f} ({count}) |")
        ms, hits = timed(lambda: si.search(lib, RARE, si.Filters(platform="douyin", product="杯"),
                                           limit=50))
        print(f"filtered (`{RARE}`, --platform douyin --product 杯): {ms:.1f} ms, {len(hits)} hits")
        ms, _ = timed(lambda: scan(conn, RARE))
        print(f"fallback for comparison: first 50 `{RARE}` by instr scan: {ms:.0f} ms")
        lib.close()
        if not args.skip_attach:
            attach_chat(tmp)


if __name__ == "__main__":
    main()
