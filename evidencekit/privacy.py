"""Removing GPS from photos. (Masking buyer data in text is :mod:`evidencekit.masking`.)"""

from __future__ import annotations

import io

from PIL import Image


def strip_gps(img: Image.Image | bytes) -> Image.Image | bytes:
    """Remove the GPS data from a photo's EXIF (and drop XMP, which may repeat it).

    Given a PIL image, returns a copy whose ``getexif()`` and ``info["exif"]`` carry
    no GPS; save it with ``exif=result.getexif()``. Given JPEG bytes, returns JPEG
    bytes with only the EXIF segment rewritten (pixels are not re-encoded); other
    image bytes are re-encoded in their format.
    """
    if isinstance(img, (bytes, bytearray)):
        return _strip_gps_bytes(bytes(img))
    exif = Image.Exif()
    original = img.getexif()
    if len(original):
        exif.load(original.tobytes())  # a copy: the caller's image keeps its EXIF
    exif.pop(0x8825, None)
    out = img.copy()
    out.info = {k: v for k, v in img.info.items() if k not in ("xmp", "XML:com.adobe.xmp")}
    if len(exif):
        out.info["exif"] = exif.tobytes()
    out._exif = None  # make getexif() re-read the cleaned info["exif"]
    return out


def _strip_gps_bytes(data: bytes) -> bytes:
    im = Image.open(io.BytesIO(data))
    if im.format != "JPEG":
        clean = strip_gps(im)
        assert isinstance(clean, Image.Image)  # an image in, an image out
        buf = io.BytesIO()
        clean.save(buf, im.format, exif=clean.getexif())
        return buf.getvalue()
    exif = im.getexif()
    if 0x8825 not in exif and not any(m[0] == 0xE1 and b"xmp" in m[1][:40].lower()
                                      for m in getattr(im, "applist", [])):
        return data
    exif.pop(0x8825, None)
    new_exif = b"Exif\x00\x00" + exif.tobytes() if len(exif) else b""
    return _replace_app1(data, new_exif)


def _replace_app1(data: bytes, new_exif: bytes) -> bytes:
    """Rewrite a JPEG's APP1 segments: EXIF replaced, XMP dropped, the rest kept as is."""
    out = bytearray(data[:2])  # SOI
    pos = 2
    wrote = False
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xDA, 0xD9):  # start of scan / end: copy the rest unchanged
            break
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        seg = data[pos:pos + 2 + length]
        if marker == 0xE1 and seg[4:10] == b"Exif\x00\x00":
            if new_exif and not wrote:
                out += b"\xff\xe1" + (len(new_exif) + 2).to_bytes(2, "big") + new_exif
                wrote = True
        elif marker == 0xE1 and b"http://ns.adobe.com/xap" in seg[4:40]:
            pass  # XMP may repeat the GPS position
        else:
            out += seg
        pos += 2 + length
    out += data[pos:]
    return bytes(out)
