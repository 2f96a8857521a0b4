"""The finished file written object by object, never held whole.

pypdf's ``PdfWriter`` keeps every object of the file it writes until it writes it: cloned
from the drawn body (one object tree for thousands of pages) plus every merged source page,
about 160 MB at 3,030 exhibits. Here the body's objects are copied one at a time under their
own numbers, so its page tree, bookmarks and links stay as drawn; a page that takes a source
PDF page is changed as it passes, and the objects made for it (the form, the source's
resources) are written right after it under numbers past the body's. What stays in memory
is one page's objects and the offsets of the cross-reference table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

HEADER = b"%PDF-1.3\n%\xe2\xe3\xcf\xd3\n"  # what pypdf's writer wrote before, binary marker


class ObjectSink:
    """Stands in for a ``PdfWriter`` where objects are made (``place_page``,
    ``clone_resources``): each new object is numbered past the body's and kept only until
    :meth:`flush` writes it."""

    def __init__(self, first: int):
        self._objects: dict[int, PdfObject | None] = {}  # number - 1 -> object not yet written
        self.next = first

    def _add_object(self, obj: PdfObject) -> IndirectObject:
        ref = IndirectObject(self.next, 0, self)
        self._objects[self.next - 1] = obj
        obj.indirect_reference = ref
        self.next += 1
        return ref

    def get_object(self, ref: int | IndirectObject) -> PdfObject | None:
        idnum = ref if isinstance(ref, int) else ref.idnum
        return self._objects[idnum - 1]  # only objects not yet written can be read back

    def flush(self, out: "ObjectWriter") -> None:
        for index in sorted(self._objects):
            out.put(index + 1, self._objects[index])
        self._objects.clear()


class ObjectWriter:
    """Writes numbered objects to ``out`` (anything with write and tell) and, last, the
    cross-reference table and trailer."""

    def __init__(self, out: Any):
        self.out = out
        self.offsets: dict[int, int] = {}
        out.write(HEADER)

    def put(self, idnum: int, obj: PdfObject | None) -> None:
        """Write object ``idnum`` (``None``, a dangling source reference copied: null)."""
        self.offsets[idnum] = self.out.tell()
        self.out.write(b"%d 0 obj\n" % idnum)
        (NullObject() if obj is None else obj).write_to_stream(self.out)
        self.out.write(b"\nendobj\n")

    def finish(self, size: int, trailer: DictionaryObject) -> None:
        at = self.out.tell()
        free = [n for n in range(1, size) if n not in self.offsets]
        nxt = dict(zip([0, *free], [*free, 0], strict=True))  # free entries chained
        rows = [b"xref\n0 %d\n" % size, b"%010d 65535 f \n" % nxt[0]]
        for n in range(1, size):
            off = self.offsets.get(n)
            rows.append(b"%010d 00000 n \n" % off if off is not None
                        else b"%010d 00001 f \n" % nxt[n])
        self.out.write(b"".join(rows))
        trailer[NameObject("/Size")] = NumberObject(size)
        self.out.write(b"trailer\n")
        trailer.write_to_stream(self.out)
        self.out.write(b"\nstartxref\n%d\n%%%%EOF\n" % at)


def page_numbers(reader: PdfReader) -> list[int]:
    """Object numbers of the pages, in order, walking the page tree without keeping it."""
    out: list[int] = []
    seen: set[int] = set()

    def walk(ref: Any, depth: int) -> None:
        if depth > 32 or not isinstance(ref, IndirectObject) or ref.idnum in seen:
            return
        seen.add(ref.idnum)
        node: Any = ref.get_object()
        kids = node.get("/Kids") if node.get("/Type") == "/Pages" else None
        if kids is None:
            out.append(ref.idnum)
        else:
            for kid in kids.get_object():
                walk(kid, depth + 1)
        forget(reader)

    root: Any = reader.trailer["/Root"].get_object()
    walk(root.raw_get("/Pages"), 0)
    return out


def forget(reader: PdfReader) -> None:
    """Empty pypdf's cache of resolved objects (it keeps every object it ever resolved)."""
    reader.resolved_objects.clear()


def body_size(reader: PdfReader) -> int:
    """The trailer's /Size: one past the highest object number."""
    size: Any = reader.trailer["/Size"]
    return int(size)


def body_numbers(reader: PdfReader) -> Iterator[int]:
    """The numbers of the objects the body holds (generation 0, reportlab's)."""
    stored = set(reader.xref.get(0, {})) | set(reader.xref_objStm)
    for idnum in range(1, body_size(reader)):
        if idnum in stored:
            yield idnum


def copy_body(reader: PdfReader, out: ObjectWriter, sink: ObjectSink, *,
              replaced: dict[int, PdfObject], edit: Callable[[int, DictionaryObject], None],
              later: set[int]) -> None:
    """Copy every object of ``reader`` to ``out`` under its own number: ``replaced`` ones
    are written instead of theirs, ``edit(number, object)`` may change an object before it
    is written (the objects it made in ``sink`` follow it), ``later`` are left for the
    caller to write."""
    for idnum in body_numbers(reader):
        if idnum in later:
            continue
        if idnum in replaced:
            out.put(idnum, replaced.pop(idnum))
            continue
        obj = reader.get_object(idnum)
        if obj is None:
            continue
        if isinstance(obj, DictionaryObject):
            edit(idnum, obj)
        out.put(idnum, obj)
        sink.flush(out)
        forget(reader)  # the object, and whatever the edit resolved from the body


def xobject_refs(reader: PdfReader, pages: list[int]) -> Iterator[tuple[str, int]]:
    """(name, object number) of every page's XObjects, in page order."""
    for idnum in pages:
        page: Any = reader.get_object(idnum)
        res = page.get("/Resources")
        xobj = res.get_object().get("/XObject") if res is not None else None
        if xobj is not None:
            xobj = xobj.get_object()
            for name in xobj:
                ref = xobj.raw_get(name)
                if isinstance(ref, IndirectObject):
                    yield str(name), ref.idnum
        forget(reader)


def embedded_files(sink: ObjectSink, files: list[tuple[str, Any]]) -> DictionaryObject:
    """An ``/EmbeddedFiles`` name tree (one leaf, names sorted) of file streams, the way
    pypdf's ``add_attachment`` makes it."""
    names = ArrayObject()
    for name, stream in sorted(files, key=lambda f: f[0]):
        stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
        spec = DictionaryObject({
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject(name),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): sink._add_object(stream)})})
        names += [TextStringObject(name), sink._add_object(spec)]
    return DictionaryObject({NameObject("/Names"): names})


def data_stream(data: bytes) -> DecodedStreamObject:
    s = DecodedStreamObject()
    s.set_data(data)
    return s


__all__ = ["ObjectSink", "ObjectWriter", "page_numbers", "copy_body", "xobject_refs",
           "embedded_files", "data_stream", "forget", "body_size"]
