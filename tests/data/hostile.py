"""Hostile and malformed inputs, made on demand (issue 15): the big ones are streamed or
sparse so nothing large is stored in the repository. Used by the tests and by
``bench/make_malformed_corpus.py``. Each function writes ``path`` and returns it."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path


def zip_bomb_xlsx(path: Path, inflated_mb: int = 200) -> Path:
    """An .xlsx whose one sheet inflates to ``inflated_mb`` MB of repeated cells (ratio ~1000:1
    for zeros; here one repeated row, honest sizes in the central directory)."""
    row = b'<row><c t="inlineStr"><is><t>2024-09-17 11:45:01 buyer: x</t></is></c></row>' * 64
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/content-types"/>')
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            for _ in range(inflated_mb * 1024 * 1024 // len(row)):
                f.write(row)
            f.write(b"</sheetData></worksheet>")
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def big_png(path: Path, width: int = 12000, height: int = 12000, color_type: int = 2) -> Path:
    """A PNG of ``width``×``height`` pixels (144 MP by default) that is a few hundred KB on
    disk: a gradient stripe on white, rows streamed through zlib, never held whole."""
    channels = {0: 1, 2: 3, 3: 1, 6: 4}[color_type]
    comp = zlib.compressobj(9)
    idat = bytearray()
    plain = b"\x00" + b"\xff" * (width * channels)
    for y in range(height):
        if y % 1000 < 40:  # a dark band every 1000 rows, so a picture is there to see
            line = b"\x00" + bytes((x * 255 // width) for x in range(width) for _ in range(channels)) \
                if y % 1000 == 0 else line
        else:
            line = plain
        idat += comp.compress(line)
    idat += comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    extra = _chunk(b"PLTE", bytes(range(256)) * 3) if color_type == 3 else b""
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + extra + _chunk(b"IDAT", bytes(idat))
                + _chunk(b"IEND", b""))
    return path


def big_vips_image(path: Path, width: int = 8200, height: int = 5200) -> Path:
    """A TIFF (LZW, in strips) or WebP (by the suffix) of ``width``×``height`` pixels (42.6 MP
    by default, over the 40 MP whole-decode bound) with bands of colour, a few hundred KB on
    disk, written by libvips a region at a time (never held whole)."""
    import pyvips
    x = pyvips.Image.xyz(width, height)
    r = (x[0] * 255 / width).cast("uchar")
    g = ((x[1] // 400) % 2 * 200).cast("uchar")
    im = r.bandjoin([g, (r * 0 + 90).cast("uchar")]).copy(interpretation="srgb")
    if path.suffix.lower() in (".tif", ".tiff"):
        im.tiffsave(str(path), compression="lzw", predictor="horizontal", strip=True)
    else:
        im.webpsave(str(path), Q=40, effort=0)
    return path


def zero_file(path: Path, size: int = 2 * 1024 ** 3) -> Path:
    """A sparse file of ``size`` zero bytes (takes no disk space)."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def null_mediabox_pdf(path: Path) -> Path:
    """One page whose /MediaBox is null (pypdf: 'Expected an array of four values')."""
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox null /Contents 4 0 R >>",
        _stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"),
    ]))
    return path


def inflating_pdf(path: Path, inflated_mb: int = 200) -> Path:
    """One page whose content stream inflates to ``inflated_mb`` MB (over pypdf's 75 MB limit):
    zeros, compressed in a stream so the file stays small."""
    comp = zlib.compressobj(9)
    block = b" " * (1 << 20)
    data = b"".join(comp.compress(block) for _ in range(inflated_mb)) + comp.flush()
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]))
    return path


def active_content_pdf(path: Path) -> Path:
    """A visible page whose resources reach a JavaScript action, a Launch action and an
    embedded file (through a font's and an XObject's extra keys), plus document-level
    /OpenAction and /Names /EmbeddedFiles — what scanners flag in a merged bundle."""
    payload = _stream(b"MZ-not-really-an-exe", b" /Type /EmbeddedFile")
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 8 0 R /Names << /EmbeddedFiles"
        b" << /Names [(payload.exe) 9 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>"
        b" /AA << /O 8 0 R >> >>",
        _stream(b"BT /F1 24 Tf 72 720 Td (Inspection report) Tj ET q 100 0 0 100 72 500 cm /X1 Do Q"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /A 8 0 R /Launch 7 0 R >>",
        _stream(b"0 0 1 rg 0 0 1 1 re f", b" /Type /XObject /Subtype /Form /BBox [0 0 1 1]"
                b" /Resources << >> /EKExtra << /S /JavaScript /JS (app.alert(1)) >>"
                b" /EF << /F 10 0 R >>"),
        b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>",
        b"<< /S /JavaScript /JS (app.alert('hi')) >>",
        b"<< /Type /Filespec /F (payload.exe) /EF << /F 10 0 R >> >>",
        payload,
    ]))
    return path


def dangling_ref_pdf(path: Path) -> Path:
    """A visible page whose resources name a font object the file does not hold (``9 0 R``:
    no such object; readers treat it as null)."""
    path.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 9 0 R >> >> >>",
        _stream(b"BT /F1 24 Tf 72 720 Td (Dangling reference) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]))
    return path


def gps_trailing_jpeg(path: Path, source: Path) -> Path:
    """``source`` (a JPEG with a GPS IFD) with 4 KB of foreign bytes after its end marker."""
    path.write_bytes(source.read_bytes() + b"TRAILING-SECRET" + bytes(range(256)) * 16)
    return path
