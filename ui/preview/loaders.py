"""Worker-side loading for previews (no widgets here: these run on the pool)."""

from __future__ import annotations

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


def load_text(blob: Path, encoding: str | None = None, limit: int = 200_000) -> str:
    """A text file's words, decoded as ingestion decoded them (GBK, UTF-16…: the ``encoding``
    it kept), up to ``limit`` bytes."""
    from evidencekit.ingest.textio import read_text
    text, _decoded = read_text(blob, limit=limit, encoding=encoding)
    return text


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
