"""A photo or screenshot, fitted to the pane (double-click for actual size)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea


class ImagePreview(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignCenter)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self._pixmap = QPixmap()
        self._fit = True

    def set_image(self, image) -> None:
        self._pixmap = QPixmap.fromImage(image)
        self._fit = True
        self._update()

    def clear(self) -> None:
        self._pixmap = QPixmap()
        self.label.clear()

    def has_image(self) -> bool:
        return not self._pixmap.isNull()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._update()

    def mouseDoubleClickEvent(self, event):
        self._fit = not self._fit
        self._update()

    def _update(self) -> None:
        if self._pixmap.isNull():
            return
        if self._fit:
            area = self.viewport().size()
            pm = self._pixmap
            if pm.width() > area.width() or pm.height() > area.height():
                pm = pm.scaled(area, Qt.KeepAspectRatio, Qt.SmoothTransformation)
            self.setWidgetResizable(True)
            self.label.setPixmap(pm)
        else:
            self.setWidgetResizable(False)
            self.label.setPixmap(self._pixmap)
            self.label.adjustSize()
