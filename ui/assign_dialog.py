"""Case ▸ Assign…: choose who works on a case (a name seen in the library, or a new one)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from evidencekit.errors import EvidenceKitError
from evidencekit.staff import MAX_STAFF_NAME, check_staff_name

from .errors import describe
from .ops import OpChanges, run_op


class AssignDialog(QDialog):
    """Assign one case; the change is an op (logged by the core as from → to)."""

    def __init__(self, ctx, case, parent=None):
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign case"))
        self.name = QComboBox()
        self.name.setObjectName("assigneeName")
        self.name.setEditable(True)
        self.name.lineEdit().setMaxLength(MAX_STAFF_NAME)
        self.name.addItem(self.tr("(nobody)"), "")
        names = ctx.lib.known_staff()
        for n in [ctx.staff] + [n for n in names if n != ctx.staff]:
            self.name.addItem(n, n)
        current = self.name.findData(case.assignee)
        self.name.setCurrentIndex(current if current >= 0 else 0)
        if current < 0 and case.assignee:
            self.name.setEditText(case.assignee)
        self.message = QLabel()
        self.message.setObjectName("assignMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Case"), QLabel(f"{case.case_no} · {case.order_no}"))
        form.addRow(self.tr("Assignee"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    def chosen(self) -> str:
        text = self.name.currentText().strip()
        i = self.name.currentIndex()
        if i >= 0 and text == self.name.itemText(i):
            return self.name.itemData(i) or ""
        return text

    def accept(self) -> None:
        name, case_id = self.chosen(), self.case.id
        try:
            name = check_staff_name(name) if name else ""
        except EvidenceKitError as e:
            self.message.setText(describe(e)[0])
            self.message.show()
            return
        run_op(self.ctx, "assign case",
               lambda lib: OpChanges.of_case(case_id, lib.assign_case(case_id, name)))
        super().accept()
