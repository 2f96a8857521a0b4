"""The registry of evidence kinds and of the views that show them.

One table says, for every kind, its names and what files it accepts; one table says, for
every view, which app viewer previews it and which code loads and renders it. Ingestion,
export and the app's preview all ask this module; nothing else decides how an exhibit is
shown. Adding a kind is one row in ``KIND_LIST`` (and, when it needs its own way of being
shown, one row in ``VIEW_LIST`` pointing at one module that loads and renders it).

This module imports nothing heavy: the loaders and renderers are named by dotted path and
imported on first use (the app loads no PDF library to preview a chat).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from .errors import UnknownKind


@dataclass(frozen=True)
class Kind:
    name: str  # contract: stored in libraries, used by the CLI and rule files
    zh: str
    en: str
    accepts: tuple[str, ...] = ()  # file categories (image, video, pdf) it may be; () = any
    reads: str = ""  # the view that reads this kind's text exports (chat, trace)
    image_view: str = "image"  # how a picture of this kind is shown (photos share pages)


KIND_LIST: tuple[Kind, ...] = (
    Kind("chat_log", "聊天记录", "Chat log", reads="chat"),
    Kind("logistics_trace", "物流轨迹", "Logistics trace", reads="trace"),
    Kind("courier_proof", "快递公司证明", "Courier proof"),
    Kind("inspection_report", "质检报告", "Inspection report"),
    Kind("batch_certificate", "批次合格证明", "Batch certificate"),
    Kind("photo", "照片", "Photo", accepts=("image", "video"), image_view="photo"),
    Kind("video", "视频", "Video", accepts=("image", "video")),
    Kind("packing_record", "打包记录", "Packing record", accepts=("image", "video", "pdf"),
         image_view="photo"),
    Kind("listing_snapshot", "详情页截图", "Listing snapshot"),
    Kind("after_sale_voucher", "售后处理凭证", "After-sales voucher"),
    Kind("work_order_log", "售后工单", "Work-order log"),
    Kind("brand_authorization", "品牌授权书", "Brand authorization"),
    Kind("purchase_invoice", "进货发票", "Purchase invoice"),
    Kind("other", "其他", "Other"),
)
KINDS_BY_NAME: dict[str, Kind] = {k.name: k for k in KIND_LIST}


@dataclass(frozen=True)
class View:
    """One way of showing an exhibit."""
    name: str
    preview: str  # the app's viewer: chat | trace | image | pdf | video | text | info
    renderer: str  # "module:attribute" of its export renderer (layout and time span)
    # "module:function(path, ctx, file_type) -> (content, facts, warnings)" reading the
    # content at attach (and once more for exhibits attached before it was kept); "" = none
    loader: str = ""


VIEW_LIST: tuple[View, ...] = (
    View("chat", "chat", "evidencekit.export.renderers:CHAT", "evidencekit.ingest.chat:ingest"),
    View("trace", "trace", "evidencekit.export.renderers:TRACE",
         "evidencekit.ingest.trace:ingest"),
    View("photo", "image", "evidencekit.export.renderers:PHOTO"),
    View("image", "image", "evidencekit.export.renderers:IMAGE"),
    View("document", "pdf", "evidencekit.export.renderers:DOCUMENT"),
    View("video", "video", "evidencekit.export.renderers:VIDEO"),
    View("text", "text", "evidencekit.export.renderers:TEXT"),
    View("binary", "info", "evidencekit.export.renderers:BINARY"),
)
VIEWS: dict[str, View] = {v.name: v for v in VIEW_LIST}

# What ingestion decides a file is (stored as ``facts["file_type"]``).
FILE_TYPES = ("pdf", "image", "video", "xlsx", "text", "binary")
READABLE_FILE_TYPES = ("text", "xlsx")  # a chat or trace can be read from these


def kind(name: str) -> Kind:
    """The kind called ``name``; :class:`UsageError` (code ``unknown_kind``) if there is none."""
    k = KINDS_BY_NAME.get(name)
    if k is None:
        raise UnknownKind(kind=name, choices_zh="、".join(KINDS_BY_NAME), choices=", ".join(KINDS_BY_NAME))
    return k


def view_name(file_type: str, kind_name: str) -> str:
    """How an exhibit is shown: what the file is decides, the kind only says how text is read.

    A chat screenshot filed as ``chat_log`` is an image, a courier's PDF filed as
    ``logistics_trace`` is merged as pages, a JPEG scan of a report is an image.
    """
    k = KINDS_BY_NAME.get(kind_name)
    if file_type == "pdf":
        return "document"
    if file_type == "image":
        return k.image_view if k else "image"
    if file_type == "video":
        return "video"
    if k is not None and k.reads and file_type in READABLE_FILE_TYPES:
        return k.reads
    return "text" if file_type == "text" else "binary"


def view_of(exhibit: Any) -> View:
    """The view of a stored exhibit, from the file type ingestion recorded (``binary`` for an
    exhibit recorded before file types were: :func:`evidencekit.ingest.decide` fills it)."""
    file_type = (exhibit.facts or {}).get("file_type", "binary")
    return VIEWS[view_name(file_type, exhibit.kind)]


_loaded: dict[str, Any] = {}


def resolve(dotted: str) -> Any:
    """Import ``module:attribute`` once."""
    obj = _loaded.get(dotted)
    if obj is None:
        module, _, attr = dotted.partition(":")
        obj = _loaded[dotted] = getattr(importlib.import_module(module), attr)
    return obj


def renderer(view: str) -> Any:
    return resolve(VIEWS[view].renderer)
