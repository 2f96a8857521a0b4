"""The trash (Case ▸ Trash): cases moved there, and a way to bring them back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from . import labels
from .models.trash_model import COL_BUYER, COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TRASHED, COL_TYPE, TrashModel
from .ops import OpChanges, run_op
from .tables import record_table


class TrashDialog(QDialog):
    case_restored = Signal(int)  # case id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("trashDialog")
        self.model = TrashModel(ctx, self)
        self.table = record_table("trashTable", self.model,
                                  selection=QAbstractItemView.ExtendedSelection)
        h = self.table.horizontalHeader()
        h.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for col, chars in ((COL_CASE_NO, 7), (COL_ORDER, 12), (COL_PLATFORM, 9), (COL_TYPE, 17),
                           (COL_BUYER, 7), (COL_TRASHED, 12)):
            self.table.setColumnWidth(col, max(chars * em, labels.header_width(self.table, col)))
        self.table.activated.connect(lambda _i: self.restore_selected())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreCase")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addLayout(buttons)
        self.setTabOrder(self.table, self.restore_button)
        self.setTabOrder(self.restore_button, self.close_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        ctx.changes_applied.connect(self._on_ctx_changes_applied)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()
        self.reload()
        self.resize(900, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Trash"))
        self.hint.setText(self.tr("Cases moved to the trash keep their evidence and history. "
                                  "Restore a case to put it back in the case list."))
        self.empty.setText(self.tr("The trash is empty."))
        self.restore_button.setText(self.tr("&Restore"))
        self.close_button.setText(self.tr("Close"))
        self.model.retranslate()

    def reload(self) -> None:
        self.model.reload()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [c.id for c in (self.model.case_at(r) for r in rows) if c is not None]

    def _on_ctx_changes_applied(self, changes) -> None:
        if changes.case_list:  # a case trashed or restored
            self.reload()

    def restore_selected(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            return ids

        def restore(lib) -> OpChanges:
            for cid in ids:
                lib.restore_case(cid)
            return OpChanges.of_list(*ids)

        def restored(_changes) -> None:  # the case list and this list have reloaded
            for cid in ids:
                self.case_restored.emit(cid)
        run_op(self.ctx, "restore cases", restore, on_success=restored)
        return ids

    def _update_buttons(self, *_):
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.restore_button.setEnabled(bool(self.selected_ids()))
