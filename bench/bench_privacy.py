"""Benchmark: masking stays linear on hostile input (long runs of 区, 市 and digits).

    python bench/bench_privacy.py [--sizes 20000,40000,80000]

Prints the time of ``mask_text`` (the one masker) per size and the ratio to the previous size (≈2 when linear;
a regex that backtracks would show ratios of 4 or more and seconds, not milliseconds).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidencekit.masking import mask_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="20000,40000,80000")
    args = ap.parse_args()
    previous = None
    for n in (int(s) for s in args.sizes.split(",")):
        text = "区" * n + "市" * n + "1" * n + " 1" * n + "1-" * n
        t0 = time.perf_counter()
        mask_text(text)
        took = time.perf_counter() - t0
        ratio = f"  ×{took / previous:.1f}" if previous else ""
        print(f"{len(text):>7} characters: {took * 1000:7.1f} ms{ratio}")
        previous = took


if __name__ == "__main__":
    main()
