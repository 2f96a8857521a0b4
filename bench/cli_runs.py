"""A CLI command in N fresh processes: wall and CPU (user+sys of the child) per run.

    .venv/bin/python bench/cli_runs.py .venv/bin/python LIBRARY RUNS case list
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time


def main() -> int:
    py, lib, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cmd = [py, "-m", "evidencekit", "--library", lib, *sys.argv[4:]]
    walls, cpus = [], []
    for _ in range(runs):
        before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if r.returncode != 0:
            print(r.stderr.decode(errors="replace")[-500:], file=sys.stderr)
            return 1
    print(f"{' '.join(sys.argv[4:])}: wall median {statistics.median(walls):.2f} s (min "
          f"{min(walls):.2f}), CPU median {statistics.median(cpus):.2f} s (min {min(cpus):.2f}); "
          f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
