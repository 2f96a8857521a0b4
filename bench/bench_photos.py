"""Benchmark: facts of 200 12 MP photos (target: < 2 s).

    python bench/bench_photos.py [--count 200] [--workers N]

Generates a few distinct photo-like 4032×3024 JPEGs (texture, text, sensor
noise, EXIF) in a temp folder, copies them to ``count`` files, then times
``photo_facts`` over all of them. Files are read from the OS cache (the
first pass warms it), as after a user has just copied them from a phone.
Runs once with one thread (``photo_facts`` in a loop) and once with
``photo_facts_many`` on ``--workers`` threads (default: CPU count).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from evidencekit.ingest import photo_facts, photo_facts_many  # noqa: E402

W, H = 4032, 3024


def make_photo(path: Path, seed: int) -> None:
    small = Image.effect_noise((W // 8, H // 8), 40 + seed).convert("RGB")
    im = small.resize((W, H), Image.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    d = ImageDraw.Draw(im)
    for i in range(40):
        x = (i * 97 + seed * 31) % W
        d.rectangle([x, (i * 53) % H, x + 400, (i * 53) % H + 250], outline=(20, 20, 20), width=6)
        d.text((x + 20, (i * 53) % H + 20), f"SF12345678{i:04d}", fill=(0, 0, 0))
    noise = Image.effect_noise((W, H), 8).convert("RGB")
    im = Image.blend(im, noise, 0.06)
    exif = Image.Exif()
    exif[271], exif[272], exif[274] = "Xiaomi", "Xiaomi 14", 6 if seed % 2 else 1
    sub = exif.get_ifd(0x8769)
    sub[36867], sub[36881] = f"2024:09:14 16:2{seed}:05", "+08:00"
    im.save(path, quality=88, exif=exif.tobytes())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--distinct", type=int, default=4)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for i in range(args.distinct):
            p = folder / f"src_{i}.jpg"
            make_photo(p, i)
            sources.append(p)
        paths = []
        for i in range(args.count):
            p = folder / f"IMG_{i:04d}.jpg"
            shutil.copyfile(sources[i % len(sources)], p)
            paths.append(p)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        for p in paths:  # warm the OS cache
            p.read_bytes()
        print(f"{len(paths)} photos of {W}x{H} ({size / 1e6:.1f} MB each)")
        t0 = time.perf_counter()
        facts = [photo_facts(p) for p in paths]
        elapsed = time.perf_counter() - t0
        print(f"photo_facts, 1 thread: {elapsed:.2f} s ({elapsed / len(paths) * 1000:.1f} ms/photo)")
        t0 = time.perf_counter()
        many = photo_facts_many(paths, args.workers)
        elapsed = time.perf_counter() - t0
        assert many == facts
        print(f"photo_facts_many, {args.workers} threads: {elapsed:.2f} s "
              f"({elapsed / len(paths) * 1000:.1f} ms/photo)")
        f = facts[1]
        print(f"sample facts: {f['width']}x{f['height']} orientation {f['orientation']} "
              f"captured {f['captured_at']} sharpness {f['sharpness']}")


if __name__ == "__main__":
    main()
