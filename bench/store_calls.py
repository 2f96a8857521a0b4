"""Per-call cost of the store: create_case and get_case, in one process (CPU and wall).

    .venv/bin/python bench/store_calls.py [label]

A fresh library in a temporary folder; 20 warm-up cases, then 300 timed ones (each its own
transaction, fsync included, as the app and the CLI write).
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
import time
from datetime import datetime, timezone

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evidencekit.store import Library  # noqa: E402


def main() -> int:
    root = pathlib.Path(tempfile.mkdtemp()) / "lib"
    lib = Library.open(root)
    t0 = datetime(2024, 9, 17, 2, tzinfo=timezone.utc)
    for i in range(20):
        lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=f"w{i}")
    n = 300
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(n):
        lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=f"o{i}",
                        request_at=t0, buyer_name="张三")
    cpu, wall = (time.process_time() - cpu) / n * 1000, (time.perf_counter() - wall) / n * 1000
    t = time.process_time()
    for i in range(n):
        lib.get_case(i + 1)
    get = (time.process_time() - t) / n * 1000
    label = sys.argv[1] if len(sys.argv) > 1 else ""
    print(f"{label}: create_case CPU {cpu:.2f} ms, wall {wall:.2f} ms; get_case CPU {get:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
