"""Big streams written straight from the originals, never held in memory.

The ``archive`` profile shows each photo's own JPEG bytes (DCTDecode, no
re-encode) and attaches every original file. Those bytes are most of the
output, so they bypass both reportlab and pypdf's in-memory objects: the page
draws a small placeholder image XObject, and the finisher swaps in a
:class:`FileStream` that copies byte ranges of the original while the file is
written. A PDF stream cannot be both an image and an embedded file, so an
archived photo is stored twice; this keeps that cost to plain copying.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

from ..errors import ExportError

CHUNK = 1 << 20


def jpeg_spans(path: Path) -> tuple[tuple[int, int], ...] | None:
    """Byte ranges of a JPEG without its APP1 (EXIF/XMP, where GPS lives) and APP13
    segments; ``None`` when the file is not a JPEG we can walk. Reads the header only."""
    with open(path, "rb") as f:
        head = f.read(1 << 16)
        size = f.seek(0, 2)
        if head[:2] != b"\xff\xd8":
            return None
        spans: list[tuple[int, int]] = [(0, 2)]
        i = 2
        while True:
            if i + 4 > len(head):  # a header longer than we read: fetch more
                f.seek(i)
                seg = f.read(4)
            else:
                seg = head[i:i + 4]
            if len(seg) < 4 or seg[0] != 0xFF:
                return None
            marker = seg[1]
            if marker == 0xDA:  # start of scan: the rest is image data
                spans.append((i, size - i))
                break
            seg_len = int.from_bytes(seg[2:4], "big")
            if seg_len < 2:
                return None
            if marker not in (0xE1, 0xED):
                spans.append((i, 2 + seg_len))
            i += 2 + seg_len
            if i >= size:
                return None
    merged: list[tuple[int, int]] = []
    for off, n in spans:  # adjacent kept segments become one read
        if merged and merged[-1][0] + merged[-1][1] == off:
            merged[-1] = (merged[-1][0], merged[-1][1] + n)
        else:
            merged.append((off, n))
    return tuple(merged)


class FileStream(StreamObject):
    """A stream whose data are byte ranges of a file, copied when the PDF is written.

    ``expect_sha256`` (whole-file copies only) makes the write fail rather than
    embed an original that no longer matches the manifest.
    """

    def __init__(self, path: Path, spans: Iterable[tuple[int, int]], entries: dict[str, Any],
                 expect_sha256: str = ""):
        super().__init__()
        self.path = Path(path)
        self.spans = tuple(spans)
        self.expect_sha256 = expect_sha256
        for k, v in entries.items():
            self[NameObject(k)] = v

    @property
    def length(self) -> int:
        return sum(n for _, n in self.spans)

    def write_to_stream(self, stream: Any, encryption_key: Any = None) -> None:
        self[NameObject("/Length")] = NumberObject(self.length)
        DictionaryObject.write_to_stream(self, stream)
        del self[NameObject("/Length")]
        stream.write(b"\nstream\n")
        h = hashlib.sha256() if self.expect_sha256 else None
        try:
            with open(self.path, "rb") as f:
                for off, n in self.spans:
                    f.seek(off)
                    while n > 0:
                        chunk = f.read(min(CHUNK, n))
                        if not chunk:
                            raise OSError(f"{self.path.name} is shorter than expected")
                        stream.write(chunk)
                        if h is not None:
                            h.update(chunk)
                        n -= len(chunk)
        except OSError as e:
            raise ExportError(f"无法读取原件：{self.path.name}（{e}）",
                              f"Cannot read original: {self.path.name} ({e})",
                              hint_zh="请用 evidencekit fsck 检查案件库。",
                              hint_en="Check the library with evidencekit fsck.") from e
        if h is not None and h.hexdigest() != self.expect_sha256:
            raise ExportError(f"原件与入库时的哈希不一致：{self.path.name}",
                              f"An original no longer matches its recorded hash: {self.path.name}",
                              hint_zh="案件库中的文件已被改动，请用 evidencekit fsck 检查。",
                              hint_en="A file in the library was altered; run evidencekit fsck.",
                              code="blob_altered")
        stream.write(b"\nendstream")


def image_stream(path: Path, spans: tuple[tuple[int, int], ...], width: int, height: int,
                 components: int) -> FileStream:
    space = {1: "/DeviceGray", 3: "/DeviceRGB"}[components]
    return FileStream(path, spans, {
        "/Type": NameObject("/XObject"), "/Subtype": NameObject("/Image"),
        "/Width": NumberObject(width), "/Height": NumberObject(height),
        "/BitsPerComponent": NumberObject(8), "/ColorSpace": NameObject(space),
        "/Filter": NameObject("/DCTDecode")})


def swap_placeholders(writer: PdfWriter, streams: dict[str, FileStream]) -> int:
    """Point every page's XObject named in ``streams`` at the file-backed stream."""
    swapped = set()
    for page in writer.pages:
        res = page.get("/Resources")
        xobj = res.get_object().get("/XObject") if res is not None else None
        if xobj is None:
            continue
        xobj = xobj.get_object()
        for name in list(xobj):
            if name in streams and name not in swapped:
                ref = xobj.raw_get(name)
                writer._objects[ref.idnum - 1] = streams[name]
                swapped.add(name)
    return len(swapped)


def attach_file(writer: PdfWriter, name: str, path: Path, sha256: str) -> None:
    """An attachment whose bytes are copied from ``path`` as the PDF is written."""
    size = Path(path).stat().st_size
    spec = writer.add_attachment(name, b"").pdf_object
    ref = spec["/EF"].raw_get("/F")
    writer._objects[ref.idnum - 1] = FileStream(path, [(0, size)], {
        "/Type": NameObject("/EmbeddedFile"),
        "/Params": DictionaryObject({NameObject("/Size"): NumberObject(size)})},
        expect_sha256=sha256)


class HashingFile:
    """A write-only file that hashes what goes through it (pypdf needs write and tell)."""

    def __init__(self, f: BinaryIO):
        self.f = f
        self.h = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.h.update(data)
        return self.f.write(data)

    def tell(self) -> int:
        return self.f.tell()

    def flush(self) -> None:
        self.f.flush()

    def hexdigest(self) -> str:
        return self.h.hexdigest()


__all__ = ["jpeg_spans", "FileStream", "image_stream", "swap_placeholders", "attach_file",
           "HashingFile"]
