"""Big streams written straight from the originals, never held in memory.

The ``archive`` profile shows each photo's own JPEG bytes (DCTDecode, no
re-encode) and embeds every original file. Those bytes are most of the
output, so they bypass both reportlab and pypdf's in-memory objects: the page
draws a small placeholder image XObject, and the finisher swaps in a
:class:`FileStream` that copies byte ranges of the original while the file is
written. In the records copy a JPEG original is the page image itself, whole
(EXIF and all, marked with its exhibit's label), so it is stored once; other
originals are attached. The platform copy's page images leave out the EXIF and
anything after the end marker (:func:`jpeg_spans`).
"""

from __future__ import annotations

import hashlib
import queue
import threading
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable

from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject, TextStringObject

from ..errors import BlobAltered, OriginalUnreadable

CHUNK = 1 << 20
ORIGINAL_KEY = "/EKOriginal"  # on an image that is an exhibit's original file, whole


def jpeg_spans(path: Path) -> tuple[tuple[int, int], ...] | None:
    """Byte ranges of a JPEG without its APP1 (EXIF/XMP, where GPS lives) and APP13
    segments and without anything after its end marker (appended data is not the picture);
    ``None`` when the file is not a JPEG we can walk."""
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
            if marker == 0xDA:  # start of scan: image data up to the end marker
                end = _end_of_image(f, i, size)
                if end is None:
                    return None
                spans.append((i, end - i))
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


def _end_of_image(f, pos: int, size: int) -> int | None:
    """Offset just after the EOI marker, walking scans (entropy-coded data, where 0xFF is
    followed by 0x00 or a restart marker) and the segments between them (progressive JPEGs
    have many scans). Streams the file in chunks; ``None`` if no EOI is found."""
    f.seek(pos)
    buf, base = f.read(CHUNK), pos

    def byte(at: int) -> int | None:
        nonlocal buf, base
        if at - base >= len(buf):
            f.seek(at)
            buf, base = f.read(CHUNK), at
            if not buf:
                return None
        return buf[at - base]

    at = pos  # at a marker (0xFF xx)
    while at + 1 < size:
        if byte(at) != 0xFF:
            return None
        marker = byte(at + 1)
        if marker is None:
            return None
        if marker == 0xD9:
            return at + 2
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        hi, lo = byte(at + 2), byte(at + 3)
        if hi is None or lo is None:
            return None
        at += 2 + (hi << 8 | lo)
        if marker != 0xDA:
            continue
        while True:  # entropy-coded data: find the next real marker
            if at - base >= len(buf) or at < base:
                if byte(at) is None:
                    return None
            k = buf.find(b"\xff", at - base)
            if k < 0:
                at = base + len(buf)
                if byte(at) is None:
                    return None
                continue
            at = base + k
            nxt = byte(at + 1)
            if nxt is None:
                return None
            if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                at += 1 if nxt == 0xFF else 2
                continue
            break
    return None


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
        # A HashingFile hashes on its worker thread, and checks the original when done.
        hashed = getattr(stream, "write_hashed", None) if h is not None else None
        try:
            f = open(self.path, "rb")
        except OSError as e:
            raise self._unreadable(e) from e
        with f:
            for off, n in self.spans:
                while n > 0:
                    try:  # only reading the original is the library's business
                        f.seek(off)
                        chunk = f.read(min(CHUNK, n))
                        if not chunk:
                            raise OSError(f"{self.path.name} is shorter than expected")
                    except OSError as e:
                        raise self._unreadable(e) from e
                    if hashed is not None:
                        hashed(chunk, h)
                    else:
                        stream.write(chunk)  # a full output disk is the caller's to name
                        if h is not None:
                            h.update(chunk)
                    n -= len(chunk)
                    off += len(chunk)
        if h is not None:
            if hashed is not None:
                stream.check_later(self.check, h)
            else:
                self.check(h)
        stream.write(b"\nendstream")

    def _unreadable(self, e: OSError) -> OriginalUnreadable:
        return OriginalUnreadable(name=self.path.name, reason=e)

    def check(self, h: Any) -> None:
        """Fail when the bytes copied are not the original the manifest names."""
        if h.hexdigest() != self.expect_sha256:
            raise BlobAltered(name=self.path.name)


def image_stream(path: Path, spans: tuple[tuple[int, int], ...], width: int, height: int,
                 components: int, original: str = "", expect_sha256: str = "") -> FileStream:
    """A DCT image from byte ranges of ``path``. ``original`` (an exhibit label) says the
    stream is that exhibit's original file, whole: verify finds and hashes it by this name."""
    space = {1: "/DeviceGray", 3: "/DeviceRGB"}[components]
    entries = {
        "/Type": NameObject("/XObject"), "/Subtype": NameObject("/Image"),
        "/Width": NumberObject(width), "/Height": NumberObject(height),
        "/BitsPerComponent": NumberObject(8), "/ColorSpace": NameObject(space),
        "/Filter": NameObject("/DCTDecode")}
    if original:
        entries[ORIGINAL_KEY] = TextStringObject(original)
    return FileStream(path, spans, entries, expect_sha256=expect_sha256)


def original_stream(path: Path, sha256: str) -> FileStream:
    """An attachment's stream whose bytes are copied from ``path`` as the PDF is written,
    checked against ``sha256``."""
    size = Path(path).stat().st_size
    return FileStream(path, [(0, size)], {
        "/Type": NameObject("/EmbeddedFile"),
        "/Params": DictionaryObject({NameObject("/Size"): NumberObject(size)})},
        expect_sha256=sha256)


class HashingFile:
    """A write-only file that hashes what goes through it (pypdf needs write and tell).

    The SHA-256 work runs on one worker thread, in write order, while this thread reads and
    writes: hashlib releases the GIL on big buffers, so on two cores hashing costs little
    wall time. Small writes are batched into 1 MB buffers first. Use as a context manager;
    :meth:`hexdigest` waits for the worker and runs the deferred checks.
    """

    BATCH = CHUNK
    DEPTH = 16  # buffers queued at most: memory stays bounded when hashing lags

    def __init__(self, f: BinaryIO):
        self.f = f
        self.h = hashlib.sha256()
        self._small = bytearray()
        self._checks: list[tuple[Callable[[Any], None], Any]] = []
        self._q: queue.Queue = queue.Queue(self.DEPTH)
        self._worker = threading.Thread(target=self._hash, name="bundle-sha256", daemon=True)
        self._worker.start()
        self._digest = ""

    def _hash(self) -> None:
        while True:
            item = self._q.get()
            if item is None:
                return
            data, other = item
            self.h.update(data)
            if other is not None:
                other.update(data)

    def _flush_small(self) -> None:
        if self._small:
            self._q.put((bytes(self._small), None))
            self._small.clear()

    def write(self, data: bytes) -> int:
        n = self.f.write(data)
        if len(data) >= 1 << 16:
            self._flush_small()
            self._q.put((bytes(data), None))
        else:
            self._small += data
            if len(self._small) >= self.BATCH:
                self._flush_small()
        return n

    def write_hashed(self, data: bytes, other: Any) -> None:
        """Write ``data``, hashing it into the file's hash and into ``other``."""
        self.f.write(data)
        self._flush_small()
        self._q.put((bytes(data), other))

    def check_later(self, check: Callable[[Any], None], h: Any) -> None:
        """Run ``check(h)`` once everything written so far is hashed."""
        self._checks.append((check, h))

    def tell(self) -> int:
        return self.f.tell()

    def flush(self) -> None:
        self.f.flush()

    def close(self) -> None:
        """Stop the worker (idempotent)."""
        if self._worker.is_alive():
            self._flush_small()
            self._q.put(None)
            self._worker.join()

    def hexdigest(self) -> str:
        if not self._digest:
            self.close()
            for check, h in self._checks:
                check(h)
            self._digest = self.h.hexdigest()
        return self._digest

    def __enter__(self) -> "HashingFile":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


__all__ = ["jpeg_spans", "FileStream", "image_stream", "original_stream",
           "HashingFile"]
