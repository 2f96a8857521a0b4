"""Benchmark: the case list from kept summaries at many cases (issues 8, 12, 13: < 1 s at 10,000).

    python bench/bench_case_summaries.py [--cases 10000] [--exhibits 4] [--keep DIR]

Builds a library of N cases (both platforms, every dispute type, stages from request to appeal
with the instants that start their clocks, a tenth in the trash) with E exhibit rows each, then
times, in a fresh subprocess (cold: a new process opening the library, as the app and the CLI
do), best of 3:
  - open: ``Library.open`` of the up-to-date library;
  - list_cases: every case row as a ``Case``;
  - exhibits_by_case: every exhibit row, grouped;
  - cases_by_urgency: what ``case list`` computes today (clocks + checklist of every case);
  - case_list_rows: every case with its kept summary (``Library.case_list_rows``), most
    urgent first, and one page of 100 (``limit=100``): what the list needs, nothing evaluated;
  - clocks: the running clocks of every listed case at ``now`` (the list's minute tick).
Exhibit rows are inserted directly (no files, no blobs): the list never reads blobs, and
attaching 40,000 real files would time ingestion, not the list. Their summaries are then
dropped and computed again in one go, timed: the cost of the first list after the upgrade
that added them (once per library).
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
from evidencekit.timeutil import parse_instant
now = parse_instant("2026-11-29T12:00:00Z")
t0 = time.perf_counter()
from evidencekit.store import Library
from evidencekit import summary
t_import = time.perf_counter() - t0
out = {"import": t_import}
def timed(name, fn):
    t = time.perf_counter(); r = fn(); out[name] = time.perf_counter() - t; return r
lib = timed("open", lambda: Library.open(sys.argv[2]))
timed("list_cases", lib.list_cases)
timed("exhibits_by_case", lib.exhibits_by_case)
rows = timed("cases_by_urgency", lambda: summary.cases_by_urgency(lib, now))
out["cases"] = len(rows)
rows = timed("case_list_rows", lib.case_list_rows)
timed("case_list_rows_page", lambda: lib.case_list_rows(limit=100))
from evidencekit import deadlines
timed("clocks", lambda: [deadlines.compute(c, lib.rules, now) for c, _ in rows])
print(json.dumps(out))
"""



def build(root: Path, cases: int, exhibits_per_case: int) -> None:
    from evidencekit.domain import STAGES as STAGE_NAMES
    from evidencekit.store import Library
    from evidencekit.store.schema import case_summaries, exhibits
    from evidencekit.timeutil import parse_instant, to_iso

    STAGES = [s for s in STAGE_NAMES if s != "closed"]  # noqa: N806
    rng = random.Random(8)
    base = parse_instant("2026-11-20T02:00:00Z")
    lib = Library.open(root, clock=lambda: base)
    kinds = ["chat_log", "logistics_trace", "photo", "screenshot", "other"]
    types = [(p.id, t.id) for p in lib.rules.platforms.values() for t in p.dispute_types]
    t0 = time.perf_counter()
    with lib.transaction():
        for i in range(cases):
            platform, dtype = types[i % len(types)]
            stage = STAGES[i % len(STAGES)]
            start = base - timedelta(hours=rng.randint(0, 200))
            fields = {"request_at": start, "stage": stage, "buyer_name": f"买家{i}"}
            if stage != "request":
                fields["intervention_at"] = start + timedelta(hours=24)
            if STAGES.index(stage) >= STAGES.index("judged"):
                fields["judgment_at"] = start + timedelta(hours=72)
            case = lib.create_case(platform=platform, dispute_type=dtype, order_no=f"O{i:06d}",
                                   **fields)
            if i % 10 == 9:
                lib.delete_case(case.id)
    t1 = time.perf_counter()
    rows = [{"case_id": cid, "position": n + 1, "kind": rng.choice(kinds), "sha256": f"{cid:060d}{n:04d}",
             "size": 1000, "source_name": f"f{n}.jpg", "added_at": to_iso(base),
             "facts": json.dumps({"file_type": "image"})}
            for cid in range(1, cases + 1) for n in range(exhibits_per_case)]
    with lib.db.write() as conn:
        conn.execute(exhibits.insert(), rows)
        conn.execute(case_summaries.delete())  # as a library upgraded from before summaries
    t2 = time.perf_counter()
    lib.case_list_rows()
    t3 = time.perf_counter()
    lib.close()
    print(f"built {cases} cases in {t1 - t0:.1f} s, {len(rows)} exhibit rows in {t2 - t1:.1f} s; "
          f"summaries of every case computed and kept in {t3 - t2:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--exhibits", type=int, default=4)
    ap.add_argument("--keep", type=Path, help="build the library here (reused if it exists)")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp()) / "lib"
    if not (root / "evidencekit.db").exists():
        build(root, args.cases, args.exhibits)
    runs = []
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(root)],
                           capture_output=True, text=True, check=True)
        runs.append(json.loads(r.stdout))
    print(f"{runs[0]['cases']} cases in the list")
    for key in runs[0]:
        if key != "cases":
            times = sorted(r[key] for r in runs)
            print(f"{key:18s} best {times[0] * 1000:8.0f} ms   (all: "
                  + ", ".join(f"{t * 1000:.0f}" for t in times) + ")")


if __name__ == "__main__":
    main()
