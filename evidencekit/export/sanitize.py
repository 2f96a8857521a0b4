"""What a source PDF carries besides its pages: scripts, automatic actions, attached files.

The bundle takes only each page's content stream and resources (see :mod:`documents`), and
the resources are copied by :func:`clone_resources`, which leaves out every script, action
and embedded file reachable from them (a font or form can point at any object), so none of
these reach the bundle, not even as unreferenced objects. :func:`scan` finds them in the
source so the report can say what was left behind.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    NullObject,
    StreamObject,
)

from ..malformed import PDF_MALFORMED

RISKY_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/Rendition"}


def _action_types(action: Any, depth: int = 0) -> set[str]:
    found: set[str] = set()
    if depth > 8:
        return found
    action = action.get_object() if hasattr(action, "get_object") else action
    if isinstance(action, DictionaryObject):
        s = action.get("/S")
        if s is not None:
            found.add(str(s))
        nxt = action.get("/Next")
        if nxt is not None:
            items = nxt.get_object()
            for a in (items if isinstance(items, ArrayObject) else [items]):
                found |= _action_types(a, depth + 1)
    elif isinstance(action, ArrayObject):
        pass  # an explicit destination: harmless
    return found


def scan(reader: PdfReader) -> list[str]:
    """Names of risky features present: "javascript", "open_action", "launch",
    "embedded_files", "annotations", "additional_actions"."""
    found: set[str] = set()
    try:
        root: Any = reader.trailer["/Root"].get_object()  # a PDF dictionary, walked by key
    except PDF_MALFORMED:
        return []
    if "/OpenAction" in root:
        found.add("open_action")
        if _action_types(root["/OpenAction"]) & RISKY_ACTIONS:
            found.add("javascript")
    if "/AA" in root:
        found.add("additional_actions")
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        if "/JavaScript" in names:
            found.add("javascript")
        if "/EmbeddedFiles" in names:
            found.add("embedded_files")
    if "/AcroForm" in root:
        form = root["/AcroForm"].get_object()
        if "/XFA" in form:
            found.add("javascript")
    try:
        pages = reader.pages
        for page in pages:
            if "/AA" in page:
                found.add("additional_actions")
            annots = page.get("/Annots")
            if annots is None:
                continue
            for a in annots.get_object():
                a = a.get_object()
                found.add("annotations")
                kinds = _action_types(a.get("/A")) if "/A" in a else set()
                if "/AA" in a:
                    found.add("additional_actions")
                if "/JavaScript" in kinds:
                    found.add("javascript")
                if "/Launch" in kinds:
                    found.add("launch")
                if a.get("/Subtype") == "/FileAttachment":
                    found.add("embedded_files")
    except PDF_MALFORMED:
        pass
    return sorted(found)


LABELS = {
    "javascript": ("脚本", "JavaScript"),
    "open_action": ("打开时自动动作", "open action"),
    "launch": ("启动外部程序的动作", "launch action"),
    "embedded_files": ("内嵌文件", "embedded files"),
    "annotations": ("批注/表单控件", "annotations/form widgets"),
    "additional_actions": ("附加动作", "additional actions"),
}


def describe(found: list[str]) -> tuple[str, str]:
    zh = "、".join(LABELS[f][0] for f in found if f in LABELS)
    en = ", ".join(LABELS[f][1] for f in found if f in LABELS)
    return zh, en


# Keys that hold scripts, actions or attached files wherever they sit; never copied.
DROP_KEYS = {"/JS", "/JavaScript", "/AA", "/OpenAction", "/A", "/EF", "/EmbeddedFile",
             "/EmbeddedFiles", "/Launch", "/Next"}
DROP_TYPES = {"/EmbeddedFile", "/Filespec", "/Action"}


def _dropped(value: Any) -> bool:
    """An action, an embedded file or a file specification (by type or by action kind)."""
    if not isinstance(value, DictionaryObject):
        return False
    if str(value.get("/Type", "")) in DROP_TYPES:
        return True
    return "/S" in value and str(value.get("/S")) in RISKY_ACTIONS | {"/Launch"}


def clone_resources(obj: Any, writer: PdfWriter) -> Any:
    """Copy a page's resources into ``writer`` without anything from :data:`DROP_KEYS` or
    :func:`_dropped`. Each source object is copied once per writer (shared fonts stay
    shared)."""
    memo = writer.__dict__.setdefault("_ek_clone_memo", {})
    return _clone(obj, writer, memo, 0)


def _clone(obj: Any, writer: PdfWriter, memo: dict, depth: int) -> Any:
    if depth > 64:
        return NullObject()
    if isinstance(obj, IndirectObject):
        # Readers are reopened during an export (documents.LazyDocument): key by the file,
        # not by the reader object, whose id can be reused once it is closed.
        key = (getattr(obj.pdf, "_ek_key", None) or id(obj.pdf), obj.idnum, obj.generation)
        if key in memo:
            return memo[key]
        target = obj.get_object()
        if _dropped(target):
            return NullObject()
        ref = writer._add_object(NullObject())  # reserved first: cycles point here
        memo[key] = ref
        writer._objects[ref.idnum - 1] = _clone(target, writer, memo, depth + 1)
        return ref
    if isinstance(obj, StreamObject):
        cls = EncodedStreamObject if "/Filter" in obj else DecodedStreamObject
        stream = cls()
        stream._data = obj._data
        _copy_entries(obj, stream, writer, memo, depth)
        return stream
    if isinstance(obj, DictionaryObject):
        new = DictionaryObject()
        _copy_entries(obj, new, writer, memo, depth)
        return new
    if isinstance(obj, ArrayObject):
        return ArrayObject(_clone(v, writer, memo, depth + 1) for v in obj)
    return obj  # numbers, names, strings: immutable values


def _copy_entries(src: DictionaryObject, dst: DictionaryObject, writer: PdfWriter, memo: dict,
                  depth: int) -> None:
    for k, v in src.items():
        if k in DROP_KEYS or k == "/Length":
            continue
        try:
            resolved = v.get_object() if isinstance(v, IndirectObject) else v
        except Exception:  # noqa: BLE001 - a dangling reference: leave the key out
            continue
        if _dropped(resolved):
            continue
        dst[NameObject(k)] = _clone(v, writer, memo, depth + 1)
