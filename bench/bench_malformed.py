"""Hundreds of malformed PDFs and images in one case: attach the folder, export the case,
and report how many were refused, how many became placeholders, and each process's peak
RSS (its ``VmHWM``). Issue 15: the export must complete, with placeholders, under 400 MB.

    .venv/bin/python bench/bench_malformed.py --pdfs 300 --images 300 --big-png 4 --keep /tmp/ekmal

The corpus is made here from the test samples (tests/data) and tests/data/hostile.py:
truncated and byte-flipped PDFs and images, PDFs with a null /MediaBox, PDFs whose resources
reach scripts and embedded files, 144-megapixel PNGs, PNG headers claiming 40000×40000.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"

from tests.data import hostile  # noqa: E402

# Runs one CLI command in a fresh process and prints its own peak RSS afterwards.
RUNNER = """
import sys, re
from evidencekit.cli import main
code = main(sys.argv[1:])
hwm = re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)
print(f"@@VMHWM {hwm}", file=sys.stderr)
sys.exit(code)
"""


def _null_box(data: bytes) -> bytes:
    """Replace each /MediaBox array by ``null`` padded to the same length (offsets hold)."""
    out, i = bytearray(data), 0
    while (i := data.find(b"/MediaBox", i)) >= 0:
        start = data.find(b"[", i)
        end = data.find(b"]", start)
        if start < 0 or end < 0 or start - i > 12:
            break
        out[start:end + 1] = b"null".ljust(end + 1 - start)
        i = end
    return bytes(out)


def _photo(rng: random.Random, fmt: str) -> bytes:
    """A small distinct picture (noise under a few bands), as JPEG or PNG bytes."""
    import io

    from PIL import Image, ImageDraw
    im = Image.effect_noise((640, 480), rng.randint(20, 80)).convert("RGB")
    d = ImageDraw.Draw(im)
    for _ in range(4):
        y = rng.randint(0, 460)
        d.rectangle((0, y, 640, y + 12), fill=(rng.randrange(256), 90, 160))
    buf = io.BytesIO()
    im.save(buf, fmt, quality=85) if fmt == "JPEG" else im.save(buf, fmt)
    return buf.getvalue()


def make_corpus(root: Path, pdfs: int, images: int, big_png: int, seed: int = 15) -> dict:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    report = (DATA / "inspection_report.pdf").read_bytes()
    cert = (DATA / "batch_certificate.pdf").read_bytes()
    counts: dict[str, int] = {}

    def put(kind: str, name: str, data: bytes) -> None:
        (root / name).write_bytes(data)
        counts[kind] = counts.get(kind, 0) + 1

    hostile.active_content_pdf(root / "active_0.pdf")
    hostile.null_mediabox_pdf(root / "nullbox_min_0.pdf")
    for i in range(pdfs):
        base = (report if i % 2 else cert) + b"\n%% corpus file %d\n" % i  # distinct bytes
        kind = i % 6
        if kind == 0:
            put("pdf_null_box", f"pdf_{i:04d}_nullbox.pdf", _null_box(base))
        elif kind == 1:
            cut = rng.randint(len(base) // 3, len(base) - 1)
            put("pdf_truncated", f"pdf_{i:04d}_cut.pdf", base[:cut])
        elif kind == 2:
            b = bytearray(base)
            for _ in range(rng.randint(1, 40)):
                b[rng.randrange(200, len(b))] = rng.randrange(256)
            put("pdf_flipped", f"pdf_{i:04d}_flip.pdf", bytes(b))
        elif kind == 3:
            b = base.replace(b"startxref", b"startxref\n0\n%%", 1)
            put("pdf_bad_xref", f"pdf_{i:04d}_xref.pdf", b)
        elif kind == 4:
            put("pdf_active", f"pdf_{i:04d}_active.pdf",
                hostile.active_content_pdf(root / "tmp.pdf").read_bytes() + b"%% %d\n" % i)
        else:
            put("pdf_ok", f"pdf_{i:04d}_ok.pdf", base)
    (root / "tmp.pdf").unlink(missing_ok=True)
    for i in range(images):
        kind = i % 5
        src, ext = (_photo(rng, "JPEG"), "jpg") if i % 2 else (_photo(rng, "PNG"), "png")
        if kind == 0:
            put("img_truncated", f"img_{i:04d}_cut.{ext}", src[:rng.randint(len(src) // 4,
                                                                            len(src) - 10)])
        elif kind == 1:
            b = bytearray(src)
            for _ in range(rng.randint(5, 200)):
                b[rng.randrange(100, len(b))] = rng.randrange(256)
            put("img_flipped", f"img_{i:04d}_flip.{ext}", bytes(b))
        elif kind == 2:
            put("img_trailing", f"img_{i:04d}_tail.jpg", _photo(rng, "JPEG") + bytes(
                rng.randrange(256) for _ in range(4096)))
        elif kind == 3:
            put("img_bomb_header", f"img_{i:04d}_bomb.png", (DATA / "bomb.png").read_bytes()
                + b"%d" % i)
        else:
            put("img_ok", f"img_{i:04d}_ok.{ext}", src)
    for i in range(big_png):
        hostile.big_png(root / f"big_{i}.png", 12000, 12000 - i)  # distinct bytes each
        counts["img_144mp_png"] = counts.get("img_144mp_png", 0) + 1
    return counts


def run_cli(lib: Path, *args: str) -> tuple[int, str, str, int, float]:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", RUNNER, "--library", str(lib), "--lang", "en",
                        *args], cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    hwm = 0
    for line in r.stderr.splitlines():
        if line.startswith("@@VMHWM"):
            hwm = int(line.split()[1])
    return r.returncode, r.stdout, r.stderr, hwm, elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdfs", type=int, default=300)
    ap.add_argument("--images", type=int, default=300)
    ap.add_argument("--big-png", type=int, default=4)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--reuse", action="store_true", help="keep the corpus already in --keep")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="ekmal-"))
    shutil.rmtree(work / "lib", ignore_errors=True)
    t = time.perf_counter()
    if args.reuse and (work / "corpus").is_dir():
        print(f"corpus: {len(list((work / 'corpus').iterdir()))} files (reused)")
    else:
        counts = make_corpus(work / "corpus", args.pdfs, args.images, args.big_png)
        print(f"corpus: {sum(counts.values()) + 2} files in {time.perf_counter() - t:.0f} s: "
              f"{counts}")
    lib = work / "lib"
    run_cli(lib, "init")
    run_cli(lib, "case", "new", "--type", "quality_issue", "--order", "15")
    code, out, err, hwm, secs = run_cli(lib, "attach", "1", str(work / "corpus"), "--json")
    attached = len(json.loads(out)) if out.strip() else 0
    refused = sum(1 for line in err.splitlines() if line.startswith("evidencekit: "))
    tracebacks = err.count("Traceback")
    print(f"attach: exit {code}, {attached} attached, {refused} refused, {tracebacks} tracebacks, "
          f"{secs:.0f} s, peak RSS {hwm / 1024:.0f} MB")
    out_pdf = work / "bundle.pdf"
    code, out, err, hwm, secs = run_cli(lib, "export", "1", "-o", str(out_pdf), "--json", "--allow-incomplete",
                                        "--now", "2026-11-29T12:00+08:00")
    if code != 0:
        print(f"export FAILED: exit {code}\n{err[-3000:]}")
        return
    rep = json.loads(out)
    print(f"export: exit {code}, {rep['pages'][0]} pages, {rep['sizes'][0] / 1e6:.1f} MB, "
          f"{len(rep['placeholders'])} placeholders, {len(rep['warnings'])} warnings, "
          f"{err.count('Traceback')} tracebacks, {secs:.0f} s, peak RSS {hwm / 1024:.0f} MB")
    code, out, err, hwm, secs = run_cli(lib, "verify", str(out_pdf), "--json")
    print(f"verify: exit {code} (1 = the originals are not beside it, expected)")


if __name__ == "__main__":
    main()
