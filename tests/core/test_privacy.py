"""Removing GPS from photos (masking text: test_masking.py)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from evidencekit.privacy import strip_gps

DATA = Path(__file__).resolve().parents[1] / "data"


def test_strip_gps_from_image_keeps_other_exif():
    im = Image.open(DATA / "photo_gps.jpg")
    assert im.getexif().get_ifd(0x8825)
    clean = strip_gps(im)
    exif = clean.getexif()
    assert 0x8825 not in exif and exif[272] == "Xiaomi 14"
    buf = io.BytesIO()
    clean.save(buf, "JPEG", exif=exif)
    again = Image.open(io.BytesIO(buf.getvalue())).getexif()
    assert 0x8825 not in again and not again.get_ifd(0x8825)
    assert again.get_ifd(0x8769)[36867] == "2024:09:14 16:22:00"
    assert im.getexif().get_ifd(0x8825)  # the original is untouched


def test_strip_gps_from_jpeg_bytes_does_not_reencode():
    data = (DATA / "photo_gps.jpg").read_bytes()
    out = strip_gps(data)
    im = Image.open(io.BytesIO(out))
    assert not im.getexif().get_ifd(0x8825)
    assert im.getexif().get_ifd(0x8769)[36867] == "2024:09:14 16:22:00"
    # Same compressed image data after the header segments.
    assert out[out.index(b"\xff\xda"):] == data[data.index(b"\xff\xda"):]
    plain = (DATA / "photo_exif.jpg").read_bytes()
    assert strip_gps(plain) == plain  # nothing to remove


def test_strip_gps_png_bytes():
    im = Image.open(DATA / "photo_gps.jpg")
    buf = io.BytesIO()
    im.save(buf, "PNG", exif=im.getexif())
    out = strip_gps(buf.getvalue())
    assert not Image.open(io.BytesIO(out)).getexif().get_ifd(0x8825)
