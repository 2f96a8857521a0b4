"""A video: up to four keyframes when a decoder is installed, and always its facts (length,
size, SHA-256); without frames, a note that the bundle lists the video but cannot show it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

FRAME_W, FRAME_H = 200, 150  # four in a row fit the pane at 1440×900 and 125 %


def clock_text(seconds: float) -> str:
    """A video length as ``m:ss`` (``h:mm:ss`` from an hour): 12.5 → ``0:12``, 3725 → ``1:02:05``."""
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class VideoPreview(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.frames_box = QWidget()
        self.row = QHBoxLayout(self.frames_box)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        self.row.addStretch(1)  # frames are inserted before it, from the left
        self.facts = QLabel()
        self.facts.setObjectName("videoFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName("videoNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        # Facts first: they are short and always there; the frames follow.
        lay = QVBoxLayout(body)
        lay.addWidget(self.facts)
        lay.addWidget(self.note)
        lay.addWidget(self.frames_box)
        lay.addStretch(1)
        self.frame_labels: list[QLabel] = []
        self._images: list = []

    def set_video(self, exhibit, frames: list, decoder: bool) -> None:
        """``frames``: QImages (may be empty); ``decoder``: whether a video decoder exists."""
        for label in self.frame_labels:
            self.row.removeWidget(label)
            label.deleteLater()
        self.frame_labels = []
        for i in range(len(frames)):
            label = QLabel()
            label.setAlignment(Qt.AlignCenter)
            self.row.insertWidget(i, label)
            self.frame_labels.append(label)
        self._images = list(frames)
        self._scale_frames()

        self.frames_box.setVisible(bool(frames))
        f = exhibit.facts or {}
        duration = f.get("duration_s")
        length = clock_text(duration) if isinstance(duration, (int, float)) else "—"
        size = f.get("size") or getattr(exhibit, "size", 0) or 0
        rows = [(self.tr("Length"), length),
                (self.tr("Size"), f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} KB"),
                ("SHA-256", exhibit.sha256)]
        self.facts.setText("<table>" + "".join(
            f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
            + "</table>")
        if frames:
            self.note.setText(self.tr("Keyframes from the video. The bundle shows them with the "
                                      "video's name, length and SHA-256."))
        elif decoder:
            self.note.setText(self.tr("The frames of this video could not be read. The bundle "
                                      "will list it (name, length, size, SHA-256) but not show it."))
        else:
            self.note.setText(self.tr("No video decoder is installed, so no frames are shown. "
                                      "The bundle will list this video (name, length, size, "
                                      "SHA-256) but not show it."))

    def _scale_frames(self) -> None:
        """Four frames side by side, as large as the pane allows (at most FRAME_W × FRAME_H)."""
        spacing = self.row.spacing()
        avail = self.viewport().width() - 24 - spacing * 3
        w = max(80, min(FRAME_W, avail // 4))
        h = w * FRAME_H // FRAME_W
        for label, image in zip(self.frame_labels, self._images, strict=False):
            label.setPixmap(QPixmap.fromImage(image).scaled(w, h, Qt.KeepAspectRatio,
                                                            Qt.SmoothTransformation))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.frame_labels:
            self._scale_frames()

    def frame_count(self) -> int:
        return len(self.frame_labels)
