"""The case list's page query at 100,000 cases (issues 12 and 13): what the app asks the
database when the list opens, scrolls, filters and counts, on SQLite.

    python bench/bench_case_page.py [--cases 100000] [--keep DIR]

Builds a library of N cases (see ``build``; no exhibits: the list reads none), then in a fresh
process (as the app opens a library) times each query, best of 5, wall and CPU. Prints
SQLite's plan for the first page.
"""

from __future__ import annotations

import argparse
import json
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
import json, sys, time
sys.path.insert(0, sys.argv[1])
from evidencekit.case_summary import CaseFilter
from evidencekit.store import Library
from evidencekit.store import case_list
from evidencekit.summary import case_page
from evidencekit.timeutil import parse_instant
now = parse_instant("2026-11-20T12:00:00Z")
lib = Library.open(sys.argv[2], clock=lambda: now)
out = {}
def timed(name, fn, runs=5):
    best = None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        r = fn()
        t = (time.perf_counter() - w, time.process_time() - c)
        best = t if best is None or t[0] < best[0] else best
    out[name] = best
    return r
timed("stale check (every case against its summary)", lib.refresh_case_summaries, runs=3)
rows = timed("first page: 40 rows with their clocks", lambda: case_page(lib, now, CaseFilter(), limit=40))
out["rows"] = len(rows)
timed("page at offset 50,000", lambda: case_page(lib, now, CaseFilter(), offset=50000, limit=40))
timed("COUNT of the list", lambda: lib.case_list_count(CaseFilter(), now=now))
timed("the views' counts (GROUP BY view at now)", lambda: lib.case_list_views(now))
timed("due within 12 h: COUNT", lambda: lib.count_due_within(12, now))
timed("search 'o01234' (11 cases): page", lambda: case_page(lib, now, CaseFilter(text="o01234"), limit=40))
timed("search 'o01234': COUNT", lambda: lib.case_list_count(CaseFilter(text="o01234"), now=now))
timed("search '买家9' (common): page", lambda: case_page(lib, now, CaseFilter(text="买家9"), limit=40))
timed("view 'due soon': page", lambda: case_page(lib, now, CaseFilter(bucket="due_soon"), limit=40))
timed("stage 'judged' + platform: page",
      lambda: case_page(lib, now, CaseFilter(stage="judged", platform="douyin"), limit=40))
from evidencekit.case_summary import CaseFilter as F
from sqlalchemy import select
q = (select(*case_list._COLUMNS).select_from(case_list._join(True))
     .where(*case_list._conditions(F(), lib.rules, now, False))
     .order_by(case_list._S.c.list_order, case_list._S.c.case_id.desc()).limit(40))
sql = str(q.compile(compile_kwargs={"literal_binds": True}))
plan = [r[-1] for r in lib.db.engine.connect().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
out["plan"] = plan
print(json.dumps(out))
"""


def build(root: Path, cases: int) -> None:
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
    lib = Library.open(root, clock=lambda: base)
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
            row.update(case_no=f"EK-{i + 1:06d}", order_no=f"O{i:06d}", buyer_name=f"买家{i}")
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
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp()) / "lib"
    if not (root / "evidencekit.db").exists():
        build(root, args.cases)
    r = json.loads(subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(root)],
                                  capture_output=True, text=True, check=True).stdout)
    print(f"{args.cases} cases; first page {r.pop('rows')} rows; plan of the first page:")
    for line in r.pop("plan"):
        print(f"    {line}")
    for name, (wall, cpu) in r.items():
        print(f"{name:48s} wall {wall * 1000:7.1f} ms   CPU {cpu * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
