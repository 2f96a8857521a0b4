"""The rows of an after-sale list import (preview or done): one line per row of the list."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from evidencekit.importing.columns import label as field_label

from .. import labels
from ..i18n import lang, pick, translate

COL_ROW, COL_RESULT, COL_AFTER_SALE, COL_ORDER, COL_TYPE, COL_CASE, COL_DETAIL = range(7)
COLUMNS = 7
ResultRole = Qt.UserRole + 1  # new | updated | unchanged | closed | error

_HEADERS = (QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "Result"),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "After-sale no."),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "Order no."),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "Dispute type"),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "Case"),
            QT_TRANSLATE_NOOP("ImportPreviewModel", "Changes, errors and warnings"))
_RESULTS = {"new": QT_TRANSLATE_NOOP("ImportPreviewModel", "New"),
            "updated": QT_TRANSLATE_NOOP("ImportPreviewModel", "Updated"),
            "unchanged": QT_TRANSLATE_NOOP("ImportPreviewModel", "Unchanged"),
            "closed": QT_TRANSLATE_NOOP("ImportPreviewModel", "Closed, not updated"),
            "error": QT_TRANSLATE_NOOP("ImportPreviewModel", "Error")}
_RESULT_STATUS = {"new": "ok", "updated": "ok", "error": "missing", "closed": "warning"}


def result_label(result: str) -> str:
    return translate("ImportPreviewModel", _RESULTS.get(result, result))


def row_detail(r, zone=None) -> str:
    """Errors first, then warnings, then the fields that change ("金额 21.50 → 99.00")."""
    parts = [pick(e.zh, e.en) for e in r.errors] + [pick(w.zh, w.en) for w in r.warnings]
    if r.result == "updated" or (r.result == "closed" and r.changes):
        parts += [f"{field_label(c.field, lang())} {_show(c.old, zone)} → {_show(c.new, zone)}"
                  for c in r.changes]
    return "；".join(parts) if lang() == "zh" else "; ".join(parts)


def _show(v, zone) -> str:
    if v is None or v == "":
        return "—"
    if hasattr(v, "astimezone"):
        return labels.local_time(v, zone)
    return str(v)


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list = []
        self._platform = ""

    def set_report(self, report) -> None:
        self.beginResetModel()
        self._rows = list(report.rows) if report is not None else []
        self._platform = report.platform if report is not None else ""
        self.endResetModel()

    def result_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMNS:
            return translate("ImportPreviewModel", _HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ResultRole:
            return r.result
        if role == Qt.ForegroundRole and col == COL_RESULT and r.result in _RESULT_STATUS:
            return QColor(labels.status_color(_RESULT_STATUS[r.result]))
        if role == Qt.ToolTipRole and col == COL_DETAIL:
            return row_detail(r, self.ctx.zone).replace("；", "\n").replace("; ", "\n") or None
        if role == Qt.TextAlignmentRole and col == COL_ROW:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        if col == COL_ROW:
            return str(r.row)
        if col == COL_RESULT:
            return result_label(r.result)
        if col == COL_AFTER_SALE:
            return r.after_sale_no
        if col == COL_ORDER:
            return r.order_no
        if col == COL_TYPE:
            return labels.dispute_label(self.ctx.lib.rules, self._platform, r.dispute_type) \
                if r.dispute_type else ""
        if col == COL_CASE:
            return r.case_no
        if col == COL_DETAIL:
            return row_detail(r, self.ctx.zone)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))
