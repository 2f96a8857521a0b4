"""Paints the case list's deadline cell in its state colour, selected or not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate


class DeadlineDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index):
        bg = index.data(Qt.BackgroundRole)
        if bg is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.fillRect(option.rect, bg)
        fg = index.data(Qt.ForegroundRole)
        painter.setPen(fg if fg is not None else option.palette.text().color())
        text = index.data(Qt.DisplayRole) or ""
        elided = option.fontMetrics.elidedText(text, Qt.ElideRight, option.rect.width() - 8)
        painter.drawText(option.rect.adjusted(4, 0, -4, 0), Qt.AlignCenter, elided)
        if option.state & QStyle.State_Selected:  # keep the colour; show selection as a frame
            pen = QPen(option.palette.highlight().color(), 3)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()
