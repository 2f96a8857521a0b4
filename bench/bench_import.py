"""Benchmark: import a generated after-sale list (issue 14; target: 20,000 rows in < 30 s, memory flat).

    python bench/bench_import.py [--rows 2000,20000,40000] [--format xlsx|csv]

For each size it writes a list like a 抖店 export (openpyxl write-only mode, inline strings and
no <dimension>, the slow case for a reader), then runs, each in a fresh subprocess against a
fresh library: the first import (every row new), a dry run of the same list (every row
unchanged) and a re-import of a later export where one row in ten changed (amount and status).
It prints wall time, CPU time and the child's peak RSS (VmHWM), so a flat memory shows as the
same peak at 2,000 and 40,000 rows. ``--keep all`` keeps every row's result (what the app's
preview table shows), which costs about 0.5 KB a row on top.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.import_lists import ZH_HEADER, write_csv, write_xlsx, zh_rows  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from evidencekit.store import Library
from evidencekit.importing import import_list
lib = Library.open(sys.argv[2])
t0, c0 = time.perf_counter(), time.process_time()
report = import_list(lib, sys.argv[3], dry_run=sys.argv[4] == "dry", keep=sys.argv[5])
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"wall": wall, "cpu": cpu, "peak_kb": peak, "counts": report.counts}))
"""


def later_rows(n: int) -> list[list]:
    rows = zh_rows(n)
    for i, row in enumerate(rows):
        if i % 10 == 0:
            row[7] = "1.00"
            row[8], row[9] = "平台介入中", "2024-09-20 10:00:00"
    return rows


def run(lib: Path, path: Path, mode: str, keep: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(lib), str(path), mode, keep],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="2000,20000,40000")
    ap.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    ap.add_argument("--keep", choices=["notable", "all"], default="notable",
                    help="notable: the CLI's daily import (rows needing a look kept); all: the app's "
                         "preview (every row's result kept for the table)")
    args = ap.parse_args()
    write = write_xlsx if args.format == "xlsx" else write_csv
    print("| rows | run | wall | CPU | peak RSS | counts |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.rows.split(",")):
            first = write(Path(tmp) / f"list-{n}.{args.format}", ZH_HEADER, zh_rows(n))
            later = write(Path(tmp) / f"later-{n}.{args.format}", ZH_HEADER, later_rows(n))
            lib = Path(tmp) / f"lib-{n}"
            for label, path, mode in (("import", first, "real"), ("dry run", first, "dry"),
                                      ("re-import, 10% changed", later, "real")):
                r = run(lib, path, mode, args.keep)
                counts = " ".join(f"{k} {v}" for k, v in r["counts"].items() if v)
                print(f"| {n:,} | {label} | {r['wall']:.1f} s | {r['cpu']:.1f} s | "
                      f"{r['peak_kb'] / 1024:.0f} MB | {counts} |", flush=True)


if __name__ == "__main__":
    main()
