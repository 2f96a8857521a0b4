"""Whose words the review's word chart shows: every case's, one group's (the page's "By" key:
a dispute type, a product…) or one decision's (what the buyers of lost cases said)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from evidencekit.domain import OUTCOMES

from .i18n import pick


class WordScope(QComboBox):
    """``""`` (all cases), ``group:<key>`` or ``outcome:<decision>``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewWordScope")
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)

    def fill(self, data: dict) -> None:
        """The choices of this review, keeping the current one when it is still there."""
        current = self.currentData() or ""
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All cases"), "")
        for g in data.get("groups") or []:
            if g.get("words"):
                self.addItem(g["label"], f"group:{g['key']}")
        for decision, words in (data.get("words_by_outcome") or {}).items():
            if words:
                name = (self.tr("Undecided") if decision == "undecided"
                        else pick(*OUTCOMES.get(decision, (decision, decision))))
                self.addItem(self.tr("Decision: %1").replace("%1", name), f"outcome:{decision}")
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)

    def scoped(self, data: dict) -> dict:
        """``data`` with its ``words`` replaced by the chosen scope's."""
        scope = self.currentData() or ""
        if scope.startswith("group:"):
            key = scope[len("group:"):]
            words = next((g.get("words") for g in data.get("groups") or [] if g["key"] == key), [])
        elif scope.startswith("outcome:"):
            words = (data.get("words_by_outcome") or {}).get(scope[len("outcome:"):], [])
        else:
            return data
        return {**data, "words": words or []}
