"""The case list at 10,000 cases (issue 12): startup to a shown window, and one keystroke in
the list's search box.

    .venv/bin/python bench/bench_case_list.py                 # 10,000 cases, 5 startups
    .venv/bin/python bench/bench_case_list.py --cases 10000 --keep /tmp/ek10k   # reuse the library

Headless (QT_QPA_PLATFORM=offscreen). The library is built with the library API (cases in
mixed stages and types; a third with a chat log, a fifth with a trace, attached from one
parsed result so the build does not take an hour). Startup runs ``python -m ui`` in fresh
processes, from importing ``ui.app`` to the window shown with the list's first page and its
counts and one event-loop turn done (``EVIDENCEKIT_BENCH_STARTUP``), the app's modules loaded
from bytecode as an installed app loads them (``--from-source``: compiled at every start, as a
checkout does where PYTHONDONTWRITEBYTECODE is set; bench_ui.bench_startup). The keystroke is timed
in-process: ``setText`` on the search box with one more character each time (an order number
typed digit by digit, then a buyer's name), then what the end of the typing pause runs (the
list's query: ``CaseListPage.apply_search``), until the view is repainted. The pause itself
(150 ms, a timer) is not work and is not counted. The keystroke's CPU is the UI thread's
(``time.thread_time``): the search inside evidence, which starts after its own 350 ms pause,
runs on a worker thread and would otherwise be counted in whichever keystroke it overlaps.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_ui import TYPES, bench_startup  # noqa: E402

DATA = ROOT / "tests" / "data"


def build_library(root: Path, cases: int) -> float:
    from evidencekit.ingest import analyze
    from evidencekit.store import Library
    now = datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc)
    chat, trace = analyze(DATA / "chat_gbk.txt"), analyze(DATA / "trace_kuaidi100.json")
    t0 = time.perf_counter()
    with Library.open(root, clock=lambda: now) as lib:
        conn = getattr(lib, "conn", None)
        if conn is not None:  # a bench library: no fsync per case (10,000 transactions)
            conn.execute("PRAGMA synchronous=OFF")
        for i in range(cases):
            stage = ("request", "intervention", "judged", "closed")[i % 4]
            at = now - timedelta(hours=i % 60)
            fields = {"request": {"request_at": at}, "intervention": {"intervention_at": at},
                      "judged": {"judgment_at": at}, "closed": {"closed_at": at}}[stage]
            # a closed case is read-only: its evidence is attached before it is closed
            c = lib.create_case(platform="douyin", dispute_type=TYPES[i % len(TYPES)],
                                order_no=f"69{i:011d}", buyer_name=f"买家{i}",
                                buyer_phone=f"138{i:08d}", product=f"商品 {i % 97}")
            if i % 3 == 0:
                lib.attach(c.id, DATA / "chat_gbk.txt", result=chat)
            if i % 5 == 0:
                lib.attach(c.id, DATA / "trace_kuaidi100.json", result=trace)
            lib.update_case(c.id, stage=stage, **fields)
    return time.perf_counter() - t0


def prepare(library: Path) -> float:
    """Open once before timing: an older library is upgraded and its summaries made current
    (once per library, not what a start costs)."""
    from evidencekit.store import Library
    t0 = time.perf_counter()
    with Library.open(library) as lib:
        lib.refresh_case_summaries()
    return time.perf_counter() - t0


def bench_keystrokes(library: Path) -> dict:
    from PySide6.QtCore import QSettings, QStandardPaths

    import ui  # noqa: F401 - refcount guard
    from evidencekit.store import Library
    from ui.app import make_application
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    app = make_application(["bench"])
    QStandardPaths.setTestModeEnabled(True)
    install_language("zh_CN")
    work = Path(tempfile.mkdtemp(prefix="ek-bench-keys-"))
    lib = Library.open(library)
    ctx = AppContext(lib, settings=UiSettings(QSettings(str(work / "ui.ini"), QSettings.IniFormat)))
    w = MainWindow(ctx)
    w.resize(1440, 900)
    w.show()
    for _ in range(20):
        app.processEvents()
    page = w.case_list
    search = page.search
    times, cpu, shown = [], [], []
    for query in ("6900000012345", "买家4242"):
        search.clear()
        page.apply_search()
        app.processEvents()
        for n in range(1, len(query) + 1):
            t0, c0 = time.perf_counter(), time.thread_time()
            search.setText(query[:n])
            page.apply_search()  # what the typing pause's timer runs
            page.table.viewport().repaint()  # the keystroke's whole effect, drawn
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            shown.append(page.model.shown_count())
    search.clear()
    page.apply_search()
    total = page.model.shown_count()
    w.close()
    lib.close()
    return {"median_ms": statistics.median(times), "max_ms": max(times), "keys": len(times),
            "cpu_median_ms": statistics.median(cpu), "cpu_max_ms": max(cpu),
            "first_key_rows": shown[0], "last_rows": shown[-1], "cases": total}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the library here once and reuse it")
    ap.add_argument("--from-source", action="store_true",
                    help="startups compile the app's modules from source (PYTHONDONTWRITEBYTECODE) "
                         "instead of loading them as installed, from bytecode")
    args = ap.parse_args()
    lib = args.keep or Path(tempfile.mkdtemp(prefix="ek-bench-10k-")) / "library"
    if not (lib / "evidencekit.db").exists():
        print(f"library: {args.cases} cases built in {build_library(lib, args.cases):.1f} s")
    print(f"library ready (upgraded, summaries current) in {prepare(lib):.1f} s")
    r = bench_startup(lib, args.runs, from_source=args.from_source)
    cpu = r["process_cpu_s"]
    print(f"startup to shown window: median {r['median_s']:.2f} s, max {r['max_s']:.2f} s "
          f"(whole process incl. exit {r['process_wall_median_s']:.2f} s, CPU {cpu:.2f} s a "
          f"run; CPU to the shown window {r['cpu_to_window_median_s']:.2f} s), "
          f"{r['cases_shown']} cases listed, {r['rows_fetched']} rows fetched, modules "
          f"{'compiled from source' if args.from_source else 'from bytecode (as installed)'}; "
          f"load average {os.getloadavg()[0]:.1f}")
    k = bench_keystrokes(lib)
    print(f"search keystroke over {k['cases']} cases: median {k['median_ms']:.1f} ms, "
          f"max {k['max_ms']:.1f} ms wall; CPU median {k['cpu_median_ms']:.1f} ms, max "
          f"{k['cpu_max_ms']:.1f} ms ({k['keys']} keys; first key left {k['first_key_rows']} "
          f"rows, last {k['last_rows']}); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
