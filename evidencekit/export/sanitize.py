"""What a source PDF carries besides its pages: scripts, automatic actions, attached files.

The bundle takes only each page's content stream and resources (see
:mod:`documents`), so none of these can reach it; this module finds them so the
report can say what was left behind.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

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
