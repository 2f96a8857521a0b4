"""Very large images drawn at the size the page needs, without decoding them whole.

A 546 KB PNG can declare 144 megapixels: decoded whole it takes gigabytes. A PNG is a zlib
stream of filtered rows, so it can be read a strip at a time: each strip (with the row
above it, unfiltered, as a first row that needs no filter) is handed to Pillow as a small
PNG of its own, decoded, shrunk and pasted into the reduced picture. Memory is a few strips
whatever the image size. JPEGs need none of this (``Image.draft`` decodes them reduced).
"""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

from PIL import Image

# Raw bytes per strip. Each strip is held a few times over while decoded (inflated, framed
# as a small PNG, decoded, cropped, converted): 8 MB strips took ~78 MB a worker for a
# 144 MP PNG, two workers at once most of the malformed case's peak (issue 15); 2 MB strips
# take ~25 MB, and are no slower (3.2 s CPU against 5.6 s for that PNG).
STRIP_BYTES = 2 << 20
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_MODE = {0: "L", 2: "RGB", 3: "P", 4: "LA", 6: "RGBA"}


class Unsupported(Exception):
    """Not a PNG this reader handles (interlaced, or not 8 bits per sample)."""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _chunks(f):
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        raise Unsupported("not a PNG")
    while True:
        head = f.read(8)
        if len(head) < 8:
            return
        n, kind = struct.unpack(">I4s", head)
        yield kind, n
        f.seek(4, 1)  # CRC


def png_size(path: Path) -> tuple[int, int] | None:
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def reduced_png(path: Path, box: tuple[int, int]) -> Image.Image:
    """The PNG at ``path`` shrunk to fit ``box`` (RGB, on white), decoded strip by strip."""
    with open(path, "rb") as f:
        ihdr = palette = trns = None
        idat: list[tuple[int, int]] = []  # (offset, length) of each IDAT chunk
        for kind, n in _chunks(f):
            pos = f.tell()
            if kind == b"IHDR":
                ihdr = f.read(n)
            elif kind == b"PLTE":
                palette = f.read(n)
            elif kind == b"tRNS":
                trns = f.read(n)
            elif kind == b"IDAT":
                idat.append((pos, n))
            elif kind == b"IEND":
                break
            f.seek(pos + n)
        if ihdr is None or not idat:
            raise Unsupported("no image data")
        w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
        if depth != 8 or interlace or ctype not in _CHANNELS:
            raise Unsupported("interlaced or not 8-bit")
        row = w * _CHANNELS[ctype]
        k = min(box[0] / w, box[1] / h, 1.0)
        tw, th = max(1, round(w * k)), max(1, round(h * k))
        out = Image.new("RGB", (tw, th), "white")
        rows_per_strip = max(1, STRIP_BYTES // (row + 1))
        extra = (_chunk(b"PLTE", palette) if palette else b"") + \
            (_chunk(b"tRNS", trns) if trns else b"")
        inflate = zlib.decompressobj()
        pending = bytearray()
        chunks = iter(idat)
        prev: bytes | None = None
        y = 0
        while y < h:
            n_rows = min(rows_per_strip, h - y)
            need = n_rows * (row + 1)
            while len(pending) < need:
                if inflate.unconsumed_tail:
                    pending += inflate.decompress(inflate.unconsumed_tail, need - len(pending))
                    continue
                nxt = next(chunks, None)
                if nxt is None:
                    raise Unsupported("image data ends early")
                f.seek(nxt[0])
                pending += inflate.decompress(f.read(nxt[1]), need - len(pending))
            data, pending = bytes(pending[:need]), pending[need:]
            lead = b"\x00" + prev if prev is not None else b""
            strip_h = n_rows + (1 if prev is not None else 0)
            mini = (b"\x89PNG\r\n\x1a\n"
                    + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, strip_h, 8, ctype, 0, 0, 0))
                    + extra + _chunk(b"IDAT", zlib.compress(lead + data, 1)) + _chunk(b"IEND", b""))
            with Image.open(BytesIO(mini)) as opened:
                opened.load()
                strip: Image.Image = opened
                if prev is not None:
                    strip = opened.crop((0, 1, w, strip_h))
                prev = strip.crop((0, n_rows - 1, w, n_rows)).tobytes()
                y0, y1 = round(y * th / h), round((y + n_rows) * th / h)
                if y1 > y0:
                    alpha = strip.mode in ("RGBA", "LA") or trns is not None
                    small = strip.convert("RGBA" if alpha else "RGB").resize(
                        (tw, y1 - y0), Image.Resampling.BOX)
                    if alpha:
                        out.paste(small.convert("RGB"), (0, y0), small.getchannel("A"))
                    else:
                        out.paste(small, (0, y0))
            y += n_rows
        return out


def reduced_vips(path: Path, box: tuple[int, int]) -> Image.Image:
    """Any image libvips reads (TIFF, WebP…) shrunk to fit ``box``, never decoded whole:
    libvips reads a striped or tiled TIFF a region at a time and has libwebp decode at a
    reduced scale ("shrink-on-load"); EXIF orientation is applied. Pillow can do neither
    (it decodes a TIFF or WebP whole: 3–4 bytes a pixel)."""
    try:
        import pyvips
    except (ImportError, OSError) as e:  # not installed, or libvips not loadable here
        raise Unsupported(f"libvips unavailable: {e}") from None
    pyvips.cache_set_max(0)  # nothing kept between exhibits
    try:
        im = pyvips.Image.thumbnail(str(path), max(1, box[0]), height=max(1, box[1]), size="down")
        if im.hasalpha():
            im = im.flatten(background=[255] * (im.bands - 1))
        if im.interpretation not in ("b-w", "srgb") or im.bands not in (1, 3):
            im = im.colourspace("srgb")  # CMYK, 16-bit, LAB… as 8-bit sRGB
        if im.format != "uchar":
            im = im.cast("uchar")
        mode = {1: "L", 3: "RGB"}.get(im.bands)
        if mode is None:
            raise Unsupported(f"{im.bands} bands")
        return Image.frombytes(mode, (im.width, im.height), im.write_to_memory())
    except pyvips.Error as e:
        raise Unsupported(str(e).strip().splitlines()[0] if str(e).strip() else "libvips") from None
