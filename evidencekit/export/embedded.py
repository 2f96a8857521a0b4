"""Embedded files of a PDF, read without holding them in memory.

pypdf loads a stream's whole data when it resolves the object (and keeps it in
its cache), and reads a file given by path entirely into memory. An archive
bundle attaches every original — hundreds of MB — so verification goes around
both: pypdf reads only the structure from an open file, the ``EmbeddedFiles``
name tree is walked without resolving any file stream, and each stream's bytes
are read from its xref offset in chunks, inflated with ``zlib.decompressobj`` when
``/FlateDecode``, and handed to a sink (a hash) as they come. Anything unusual
(other filters, predictors, encryption, an offset that does not point at the
object) falls back to pypdf for that one stream, dropped from its cache after.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any, BinaryIO, Callable, Iterator

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

CHUNK = 1 << 20
_OBJ = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\s*")
_WS = b" \t\r\n\f\x00"


def file_refs(reader: PdfReader) -> dict[str, IndirectObject | Any]:
    """Attachment name -> its embedded-file stream (a reference, not resolved)."""
    out: dict[str, Any] = {}
    root: Any = reader.trailer["/Root"]  # a PDF dictionary, walked by key
    names = root.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    if tree is not None:
        _walk(tree.get_object(), out, 0)
    return out


def _walk(node: DictionaryObject, out: dict, depth: int) -> None:
    if depth > 32:  # a cycle or a hostile tree
        return
    pairs = node.get("/Names")
    if pairs is not None:
        pairs = pairs.get_object()
        for i in range(0, len(pairs) - 1, 2):
            spec = pairs[i + 1].get_object()
            ef = spec.get("/EF") if isinstance(spec, DictionaryObject) else None
            if ef is None:
                continue
            ef = ef.get_object()
            key = "/UF" if "/UF" in ef else "/F"
            if key in ef:
                out.setdefault(str(pairs[i]), ef.raw_get(key))
    for kid in (node.get("/Kids") or []):
        _walk(kid.get_object(), out, depth + 1)


def original_images(reader: PdfReader) -> dict[str, Any]:
    """Exhibit label -> reference of each page image that is an exhibit's original file,
    whole (the records copy stores a JPEG original once, as its page image)."""
    from .streams import ORIGINAL_KEY
    out: dict[str, Any] = {}
    for page in reader.pages:
        res = page.get("/Resources")
        xobjects = res.get_object().get("/XObject") if res is not None else None
        if xobjects is None:
            continue
        xobjects = xobjects.get_object()
        for name in xobjects:
            ref = xobjects.raw_get(name)
            label = ref.get_object().get(ORIGINAL_KEY)
            if isinstance(ref, IndirectObject):  # a photo's bytes: not kept in memory
                reader.resolved_objects.pop((ref.generation, ref.idnum), None)
            if label is not None:
                out.setdefault(str(label), ref)
    return out


def read_stream(reader: PdfReader, f: BinaryIO, ref: Any, sink: Callable[[bytes], Any]) -> None:
    """Feed the decoded bytes of stream ``ref`` to ``sink`` in chunks of about 1 MB."""
    chunks = _direct(reader, f, ref) if isinstance(ref, IndirectObject) else None
    if chunks is None:
        _via_pypdf(reader, ref, sink)
        return
    for chunk in chunks:
        sink(chunk)


def read_bytes(reader: PdfReader, f: BinaryIO, ref: Any, limit: int = 64 << 20) -> bytes:
    """A small stream (the manifest) as bytes; ValueError past ``limit``."""
    parts: list[bytes] = []
    size = 0

    def keep(chunk: bytes) -> None:
        nonlocal size
        size += len(chunk)
        if size > limit:
            raise ValueError("stream too large")
        parts.append(chunk)
    read_stream(reader, f, ref, keep)
    return b"".join(parts)


def _via_pypdf(reader: PdfReader, ref: Any, sink: Callable[[bytes], Any]) -> None:
    obj = ref.get_object()
    data = obj.get_data()
    if isinstance(ref, IndirectObject):  # one stream in memory at a time, not all of them
        reader.resolved_objects.pop((ref.generation, ref.idnum), None)
    for i in range(0, len(data), CHUNK):
        sink(data[i:i + CHUNK])


def _direct(reader: PdfReader, f: BinaryIO, ref: IndirectObject) -> Iterator[bytes] | None:
    """Chunks read from the file at the object's offset, or None to use pypdf instead."""
    if reader.is_encrypted:
        return None
    offset = reader.xref.get(ref.generation, {}).get(ref.idnum)
    if not isinstance(offset, int):
        return None
    f.seek(offset)
    head = f.read(64 * 1024)
    m = _OBJ.match(head)
    if not m or int(m.group(1)) != ref.idnum or not head.startswith(b"<<", m.end()):
        return None
    end = _dict_end(head, m.end())
    if end < 0:
        return None
    try:
        entries = DictionaryObject.read_from_stream(io.BytesIO(head[m.end():end]), reader)
        length = int(entries["/Length"])  # type: ignore[call-overload]  # a NumberObject when valid
    except Exception:  # noqa: BLE001 - unreadable header: let pypdf try
        return None
    pos = end
    while pos < len(head) and head[pos] in _WS:
        pos += 1
    if not head.startswith(b"stream", pos):
        return None
    pos += 6
    pos += 2 if head.startswith(b"\r\n", pos) else 1 if head[pos:pos + 1] in (b"\n", b"\r") else 0
    filters = entries.get("/Filter")
    filters = [] if filters is None else [str(x) for x in (
        filters if isinstance(filters, list) else [filters])]
    parms = entries.get("/DecodeParms")
    if filters == ["/DCTDecode"] and not parms:  # a JPEG: its bytes are what is hashed
        return _chunks(f, offset + pos, length, False)
    if filters not in ([], ["/FlateDecode"]) or (parms and filters):
        return None  # predictors and other filters: rare here, pypdf knows them
    return _chunks(f, offset + pos, length, bool(filters))


def _chunks(f: BinaryIO, start: int, length: int, inflate: bool) -> Iterator[bytes]:
    z = zlib.decompressobj() if inflate else None
    f.seek(start)
    left = length
    while left > 0:
        raw = f.read(min(CHUNK, left))
        if not raw:
            raise ValueError("stream shorter than its /Length")
        left -= len(raw)
        if z is None:
            yield raw
            continue
        while raw:  # bounded output per step: a small compressed chunk may inflate a lot
            out = z.decompress(raw, CHUNK)
            raw = z.unconsumed_tail
            if out:
                yield out
    if z is not None:
        tail = z.flush()
        if tail:
            yield tail


def _dict_end(buf: bytes, i: int) -> int:
    """Index just past the ``>>`` closing the dictionary that opens at ``i``; -1 if not in buf."""
    depth, n = 0, len(buf)
    while i < n:
        if buf.startswith(b"<<", i):
            depth, i = depth + 1, i + 2
            continue
        if buf.startswith(b">>", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
            continue
        c = buf[i]
        if c == 0x28:  # ( literal string: nested parentheses, backslash escapes
            level, i = 1, i + 1
            while i < n and level:
                ch = buf[i]
                if ch == 0x5C:
                    i += 2
                    continue
                level += (ch == 0x28) - (ch == 0x29)
                i += 1
            continue
        if c == 0x3C:  # < hex string
            j = buf.find(b">", i)
            if j < 0:
                return -1
            i = j + 1
            continue
        if c == 0x25:  # % comment to end of line
            j = min((k for k in (buf.find(b"\n", i), buf.find(b"\r", i)) if k >= 0), default=-1)
            if j < 0:
                return -1
            i = j
            continue
        i += 1
    return -1


__all__ = ["file_refs", "read_stream", "read_bytes"]
