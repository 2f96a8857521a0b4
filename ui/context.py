"""The app's shared state: the library, the clock, preferences, the runner, change signals.

One :class:`AppContext` is created at startup and handed to every window. Every write is
an op (``ops.run_op``) on the runner's writer thread; what it changed comes back as
:class:`~ui.ops.OpChanges` and is announced once, by :meth:`apply`, so each screen decides
for itself what to redraw (Anki's ``CollectionOp`` / ``OpChanges``).
"""

from __future__ import annotations

import sys
import threading
import uuid
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QObject, Signal

from evidencekit.errors import UsageError
from evidencekit.staff import os_user, staff_name
from evidencekit.store import Library
from evidencekit.timeutil import get_zone, utcnow

from .case_edits import CaseVersions
from .remote_changes import RemoteChanges
from .runner import OperationRunner
from .settings import UiSettings


class AppContext(QObject):
    changes_applied = Signal(object)  # OpChanges: what a write changed
    clock_ticked = Signal()          # a minute passed (or the test clock moved)
    settings_changed = Signal()
    language_changed = Signal()

    def __init__(self, library: Library, *, settings: UiSettings | None = None,
                 clock: Callable[[], datetime] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lib = library
        self.clock = clock or library.clock or utcnow
        self.settings = settings or UiSettings()
        # Workers run Python too (ingestion, export): hand the GIL back to the UI thread every
        # millisecond instead of every 5 ms, so the event loop stays smooth while they work.
        sys.setswitchinterval(0.001)
        self.runner = OperationRunner(self)
        from .errors import ErrorPresenter
        from .importer import Importer
        self.presenter = ErrorPresenter(self)
        self.importer = Importer(self, self)
        self._writer: Library | None = None
        # PDF passwords given this session (sha256 -> password). The library never stores
        # them; exports need them to open encrypted exhibits.
        self.passwords: dict[str, str] = {}
        self._writer_lock = threading.Lock()
        self.lib.actor = self.staff  # the log names the staff member (Settings), not the login
        # Working beside other desktops (ui/case_edits.py): the versions edits start from, and
        # this run's name for the edit leases it holds.
        self.versions = CaseVersions()
        self.desktop_id = uuid.uuid4().hex
        self.remote = RemoteChanges(self)  # started by the main window (remote.start())

    # ---- who is working ------------------------------------------------------------------
    @property
    def staff(self) -> str:
        """This desktop's staff name: Settings, else EVIDENCEKIT_STAFF, else the OS user."""
        for given in (self.settings.get("staff_name"), None):
            try:
                return staff_name(given)
            except UsageError:  # a bad name in the settings file or the environment: skipped
                continue
        return os_user()

    def set_staff(self, name: str) -> None:
        """Act as ``name`` from now on ('' = the default); the caller checked it."""
        self.settings.set("staff_name", name)
        staff = self.staff
        self.lib.actor = staff
        with self._writer_lock:
            if self._writer is not None:
                self._writer.actor = staff

    # ---- time ----------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    @property
    def zone(self):
        try:
            return get_zone(self.settings.get("display_zone"))
        except UsageError:  # a zone name this machine does not know
            return get_zone("Asia/Shanghai")

    @property
    def lang(self) -> str:
        return self.settings.lang

    # ---- writes --------------------------------------------------------------------------
    def writer_library(self) -> Library:
        """The worker thread's own connection (sqlite WAL lets it write beside the UI's)."""
        with self._writer_lock:
            if self._writer is None:
                self._writer = self.lib.opened_again(clock=self.clock)
                self._writer.actor = self.lib.actor
            return self._writer

    def apply(self, changes) -> None:
        """Announce what a finished write changed (called by ops, never by views)."""
        self.remote.own(changes.case_ids)
        self.changes_applied.emit(changes)

    def set_language(self, code: str) -> None:
        """Switch the UI language now; open windows rebuild their text."""
        from .i18n import install_language
        self.settings.set("language", code)
        install_language(code)
        self.language_changed.emit()

    def tick(self) -> None:
        self.clock_ticked.emit()

    def shutdown(self) -> bool:
        self.remote.stop()
        self.importer.cancel_all()
        ok = self.runner.shutdown()
        with self._writer_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        return ok
