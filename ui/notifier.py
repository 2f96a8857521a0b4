"""Tray notifications when a case's most urgent clock enters due-soon or critical."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from . import labels
from .i18n import lang, pick

ALERT = {"due_soon": 1, "critical": 2, "overdue": 3}


class DeadlineNotifier(QObject):
    notified = Signal(int, str, str)  # case id, state, message

    def __init__(self, ctx, icon=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._last: dict[int, str] = {}
        self._primed = False
        self.tray = None
        if icon is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("EvidenceKit")
            self.tray.show()

    def prime(self, rows) -> None:
        """Remember current states so starting the app does not notify for every case (the
        first ``check`` does it if nobody did)."""
        self._primed = True
        for r in rows:
            u = r.urgent
            self._last[r.case.id] = u.state if u else "ok"

    def check(self, rows) -> list[tuple[int, str]]:
        """Compare with the last states; notify for cases that just got more urgent (``rows``:
        the cases near their next due instant, ``summary.alert_rows``)."""
        if not self._primed:
            self.prime(rows)
            return []
        fired = []
        for r in rows:
            u = r.urgent
            state = u.state if u else "ok"
            # A case not seen before was not yet due soon (the rows are those near their
            # next due instant; primed ones are remembered as they were at the start).
            before = self._last.get(r.case.id, "ok")
            self._last[r.case.id] = state
            if state not in ("due_soon", "critical"):
                continue
            if ALERT.get(state, 0) > ALERT.get(before, 0):
                c = r.case
                msg = pick(f"{c.case_no}（订单 {c.order_no}）{u.name(lang())}：剩余 "
                           f"{labels.countdown(u.remaining_seconds)}",
                           f"{c.case_no} (order {c.order_no}) {u.name(lang())}: "
                           f"{labels.countdown(u.remaining_seconds)} left")
                fired.append((c.id, state))
                self.notified.emit(c.id, state, msg)
                if self.tray is not None and self.ctx.settings.get("notifications"):
                    self.tray.showMessage(pick("案件即将到期", "Case deadline"), msg,
                                          QSystemTrayIcon.Warning, 15000)
        return fired
