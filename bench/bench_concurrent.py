"""Benchmark: N desktops writing to one library at once for a while (issue 13: 10 writers for
5 minutes without an error).

    python bench/bench_concurrent.py [--writers 10] [--minutes 5] [--db postgresql://…] [--keep DIR]

Each writer is a process (tests/core/concurrent_worker.py) that attaches small files to one
shared case, appends to its notes through the version check (re-reading when refused), edits
its own case, creates cases and takes back some of its exhibits, all without pause. Afterwards
the library is checked (tests/core/concurrency.py): no error shown to any writer, the shared
case's exhibit numbers 1..n without gap or duplicate, every appended token present once,
every case number unique. With ``--db`` the library is a team library on PostgreSQL
(EVIDENCEKIT_DB for every writer), else a local SQLite library.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.concurrency import problems, run_writers  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--writers", type=int, default=10)
    p.add_argument("--minutes", type=float, default=5)
    p.add_argument("--db", help="a team library's PostgreSQL URL (default: a local SQLite library)")
    p.add_argument("--keep", metavar="DIR", help="keep the library here (default: a temp folder)")
    args = p.parse_args()
    env = dict(os.environ)
    env.pop("EVIDENCEKIT_DB", None)
    if args.db:
        env["EVIDENCEKIT_DB"] = os.environ["EVIDENCEKIT_DB"] = args.db
    base = Path(args.keep or tempfile.mkdtemp(prefix="ek-concurrent-"))
    root = base / "lib"
    start = time.monotonic()
    reports, shared, own = run_writers(root, base / "work", args.writers,
                                       seconds=args.minutes * 60, env=env)
    wall = time.monotonic() - start
    found = problems(root, reports, shared, own)
    ops = sum(r["ops"] for r in reports)
    print(f"engine {'postgresql' if args.db else 'sqlite'}  writers {args.writers}  "
          f"minutes {args.minutes}  wall {wall:.0f} s")
    print(f"ops {ops} ({ops / wall:.1f}/s)  attached {sum(r['attached'] for r in reports)}  "
          f"removed {sum(r['removed'] for r in reports)}  notes appended "
          f"{sum(len(r['tokens']) for r in reports)} (stale retries {sum(r['stale_retries'] for r in reports)})  "
          f"own edits {sum(r['edits'] for r in reports)}  cases created {sum(len(r['created']) for r in reports)}")
    print(f"errors {sum(len(r['errors']) for r in reports)}  problems {len(found)}")
    for line in found[:20]:
        print("  ", line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
