"""Appeal points: judgment basis / fact / exhibits, one editable row each."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal

from evidencekit.domain import AppealPoint

from ..exhibit_picker import ExhibitIdsRole
from ..i18n import translate

COL_BASIS, COL_FACT, COL_EXHIBITS = range(3)
COLUMNS = 3
_HEADERS = (QT_TRANSLATE_NOOP("AppealPointsModel", "Judgment basis"),
            QT_TRANSLATE_NOOP("AppealPointsModel", "Fact"),
            QT_TRANSLATE_NOOP("AppealPointsModel", "Exhibits"))


def parse_exhibit_refs(text: str, by_position: dict[int, int]) -> list[int]:
    """"E1, E3" (or "1 3") → exhibit ids, using the case's current numbering."""
    ids = []
    for n in re.findall(r"\d+", text or ""):
        eid = by_position.get(int(n))
        if eid is not None and eid not in ids:
            ids.append(eid)
    return ids


class AppealPointsModel(QAbstractTableModel):
    points_edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._points: list[AppealPoint] = []
        self._position_of: dict[int, int] = {}  # exhibit id -> E number

    def set_points(self, points: list[AppealPoint], position_of: dict[int, int]) -> None:
        self.beginResetModel()
        self._points = [AppealPoint(p.basis, p.fact, list(p.exhibit_ids)) for p in points]
        self._position_of = dict(position_of)
        self.endResetModel()

    def points(self) -> list[AppealPoint]:
        return [AppealPoint(p.basis, p.fact, list(p.exhibit_ids)) for p in self._points]

    def number_of(self, exhibit_id: int) -> int | None:
        """The exhibit's E number now (None if it left the case)."""
        return self._position_of.get(exhibit_id)

    def add_point(self, basis: str = "", fact: str = "") -> int:
        row = len(self._points)
        self.beginInsertRows(QModelIndex(), row, row)
        self._points.append(AppealPoint(basis, fact, []))
        self.endInsertRows()
        self.points_edited.emit()
        return row

    def remove_point(self, row: int) -> None:
        if 0 <= row < len(self._points):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._points[row]
            self.endRemoveRows()
            self.points_edited.emit()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < COLUMNS:
            return translate("AppealPointsModel", _HEADERS[section])
        if orientation == Qt.Vertical:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        if index.column() == COL_EXHIBITS:  # chosen from a checklist, not typed
            return Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._points)):
            return None
        p = self._points[index.row()]
        if role == ExhibitIdsRole:
            return [i for i in p.exhibit_ids if i in self._position_of]
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            if index.column() == COL_BASIS:
                return p.basis
            if index.column() == COL_FACT:
                return p.fact
            if index.column() == COL_EXHIBITS:
                return ", ".join(f"E{self._position_of[i]}" for i in p.exhibit_ids
                                 if i in self._position_of)
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if not index.isValid() or role not in (Qt.EditRole, ExhibitIdsRole):
            return False
        p = self._points[index.row()]
        if role == ExhibitIdsRole:
            p.exhibit_ids = [int(i) for i in value]
        elif index.column() == COL_BASIS:
            p.basis = str(value)
        elif index.column() == COL_FACT:
            p.fact = str(value)
        else:
            by_pos = {pos: eid for eid, pos in self._position_of.items()}
            p.exhibit_ids = parse_exhibit_refs(str(value), by_pos)
        self.dataChanged.emit(index, index)
        self.points_edited.emit()
        return True
