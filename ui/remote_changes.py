"""What other desktops changed, announced like this desktop's own writes (issue 13).

On a team library (PostgreSQL) a listener thread hears ``NOTIFY`` from every committed
change and hands the case ids to the main thread; on a local library (SQLite) the log is read
every ``FEED_MS`` (one index lookup when nothing changed). Either way the ids become an
:class:`~ui.ops.OpChanges` through ``AppContext.apply``: only the touched cases are read again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .ops import OpChanges

FEED_MS = 3000


class RemoteChanges(QObject):
    arrived = Signal(object)  # a set of case ids; emitted from the listener's thread

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._own: set[int] = set()  # cases this desktop announced since the last arrival
        self.arrived.connect(self._on_arrived)  # queued: runs on the main thread
        self.listener = None
        self._feed = None
        self.timer = QTimer(self)
        self.timer.setInterval(FEED_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        lib = self.ctx.lib
        self.listener = lib.listen_for_changes(self.arrived.emit)
        if self.listener is None:
            self._feed = lib.change_feed()
            self.timer.start()

    def own(self, case_ids) -> None:
        """This desktop's op announced these already: not again when its log entries arrive."""
        if self.listener is not None or self._feed is not None:
            self._own |= set(case_ids)

    def check(self) -> None:
        """SQLite: read the log for cases changed since the last look."""
        if self._feed is None:
            return
        try:
            ids = self._feed.changed()
        except Exception:  # noqa: BLE001 - a busy or vanished file: try again next time
            return
        if ids:
            self._on_arrived(ids)

    def _on_arrived(self, ids) -> None:
        ids, self._own = set(ids) - self._own, set()
        if ids:
            self.ctx.changes_applied.emit(OpChanges(frozenset(ids)))

    def stop(self) -> None:
        self.timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
