"""Evidence ingestion: what a file is, what it proves, and what is wrong with it.

``analyze`` is the one entry point for attaching a file. It only reads the file,
and it is total: for any bytes it returns an :class:`IngestResult` or raises
:class:`~evidencekit.errors.IngestError` (``PasswordRequired`` for locked PDFs).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .. import kinds
from ..domain import Finding
from ..errors import (
    EmptyFile,
    FileNotPermitted,
    FileOverLimit,
    FileTooLarge,
    FileUnknownFailure,
    IngestError,
    WrongFormat,
)
from ..names import shown_name
from .chat import parse_chat
from .detect import guess_kind, guess_kind_from_name, mime_guess, sniff_format
from .document import guess_document_kind, pdf_warnings, read_pdf_info
from .files import regular_size
from .limits import check_not_all_zero, check_zip
from .model import ChatLog, IngestContext, IngestResult, Message, Trace, TraceEvent
from .photo import photo_facts, photo_facts_many, photo_warnings
from .textio import detect_file
from .trace import parse_trace
from .video import video_facts, video_keyframes, video_warnings

TEXT_FORMATS = ("text", "csv", "xlsx", "json", "html")
# What the sniffed format means for showing the file (see kinds.FILE_TYPES).
FILE_TYPE = {"pdf": "pdf", "image": "image", "video": "video", "xlsx": "xlsx", "text": "text",
             "csv": "text", "json": "text", "html": "text", "binary": "binary"}
MAX_FILE_BYTES = 2 * 1024 ** 3  # 2 GiB: larger files are refused with a clear message

__all__ = ["analyze", "parse_chat", "parse_trace", "read_pdf_info", "photo_facts",
           "photo_facts_many",
           "video_facts", "video_keyframes", "IngestContext", "IngestResult", "ChatLog",
           "Message", "Trace", "TraceEvent"]


def analyze(path: Path, kind: str | None = None, ctx: IngestContext | None = None) -> IngestResult:
    """Detect the kind (unless given), parse, and return facts, warnings and content."""
    path = Path(path)
    ctx = ctx or IngestContext()
    if kind is not None:
        kinds.kind(kind)  # refuses an unknown kind
    size = check_readable(path)
    try:
        return _analyze(path, kind, ctx, size)
    except IngestError:
        raise
    except MemoryError as e:
        raise FileTooLarge() from e
    except Exception as e:  # noqa: BLE001 - the boundary: unknown failures become one clear error
        raise FileUnknownFailure() from e


def check_readable(path: Path) -> int:
    """The file's size, or :class:`IngestError` saying why it cannot be read (pipes, devices
    and sockets are refused without being opened: opening a pipe waits forever)."""
    size = regular_size(path)
    name = shown_name(path.name)
    if size == 0:
        raise EmptyFile()
    if not os.access(path, os.R_OK):
        raise FileNotPermitted(name=name)
    if size > MAX_FILE_BYTES:
        raise FileOverLimit(name=name, gb=f"{size / 1024 ** 3:.1f}")
    check_not_all_zero(path)  # before anything reads it whole: a 2 GB hole goes in a second
    return size


def decide_file_type(path: Path, name: str = "") -> dict:
    """``file_type`` (and ``encoding`` for text) of a stored file, for exhibits attached before
    ingestion kept them; ``name`` is the original file name (its suffix helps the sniffer)."""
    path = Path(path)
    if name:
        from .content import read_as_named
        fmt = read_as_named(path, name, sniff_format)
    else:
        fmt = sniff_format(path)
    out = {"file_type": FILE_TYPE[fmt]}
    if fmt == "image" and not _pillow_opens(path):
        out["file_type"] = "binary"  # attach would have refused it; list it, don't show it
    if out["file_type"] == "text":
        out["encoding"] = detect_file(path).encoding
    return out


def _pillow_opens(path: Path) -> bool:
    """Header only (no decode): HEIC without its plugin, or a damaged header, is no image."""
    from PIL import Image
    try:
        with Image.open(path) as im:
            return im.width > 0 and im.height > 0
    except Exception:  # noqa: BLE001 - anything Pillow refuses is listed, not shown
        return False


# What the content tells (a PDF's text, a file's lines) gives way to the file or folder name
# only when it is this unspecific.
_NAME_BEATS = ("photo", "video", "other")


def _by_name(path: Path, fmt: str, guess: str, conf: float, base: dict) -> tuple[str, float]:
    """The guess from the file or folder name where the content could not tell; the word
    and where it was found go into the facts (the app shows the kind as guessed)."""
    if guess not in _NAME_BEATS:
        return guess, conf
    named = guess_kind_from_name(path, fmt)
    if named is None:
        return guess, conf
    kind, word, where = named
    base["kind_hint"] = {"from": where, "word": word}
    return kind, 0.7


def _analyze(path: Path, kind: str | None, ctx: IngestContext, size: int) -> IngestResult:
    # What the file is, decided here once and kept with the exhibit: export and preview
    # read ``file_type`` and ``encoding`` instead of sniffing the bytes again.
    fmt = sniff_format(path)
    if fmt == "xlsx" or (fmt == "binary" and zipfile.is_zipfile(path)):
        check_zip(path)  # a zip bomb is refused from what it declares, before parsing
    file_type = FILE_TYPE[fmt]
    base = {"size": size, "mime": mime_guess(path, fmt), "format": fmt, "file_type": file_type}
    if file_type == "text":
        base["encoding"] = detect_file(path).encoding

    if fmt == "pdf":
        info = read_pdf_info(path, ctx.password)
        guess, conf = guess_document_kind(info.get("text_excerpt", ""))
        if guess == "other" and not info.get("has_text"):
            conf = 0.2
        if kind is None:
            guess, conf = _by_name(path, fmt, guess, conf, base)
        chosen = kind or guess
        _check_accepts(chosen, "pdf")
        return IngestResult(chosen, guess, conf, {**base, **info}, pdf_warnings(info))

    guess, conf = guess_kind(path, fmt)
    if kind is None:
        guess, conf = _by_name(path, fmt, guess, conf, base)
    chosen = kind or guess

    if fmt == "image":
        facts = photo_facts(path)
        return IngestResult(chosen, guess, conf, {**base, **facts}, photo_warnings(facts))
    if fmt == "video":
        facts = video_facts(path)
        return IngestResult(chosen, guess, conf, {**base, **facts}, video_warnings(facts))
    _check_accepts(chosen, "other")
    reads = kinds.kind(chosen).reads
    if reads:  # a chat or a trace: its view's loader reads it (even from odd bytes)
        content, facts, warnings = kinds.resolve(kinds.VIEWS[reads].loader)(path, ctx, file_type)
        return IngestResult(chosen, guess, conf, {**base, **facts}, warnings, content)
    warnings = []
    if kinds.view_name(file_type, chosen) == "binary":
        warnings.append(Finding("not_previewable", "这种文件无法在证据包中显示内容，只会列出文件名和哈希",
                                "This type of file cannot be shown in the bundle; only its name "
                                "and hash will be listed"))
    return IngestResult(chosen, guess, conf, base, warnings)


def _check_accepts(kind: str, category: str) -> None:
    """Photo, video and packing-record exhibits are pictures or recordings by nature."""
    k = kinds.kind(kind)
    if k.accepts and category not in k.accepts:
        raise WrongFormat(kind_zh=k.zh, kind_en=k.en.lower())
