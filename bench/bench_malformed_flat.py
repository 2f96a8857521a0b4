"""Peak RSS of the export against the number of exhibits (issue 15: "memory stays flat").

Takes a library whose case 1 holds the malformed corpus (built with bench_malformed.py and
the extra attaches in bench/README's "3,030 malformed exhibits" section), copies it once per
size keeping every k-th exhibit (so each copy has the same mix of kinds), exports each copy
in a fresh process with bench_malformed's runner (the process's own VmHWM at exit), and
checks the bundle with ``evidencekit verify``.

    .venv/bin/python bench/bench_malformed_flat.py --library /tmp/gaps/mal2500/lib \\
        --sizes 500 1500 3030 --work /tmp/ekflat
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_malformed import run_cli  # noqa: E402


def subset(src: Path, dst: Path, n: int) -> int:
    """Copy the library at ``src`` to ``dst``, keeping every k-th exhibit of case 1."""
    from sqlalchemy import update

    from evidencekit.store import Library
    from evidencekit.store.exhibits import _renumber
    from evidencekit.store.schema import exhibits
    shutil.copytree(src, dst)
    lib = Library.open(dst)
    ids = [e.id for e in lib.list_exhibits(1)]
    if n < len(ids):
        keep = [ids[round(i * len(ids) / n)] for i in range(n)]
        drop = sorted(set(ids) - set(keep))
        # One statement, not one remove_exhibit per exhibit (each renumbers the case).
        with lib._st.db.write() as conn:
            conn.execute(update(exhibits).where(exhibits.c.id.in_(drop))
                         .values(removed_at=datetime.now(timezone.utc)))
            _renumber(conn, keep)
    count = len(lib.list_exhibits(1))
    lib.close()
    return count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--library", type=Path, required=True)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1500, 3030])
    ap.add_argument("--work", type=Path, required=True)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print("| exhibits | pages | placeholders | bundle | verify | export wall | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for n in args.sizes:
        lib = args.work / f"lib{n}"
        shutil.rmtree(lib, ignore_errors=True)
        count = subset(args.library, lib, n)
        out = args.work / f"bundle{n}.pdf"
        code, stdout, err, hwm, secs = run_cli(
            lib, "export", "1", "-o", str(out), "--json", "--force", "--allow-incomplete",
            "--now", "2026-11-29T12:00+08:00")
        if code != 0:
            print(f"| {count} | export FAILED: exit {code} {err[-500:]!r} |")
            continue
        rep = json.loads(stdout)
        vcode = run_cli(lib, "verify", str(out))[0]
        print(f"| {count:,} | {rep['pages'][0]:,} | {len(rep['placeholders'])} | "
              f"{rep['sizes'][0] / 1e6:.1f} MB | rc {vcode} | {secs:.0f} s | "
              f"**{hwm / 1024:.0f} MB** |", flush=True)


if __name__ == "__main__":
    main()
