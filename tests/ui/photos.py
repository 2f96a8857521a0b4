"""Generated photos for responsiveness tests (distinct content, so distinct SHA-256)."""

from __future__ import annotations

from pathlib import Path


def make_photos(folder: Path, count: int, size=(1600, 1200)) -> list[Path]:
    from PIL import Image, ImageDraw
    folder.mkdir(parents=True, exist_ok=True)
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    paths = []
    for i in range(count):
        im = base.copy()
        d = ImageDraw.Draw(im)
        d.rectangle((40 + i % 50 * 10, 40, 400 + i % 50 * 10, 300), fill=(200, 30 + i % 200, 60))
        d.text((60, 60), f"photo {i:04d}", fill=(255, 255, 255))
        p = folder / f"IMG_{i:04d}.jpg"
        im.save(p, "JPEG", quality=85)
        paths.append(p)
    return paths
