"""Work queue and deadlines over a large library (issue 9): 1,000 cases in mixed stages.

    .venv/bin/python bench/bench_queue.py --cases 1000

Builds a throw-away library (cases only, no files), then times the calls a case list, the
queue views and `evidencekit deadlines --ics` make. Prints the median of 5 runs each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1000)
    args = ap.parse_args()
    from evidencekit import ics, queue
    from evidencekit.store import Library
    from evidencekit.summary import case_rows, deadlines_across

    now = datetime(2024, 9, 20, 2, 0, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "lib", clock=lambda: now)
        t0 = time.perf_counter()
        for i in range(args.cases):
            start = now - timedelta(minutes=7 * i)
            fields = {"request_at": start}
            if i % 3 == 1:
                fields["intervention_at"] = start + timedelta(hours=1)
            if i % 5 == 2:
                fields["replied_at"] = start + timedelta(hours=2)
            if i % 7 == 3:
                fields["judgment_at"] = start + timedelta(hours=3)
            lib.create_case(platform="douyin", dispute_type="lost_parcel", order_no=f"O{i}",
                            **fields)
        print(f"created {args.cases} cases in {time.perf_counter() - t0:.1f} s")

        def timed(label, fn):
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                out = fn()
                runs.append(time.perf_counter() - t)
            print(f"{label:<40} median {statistics.median(runs) * 1000:7.1f} ms  "
                  f"(min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})")
            return out

        rows = timed("summary.case_rows (all cases)", lambda: case_rows(lib, now))
        views = timed("queue.build (views + order)", lambda: queue.build(rows))
        print("  counts:", queue.counts(views))
        items = timed("summary.deadlines_across", lambda: deadlines_across(lib, now))
        text = timed("ics.calendar", lambda: ics.calendar(items, now))
        print(f"  {len(items)} running deadlines, {len(text) // 1024} KiB of iCalendar")
        lib.close()


if __name__ == "__main__":
    main()
