"""Cases in the trash: one row each, most recently trashed first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt

from evidencekit.domain import Case

from .. import labels
from ..i18n import translate

COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TYPE, COL_BUYER, COL_TRASHED = range(6)
COLUMNS = 6
CaseRole = Qt.UserRole + 1

_HEADERS = (QT_TRANSLATE_NOOP("TrashModel", "Case"),
            QT_TRANSLATE_NOOP("TrashModel", "Order no."),
            QT_TRANSLATE_NOOP("TrashModel", "Platform"),
            QT_TRANSLATE_NOOP("TrashModel", "Dispute type"),
            QT_TRANSLATE_NOOP("TrashModel", "Buyer"),
            QT_TRANSLATE_NOOP("TrashModel", "Moved to trash"))


class TrashModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._cases: list[Case] = []

    def reload(self) -> None:
        self.beginResetModel()
        cases = self.ctx.lib.list_cases(trash=True)
        self._cases = sorted(cases, key=lambda c: (c.deleted_at is None, c.deleted_at), reverse=True)
        self.endResetModel()

    def cases(self) -> list[Case]:
        return list(self._cases)

    def case_at(self, row: int) -> Case | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMNS:
            return translate("TrashModel", _HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._cases)):
            return None
        c = self._cases[index.row()]
        if role == CaseRole:
            return c
        if role != Qt.DisplayRole:
            return None
        rules = self.ctx.lib.rules
        col = index.column()
        if col == COL_CASE_NO:
            return c.case_no
        if col == COL_ORDER:
            return c.order_no
        if col == COL_PLATFORM:
            return labels.platform_label(rules, c.platform)
        if col == COL_TYPE:
            return labels.dispute_label(rules, c.platform, c.dispute_type)
        if col == COL_BUYER:
            return c.buyer_name
        if col == COL_TRASHED:
            return labels.local_time(c.deleted_at, self.ctx.zone)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Horizontal, 0, COLUMNS - 1)
        if self._cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cases) - 1, COLUMNS - 1))
