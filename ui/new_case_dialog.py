"""New case (Ctrl+N): platform, dispute type, numbers, buyer, amount, when the clock starts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from evidencekit.errors import EvidenceKitError

from . import labels
from .datetime_field import OptionalDateTimeEdit
from .i18n import lang

# Which instant starts the clock for each stage a case can be opened in.
STAGE_INSTANT = {"request": "request_at", "intervention": "intervention_at",
                 "judged": "judgment_at", "appeal": "judgment_at"}


class NewCaseDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New case"))
        rules = ctx.lib.rules
        self.platform = QComboBox()
        for p in rules.platforms.values():
            self.platform.addItem(p.name(lang()), p.id)
        default = ctx.settings.get("default_platform")
        self.platform.setCurrentIndex(max(0, self.platform.findData(default)))
        self.dispute_type = QComboBox()
        self.stage = QComboBox()
        for sid in STAGE_INSTANT:
            self.stage.addItem(labels.stage_label(sid), sid)
        self.stage.setCurrentIndex(self.stage.findData("intervention"))
        self.order_no = QLineEdit()
        self.after_sale_no = QLineEdit()
        self.buyer = QLineEdit()
        self.buyer_phone = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("89.00")
        self.product = QLineEdit()
        self.clock_start = OptionalDateTimeEdit(ctx.zone)
        self.clock_start.setValue(ctx.now())
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {labels.status_color('missing')}")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Dispute type"), self.dispute_type)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Order no."), self.order_no)
        form.addRow(self.tr("After-sale no."), self.after_sale_no)
        form.addRow(self.tr("Buyer"), self.buyer)
        form.addRow(self.tr("Buyer phone"), self.buyer_phone)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Amount"), self.amount)
        self.clock_label = QLabel(self.tr("Clock starts at"))
        form.addRow(self.clock_label, self.clock_start)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.platform.currentIndexChanged.connect(self._on_platform_changed)
        self._on_platform_changed()
        self.created_case = None
        self.resize(520, self.sizeHint().height())

    def _on_platform_changed(self, *_):
        p = self.ctx.lib.rules.platforms[self.platform.currentData()]
        current = self.dispute_type.currentData()
        self.dispute_type.clear()
        for t in p.dispute_types:
            self.dispute_type.addItem(t.name(lang()), t.id)
        i = self.dispute_type.findData(current)
        self.dispute_type.setCurrentIndex(max(0, i))

    def values(self) -> dict:
        stage = self.stage.currentData()
        fields = {"platform": self.platform.currentData(),
                  "dispute_type": self.dispute_type.currentData(),
                  "order_no": self.order_no.text().strip(), "stage": stage,
                  "after_sale_no": self.after_sale_no.text().strip(),
                  "buyer_name": self.buyer.text().strip(),
                  "buyer_phone": self.buyer_phone.text().strip(),
                  "product": self.product.text().strip(),
                  "amount": self.amount.text().strip()}
        start = self.clock_start.value()
        if start is not None:
            fields[STAGE_INSTANT[stage]] = start
        if stage in ("intervention", "judged", "appeal") and start is not None:
            fields.setdefault("request_at", start)
        return fields

    def accept(self) -> None:
        fields = self.values()
        if not fields["order_no"]:
            self.error.setText(self.tr("Enter the order number."))
            self.order_no.setFocus()
            return
        if fields["amount"]:
            try:
                fields["amount"] = f"{Decimal(fields['amount']):.2f}"
            except InvalidOperation:
                self.error.setText(self.tr("The amount must be a number, e.g. 89.00."))
                self.amount.setFocus()
                return
        try:
            self.created_case = self.ctx.lib.create_case(**fields)
        except EvidenceKitError as e:  # shown inline, the dialog stays open
            from .errors import describe
            msg, hint = describe(e)
            self.error.setText(msg + (f"\n{hint}" if hint else ""))
            return
        self.ctx.changed()
        super().accept()
