"""Benchmark: parse a generated 50 MB / 500,000-line chat log (target: < 5 s).

    python bench/bench_chat.py [--lines 500000] [--encoding utf-8|gb18030|utf-16]

Prints the file size, the wall time of ``analyze`` (detection + parse + facts),
and the peak traced memory of a parse compared with the size of its result.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidencekit.ingest import analyze, parse_chat  # noqa: E402


def write_log(path: Path, lines: int, encoding: str) -> None:
    block = []
    for i in range(1000):
        who = "顾客" if i % 2 else "小美家居旗舰店客服"
        block.append(f"2024-09-17 11:{i % 60:02d}:{(i * 7) % 60:02d} {who}: "
                     f"第{i}条消息，收到的杯子碎了，请尽快处理，订单号 4921{i:05d}\n")
    text = "".join(block)
    with open(path, "wb") as f:
        if encoding == "utf-16":
            f.write(b"\xff\xfe")
            encoding = "utf-16-le"
        data = text.encode(encoding)
        for _ in range(max(1, lines // 1000)):
            f.write(data)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=500_000)
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--memory", action="store_true", help="also trace memory (slower)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.txt"
        write_log(path, args.lines, args.encoding)
        size = path.stat().st_size
        t0 = time.perf_counter()
        result = analyze(path)
        elapsed = time.perf_counter() - t0
        print(f"file: {size / 1e6:.1f} MB, {result.facts['message_count']} messages, "
              f"encoding {result.facts['encoding']}")
        print(f"analyze: {elapsed:.2f} s ({size / 1e6 / elapsed:.0f} MB/s)")
        if args.memory:
            tracemalloc.start()
            log = parse_chat(path)
            current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"memory: result {current / 1e6:.0f} MB, peak {peak / 1e6:.0f} MB "
                  f"({len(log.messages)} messages)")


if __name__ == "__main__":
    main()
