"""Operations: long core work run on a thread pool, results delivered on the main thread.

A widget never owns a thread. It asks the app-owned :class:`OperationRunner` to run a plain
function ``fn(progress, cancel)`` and listens to the returned :class:`Job`'s signals, which
are always emitted on the main thread. Library writes go to a one-thread pool so they are
serialised; everything else (thumbnails, previews, exports) uses the general pool.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from evidencekit.errors import Cancelled
from evidencekit.progress import CancelToken

WRITE = "write"
WORK = "work"


class Job(QObject):
    """One running operation. Public signals fire on the main thread."""

    progressed = Signal(float, str, str)  # fraction, text_zh, text_en
    succeeded = Signal(object)
    failed = Signal(object)  # the exception (with __traceback__)
    cancelled = Signal()
    finished = Signal()  # after exactly one of succeeded / failed / cancelled

    # Emitted from the worker thread; queued to the slots below, which live on the main thread.
    _raw_progress = Signal(float, str, str)
    _raw_done = Signal(str, object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self.done = False
        self.essential = False
        self.outcome = ""  # succeeded | failed | cancelled
        self.result: Any = None
        self.error: BaseException | None = None
        self._raw_progress.connect(self._on_raw_progress)
        self._raw_done.connect(self._on_raw_done)

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(float, str, str)
    def _on_raw_progress(self, fraction: float, zh: str, en: str) -> None:
        if not self.done:
            self.progressed.emit(fraction, zh, en)

    @Slot(str, object)
    def _on_raw_done(self, outcome: str, value: object) -> None:
        self.done = True
        self.outcome = outcome
        if outcome == "succeeded":
            self.result = value
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.error = value  # type: ignore[assignment]
            self.failed.emit(value)
        self.finished.emit()


_niced: set[int] = set()


def _lower_thread_priority() -> None:
    """Background work yields the CPU to the UI thread when cores are busy (Linux: per-thread
    nice value; elsewhere a no-op)."""
    tid = threading.get_native_id()
    if tid in _niced or not hasattr(os, "setpriority"):
        return
    _niced.add(tid)
    try:
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + 10))
    except OSError:
        pass


class _Task(QRunnable):
    def __init__(self, job: Job, fn: Callable[..., Any]):
        super().__init__()
        self.setAutoDelete(True)
        self.job, self.fn = job, fn

    def run(self) -> None:  # worker thread
        _lower_thread_priority()
        job = self.job

        def progress(fraction: float, zh: str = "", en: str = "") -> None:
            job._raw_progress.emit(float(fraction), zh, en or zh)

        try:
            if job.token.is_set():
                raise Cancelled()
            value = self.fn(progress, job.token)
        except Cancelled:
            job._raw_done.emit("cancelled", None)
        except BaseException as e:  # noqa: BLE001 - delivered to the main thread as a value
            e.details = "".join(traceback.format_exception(e))  # type: ignore[attr-defined]
            job._raw_done.emit("failed", e)
        else:
            job._raw_done.emit("succeeded", value)


class OperationRunner(QObject):
    """Owns the pools and every running :class:`Job`; quitting cancels and waits."""

    job_started = Signal(object)
    job_finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools = {WRITE: QThreadPool(self), WORK: QThreadPool(self)}
        self._pools[WRITE].setMaxThreadCount(1)
        self._pools[WRITE].setExpiryTimeout(-1)
        self._pools[WORK].setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._jobs: set[Job] = set()
        self._closing = False

    def run(self, name: str, fn: Callable[..., Any], *, pool: str = WORK,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[float, str, str], None] | None = None,
            essential: bool = False) -> Job:
        """Run ``fn(progress, cancel)`` on ``pool``; callbacks run on the main thread.

        An ``essential`` job (a library write, see ``ops.py``) is not cancelled when the app
        quits: the runner waits for it, so an edit made just before closing is kept."""
        job = Job(name, self)
        job.essential = essential
        if on_success:
            job.succeeded.connect(on_success)
        if on_failure:
            job.failed.connect(on_failure)
        if on_progress:
            job.progressed.connect(on_progress)
        job.finished.connect(lambda j=job: self._on_job_finished(j))
        self._jobs.add(job)
        if self._closing and not essential:
            job.cancel()
        self.job_started.emit(job)
        self._pools[pool].start(_Task(job, fn))
        return job

    def _on_job_finished(self, job: Job) -> None:
        self._jobs.discard(job)
        self.job_finished.emit(job)
        job.deleteLater()

    @property
    def busy(self) -> bool:
        return any(not j.done for j in self._jobs)

    def active_jobs(self) -> list[Job]:
        return [j for j in self._jobs if not j.done]

    def wait(self, msecs: int = -1) -> bool:
        ok = all(p.waitForDone(msecs) for p in self._pools.values())
        return ok

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel everything and wait for the workers (called when the app closes)."""
        self._closing = True
        for job in list(self._jobs):
            if not job.essential:
                job.cancel()
        self._pools[WORK].clear()  # work not started yet never runs; queued writes still do
        ok = self.wait(msecs)
        if not ok:
            print("EvidenceKit: workers still running at exit", file=sys.stderr)
        return ok
