"""Children for the kill test. This process imports once, then forks one child per trial seed
read from stdin; each child opens the library, says ``READY <pid>`` and attaches and edits
without pause until the test kills it; the parent reaps it and says ``GONE``. Forking spares
each of the 50 trials a fresh interpreter's imports (about a second of CPU each)."""

import os
import random
import sys
from pathlib import Path

import evidencekit.ingest  # noqa: F401  # loaded before READY: the kills land in the work, not the imports
from evidencekit.store import Library


def work(root: Path, work: Path, seed: int) -> None:
    rng = random.Random(seed)
    lib = Library.open(root)  # in the child: nothing of the library is shared across the fork
    cases = lib.list_cases() or [lib.create_case(platform="douyin", dispute_type="quality_issue",
                                                 order_no=f"K{seed}")]
    case = cases[0]
    print(f"READY {os.getpid()}", flush=True)
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


def serve(root: Path, workdir: Path) -> None:
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                work(root, workdir, int(line))
            finally:
                os._exit(3)  # only if the work itself failed (the test then sees no READY)
        os.waitpid(pid, 0)
        print("GONE", flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]))
