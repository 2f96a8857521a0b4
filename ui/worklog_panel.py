"""The merchant's work-order log (售后工单): each after-sales step with its time.

It goes to the platform in the bundle (the action log does not), and its entries meet the
work-order-log checklist item. Add a step with its time and text; double-click a step's text
to change it; Delete (or the button) removes the selected steps.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit.errors import EvidenceKitError
from evidencekit.timeutil import format_local

from . import labels
from .datetime_field import zone_offset_text
from .errors import describe
from .ops import OpChanges, run_op

ID_ROLE = Qt.UserRole + 1


class WorklogPanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self._loading = False
        self.intro = QLabel(self.tr("Each after-sales step with its time, as the platform will "
                                    "read it (e.g. 9:10 buyer reported → 9:15 contacted the "
                                    "buyer). It goes into the bundle sent to the platform."))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("worklogTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.at = QDateTimeEdit()
        self.at.setObjectName("worklogAt")
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.zone_label = QLabel()
        self.text = QLineEdit()
        self.text.setObjectName("worklogText")
        self.text.returnPressed.connect(self.add_entry)
        self.add_button = QPushButton(self.tr("Add step"))
        self.add_button.setObjectName("worklogAdd")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("Remove step"))
        self.remove_button.setObjectName("worklogRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {labels.status_color('missing')};")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.at)
        row.addWidget(self.zone_label)
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.remove_button)
        lay.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Step")])
        self.text.setPlaceholderText(self.tr("What was done, e.g. called the buyer and "
                                             "offered an exchange"))

    def set_case(self, case) -> None:
        self.case = case
        zone = self.ctx.zone
        self.zone_label.setText(zone_offset_text(zone))
        if not self.text.text():
            local = self.ctx.now().astimezone(zone)
            self.at.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                          QTime(local.hour, local.minute)))
        self.reload()

    def reload(self) -> None:
        if self.case is None:
            return
        self._loading = True
        try:
            entries = self.ctx.lib.worklog(self.case.id)
            zone = self.ctx.zone
            self.table.setRowCount(len(entries))
            for r, e in enumerate(entries):
                when = QTableWidgetItem(format_local(e.at, zone))
                when.setFlags(when.flags() & ~Qt.ItemIsEditable)
                when.setData(ID_ROLE, e.id)
                text = QTableWidgetItem(e.text)
                text.setData(ID_ROLE, e.id)
                self.table.setItem(r, 0, when)
                self.table.setItem(r, 1, text)
            self.table.resizeRowsToContents()
        finally:
            self._loading = False

    def _at(self) -> datetime:
        q = self.at.dateTime()
        d, t = q.date(), q.time()
        naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return naive.replace(tzinfo=self.ctx.zone).astimezone(timezone.utc)

    def _write(self, name: str, fn, on_done=None) -> None:
        """Run ``fn(library, case_id)`` as an op on the writer; redraw when it is done."""
        case_id = self.case.id

        def op(lib) -> OpChanges:
            fn(lib, case_id)
            return OpChanges.of_case(case_id)

        def done(_changes) -> None:
            self.error.hide()
            if on_done is not None:
                on_done()
            self.reload()

        def refused(exc) -> None:
            if not isinstance(exc, EvidenceKitError):
                self.ctx.presenter.show(exc, self)
            else:
                self.error.setText(describe(exc)[0])
                self.error.show()
            self.reload()  # show what is stored

        run_op(self.ctx, name, op, on_success=done, on_failure=refused)

    def add_entry(self) -> bool:
        if self.case is None:
            return False
        at, text = self._at(), self.text.text()
        self._write("add work-order entry", lambda lib, cid: lib.add_worklog(cid, at, text),
                    on_done=self.text.clear)
        return True

    def remove_selected(self) -> None:
        ids = {self.table.item(i.row(), 0).data(ID_ROLE)
               for i in self.table.selectionModel().selectedRows()}
        if not ids and self.table.currentRow() >= 0:
            ids = {self.table.item(self.table.currentRow(), 0).data(ID_ROLE)}
        if ids and self.case is not None:
            self._write("remove work-order entries",
                        lambda lib, cid: [lib.remove_worklog(cid, i) for i in sorted(ids)])

    def _on_table_item_changed(self, item) -> None:
        if self._loading or self.case is None or item.column() != 1:
            return
        entry_id, text = item.data(ID_ROLE), item.text()
        self._write("change work-order entry",
                    lambda lib, cid: lib.update_worklog(cid, entry_id, text=text))

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Delete and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
