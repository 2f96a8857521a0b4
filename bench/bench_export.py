"""Export benchmark (issue 4): douyin vs the floor, archive vs img2pdf, peak RSS by photo count.

    python bench/bench_export.py [--photos 50,100,200] [--skip-archive] [--skip-douyin]
                                  [--repeat 3] [--keep DIR]
    python bench/bench_export.py --verify 100 [--keep DIR]   # verify an archive bundle

Generates its own 12 MP JPEG photos (~2–4 MB each) in a temp folder, plus a
5,000-message chat, a 40-event trace and a 20-page report. Each export runs in a
fresh subprocess so its peak RSS (VmHWM) is its own.

archive vs img2pdf: both run in fresh subprocesses, alternately, best of ``--repeat``
(3) each. Before every timed run the page cache is put in the same state for both:
``os.sync()`` (no writeback left over from the previous run to throttle this one) and
every photo read once (warm reads). The *copy floor* is the time to write the photos'
bytes twice (what an archive bundle must hold) with 1 MB reads and writes, no PDF.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_photos(folder: Path, n: int) -> list[Path]:
    from PIL import Image, ImageDraw, ImageFilter
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    # One noisy 12 MP base image, varied per photo: realistic JPEG sizes (2–4 MB).
    base = Image.effect_noise((4000, 3000), 28).convert("RGB").filter(ImageFilter.GaussianBlur(0.6))
    paths = []
    for i in range(n):
        p = folder / f"IMG_{i:04d}.jpg"
        if not p.exists():
            im = base.copy()
            d = ImageDraw.Draw(im)
            for _ in range(40):
                x, y = rng.randrange(4000), rng.randrange(3000)
                d.rectangle([x, y, x + 300, y + 200], fill=(rng.randrange(256), rng.randrange(256),
                                                            rng.randrange(256)))
            im.save(p, "JPEG", quality=90)
        paths.append(p)
    return paths


def floor_seconds(photos: list[Path]) -> float:
    """Decode each photo at reduced scale, fit to 1240 px, re-encode; on all cores."""
    from PIL import Image

    def one(p: Path) -> int:
        with Image.open(p) as im:
            im.draft("RGB", (1240, 1240))
            im = im.convert("RGB")
            im.thumbnail((1240, 1240))
            out = Path(tempfile.gettempdir()) / f"floor-{os.getpid()}-{p.stem}.jpg"
            im.save(out, "JPEG", quality=80)
            n = out.stat().st_size
            out.unlink()
            return n
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(one, photos))
    return time.perf_counter() - t0


def settle(photos: list[Path]) -> None:
    """The same page-cache state before each timed run: dirty pages written, photos cached."""
    os.sync()
    buf = bytearray(1 << 20)
    for p in photos:
        with open(p, "rb", buffering=0) as f:
            while f.readinto(buf):
                pass


def img2pdf_child(args: argparse.Namespace) -> None:
    import img2pdf
    work = Path(args.work)
    photos = sorted((work / "photos").glob("*.jpg"))[: args.n]
    out = work / "img2pdf.pdf"
    settle(photos)
    t0 = time.perf_counter()
    with open(out, "wb") as f:
        f.write(img2pdf.convert([str(p) for p in photos], nodate=True))
    dt = time.perf_counter() - t0
    mb = out.stat().st_size / 1e6
    out.unlink()
    print(json.dumps({"seconds": dt, "mb": mb}))


def copy_floor_seconds(photos: list[Path], out: Path) -> float:
    """Write every photo's bytes once into one file (1 MB reads/writes): the I/O an archive
    bundle cannot avoid (each JPEG original is its page image, stored once), with no PDF, no
    hashing and no typesetting."""
    settle(photos)
    t0 = time.perf_counter()
    with open(out, "wb") as o:
        for _ in range(1):
            for p in photos:
                with open(p, "rb") as f:
                    while chunk := f.read(1 << 20):
                        o.write(chunk)
    dt = time.perf_counter() - t0
    out.unlink()
    return dt


def build_source(work: Path, photos: list[Path]):
    from dataclasses import replace

    from evidencekit.ingest.model import Trace, TraceEvent
    from tests.core.export_fixtures import CaseFiles, build_case, trace
    src = build_case(work / "case", photos=0, chat_messages=5000, report_pages=20)
    cf = CaseFiles(work / "case")
    cf.exhibits = list(src.exhibits)
    tr = trace()
    events = [TraceEvent(tr.events[0].at + timedelta(hours=3 * i), "上海市", f"快件在途第 {i} 站",
                         "in_transit") for i in range(39)] + [tr.events[-1]]
    ex_trace = next(e for e in src.exhibits if e.kind == "logistics_trace")
    contents = dict(src.contents)
    contents[ex_trace.id] = Trace(events, tr.tracking_no, tr.carrier, tr.stalls)
    for p in photos:
        cf.add(p, "photo", f"商品照片 {p.stem}")
    return replace(src, exhibits=tuple(cf.exhibits), blob_path=cf.blob_path, contents=contents)


def child(args: argparse.Namespace) -> None:
    """One export in this process; prints seconds and peak RSS as JSON."""
    from evidencekit.export import export_bundle
    from tests.core.export_fixtures import NOW
    work = Path(args.work)
    photos = sorted((work / "photos").glob("*.jpg"))[: args.n]
    src = build_source(work / f"run-{args.profile}-{args.n}", photos)
    out = work / f"out-{args.profile}-{args.n}.pdf"
    out.unlink(missing_ok=True)
    settle(photos)
    t0 = time.perf_counter()
    rep = export_bundle(src, out, profile=args.profile, now=NOW, zone="Asia/Shanghai")
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "rss_mb": peak_rss_mb(), "pages": sum(rep.pages),
                      "mb": sum(rep.sizes) / 1e6,
                      "originals_mb": sum(e.size for e in src.exhibits) / 1e6}))


def verify_child(args: argparse.Namespace) -> None:
    """verify_bundle on one archive bundle in this process; prints seconds and peak RSS."""
    from evidencekit.export import verify_bundle
    bundle = Path(args.work) / f"out-archive-{args.n}.pdf"
    t0 = time.perf_counter()
    rep = verify_bundle(bundle)
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "rss_mb": peak_rss_mb(), "ok": rep.ok,
                      "items": len(rep.items), "mb": bundle.stat().st_size / 1e6}))


def bench_verify(work: Path, n: int, repeat: int) -> None:
    """Export an archive bundle of ``n`` photos (kept for reruns), then verify it ``repeat``
    times, each in a fresh process."""
    bundle = work / f"out-archive-{n}.pdf"
    if not bundle.exists():
        run_child(work, "archive", n)
    runs = [run_child(work, "verify", n) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda x: x["seconds"])
    print(f"verify  {n:4d} photos: {best['seconds']:6.2f} s  peak RSS "
          f"{max(x['rss_mb'] for x in runs):5.0f} MB  bundle {best['mb']:.0f} MB  "
          f"{best['items']} exhibits ok={best['ok']}  all: "
          + " ".join(f"{x['seconds']:.2f}" for x in runs))


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux keeps ru_maxrss across execve, so a
    child would report the parent's peak at fork (after img2pdf held a whole PDF in memory)."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(work: Path, profile: str, n: int) -> dict:
    """``profile`` "img2pdf" times img2pdf instead of an export."""
    r = subprocess.run([sys.executable, __file__, "--child", "--work", str(work), "--profile",
                        profile, "--n", str(n)], capture_output=True, text=True, cwd=ROOT)
    if r.returncode:
        raise SystemExit(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", default="50,100,200")
    ap.add_argument("--skip-archive", action="store_true")
    ap.add_argument("--skip-douyin", action="store_true")
    ap.add_argument("--keep", help="generate photos into DIR and keep them for the next run")
    ap.add_argument("--child", action="store_true")
    ap.add_argument("--work")
    ap.add_argument("--profile", default="douyin")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3, help="archive and img2pdf: best of N")
    ap.add_argument("--verify", type=int, metavar="N",
                    help="only: verify an archive bundle of N photos (peak RSS, time)")
    args = ap.parse_args()
    if args.child:
        if args.profile == "verify":
            return verify_child(args)
        return img2pdf_child(args) if args.profile == "img2pdf" else child(args)
    if args.verify:
        with tempfile.TemporaryDirectory(prefix="ek-bench-") as tmp:
            work = Path(args.keep) if args.keep else Path(tmp)
            make_photos(work / "photos", args.verify)
            return bench_verify(work, args.verify, args.repeat)
    counts = [int(x) for x in args.photos.split(",")]
    with tempfile.TemporaryDirectory(prefix="ek-bench-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        t0 = time.perf_counter()
        photos = make_photos(work / "photos", max(counts))
        sizes = [p.stat().st_size for p in photos]
        print(f"generated {len(photos)} photos 4000x3000, {min(sizes)/1e6:.1f}–"
              f"{max(sizes)/1e6:.1f} MB each, in {time.perf_counter() - t0:.0f} s; "
              f"cpus={os.cpu_count()}")
        for n in counts if not args.skip_douyin else []:
            floor = floor_seconds(photos[:n])
            r = run_child(work, "douyin", n)
            print(f"douyin  {n:4d} photos: {r['seconds']:6.2f} s  floor {floor:6.2f} s  "
                  f"ratio {r['seconds'] / floor:4.2f}  peak RSS {r['rss_mb']:5.0f} MB  "
                  f"{r['pages']} pages {r['mb']:.1f} MB")
            (work / f"out-douyin-{n}.pdf").unlink(missing_ok=True)
        for n in counts if not args.skip_archive else []:
            # Side by side, alternating, best of N each: img2pdf of the same JPEGs and the
            # archive export of the case, both in fresh processes after the same settle().
            refs, runs, floors = [], [], []
            for _ in range(max(1, args.repeat)):
                refs.append(run_child(work, "img2pdf", n))
                runs.append(run_child(work, "archive", n))
                floors.append(copy_floor_seconds(photos[:n], work / "copy-floor.bin"))
                (work / f"out-archive-{n}.pdf").unlink(missing_ok=True)
            ref = min(x["seconds"] for x in refs)
            best = min(runs, key=lambda x: x["seconds"])
            rss = max(x["rss_mb"] for x in runs)
            print(f"archive {n:4d} photos: {best['seconds']:6.2f} s  img2pdf {ref:6.2f} s  "
                  f"ratio {best['seconds'] / ref:4.2f}  copy floor {min(floors):5.2f} s  "
                  f"peak RSS {rss:5.0f} MB  {best['pages']} pages {best['mb']:.0f} MB "
                  f"(img2pdf {refs[0]['mb']:.0f} MB; originals {best['originals_mb']:.0f} MB, "
                  f"size ratio {best['mb'] / best['originals_mb']:.3f})  all: "
                  + " ".join(f"{x['seconds']:.2f}" for x in runs) + " / "
                  + " ".join(f"{x['seconds']:.2f}" for x in refs))


if __name__ == "__main__":
    main()
