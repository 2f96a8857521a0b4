"""The read-only record table used by the case list and the trash."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def record_table(name: str, model: QAbstractItemModel, *,
                 selection=QAbstractItemView.SingleSelection) -> QTableView:
    """Whole-row selection, no editing, no row numbers, fixed interactive column widths
    (not ResizeToContents, which measures every row: slow with 1,000 cases)."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    return table
