"""One table of the review (复盘) page: the rows behind a chart, columns from the core."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from evidencekit.review.tables import COLUMNS, records

from ..i18n import lang

CaseIdsRole = Qt.UserRole + 1  # the case ids behind a row (the click-through)


def shown(value, kind: str) -> str:
    if value is None or value == "":
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "hours":
        return f"{value:.1f}"
    return str(value)


class ReviewTableModel(QAbstractTableModel):
    """The rows of one section (``groups``, ``clocks``, ``kinds`` or ``words``) of a review."""

    def __init__(self, section: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.columns = COLUMNS[section]
        self._items: list[dict] = []

    def set_review(self, data: dict | None) -> None:
        self.beginResetModel()
        self._items = records(data, self.section) if data is not None else []
        self.endResetModel()

    def item(self, row: int) -> dict:
        return self._items[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        item, col = self._items[index.row()], self.columns[index.column()]
        if role == Qt.DisplayRole:
            return shown(col.get(item), col.kind)
        if role == Qt.TextAlignmentRole:
            value = col.get(item)
            numeric = isinstance(value, (int, float)) or col.kind in ("rate", "money", "hours")
            return int((Qt.AlignRight if numeric else Qt.AlignLeft) | Qt.AlignVCenter)
        if role == CaseIdsRole:
            return list(item.get("case_ids") or [])
        if role == Qt.FontRole and self.section == "groups" and index.row() == len(self._items) - 1:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)  # the total
            return font
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title(lang())
        return None
