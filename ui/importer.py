"""Attaching files: one serialised library write per file, on the writer thread.

A refused file is reported with its reason and the rest of the drop goes on. A locked PDF
asks for its password on the main thread (through ``password_provider``) and is retried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from evidencekit.errors import Cancelled, EvidenceKitError, PasswordNotGiven, PasswordRequired
from evidencekit.ingest.files import collect_files

from .ops import OpChanges, run_op
from .runner import Job


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the files inside them (recursively, sorted), without
    following links that leave the folder (the core decides: ``collect_files``)."""
    return collect_files(paths).files


class Importer(QObject):
    """App-owned import queue (widgets only listen)."""

    file_queued = Signal(int, object)            # case id, path
    file_attached = Signal(int, object, object)  # case id, path, Exhibit
    file_failed = Signal(int, object, object)    # case id, path, exception
    batch_finished = Signal(int)                 # case id: nothing left to import for it

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.password_provider: Callable[[Path, bool], str | None] | None = None
        self._pending: dict[int, int] = {}  # case id -> files not finished
        self._jobs: list[Job] = []
        self._locked: list[tuple[int, Path, str | None, bool]] = []
        self._asking = False

    def add(self, case_id: int, paths: list[Path], kind: str | None = None) -> int:
        found = collect_files(paths)
        for path, error in found.skipped:  # links leaving a folder, pipes, loops: say why
            self.file_queued.emit(case_id, path)
            self.file_failed.emit(case_id, path, error)
        for path in found.files:
            self._queue(case_id, path, kind, None)
        return len(found.files)

    def pending(self, case_id: int | None = None) -> int:
        if case_id is None:
            return sum(self._pending.values())
        return self._pending.get(case_id, 0)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def _queue(self, case_id: int, path: Path, kind: str | None, password: str | None,
               announce: bool = True) -> None:
        self._pending[case_id] = self._pending.get(case_id, 0) + 1
        if announce:
            self.file_queued.emit(case_id, path)
        ctx = self.ctx

        def attach(lib, progress, cancel) -> OpChanges:
            if cancel.is_set():
                raise Cancelled()
            return OpChanges.of_case(case_id, lib.attach(case_id, path, kind=kind,
                                                         password=password))

        job = run_op(ctx, f"attach {path.name}", attach, long=True,
                     on_failure=lambda e: None)  # reported by _on_job_failed below
        self._jobs.append(job)
        job.succeeded.connect(lambda ch, c=case_id, p=path, pw=password:
                              self._on_job_succeeded(c, p, ch.value, pw))
        job.failed.connect(lambda e, c=case_id, p=path, k=kind, pw=password:
                           self._on_job_failed(c, p, k, pw, e))
        job.cancelled.connect(lambda c=case_id, p=path: self._on_job_failed(c, p, kind, None,
                                                                             Cancelled()))
        job.finished.connect(lambda j=job: self._jobs.remove(j) if j in self._jobs else None)

    def _done_one(self, case_id: int) -> None:
        self._pending[case_id] -= 1
        if self._pending[case_id] <= 0:
            del self._pending[case_id]
            self.batch_finished.emit(case_id)

    def _on_job_succeeded(self, case_id: int, path: Path, exhibit, password=None) -> None:
        if password:
            self.ctx.passwords[exhibit.sha256] = password
        self.file_attached.emit(case_id, path, exhibit)
        self._done_one(case_id)

    def _on_job_failed(self, case_id, path, kind, password, exc) -> None:
        if isinstance(exc, PasswordRequired) and self.password_provider is not None:
            self._locked.append((case_id, path, kind, password is not None))
            self._ask_next()
            return
        if not isinstance(exc, EvidenceKitError):
            self.ctx.presenter.show(exc)  # a bug, not a bad file: offer the details to copy
        self.file_failed.emit(case_id, path, exc)
        self._done_one(case_id)

    def _ask_next(self) -> None:
        # One password prompt at a time, even when several locked PDFs arrive together.
        if self._asking or not self._locked:
            return
        self._asking = True
        try:
            while self._locked:
                case_id, path, kind, was_wrong = self._locked.pop(0)
                password = self.password_provider(path, was_wrong)
                if password:
                    self._queue(case_id, path, kind, password, announce=False)
                else:
                    self.file_failed.emit(case_id, path, PasswordNotGiven())
                self._done_one(case_id)
        finally:
            self._asking = False
