"""Worker-side loading for previews (no widgets here: these run on the pool)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader

MAX_SIDE = 2000  # big photos are decoded at screen size, not at camera size


def load_image(path: Path, max_side: int = MAX_SIDE) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side, Qt.KeepAspectRatio))
    return reader.read()


def _with_name(blob: Path, name: str, fn):
    """Run ``fn(path)`` on the blob seen under its original file name (parsers read suffixes)."""
    tmp = Path(tempfile.mkdtemp(prefix="ek-preview-"))
    try:
        link = tmp / (Path(name).name or "file")
        try:
            os.symlink(blob, link)
        except OSError:
            shutil.copyfile(blob, link)
        return fn(link)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load_chat(blob: Path, name: str, store_names: list[str]):
    from evidencekit.ingest import parse_chat
    from evidencekit.ingest.model import IngestContext
    return _with_name(blob, name, lambda p: parse_chat(p, IngestContext(store_names=store_names)))


def load_trace(blob: Path, name: str, store_names: list[str], stall_hours: float = 72.0):
    from evidencekit.ingest import parse_trace
    from evidencekit.ingest.model import IngestContext
    ctx = IngestContext(store_names=store_names, stall_hours=stall_hours)
    return _with_name(blob, name, lambda p: parse_trace(p, ctx))


def load_video_frames(blob: Path, n: int = 4) -> tuple[list[QImage], bool]:
    """Up to ``n`` keyframes as images, and whether a video decoder is installed at all.

    Uses the core's ``video_keyframes`` (JPEG bytes; empty without PyAV or on a decoding
    error); tolerant of a core that does not have it yet.
    """
    from evidencekit import ingest
    keyframes = getattr(ingest, "video_keyframes", None)
    if keyframes is None:
        return [], False
    try:
        from evidencekit.ingest.video import keyframes_available
        decoder = bool(keyframes_available())
    except ImportError:
        decoder = True
    images = []
    for data in keyframes(blob, n=n) or []:
        image = QImage.fromData(bytes(data))
        if not image.isNull():
            images.append(image)
    return images, decoder
