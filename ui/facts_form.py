"""The case's facts: numbers, parties, stage and the instants that start and stop clocks.

Each field is saved when it is finished (focus leaves, a pick is made), so the deadline
banner and checklist follow at once. Errors from the library appear beside the form.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evidencekit.domain import OUTCOMES, STAGES
from evidencekit.errors import EvidenceKitError, StaleCase

from . import labels
from .case_edits import save_case
from .datetime_field import OptionalDateTimeEdit
from .errors import describe
from .i18n import pick

TEXT_FIELDS = ("order_no", "after_sale_no", "buyer_name", "buyer_phone", "product", "amount",
               "store_name", "request", "judgment_ref")
# The events of the dispute (conventions.md, "Stages and the instants that move them"): setting
# one moves the stage forward as the core decides (update_case), and stops the clock it answers.
INSTANTS = ("request_at", "replied_at", "refund_handled_at", "intervention_at", "shipped_at",
            "evidence_submitted_at", "supplement_requested_at", "judgment_at", "remedied_at",
            "appeal_submitted_at", "appeal_rejected_at", "appeal_decided_at", "closed_at")


class FactsForm(QScrollArea):
    saved = Signal(str)  # field name

    def __init__(self, ctx, parent=None, undo_stack=None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.case = None
        self._loading = False
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {labels.status_color('missing')}")
        self.message.hide()
        lay.addWidget(self.message)

        self.texts: dict[str, QLineEdit] = {}
        names = {"order_no": self.tr("Order no."), "after_sale_no": self.tr("After-sale no."),
                 "buyer_name": self.tr("Buyer"), "buyer_phone": self.tr("Buyer phone"),
                 "product": self.tr("Product"), "amount": self.tr("Amount"),
                 "store_name": self.tr("Store"), "judgment_ref": self.tr("Judgment ref."),
                 "request": self.tr("Merchant's request")}
        order = QGroupBox(self.tr("Order"))
        of = QFormLayout(order)
        for name in TEXT_FIELDS[:-1]:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.editingFinished.connect(lambda n=name: self._on_text_finished(n))
            self.texts[name] = edit
            of.addRow(names[name], edit)
        # One line on the bundle's cover (诉求), masked there like every text that leaves.
        self.texts["request"].setPlaceholderText(self.tr("e.g. 请驳回买家退款申请"))
        lay.addWidget(order)

        clocks = QGroupBox(self.tr("Stage and clocks"))
        cf = QFormLayout(clocks)
        self.stage = QComboBox()
        for sid in STAGES:
            self.stage.addItem(labels.stage_label(sid), sid)
        self.stage.activated.connect(lambda _i: self._save("stage", self.stage.currentData()))
        cf.addRow(self.tr("Stage"), self.stage)
        inames = {"request_at": self.tr("After-sale request"),
                  "replied_at": self.tr("Replied to the buyer"),
                  "refund_handled_at": self.tr("Refund request handled"),
                  "evidence_submitted_at": self.tr("Evidence submitted"),
                  "supplement_requested_at": self.tr("Supplement requested"),
                  "remedied_at": self.tr("Remedied after judgment"),
                  "appeal_decided_at": self.tr("Appeal decided"),
                  "intervention_at": self.tr("Platform intervention"),
                  "shipped_at": self.tr("Shipped"), "judgment_at": self.tr("Judgment"),
                  "appeal_submitted_at": self.tr("Appeal submitted"),
                  "appeal_rejected_at": self.tr("Appeal rejected"),
                  "closed_at": self.tr("Closed")}
        self.instants: dict[str, OptionalDateTimeEdit] = {}
        for name in INSTANTS:
            w = OptionalDateTimeEdit(ctx.zone)
            w.setObjectName(name)
            w.value_changed.connect(lambda n=name: self._on_instant_changed(n))
            self.instants[name] = w
            cf.addRow(inames[name], w)
        lay.addWidget(clocks)

        judged = QGroupBox(self.tr("Judgment and appeal"))
        jf = QFormLayout(judged)
        jf.addRow(names["judgment_ref"], self._text("judgment_ref"))
        self.against = QCheckBox(self.tr("Judged against the merchant"))
        self.against.toggled.connect(lambda on: self._save("judgment_against_merchant", on))
        jf.addRow("", self.against)
        self.judgment_text = QPlainTextEdit()
        self.judgment_text.setPlaceholderText(self.tr("Paste the platform's judgment text here"))
        self.judgment_text.setMaximumHeight(110)
        self.judgment_text.setObjectName("judgment_text")
        self.judgment_text.setTabChangesFocus(True)  # Tab moves on through the form
        jf.addRow(self.tr("Judgment text"), self.judgment_text)
        self.appeals_used = QSpinBox()
        self.appeals_used.setRange(0, 9)
        self.appeals_used.editingFinished.connect(
            lambda: self._save("appeals_used", self.appeals_used.value()))
        jf.addRow(self.tr("Appeals used"), self.appeals_used)
        self.outcome = QComboBox()
        self.outcome.addItem("—", "")
        for oid, (zh, en) in OUTCOMES.items():
            self.outcome.addItem(pick(zh, en), oid)
        self.outcome.activated.connect(lambda _i: self._save("outcome", self.outcome.currentData()))
        jf.addRow(self.tr("Outcome"), self.outcome)
        lay.addWidget(judged)

        notes = QGroupBox(self.tr("Notes"))
        nl = QVBoxLayout(notes)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        nl.addWidget(self.notes)
        lay.addWidget(notes)
        lay.addStretch(1)
        self.judgment_text.installEventFilter(self)
        self.notes.installEventFilter(self)

    def _text(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.editingFinished.connect(lambda n=name: self._on_text_finished(n))
        self.texts[name] = edit
        return edit

    def eventFilter(self, obj, event):
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.FocusOut and self.case is not None:
            if obj is self.judgment_text:
                self._save("judgment_text", self.judgment_text.toPlainText())
            elif obj is self.notes:
                self._save("notes", self.notes.toPlainText())
        return super().eventFilter(obj, event)

    # ---- loading and saving ----------------------------------------------------------------
    def set_case(self, case) -> None:
        self._loading = True
        try:
            same = self.case is not None and self.case.id == case.id
            self.case = case
            for name, edit in self.texts.items():
                if not (same and edit.hasFocus()):
                    edit.setText(getattr(case, name) or "")
            self.stage.setCurrentIndex(max(0, self.stage.findData(case.stage)))
            for name, w in self.instants.items():
                if not (same and w.edit.hasFocus()):
                    w.setValue(getattr(case, name), default=self.ctx.now())
            self.against.setChecked(case.judgment_against_merchant)
            if not (same and self.judgment_text.hasFocus()):
                self.judgment_text.setPlainText(case.judgment_text)
            if not (same and self.notes.hasFocus()):
                self.notes.setPlainText(case.notes)
            self.appeals_used.setValue(case.appeals_used)
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(case.outcome)))
        finally:
            self._loading = False

    def flush(self) -> None:
        """Save multi-line fields that are still being typed in (before leaving the case)."""
        if self.case is None:
            return
        self._save("judgment_text", self.judgment_text.toPlainText())
        self._save("notes", self.notes.toPlainText())

    def _on_text_finished(self, name: str) -> None:
        self._save(name, self.texts[name].text().strip())

    def _on_instant_changed(self, name: str) -> None:
        self._save(name, self.instants[name].value())

    def _save(self, name: str, value) -> None:
        if self._loading or self.case is None or getattr(self.case, name) == value:
            return
        old, case_id = getattr(self.case, name), self.case.id
        self.case = replace(self.case, **{name: value})  # what the form shows, until saved

        def saved(changes) -> None:
            if self.case is not None and self.case.id == case_id:
                self.case = changes.value
            self.message.hide()
            if self.undo_stack is not None:
                from .undo import CaseFieldCommand
                self.undo_stack.push(CaseFieldCommand(self.ctx, case_id, name, old, value))
            self.saved.emit(name)

        def refused(exc) -> None:
            if self.case is not None and self.case.id == case_id:
                self.case = replace(self.case, **{name: old})  # not saved
            if isinstance(exc, StaleCase):  # someone else saved first: their dialog says so
                return
            if not isinstance(exc, EvidenceKitError):  # a bug: the presenter reports it
                self.ctx.presenter.show(exc, self)
                return
            msg, hint = describe(exc)  # shown beside the form
            self.message.setText(msg + (f" — {hint}" if hint else ""))
            self.message.show()

        save_case(self.ctx, case_id, {name: value}, name="save case field",
                  on_success=saved, on_failure=refused, parent=self)
