"""A date-time picker that may be empty, edited in the display zone, read back in UTC."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget


def zone_offset_text(zone, at: datetime | None = None) -> str:
    at = at or datetime.now(timezone.utc)
    off = at.astimezone(zone).strftime("%z")
    return f"UTC{off[:3]}:{off[3:]}" if off else "UTC"


class OptionalDateTimeEdit(QWidget):
    value_changed = Signal()

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self.zone = zone
        self.check = QCheckBox(self)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.zone_label = QLabel(zone_offset_text(zone), self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.zone_label)
        self.check.toggled.connect(self._on_check_toggled)
        self.edit.editingFinished.connect(self.value_changed)
        self.edit.dateTimeChanged.connect(self._on_edit_changed)
        self._silent = False
        self.setValue(None)
        # Tab into the field lands on the tick box, then the date (with the date edit as the
        # proxy, Tab jumped past the box, and an empty field could not be reached at all).
        self.setFocusProxy(self.check)

    def _on_check_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if not self._silent:
            self.value_changed.emit()

    def _on_edit_changed(self, _dt) -> None:
        # Calendar-popup picks do not always finish editing; report them too.
        if not self._silent and not self.edit.hasFocus():
            self.value_changed.emit()

    def setValue(self, dt: datetime | None, *, default: datetime | None = None) -> None:
        self._silent = True
        try:
            shown = dt or default or datetime.now(timezone.utc)
            local = shown.astimezone(self.zone)
            self.edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                            QTime(local.hour, local.minute)))
            self.check.setChecked(dt is not None)
            self.edit.setEnabled(dt is not None)
            self.zone_label.setText(zone_offset_text(self.zone, shown))
        finally:
            self._silent = False

    def value(self) -> datetime | None:
        if not self.check.isChecked():
            return None
        q = self.edit.dateTime()
        d, t = q.date(), q.time()
        naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return naive.replace(tzinfo=self.zone).astimezone(timezone.utc)
