"""New case (Ctrl+N): platform, dispute type, numbers, buyer, amount, when the clock starts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from evidencekit.errors import EvidenceKitError

from . import labels
from .datetime_field import OptionalDateTimeEdit
from .i18n import lang
from .ops import OpChanges, run_op

# Which instant starts the clock for each stage a case can be opened in, and its name.
STAGE_INSTANT = {"request": "request_at", "intervention": "intervention_at",
                 "judged": "judgment_at", "appeal": "judgment_at"}
INSTANT_LABELS = {"request_at": QT_TRANSLATE_NOOP("NewCaseDialog", "After-sale request time"),
                  "intervention_at": QT_TRANSLATE_NOOP("NewCaseDialog",
                                                       "Platform intervention time"),
                  "judgment_at": QT_TRANSLATE_NOOP("NewCaseDialog", "Judgment time")}


class NewCaseDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newCaseDialog")
        self.setAttribute(Qt.WA_DeleteOnClose)  # one per Ctrl+N; none linger for the next switch
        self.platform = QComboBox()
        self.platform.setObjectName("platform")
        self.dispute_type = QComboBox()
        self.dispute_type.setObjectName("disputeType")
        self.zone = QComboBox()  # the store's market zone, for platforms that ask it (TikTok Shop)
        self.zone.setObjectName("storeZone")
        self.zone.setEditable(True)  # any IANA zone may be typed; the market zones are offered
        self.stage = QComboBox()
        self.stage.setObjectName("stage")
        self.order_no = QLineEdit()
        self.order_no.setObjectName("orderNo")
        self.after_sale_no = QLineEdit()
        self.after_sale_no.setObjectName("afterSaleNo")
        self.buyer = QLineEdit()
        self.buyer.setObjectName("buyer")
        self.buyer_phone = QLineEdit()
        self.buyer_phone.setObjectName("buyerPhone")
        self.product = QLineEdit()
        self.product.setObjectName("product")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText("89.00")
        self.clock_start = OptionalDateTimeEdit(ctx.zone)
        self.clock_start.setObjectName("clockStart")
        self.clock_start.setValue(ctx.now())
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {labels.status_color('missing')}")
        self.error.setWordWrap(True)

        self.form = QFormLayout()
        self._rows = ((self.platform, QT_TRANSLATE_NOOP("NewCaseDialog", "Platform")),
                      (self.zone, QT_TRANSLATE_NOOP("NewCaseDialog", "Store time zone")),
                      (self.dispute_type, QT_TRANSLATE_NOOP("NewCaseDialog", "Dispute type")),
                      (self.stage, QT_TRANSLATE_NOOP("NewCaseDialog", "Stage")),
                      (self.order_no, QT_TRANSLATE_NOOP("NewCaseDialog", "Order no.")),
                      (self.after_sale_no, QT_TRANSLATE_NOOP("NewCaseDialog", "After-sale no.")),
                      (self.buyer, QT_TRANSLATE_NOOP("NewCaseDialog", "Buyer")),
                      (self.buyer_phone, QT_TRANSLATE_NOOP("NewCaseDialog", "Buyer phone")),
                      (self.product, QT_TRANSLATE_NOOP("NewCaseDialog", "Product")),
                      (self.amount, QT_TRANSLATE_NOOP("NewCaseDialog", "Amount")),
                      (self.clock_start, ""))  # named after the stage's instant
        for widget, _text in self._rows:
            self.form.addRow(QLabel(), widget)
        self.clock_label = self.form.labelForField(self.clock_start)
        self.clock_hint = QLabel()
        self.clock_hint.setObjectName("clockHint")
        self.clock_hint.setWordWrap(True)
        self.clock_hint.setStyleSheet("color: palette(mid);")
        self.form.addRow("", self.clock_hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        # Top to bottom as the form reads (widgets were not all created in that order), then
        # the date, its tick box, and the buttons.
        chain = [w for w, _t in self._rows[:-1]] + [self.clock_start.check, self.clock_start.edit,
                                                    self.buttons.button(QDialogButtonBox.Ok),
                                                    self.buttons.button(QDialogButtonBox.Cancel)]
        for a, b in pairwise(chain):
            self.setTabOrder(a, b)
        self.platform.currentIndexChanged.connect(self._on_platform_changed)
        self.stage.currentIndexChanged.connect(self._on_stage_changed)
        self.created_case = None
        self._saving = False  # a create op is running: Enter twice makes one case
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        """Texts in the current language (also while the dialog is open)."""
        self.setWindowTitle(self.tr("New case"))
        for widget, text in self._rows:
            if text:
                self.form.labelForField(widget).setText(self.tr(text))
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        rules = self.ctx.lib.rules
        platform = self.platform.currentData() or self.ctx.settings.get("default_platform")
        self.platform.blockSignals(True)
        self.platform.clear()
        for p in rules.platforms.values():
            self.platform.addItem(p.name(lang()), p.id)
        self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))
        self.platform.blockSignals(False)
        stage = self.stage.currentData() or "intervention"
        self.stage.clear()
        for sid in STAGE_INSTANT:
            self.stage.addItem(labels.stage_label(sid), sid)
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage)))
        self._on_platform_changed()
        self._on_stage_changed()
        if self.error.text():  # a message from before the switch is stale: drop it
            self.error.clear()

    def _on_stage_changed(self, *_):
        """Name the instant the date sets, and which clock counts from it."""
        instant = STAGE_INSTANT.get(self.stage.currentData() or "intervention", "intervention_at")
        self.clock_label.setText(self.tr(INSTANT_LABELS[instant]))
        hint = {"request_at": self.tr("The 24-hour reply clock and the 48-hour refund clock "
                                      "count from this instant."),
                "intervention_at": self.tr("The 48-hour evidence clock counts from this "
                                           "instant."),
                "judgment_at": self.tr("The appeal window counts from this instant.")}[instant]
        self.clock_hint.setText(hint)

    def _on_platform_changed(self, *_):
        p = self.ctx.lib.rules.platforms[self.platform.currentData()]
        current = self.dispute_type.currentData()
        self.dispute_type.clear()
        for t in p.dispute_types:
            self.dispute_type.addItem(t.name(lang()), t.id)
        i = self.dispute_type.findData(current)
        self.dispute_type.setCurrentIndex(max(0, i))
        # The zone is asked, not assumed: times typed for the case are read in it.
        self.form.setRowVisible(self.zone, p.ask_zone)
        typed = self.zone.currentText()
        self.zone.clear()
        self.zone.addItems(list(p.market_zones))
        self.zone.setCurrentIndex(-1)
        self.zone.setEditText(typed)
        self.zone.lineEdit().setPlaceholderText(self.tr("e.g. America/New_York"))

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
        if self.ctx.lib.rules.platforms[fields["platform"]].ask_zone:
            fields["zone"] = self.zone.currentText().strip()
        start = self.clock_start.value()
        if start is not None:  # only the instant the label names: no other is set silently
            fields[STAGE_INSTANT[stage]] = start
        return fields

    def accept(self) -> None:
        fields = self.values()
        if not fields["order_no"]:
            self.error.setText(self.tr("Enter the order number."))
            self.order_no.setFocus()
            return
        if "zone" in fields and not fields["zone"]:
            self.error.setText(self.tr("Choose the store's time zone: times for this case are "
                                       "read in it."))
            self.zone.setFocus()
            return
        if fields["amount"]:
            try:
                fields["amount"] = f"{Decimal(fields['amount']):.2f}"
            except InvalidOperation:
                self.error.setText(self.tr("The amount must be a number, e.g. 89.00."))
                self.amount.setFocus()
                return
        if self._saving:
            return
        self._saving = True

        def created(changes) -> None:
            self._saving = False
            self.created_case = changes.value
            super(NewCaseDialog, self).accept()

        def refused(exc) -> None:
            self._saving = False
            if not isinstance(exc, EvidenceKitError):
                self.ctx.presenter.show(exc, self)
                return
            from .errors import describe  # shown inline, the dialog stays open
            msg, hint = describe(exc)
            self.error.setText(msg + (f"\n{hint}" if hint else ""))

        def create(lib) -> OpChanges:
            case = lib.create_case(**fields)
            return OpChanges.of_list(case.id, value=case)
        run_op(self.ctx, "create case", create, on_success=created, on_failure=refused)
