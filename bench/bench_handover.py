"""Pack and unpack one case with many photos (issue 11): wall time and peak memory.

    .venv/bin/python bench/bench_handover.py --photos 200 --keep /tmp/ekhandover

Makes a library with one case of N generated JPEGs (2400×1800 with noise, about 1.5 MB each,
so their bytes do not compress), a chat and a submitted sealed bundle; then runs, each in a
fresh process, `case pack`, `case unpack` into a new library, `backup` twice. Peak RSS is the
child's VmHWM.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = ("import sys, runpy; from evidencekit.cli.main import main; rc = main(sys.argv[1:]); "
         "hwm = [s for s in open('/proc/self/status') if s.startswith('VmHWM')][0].split()[1]; "
         "print('VMHWM', hwm, file=sys.stderr); sys.exit(rc)")


def make_photos(folder: Path, count: int) -> list[Path]:
    from PIL import Image, ImageDraw
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        p = folder / f"IMG_{i:04d}.jpg"
        if not p.exists():
            im = Image.effect_noise((2400, 1800), 40 + i % 20).convert("RGB")
            ImageDraw.Draw(im).text((60, 60), f"photo {i:04d}", fill=(255, 255, 255))
            im.save(p, "JPEG", quality=88)
        out.append(p)
    return out


def run(lib: Path, *args) -> tuple[float, int, str]:
    os.sync()
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", CHILD, "--library", str(lib), "--lang", "en",
                        *map(str, args)], cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {args}\n{r.stderr}")
    hwm = int(next(line.split()[1] for line in r.stderr.splitlines()
                   if line.startswith("VMHWM")))
    return wall, hwm // 1024, r.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--keep", type=Path, default=Path("/tmp/ekhandover"))
    a = ap.parse_args()
    sys.path.insert(0, str(REPO))
    from evidencekit.store import Library
    from evidencekit.submission import submit
    root = a.keep
    photos = make_photos(root / "photos", a.photos)
    src = root / f"lib-{a.photos}"
    if not src.exists():
        lib = Library.open(src)
        case = lib.create_case(platform="douyin", dispute_type="refund_dispute", order_no="B1")
        chat = root / "chat.txt"
        chat.write_text("2024-09-17 11:45:01 顾客: 收到的杯子碎了\n"
                        "2024-09-17 11:46:10 客服: 您好，请拍照\n", encoding="utf-8")
        lib.attach(case.id, chat, kind="chat_log")
        lib.attach(case.id, photos[0], kind="after_sale_voucher")
        for p in photos[1:]:
            lib.attach(case.id, p, kind="photo")
        lib.close()
        bundle = root / "bundle.pdf"
        run(src, "export", case.id, "-o", bundle, "--force")
        with Library.open(src) as lib:
            submit(lib, case.id, [bundle])
    evcase = root / "case.evcase"
    evcase.unlink(missing_ok=True)
    wall, mb, _ = run(src, "case", "pack", "1", "-o", evcase)
    size = evcase.stat().st_size / 1024 ** 2
    print(f"pack    {a.photos} photos: {wall:.2f} s, peak RSS {mb} MB, file {size:,.0f} MB")
    dst = root / "other"
    shutil.rmtree(dst, ignore_errors=True)
    wall, mb, out = run(dst, "case", "unpack", evcase, "--json")
    print(f"unpack  {a.photos} photos: {wall:.2f} s, peak RSS {mb} MB "
          f"({json.loads(out)['blobs_added']} blobs written)")
    bk = root / "backup"
    shutil.rmtree(bk, ignore_errors=True)
    for n in (1, 2):
        wall, mb, out = run(src, "backup", "-o", bk, "--json")
        r = json.loads(out)
        print(f"backup #{n}: {wall:.2f} s, peak RSS {mb} MB, copied {r['blobs_copied']} "
              f"of {r['blobs_total']} ({r['bytes_copied'] / 1024 ** 2:,.0f} MB)")


if __name__ == "__main__":
    main()
