"""The running clocks of the open case, coloured by state, refreshed on every clock tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from evidencekit import deadlines
from evidencekit.errors import NotInRules

from . import labels
from .i18n import lang


class DeadlineBanner(QFrame):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.current: list = []
        self.setObjectName("deadlineBanner")
        self._lay = QHBoxLayout(self)
        self._lay.setContentsMargins(8, 4, 8, 4)
        self._chips: list[QLabel] = []
        self._none = QLabel(self.tr("No clock is running for this case."))
        self._lay.addWidget(self._none)
        self._lay.addStretch(1)
        self.appeals = QLabel()
        self._lay.addWidget(self.appeals)

    def set_case(self, case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        rules = self.ctx.lib.rules
        try:
            current = deadlines.compute(self.case, rules, self.ctx.now()) \
                if self.case is not None else []
        except NotInRules:  # a platform the rule files no longer have: no clocks to show
            current = []
        shown = [(d.id, d.state, d.remaining_seconds // 60, lang()) for d in current]
        # The same chips stay (an import redraws the case many times a second: rebuilt chips
        # would flicker and be missing from a frame).
        if not (self._chips and shown == getattr(self, "_shown", None)):
            self._shown = shown
            self._rebuild_chips(current)
        if self.case is None:
            return
        try:
            left = deadlines.appeals_left(self.case, rules)
            text = self.tr("Appeals left: %1").replace("%1", str(left))
            last = left == 1 and self.case.stage in ("judged", "appeal")
            if last:  # warn before the last appeal is used
                text += " — " + self.tr("this is the last one: add every piece of new evidence")
            self.appeals.setText(text)
            self.appeals.setStyleSheet(
                f"color: {labels.status_color('warning')}; font-weight: bold;" if last else "")
        except NotInRules:
            self.appeals.clear()

    def _rebuild_chips(self, current) -> None:
        for chip in self._chips:  # out of the layout now, deleted later
            self._lay.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips.clear()
        self.current = current
        self._none.setVisible(not self.current)
        for i, d in enumerate(self.current):
            bg, fg = labels.state_color(d.state)
            chip = QLabel(f"{d.name(lang())}：{labels.countdown(d.remaining_seconds)}"
                          if lang() == "zh" else
                          f"{d.name(lang())}: {labels.countdown(d.remaining_seconds)}")
            chip.setObjectName(f"deadline_{d.id}")
            chip.setProperty("state", d.state)
            chip.setToolTip(self.tr("Due %1").replace("%1", labels.local_time(d.due, self.ctx.zone)))
            chip.setStyleSheet(f"background:{bg.name()}; color:{fg.name()}; border-radius:4px;"
                               " padding:3px 8px; font-weight:bold;")
            chip.setAlignment(Qt.AlignCenter)
            self._lay.insertWidget(1 + i, chip)
            self._chips.append(chip)

    def chip_texts(self) -> list[str]:
        return [c.text() for c in self._chips]
