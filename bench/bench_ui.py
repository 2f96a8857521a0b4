"""App benchmarks (issue 5): startup with a 1,000-case library, and attaching 200 photos
while a 10 ms heartbeat timer measures the longest event-loop stall.

    /tmp/venv/bin/python bench/bench_ui.py                      # 1,000 cases, 200 photos
    /tmp/venv/bin/python bench/bench_ui.py --cases 1000 --photos 0
    /tmp/venv/bin/python bench/bench_ui.py --cases 0 --photos 200 --photo-size 4000x3000

Runs headless (QT_QPA_PLATFORM=offscreen). Startup is measured in fresh processes, from the
interpreter start (module import of ``ui.app``) to the main window shown with the case list
filled and one event-loop turn done.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPES = ("quality_issue", "not_as_described", "shipping_delay", "damaged_in_transit",
         "lost_parcel", "signed_not_received", "missing_items", "seven_day_return",
         "malicious_claim", "refund_dispute")


def build_library(root: Path, cases: int) -> float:
    """A library with ``cases`` cases in mixed stages; a third have a chat log, a fifth a trace."""
    from evidencekit.store import Library
    now = datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc)
    t0 = time.perf_counter()
    with Library.open(root) as lib:
        for i in range(cases):
            stage = ("request", "intervention", "judged", "closed")[i % 4]
            at = now - timedelta(hours=i % 60)
            fields = {"request": {"request_at": at}, "intervention": {"intervention_at": at},
                      "judged": {"judgment_at": at}, "closed": {"closed_at": at}}[stage]
            c = lib.create_case(platform="douyin", dispute_type=TYPES[i % len(TYPES)],
                                order_no=f"69{i:011d}", stage=stage, buyer_name=f"买家{i}", **fields)
            if i % 3 == 0:
                lib.attach(c.id, DATA / "chat_gbk.txt")
            if i % 5 == 0:
                lib.attach(c.id, DATA / "trace_kuaidi100.json")
    return time.perf_counter() - t0


def bench_startup(library: Path, runs: int, *, from_source: bool = False) -> dict:
    """Fresh ``python -m ui`` processes to the shown window. The app as installed: pip
    byte-compiles the package, so its modules load from bytecode; here they are compiled once
    into a cache of the bench's own (PYTHONPYCACHEPREFIX) by an untimed first start, even where
    PYTHONDONTWRITEBYTECODE is set (it is on the team's machines: every start of a checkout
    then compiles ~60 modules from source, ~0.1 s of CPU). ``from_source``: time that instead."""
    base = dict(os.environ, EVIDENCEKIT_LIBRARY=str(library), EVIDENCEKIT_BENCH_STARTUP="1",
                QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    if not from_source:
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        base["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="ek-bench-pyc-")
        _start(base)  # writes the bytecode; not timed
    import resource
    times, walls, cpus = [], [], []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        t0 = time.perf_counter()
        r = _start(base)
        walls.append(time.perf_counter() - t0)
        line = next((ln for ln in r.stdout.splitlines() if ln.startswith("startup_seconds")), None)
        if line is None:
            raise SystemExit(f"startup run failed:\n{r.stdout}\n{r.stderr[-2000:]}")
        parts = line.split()
        times.append(float(parts[1]))
        shown_cases = int(parts[3])
        rows = int(parts[5]) if len(parts) > 5 else shown_cases
        if len(parts) > 7:  # the process's CPU when the window was shown (from its start)
            cpus.append(float(parts[7]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    process_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs
    return {"median_s": statistics.median(times), "max_s": max(times),
            "process_cpu_s": process_cpu,  # a run's whole process, exit included
            "process_wall_median_s": statistics.median(walls), "cases_shown": shown_cases,
            "rows_fetched": rows, "cpu_to_window_median_s": statistics.median(cpus) if cpus else None,
            "from_source": from_source}


def _start(env: dict) -> subprocess.CompletedProcess:
    env = dict(env, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="ek-bench-cfg-"))
    return subprocess.run([sys.executable, "-m", "ui"], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def bench_photos(count: int, size: tuple[int, int]) -> dict:
    from PySide6.QtCore import QSettings, QStandardPaths, QTimer

    import ui  # noqa: F401 - refcount guard
    from evidencekit.store import Library
    from tests.ui.photos import make_photos
    from ui.app import make_application
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    work = Path(tempfile.mkdtemp(prefix="ek-bench-photos-"))
    t0 = time.perf_counter()
    photos = make_photos(work / "photos", count, size=size)
    gen_s = time.perf_counter() - t0
    mb = sum(p.stat().st_size for p in photos) / 1e6
    app = make_application(["bench"])
    QStandardPaths.setTestModeEnabled(True)
    install_language("zh_CN")
    lib = Library.open(work / "lib")
    ctx = AppContext(lib, settings=UiSettings(QSettings(str(work / "ui.ini"), QSettings.IniFormat)))
    w = MainWindow(ctx)
    w.resize(1440, 900)
    w.show()
    case = lib.create_case(platform="douyin", dispute_type="seven_day_return", order_no="1")
    ctx.changed()
    w.open_case(case.id)
    w.case_view.evidence.toggle_view()  # grid: thumbnails are made for the visible photos

    gaps: list[float] = []
    last = [None]

    def beat():
        now = time.perf_counter()
        if last[0] is not None:
            gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    t0 = time.perf_counter()
    w.case_view.evidence.add_paths([work / "photos"])
    while ctx.importer.pending() or ctx.runner.busy:
        app.processEvents()
        time.sleep(0.002)
    attach_s = time.perf_counter() - t0
    end = time.perf_counter() + 0.5
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    attached = len(lib.list_exhibits(case.id))
    w.close()
    lib.close()
    gaps.sort()
    return {"photos": count, "size": f"{size[0]}x{size[1]}", "total_mb": round(mb, 1),
            "generate_s": round(gen_s, 1), "attach_s": round(attach_s, 2), "attached": attached,
            "worst_gap_ms": round(gaps[-1], 1), "p99_gap_ms": round(gaps[int(len(gaps) * .99)], 1),
            "gaps_over_100ms": sum(1 for g in gaps if g > 100), "heartbeats": len(gaps)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--photo-size", default="3000x2000")
    args = ap.parse_args()
    if args.cases:
        lib = Path(tempfile.mkdtemp(prefix="ek-bench-lib-")) / "library"
        built = build_library(lib, args.cases)
        print(f"library: {args.cases} cases built in {built:.1f} s")
        r = bench_startup(lib, args.runs)
        print(f"startup to shown window: median {r['median_s']:.2f} s, max {r['max_s']:.2f} s "
              f"(whole process incl. exit {r['process_wall_median_s']:.2f} s), "
              f"{r['cases_shown']} cases listed")
    if args.photos:
        w, h = (int(x) for x in args.photo_size.split("x"))
        r = bench_photos(args.photos, (w, h))
        print(f"attach {r['attached']}/{r['photos']} photos ({r['size']}, {r['total_mb']} MB): "
              f"{r['attach_s']} s; worst event-loop gap {r['worst_gap_ms']} ms, "
              f"p99 {r['p99_gap_ms']} ms, {r['gaps_over_100ms']} gaps > 100 ms "
              f"({r['heartbeats']} heartbeats)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
