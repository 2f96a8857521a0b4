"""Evidence ingestion: what a file is, what it proves, and what is wrong with it.

``analyze`` is the one entry point for attaching a file. It only reads the file,
and it is total: for any bytes it returns an :class:`IngestResult` or raises
:class:`~evidencekit.errors.IngestError` (``PasswordRequired`` for locked PDFs).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain import KINDS, Finding
from ..errors import IngestError
from .chat import chat_facts, parse_chat
from .chat import _parse as _parse_chat
from .detect import guess_kind, mime_guess, sniff_format
from .document import guess_document_kind, pdf_warnings, read_pdf_info
from .model import ChatLog, IngestContext, IngestResult, Message, Trace, TraceEvent
from .photo import photo_facts, photo_facts_many, photo_warnings
from .trace import parse_trace, trace_facts
from .trace import _parse as _parse_trace
from .video import video_facts, video_keyframes, video_warnings

TEXT_FORMATS = ("text", "csv", "xlsx", "json", "html")
# Kinds that are pictures or recordings by nature: any other format is refused.
MEDIA_KINDS = ("photo", "video", "packing_record")

__all__ = ["analyze", "parse_chat", "parse_trace", "read_pdf_info", "photo_facts",
           "photo_facts_many",
           "video_facts", "video_keyframes", "IngestContext", "IngestResult", "ChatLog",
           "Message", "Trace", "TraceEvent"]


def analyze(path: Path, kind: str | None = None, ctx: IngestContext | None = None) -> IngestResult:
    """Detect the kind (unless given), parse, and return facts, warnings and content."""
    path = Path(path)
    ctx = ctx or IngestContext()
    if kind is not None and kind not in KINDS:
        raise IngestError(f"未知的证据类型：{kind}", f"Unknown evidence kind: {kind}",
                          code="unknown_kind")
    size = _check_readable(path)
    try:
        return _analyze(path, kind, ctx, size)
    except IngestError:
        raise
    except MemoryError as e:
        raise IngestError("文件太大，内存不足，无法读取", "The file is too large to read (out of "
                          "memory)", code="too_large") from e
    except Exception as e:  # noqa: BLE001 - the boundary: unknown failures become one clear error
        raise IngestError("无法读取这个文件，它可能已损坏", "This file cannot be read; it may be "
                          "damaged", hint_zh="请重新导出或换一个文件。",
                          hint_en="Export it again or choose another file.",
                          code="unreadable") from e


def _check_readable(path: Path) -> int:
    try:
        st = path.stat()
    except FileNotFoundError as e:
        raise IngestError(f"找不到文件：{path.name}", f"File not found: {path.name}",
                          code="file_missing") from e
    except OSError as e:
        raise IngestError(f"无法访问文件：{path.name}", f"Cannot access file: {path.name}",
                          code="file_unreadable") from e
    if path.is_dir():
        raise IngestError(f"“{path.name}”是文件夹，请选择文件", f"'{path.name}' is a folder; "
                          "choose a file", code="is_directory")
    if st.st_size == 0:
        raise IngestError("文件是空的（0 字节），可能没有下载或导出完整",
                          "The file is empty (0 bytes); it may not have been downloaded or "
                          "exported completely", hint_zh="请重新下载或导出后再添加。",
                          hint_en="Download or export it again, then add it.", code="empty_file")
    if not os.access(path, os.R_OK):
        raise IngestError(f"没有权限读取文件：{path.name}", f"No permission to read: {path.name}",
                          code="file_unreadable")
    return st.st_size


def _analyze(path: Path, kind: str | None, ctx: IngestContext, size: int) -> IngestResult:
    fmt = sniff_format(path)
    base = {"size": size, "mime": mime_guess(path, fmt), "format": fmt}

    if fmt == "pdf":
        info = read_pdf_info(path, ctx.password)
        guess, conf = guess_document_kind(info.get("text_excerpt", ""))
        if guess == "other" and not info.get("has_text"):
            conf = 0.2
        chosen = kind or guess
        if chosen in MEDIA_KINDS and chosen != "packing_record":
            raise _wrong_format(chosen)
        return IngestResult(chosen, guess, conf, {**base, **info}, pdf_warnings(info))

    guess, conf = guess_kind(path, fmt)
    chosen = kind or guess

    if fmt == "image":
        facts = photo_facts(path)
        return IngestResult(chosen, guess, conf, {**base, **facts}, photo_warnings(facts))
    if fmt == "video":
        facts = video_facts(path)
        return IngestResult(chosen, guess, conf, {**base, **facts}, video_warnings(facts))
    if chosen in MEDIA_KINDS:
        raise _wrong_format(chosen)
    if chosen == "chat_log":
        log, recognised, undecodable = _parse_chat(path, ctx)
        facts, warnings = chat_facts(log, recognised, undecodable or fmt == "binary")
        return IngestResult(chosen, guess, conf, {**base, **facts}, warnings, log)
    if chosen == "logistics_trace":
        tr, out_of_order, encoding = _parse_trace(path, ctx)
        facts, warnings = trace_facts(tr, out_of_order, ctx.stall_hours)
        facts["encoding"] = encoding
        return IngestResult(chosen, guess, conf, {**base, **facts}, warnings, tr)
    # Documents or "other" in a format we cannot show: keep it, listed but not rendered.
    warnings = []
    if chosen != "other" or fmt not in TEXT_FORMATS:
        warnings.append(Finding("not_previewable", "这种文件无法在证据包中显示内容，只会列出文件名和哈希",
                                "This type of file cannot be shown in the bundle; only its name "
                                "and hash will be listed"))
    return IngestResult(chosen, guess, conf, base, warnings)


def _wrong_format(kind: str) -> IngestError:
    zh, en = KINDS[kind]
    return IngestError(f"这个文件不是图片或视频，不能作为“{zh}”添加",
                       f"This file is not an image or video, so it cannot be added as "
                       f"'{en.lower()}'", hint_zh="请选择照片/视频文件，或改选证据类型。",
                       hint_en="Choose a photo/video file, or pick another evidence kind.",
                       code="wrong_format")
