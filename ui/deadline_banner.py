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
        self.stopped: list = []
        self.setObjectName("deadlineBanner")
        self._lay = QHBoxLayout(self)
        self._lay.setContentsMargins(8, 4, 8, 4)
        self._chips: list[QLabel] = []  # running clocks
        self._stopped_chips: list[QLabel] = []  # met / late
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
        try:  # running clocks, then stopped ones (met/late: history, not an alarm)
            clocks = self.ctx.lib.clocks(self.case, self.ctx.now()) if self.case is not None else []
        except NotInRules:  # a platform the rule files no longer have: no clocks to show
            clocks = []
        current = [d for d in clocks if d.running]
        stopped = [d for d in clocks if not d.running]
        shown = [(d.id, d.state, d.remaining_seconds // 60 if d.remaining_seconds is not None
                  else d.late_seconds, lang()) for d in clocks]
        # The same chips stay (an import redraws the case many times a second: rebuilt chips
        # would flicker and be missing from a frame).
        if not ((self._chips or self._stopped_chips) and shown == getattr(self, "_shown", None)):
            self._shown = shown
            self._rebuild_chips(current, stopped)
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

    def _rebuild_chips(self, current, stopped) -> None:
        for chip in self._chips + self._stopped_chips:  # out of the layout now, deleted later
            self._lay.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips.clear()
        self._stopped_chips.clear()
        self.current, self.stopped = current, stopped
        self._none.setVisible(not self.current)
        for d in self.stopped:
            self._add_chip(self._stopped_chip(d))
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

    def _stopped_chip(self, d) -> QLabel:
        """A stopped clock in quiet colours: met in time, or late by how much."""
        if d.state == "late":
            how = self.tr("late by %1").replace("%1", labels.countdown(d.late_seconds))
        else:
            how = self.tr("met")
        chip = QLabel(f"{d.name(lang())}：{how}" if lang() == "zh" else f"{d.name(lang())}: {how}")
        chip.setObjectName(f"deadline_{d.id}")
        chip.setProperty("state", d.state)
        chip.setToolTip(self.tr("Stopped %1").replace(
            "%1", labels.local_time(d.stopped_at, self.ctx.zone)))
        chip.setStyleSheet("border: 1px solid palette(mid); border-radius:4px; padding:3px 8px;"
                           + (" color: #ef6c00;" if d.state == "late" else ""))
        return chip

    def _add_chip(self, chip: QLabel) -> None:
        self._lay.insertWidget(self._lay.indexOf(self.appeals) - 1, chip)  # before the stretch
        self._stopped_chips.append(chip)

    def chip_texts(self) -> list[str]:
        """The running clocks' chips."""
        return [c.text() for c in self._chips]

    def stopped_texts(self) -> list[str]:
        """The stopped clocks' chips (met / late)."""
        return [c.text() for c in self._stopped_chips]
