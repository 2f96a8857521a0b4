"""The review's numbers (``stats``) on a generated library: time per call, with and without words.

    python bench/bench_review.py --cases 1000 [--keep DIR]

Each case: a dispute type, product, store, request/intervention instants, one chat log of 8
messages (attached, so its content is kept as attach keeps it), an evidence submission for
two cases in three and a decision on most of those. Each timing runs the CLI in a fresh
process (``/usr/bin/time`` style: wall and CPU from ``resource``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = ["quality_issue", "shipping_delay", "signed_not_received", "refund_dispute", "missing_items"]
PRODUCTS = ["保温杯", "拖鞋", "床单", "台灯", "雨伞", "收纳盒"]
LINES = ["收到的杯子碎了", "快递一直不动", "显示签收了但是我没收到", "少发了一个配件", "质量太差了要退款",
         "颜色和图片不一样", "驿站说没有我的包裹", "客服一直不回复", "我要申请平台介入", "东西是坏的"]


def build(root: Path, n: int) -> None:
    from pypdf import PdfWriter

    from evidencekit.store import Library
    from evidencekit.timeutil import parse_instant
    rnd = random.Random(11)
    start = parse_instant("2026-09-01T10:00:00+08:00")
    clock = [start]
    lib = Library.open(root / "lib", clock=lambda: clock[0])
    work = root / "src"
    work.mkdir(parents=True, exist_ok=True)
    with lib.transaction():
        for i in range(n):
            req = start + timedelta(hours=rnd.randrange(0, 24 * 88))
            cid = lib.create_case(platform="douyin", dispute_type=rnd.choice(TYPES), order_no=f"B{i}",
                                  product=rnd.choice(PRODUCTS), store_name=rnd.choice(["旗舰店", "二店"]),
                                  request_at=req, replied_at=req + timedelta(hours=rnd.randrange(1, 30)),
                                  intervention_at=req + timedelta(hours=30)).id
            chat = work / f"c{i}.txt"
            chat.write_text("".join(f"2026-09-01 10:{m:02d}:00 {'买家' + str(i) if m % 2 == 0 else '小店客服'}: "
                                    f"{rnd.choice(LINES)}\n" for m in range(8)), "utf-8")
            lib.attach(cid, chat, kind="chat_log")
            if i % 3:
                case = lib.get_case(cid)
                bundle = work / f"b{i}.pdf"
                w = PdfWriter()
                w.add_blank_page(100, 100)
                w.add_metadata({"/Title": str(i)})
                with bundle.open("wb") as f:
                    w.write(f)
                manifest = {"bundle_id": f"b{i}", "case": {"case_no": case.case_no}, "files": [bundle.name],
                            "exhibits": [{"label": "E1", "sha256": f"{i:064d}", "kind": "chat_log"}]}
                lib.record_submission(cid, [(bundle, manifest, True)],
                                      at=req + timedelta(hours=30 + rnd.randrange(1, 60)))
                if i % 5:
                    lib.decide(cid, rnd.choice(["won", "lost", "partly", "refunded"]),
                               at=req + timedelta(days=5), refund="10.00" if i % 7 == 0 else "")
    lib.close()


def timed(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="ek-review-bench-"))
    if not (root / "lib").exists():
        t0 = time.perf_counter()
        build(root, args.cases)
        print(f"built {args.cases} cases in {time.perf_counter() - t0:.1f} s")
    ek = [sys.executable, "-m", "evidencekit", "--library", str(root / "lib"), "stats", "--now",
          "2026-12-01T00:00:00+08:00", "--json"]
    results = {}
    for label, extra in (("stats --json", []), ("stats --json --no-words", ["--no-words"])):
        runs = [timed(ek + extra) for _ in range(3)]
        results[label] = runs
        print(f"{label}: " + ", ".join(f"{w:.2f} s wall / {c:.2f} s CPU" for w, c in runs))
    print(json.dumps({k: min(c for _w, c in v) for k, v in results.items()}))
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
