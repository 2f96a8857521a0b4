"""Work queue and deadlines over a large library (issue 9): 1,000 cases in mixed stages.

    .venv/bin/python bench/bench_queue.py --cases 1000

Builds a throw-away library (cases only, no files; request, intervention, judged, submitted
and closed cases so that every view has rows), then times the calls a case list, the queue
views and `evidencekit deadlines --ics` make, and the CLI's `deadlines --ics` end to end in
this process. Prints the median of 5 runs each.
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
            if i % 11 == 4:  # evidence submitted: awaiting the platform (待平台判定)
                fields["intervention_at"] = start + timedelta(hours=1)
                fields["evidence_submitted_at"] = start + timedelta(hours=2)
            if i % 13 == 5:  # decided and closed (已结案)
                fields["closed_at"] = start + timedelta(hours=4)
            lib.create_case(platform="douyin", dispute_type="lost_parcel", order_no=f"O{i}",
                            **fields)
        print(f"created {args.cases} cases in {time.perf_counter() - t0:.1f} s")

        def timed(label, fn):
            runs, cpu = [], []
            for _ in range(5):
                t, c = time.perf_counter(), time.process_time()
                out = fn()
                runs.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            # CPU time beside wall time: on a shared machine the wall time carries the load.
            print(f"{label:<44} median {statistics.median(runs) * 1000:7.1f} ms  "
                  f"(min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f}; "
                  f"CPU median {statistics.median(cpu) * 1000:.1f} ms)")
            return out

        rows = timed("summary.case_rows (all cases)", lambda: case_rows(lib, now))
        views = timed("queue.build (views + order)", lambda: queue.build(rows))
        print("  counts:", queue.counts(views))
        items = timed("summary.deadlines_across", lambda: deadlines_across(lib, now))
        text = timed("ics.calendar", lambda: ics.calendar(items, now))
        print(f"  {len(items)} running deadlines, {len(text) // 1024} KiB of iCalendar")
        lib.close()

        import contextlib
        import io

        from evidencekit.cli import main as cli
        argv = ["--library", str(Path(tmp) / "lib"), "deadlines", "--ics", "--now", now.isoformat()]
        def run_cli() -> int:
            with contextlib.redirect_stdout(io.StringIO()):
                return cli(argv)
        timed("CLI deadlines --ics (open library .. print)", run_cli)


if __name__ == "__main__":
    main()
