"""Child process for the kill test: attaches and edits without pause until it is killed."""

import os
import random
import sys
from pathlib import Path

import evidencekit.ingest  # noqa: F401  # loaded before READY: the kills land in the work, not the imports
from evidencekit.store import Library

root, work, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
lib = Library.open(root)
cases = lib.list_cases() or [lib.create_case(platform="douyin", dispute_type="quality_issue",
                                             order_no=f"K{seed}")]
case = cases[0]
print("READY", flush=True)
i = 0
while True:
    i += 1
    op = rng.random()
    if op < 0.5:
        f = work / f"f{seed}-{i}.bin"
        # new bytes most of the time, repeated bytes sometimes (dedupe path)
        size = rng.choice([10, 50_000, 400_000, 1_500_000])
        data = os.urandom(size) if rng.random() < 0.8 else b"same bytes"
        f.write_bytes(data)
        lib.attach(case.id, f, kind="other", caption=f"c{i}")
        f.unlink()
    elif op < 0.7:
        lib.update_case(case.id, notes=f"note {i}", amount=f"{i}.00")
    else:
        ex = lib.list_exhibits(case.id)
        if not ex:
            continue
        e = rng.choice(ex)
        r = rng.random()
        if r < 0.4:
            lib.update_exhibit(e.id, caption=f"edited {i}", is_new=bool(i % 2))
        elif r < 0.7:
            lib.move_exhibit(e.id, rng.randint(1, len(ex)))
        else:
            lib.remove_exhibit(e.id)
