"""Exhibit thumbnails: made on the worker pool with QImageReader, cached in memory and on disk.

Only images get a picture; other kinds get a small coloured badge with the kind's name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRect, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QImageReader, QPainter, QPixmap

from . import labels
from .runner import WORK

SIZE = 96
_BADGE_COLORS = {"chat_log": "#1565c0", "logistics_trace": "#6a1b9a", "courier_proof": "#4527a0",
                 "inspection_report": "#00695c", "batch_certificate": "#2e7d32",
                 "photo": "#ef6c00", "video": "#d84315", "packing_record": "#5d4037",
                 "listing_snapshot": "#0277bd", "after_sale_voucher": "#558b2f",
                 "work_order_log": "#37474f", "other": "#616161"}


def cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.CacheLocation) or "."
    return Path(base) / "thumbnails"


def make_thumbnail(source: Path, target: Path, size: int = SIZE) -> QImage:
    """Read a scaled-down image (decoding only what is needed) and save it to ``target``."""
    if target.exists():
        img = QImage(str(target))
        if not img.isNull():
            return img
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(size, size, Qt.KeepAspectRatio))
    img = reader.read()
    if img.isNull():
        return img
    if img.width() > size or img.height() > size:  # formats that ignore setScaledSize
        img = img.scaled(size, size, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        img.save(str(target), "PNG")
    except OSError:
        pass
    return img


class ThumbnailCache(QObject):
    thumbnail_made = Signal(str)  # sha256

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._icons: dict[str, QIcon] = {}
        self._badges: dict[str, QIcon] = {}
        self._asked: set[str] = set()
        self.directory = cache_dir()

    def icon_for(self, exhibit) -> QIcon:
        icon = self._icons.get(exhibit.sha256)
        if icon is not None:
            return icon
        if labels.media_type(exhibit) == "image" and exhibit.sha256 not in self._asked:
            self._request(exhibit.sha256)
        return self.badge(exhibit.kind)

    def pending(self) -> int:
        return len(self._asked) - len(self._icons)

    def _request(self, sha: str) -> None:
        self._asked.add(sha)
        source = self.ctx.lib.blob_path(sha)
        target = self.directory / sha[:2] / f"{sha}.png"
        self.ctx.runner.run(f"thumbnail {sha[:8]}",
                            lambda progress, cancel: make_thumbnail(source, target),
                            pool=WORK, on_success=lambda img, s=sha: self._on_made(s, img))

    def _on_made(self, sha: str, image: QImage) -> None:
        if image.isNull():
            return
        self._icons[sha] = QIcon(QPixmap.fromImage(image))
        self.thumbnail_made.emit(sha)

    def badge(self, kind: str) -> QIcon:
        icon = self._badges.get(kind)
        if icon is None:
            pm = QPixmap(SIZE, SIZE)
            pm.fill(Qt.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.Antialiasing)
            p.setBrush(QColor(_BADGE_COLORS.get(kind, "#616161")))
            p.setPen(Qt.NoPen)
            p.drawRoundedRect(QRect(4, 14, SIZE - 8, SIZE - 28), 10, 10)
            p.setPen(QColor("white"))
            f = QFont()
            f.setPixelSize(17)
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRect(6, 14, SIZE - 12, SIZE - 28), Qt.AlignCenter | Qt.TextWordWrap,
                       labels.kind_label(kind))
            p.end()
            icon = QIcon(pm)
            self._badges[kind] = icon
        return icon

    def clear_badges(self) -> None:
        """Badges carry the kind's name: rebuild them after a language switch."""
        self._badges.clear()
