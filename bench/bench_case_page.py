"""The case list's page query at 100,000 cases (issues 12 and 13): what the app asks the
database when the list opens, scrolls, filters and counts, on SQLite or PostgreSQL.

    python bench/bench_case_page.py [--cases 100000] [--keep DIR] [--db postgresql://…]

Builds a library of N cases (see ``build``; no exhibits: the list reads none), then in a fresh
process (as the app opens a library) times each query, best of 5, wall and CPU. Prints the
database's plan for the first page; on PostgreSQL also the server's own time of each query's
statements (``EXPLAIN ANALYZE``, best of 3), since there the server does the work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from evidencekit.case_summary import CaseFilter
from evidencekit.store import Library
from evidencekit.store import case_list
from evidencekit.summary import case_page
from evidencekit.timeutil import parse_instant
now = parse_instant("2026-11-20T12:00:00Z")
url = sys.argv[3] or None
lib = Library.open(sys.argv[2], clock=lambda: now, db_url=url)
pg = lib.db.engine.dialect.name == "postgresql"
out, server = {}, {}
seen = []  # the statements of the last run (PostgreSQL: explained after)
from sqlalchemy import event
@event.listens_for(lib.db.engine, "before_cursor_execute")
def _seen(conn, cursor, statement, params, context, executemany):
    if not executemany:
        seen.append((statement, params))
def explain(statements):
    # the server's execution time of the statements (EXPLAIN ANALYZE), best of 3, and the
    # plan of the slowest
    total, plans = 0.0, []
    raw = lib.db.engine.raw_connection()
    try:
        cur = raw.cursor()
        for statement, params in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            best = None
            for _ in range(3):
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
                plan = [r[0] for r in cur.fetchall()]
                ms = float(plan[-1].split(":")[1].split()[0])
                best = (ms, plan) if best is None or ms < best[0] else best
            total += best[0]
            plans.append(best)
        raw.rollback()
    finally:
        raw.close()
    return total, max(plans, key=lambda p: p[0])[1] if plans else []
# The server's CPU time (PostgreSQL on this machine): what the backends serving this process
# spent on the CPU (/proc/PID/schedstat, ns), whatever waited for the CPU under load.
backends = set()
cpu_pass = pg and bool(os.environ.get("EK_BENCH_SERVER_CPU"))
if cpu_pass:
    @event.listens_for(lib.db.engine, "checkout")
    def _backend(dbapi_conn, record, proxy):
        backends.add(dbapi_conn.info.backend_pid)
def on_cpu():
    ns = {}
    for pid in backends:
        try:
            with open(f"/proc/{pid}/schedstat") as f:
                ns[pid] = int(f.read().split()[0])
        except OSError:
            pass
    return ns
def timed(name, fn, runs=5):
    best = None
    spent = []
    for _ in range(runs):
        seen.clear()
        before = on_cpu()
        w, c = time.perf_counter(), time.process_time()
        r = fn()
        t = (time.perf_counter() - w, time.process_time() - c)
        after = on_cpu()
        spent.append(sum(n - before.get(pid, 0) for pid, n in after.items()) / 1e9)
        best = t if best is None or t[0] < best[0] else best
    out[name] = best
    if cpu_pass:
        server[name] = (sorted(spent)[len(spent) // 2] * 1000, [])  # the median run
    elif pg:
        server[name] = explain(list(seen))
    return r
timed("stale check (every case against its summary)", lib.refresh_case_summaries, runs=3)
rows = timed("first page: 40 rows with their clocks", lambda: case_page(lib, now, CaseFilter(), limit=40))
out["rows"] = len(rows)
everyone, mine = CaseFilter(), CaseFilter(assignee="小王")
def open_list(check=False):
    # What the app's list asks on the UI thread as it opens (CaseListPage.reload: the views'
    # counts, which also say how many cases the unfiltered list shows, the first page, the
    # due line); with ``check``, the stale check and the list's own COUNT, as main did before
    # the check moved to the writer thread (ui/case_list_check.py).
    if check:
        lib.refresh_case_summaries()
    lib.case_list_views(now, everyone)
    if len(case_page(lib, now, everyone, limit=40)) == 40 and check:
        lib.case_list_count(everyone, now=now)
    if lib.count_due_within(12, now, where=everyone):
        first = lib.cases_due_within(12, now, limit=1, where=everyone)
        case_page(lib, now, CaseFilter(case_ids=frozenset(first)), limit=1)
timed("opening the list (UI thread: views, page, due)", open_list)
timed("opening the list before: the check, COUNT first", lambda: open_list(True), runs=3)
timed("page at offset 50,000 (not asked by the list)",
      lambda: case_page(lib, now, everyone, offset=50000, limit=40))
last = case_page(lib, now, everyone, offset=49999, limit=1)[0]
deep = timed("the page after row 50,000 (scrolled there)",
             lambda: case_page(lib, now, everyone, offset=50000, after=last, limit=40))
assert [r.case.id for r in deep] == \
    [r.case.id for r in case_page(lib, now, everyone, offset=50000, limit=40)]
timed("COUNT of the list", lambda: lib.case_list_count(everyone, now=now))
timed("the views' counts (GROUP BY view at now)", lambda: lib.case_list_views(now))
timed("due within 12 h: COUNT", lambda: lib.count_due_within(12, now))
timed("due within 12 h: the first", lambda: lib.cases_due_within(12, now, limit=1))
for view in ("overdue", "due_soon", "pending", "awaiting"):
    timed(f"view '{view}': page", lambda: case_page(lib, now, CaseFilter(bucket=view), limit=40))
    timed(f"view '{view}': COUNT", lambda: lib.case_list_count(CaseFilter(bucket=view), now=now))
timed("stage 'judged' + platform: page",
      lambda: case_page(lib, now, CaseFilter(stage="judged", platform="douyin"), limit=40))
timed("stage 'judged' + platform: COUNT",
      lambda: lib.case_list_count(CaseFilter(stage="judged", platform="douyin"), now=now))
timed("dispute type: page", lambda: case_page(lib, now, CaseFilter(dispute_type="lost_parcel"), limit=40))
timed("My cases (2% of cases): page", lambda: case_page(lib, now, mine, limit=40))
timed("My cases: COUNT", lambda: lib.case_list_count(mine, now=now))
timed("My cases: the views' counts", lambda: lib.case_list_views(now, mine))
timed("My cases: due within 12 h COUNT", lambda: lib.count_due_within(12, now, where=mine))
timed("search 'o01234' (11 cases): page", lambda: case_page(lib, now, CaseFilter(text="o01234"), limit=40))
timed("search 'o01234': COUNT", lambda: lib.case_list_count(CaseFilter(text="o01234"), now=now))
timed("search '买家9' (common): page", lambda: case_page(lib, now, CaseFilter(text="买家9"), limit=40))
timed("search '买家9': COUNT", lambda: lib.case_list_count(CaseFilter(text="买家9"), now=now))
timed("search 'zq' (2 characters, no case): page", lambda: case_page(lib, now, CaseFilter(text="zq"), limit=40))
timed("search '9' (1 character, most cases): page", lambda: case_page(lib, now, CaseFilter(text="9"), limit=40))
timed("view 'due soon' + search '买家9': page",
      lambda: case_page(lib, now, CaseFilter(bucket="due_soon", text="买家9"), limit=40))
# The background update's writer jobs (ui/case_list_check.py: 500 cases a job; two timed),
# last: it writes (the same summaries again)
some = [r.case.id for r in case_page(lib, now, everyone, limit=1000)]
timed("update: two writer jobs (1,000 summaries again)", lambda: lib.update_case_summaries(some),
      runs=3)
from evidencekit.case_summary import CaseFilter as F
from sqlalchemy import select
q = (select(*case_list._COLUMNS).select_from(case_list._join(True))
     .where(*case_list._conditions(F(), lib.rules, now, False))
     .order_by(case_list._S.c.list_order, case_list._S.c.case_id.desc()).limit(40))
sql = str(q.compile(compile_kwargs={"literal_binds": True}))
with lib.db.engine.connect() as c:
    plan = [r[0] for r in c.exec_driver_sql("EXPLAIN " + sql)] if pg else \
        [r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
out["plan"] = plan
out["server"] = server
print(json.dumps(out))
"""


def build(root: Path, cases: int, url: str | None) -> None:
    """200 cases made with the library API (both platforms, every dispute type, stages request
    → appeal with the instants that start their clocks, a tenth in the trash), then their rows
    copied to N with new numbers, names and instants moved by up to ±100 h (making 100,000
    through the API takes most of an hour on this machine); then every summary is computed, as
    the first list after an upgrade does."""
    from sqlalchemy import select

    from evidencekit.domain import STAGES as STAGE_NAMES
    from evidencekit.store import Library
    from evidencekit.store.rows import CASE_INSTANTS
    from evidencekit.store.schema import cases as cases_table
    from evidencekit.timeutil import from_iso, parse_instant, to_iso

    stages = [s for s in STAGE_NAMES if s != "closed"]
    rng = random.Random(13)
    base = parse_instant("2026-11-20T02:00:00Z")
    lib = Library.open(root, clock=lambda: base, db_url=url)
    types = [(p.id, t.id) for p in lib.rules.platforms.values() for t in p.dispute_types]
    t0 = time.perf_counter()
    with lib.transaction():
        for i in range(200):
            platform, dtype = types[i % len(types)]
            stage = stages[i % len(stages)]
            start = base - timedelta(hours=rng.randint(0, 200))
            fields = {"request_at": start, "stage": stage, "buyer_name": f"买家{i}"}
            if stage != "request":
                fields["intervention_at"] = start + timedelta(hours=24)
            if stages.index(stage) >= stages.index("judged"):
                fields["judgment_at"] = start + timedelta(hours=72)
            zone = {"zone": "Asia/Singapore"} if platform == "tiktok_shop" else {}
            case = lib.create_case(platform=platform, dispute_type=dtype, order_no=f"O{i:06d}",
                                   **zone, **fields)
            if i % 10 == 9:
                lib.delete_case(case.id)
    with lib.db.read() as conn:
        templates = [dict(r) for r in conn.execute(select(cases_table)).mappings()]
    batch: list[dict] = []
    with lib.db.write() as conn:
        for i in range(200, cases):
            row = dict(templates[i % len(templates)])
            row.pop("id")
            shift = timedelta(hours=rng.randint(-100, 100))
            for k in CASE_INSTANTS:
                if row.get(k):
                    row[k] = to_iso(from_iso(row[k]) + shift)
            row.update(case_no=f"EK-{i + 1:06d}", order_no=f"O{i:06d}", buyer_name=f"买家{i}",
                       assignee="小王" if i % 50 == 0 else "")  # My cases: 2%
            batch.append(row)
            if len(batch) == 5000:
                conn.execute(cases_table.insert(), batch)
                batch = []
        if batch:
            conn.execute(cases_table.insert(), batch)
    t1 = time.perf_counter()
    lib.refresh_case_summaries()
    t2 = time.perf_counter()
    lib.close()
    print(f"built {cases} cases in {t1 - t0:.0f} s; their summaries computed and kept in {t2 - t1:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="build the library here (reused if it exists)")
    ap.add_argument("--db", default="", help="a team library: an empty PostgreSQL database's URL "
                    "(reused if it holds a library)")
    ap.add_argument("--plans", action="store_true", help="print each query's slowest plan (PostgreSQL)")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp()) / "lib"
    if not _built(root, args.db):
        build(root, args.cases, args.db or None)
    r = _child(root, args.db)
    # PostgreSQL: a second pass for the server's CPU time per query, with parallel workers off
    # (libpq's PGOPTIONS) so that all of a query's work is in the backend measured
    cpu = _child(root, args.db, {"EK_BENCH_SERVER_CPU": "1",
                                 "PGOPTIONS": "-c max_parallel_workers_per_gather=0"}) \
        if args.db else None
    print(f"{args.cases} cases; first page {r.pop('rows')} rows; plan of the first page:")
    for line in r.pop("plan"):
        print(f"    {line}")
    server = r.pop("server")
    if cpu:
        print(f"{'':52s} {'client':>15s} {'client':>15s}   {'EXPLAIN':>14s}  {'server':>14s}")
        print(f"{'':52s} {'wall':>15s} {'CPU':>15s}   {'ANALYZE':>14s}  {'CPU':>14s}")
    for name, (wall, cpu_s) in r.items():
        line = f"{name:52s} wall {wall * 1000:7.1f} ms   CPU {cpu_s * 1000:7.1f} ms"
        if name in server:
            line += f"   exec {server[name][0]:7.1f} ms"
        if cpu:
            line += f"   CPU {cpu['server'][name][0]:7.1f} ms"
        print(line)
        if args.plans and name in server:
            for p in server[name][1]:
                print(f"        {p}")


def _child(root: Path, url: str, env: dict | None = None) -> dict:
    run = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(root), url],
                         capture_output=True, text=True, env={**os.environ, **(env or {})})
    if run.returncode:
        sys.exit(run.stderr)
    return json.loads(run.stdout)


def _built(root: Path, url: str) -> bool:
    if not url:
        return (root / "evidencekit.db").exists()
    from sqlalchemy import create_engine, inspect

    from evidencekit.store import postgres
    engine = create_engine(postgres.parse_url(url))
    try:
        with engine.connect() as conn:
            return inspect(conn).has_table("case_summaries")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
