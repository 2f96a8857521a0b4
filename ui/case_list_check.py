"""The case list's summaries checked against the cases, off the UI thread.

The list opens on the summaries the library keeps (its first page only). What changed while
the app was closed (an upgrade, edited rules, a write that bypassed the library) is found
afterwards on the writer thread: a pass over every case (145 ms of server CPU at 100,000 on
PostgreSQL). The summaries found out of date are computed again in batches, one writer job
each, so the clerk's own edits are not queued behind a minute of recomputing; the status bar
says how far (the rows shown may be out of date until then), Stop keeps what was done, and
the list is read again at the end.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from .errors import describe
from .runner import WRITE

JOB_CASES = 500  # cases computed again per writer job: under a second (bench/README.md)


class CaseListCheck(QObject):
    """Checks once per session (again after Stop); ``status`` is its place in the status bar."""

    updating = Signal(bool)  # out-of-date summaries are being computed again (True) or no more
    updated = Signal()  # summaries were computed again (or found out of date): read the list again
    finished = Signal()  # checked (and brought up to date, or stopped): the job is over

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.done = False  # checked to the end this session (not stopped)
        self._todo: list[int] = []
        self._total = 0
        self._stopped = False
        self._closing = False  # the window closes: nothing more is started or read
        self.job = None
        self.status = QWidget()
        self.status.setObjectName("caseListCheck")
        lay = QHBoxLayout(self.status)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("caseListCheckLabel")
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("caseListCheckStop")
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        lay.addWidget(self.label)
        lay.addWidget(self.stop_button)
        self.status.hide()

    def start(self):
        """Check every case against its kept summary on the writer thread."""
        if self.running:
            return self.job
        ctx = self.ctx
        self.running, self.done, self._stopped = True, False, False

        def check(progress, cancel):
            return ctx.writer_library().stale_case_summaries()

        self.job = ctx.runner.run("case-list-check", check, pool=WRITE,
                                  on_success=self._on_checked, on_failure=self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        return self.job

    def stop(self) -> None:
        """Stop computing (what was computed is kept; the next start checks again)."""
        self._stopped = True
        if self.job is not None and not self.job.done:
            self.job.cancel()

    def close(self) -> None:
        """The window closes: stop, and read nothing more (a job's end may still arrive)."""
        self._closing = True
        self.stop()

    def _on_checked(self, stale: set) -> None:
        if self._closing:
            self._finish(done=False)
            return
        if not stale:
            self._finish(done=True)
            return
        if self.ctx.lib.read_only:  # a reviewer: shown computed live, not kept
            self.ctx.lib.note_stale_summaries(stale)
            self.updated.emit()
            self._finish(done=True)
            return
        self._todo, self._total = sorted(stale), len(stale)
        self._show_progress(0)
        self.updating.emit(True)
        self._next_batch()

    def _next_batch(self) -> None:
        if self._closing:
            self._finish(done=False)
            return
        if self._stopped or not self._todo:
            self.updated.emit()  # what was computed, shown
            self._finish(done=not self._todo)
            return
        chunk, self._todo = self._todo[:JOB_CASES], self._todo[JOB_CASES:]
        ctx = self.ctx

        def update(progress, cancel):
            ctx.writer_library().update_case_summaries(chunk, cancel=cancel)
            return len(chunk)

        self.job = ctx.runner.run("case-list-update", update, pool=WRITE,
                                  on_success=self._on_batch_done, on_failure=self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)

    def _on_batch_done(self, _count: int) -> None:
        self._show_progress(self._total - len(self._todo))
        self._next_batch()

    def _show_progress(self, done: int) -> None:
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.show()
        self.label.setText(self.tr("Updating the case list %1/%2 (rows shown may be out of date)")
                           .replace("%1", f"{done:,}").replace("%2", f"{self._total:,}"))
        self.status.show()

    def _on_job_cancelled(self) -> None:
        self._stopped = True
        if self._total and not self._closing:
            self.updated.emit()  # the batches done before Stop are kept: show them
        self._finish(done=False)

    @property
    def stopped(self) -> bool:
        """Stopped before the end (Stop, or the job failed): a reload may start it again."""
        return not self.running and self._stopped

    def _on_job_failed(self, exc: BaseException) -> None:
        if self._total and not self._closing:
            self.updating.emit(False)
        self.running, self._stopped, self._todo, self._total = False, True, [], 0
        self.label.setText(self.tr("The case list could not be updated: %1")
                           .replace("%1", describe(exc)[0]))
        self.stop_button.hide()
        self.status.show()
        self.finished.emit()

    def _finish(self, *, done: bool) -> None:
        if self._total and not self._closing:
            self.updating.emit(False)
        self.running, self.done = False, done
        self._todo, self._total = [], 0
        self.status.hide()
        self.finished.emit()
