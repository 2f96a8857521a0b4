"""The live checklist of the open case: one row per requirement, ✓ / ✗ / ! with a reason."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from evidencekit.checklist import APPEAL_REQUIREMENTS
from evidencekit.domain import ChecklistItem

from .. import labels
from ..i18n import pick

ItemRole = Qt.UserRole + 1
KindRole = Qt.UserRole + 2
StatusRole = Qt.UserRole + 3


class ChecklistModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[ChecklistItem] = []

    def set_items(self, items: list[ChecklistItem]) -> None:
        if len(items) == len(self._items):
            self._items = list(items)
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        if role == Qt.DisplayRole:
            mark = labels.STATUS_MARKS.get(item.status, "?")
            need = pick("必需", "required") if item.required else pick("建议", "recommended")
            return f"{mark}  {self.title(item)}（{need}）\n    {item.reason(labels.lang())}" \
                if labels.lang() == "zh" else \
                f"{mark}  {self.title(item)} ({need})\n    {item.reason(labels.lang())}"
        if role == Qt.ToolTipRole:
            return item.reason(labels.lang())
        if role == Qt.ForegroundRole:
            if item.status == "missing" and not item.required:
                return QColor("#bcaaa4" if labels.dark_palette() else "#8d6e63")
            return QColor(labels.status_color(item.status))
        if role == Qt.FontRole and item.required and item.status == "missing":
            f = QFont()
            f.setBold(True)
            return f
        if role == ItemRole:
            return item
        if role == KindRole:
            return item.kind
        if role == StatusRole:
            return item.status
        return None

    @staticmethod
    def title(item: ChecklistItem) -> str:
        if item.kind in APPEAL_REQUIREMENTS:
            return pick(*APPEAL_REQUIREMENTS[item.kind])
        return labels.kind_label(item.kind)
