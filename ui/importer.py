"""Attaching files: one serialised library write per file, on the writer thread.

A refused file is reported with its reason and the rest of the drop goes on. A locked PDF
asks for its password on the main thread (through ``password_provider``) and is retried.
A file the case already holds (same SHA-256) is set aside and, when the batch is done, the
user is asked once whether to skip those files or add them anyway (``duplicate_asker``).

The importer, not the widgets, keeps each case's batch: how far it is (``progressed``), the
files refused (shown again after a language switch or a return to the case), and the list
of files still to attach, written to the library so that an import cut short by a kill or a
close can be offered again at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from evidencekit.errors import Cancelled, EvidenceKitError, PasswordNotGiven, PasswordRequired
from evidencekit.store.imports import (
    forget_import,
    import_file_done,
    new_import_id,
    remember_import,
    unfinished_imports,
)

from .ops import OpChanges, run_op
from .runner import Job


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the files inside them (recursively, sorted), without
    following links that leave the folder (the core decides: ``collect_files``)."""
    from evidencekit.ingest.files import collect_files  # not at start: ingestion imports pypdf
    return collect_files(paths).files


def _write(ctx, name: str, fn) -> Job:
    """A bookkeeping write (the list of files still to import) as an op: no case changes."""
    def op(lib) -> OpChanges:
        fn(lib)
        return OpChanges()
    return run_op(ctx, name, op)


def _duplicate_of(exc):
    """The exhibit a refused file duplicates, if that was the reason (the core's
    ``DuplicateExhibit`` carries it)."""
    return getattr(exc, "existing", None) if getattr(exc, "code", "") == "duplicate" else None


@dataclass
class ImportBatch:
    """What one case's current import has done so far."""
    total: int = 0
    done: int = 0
    attached: int = 0
    refused: int = 0
    skipped: int = 0
    cancelled: bool = False
    record_ids: list[str] = field(default_factory=list)
    duplicates: list[tuple[Path, object, str | None]] = field(default_factory=list)


class Importer(QObject):
    """App-owned import queue (widgets only listen)."""

    file_queued = Signal(int, object)            # case id, path
    file_attached = Signal(int, object, object)  # case id, path, Exhibit
    file_failed = Signal(int, object, object)    # case id, path, exception
    file_skipped = Signal(int, object, object)   # case id, path, the exhibit that holds it
    progressed = Signal(int, int, int)           # case id, files finished, files in the batch
    batch_finished = Signal(int)                 # case id: nothing left to import for it

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.password_provider: Callable[[Path, bool], str | None] | None = None
        # (case id, [(path, existing exhibit, kind)], answer): asks without blocking, then
        # calls answer(True) to add them anyway or answer(False) to skip them.
        self.duplicate_asker: Callable[[int, list, Callable[[bool], None]], None] | None = None
        self._pending: dict[int, int] = {}  # case id -> files not finished
        self._batches: dict[int, ImportBatch] = {}
        self._refused: dict[int, list[tuple[Path, BaseException]]] = {}
        self._queued: dict[int, list[Path]] = {}  # files still importing, in order
        self._jobs: list[Job] = []
        self._locked: list[tuple[int, Path, str | None, bool, str | None]] = []
        self._asking = False

    # ---- starting --------------------------------------------------------------------------
    def add(self, case_id: int, paths: list[Path], kind: str | None = None, *,
            resume_id: str | None = None) -> int:
        """Queue ``paths`` (folders expanded). ``resume_id`` continues a remembered batch."""
        from evidencekit.ingest.files import collect_files  # not at start: imports pypdf
        found = collect_files(paths)
        for path, error in found.skipped:  # links leaving a folder, pipes, loops: say why
            self.file_queued.emit(case_id, path)
            self._refused.setdefault(case_id, []).append((path, error))
            self.file_failed.emit(case_id, path, error)
        files = found.files
        if not files:
            return 0
        batch = self._batch(case_id)
        batch.total += len(files)
        record = self._remember(case_id, files, kind, resume_id)
        batch.record_ids.append(record)
        for path in files:
            # A resumed file may have gone in just before the kill: skip it quietly then.
            self._queue(case_id, path, kind, None, record=record,
                        duplicate="skip" if resume_id else "ask")
        self.progressed.emit(case_id, batch.done, batch.total)
        return len(files)

    def _remember(self, case_id, files, kind, resume_id) -> str:
        if resume_id:
            return resume_id
        # Written on the writer thread, before the files' own jobs (the pool is first in,
        # first out), so a kill at any point leaves the list of what is still missing.
        import_id = new_import_id()
        _write(self.ctx, "remember import",
               lambda lib: remember_import(lib, case_id, files, kind, import_id))
        return import_id

    def resume(self, entry: dict) -> int:
        """Attach the files a remembered batch had not finished."""
        return self.add(int(entry["case_id"]), [Path(f) for f in entry["files"]],
                        entry.get("kind"), resume_id=entry["id"])

    def discard(self, entry: dict) -> None:
        """Forget a remembered batch the user does not want to resume."""
        _write(self.ctx, "forget import", lambda lib: forget_import(lib, entry["id"]))

    def unfinished(self) -> list[dict]:
        """Remembered batches of an earlier run (or this one) not finished yet."""
        return unfinished_imports(self.ctx.lib)

    # ---- state -----------------------------------------------------------------------------
    def pending(self, case_id: int | None = None) -> int:
        if case_id is None:
            return sum(self._pending.values())
        return self._pending.get(case_id, 0)

    def batch(self, case_id: int) -> ImportBatch | None:
        return self._batches.get(case_id)

    def rows(self, case_id: int) -> list[tuple[Path, BaseException | None]]:
        """Files of the case still importing (None) or refused (their error), in order."""
        return [(p, None) for p in self._queued.get(case_id, [])] + \
            list(self._refused.get(case_id, []))

    def clear_refused(self, case_id: int) -> None:
        self._refused.pop(case_id, None)

    def cancel(self, case_id: int) -> None:
        """Stop the case's import: files not started are not added, and not offered again."""
        batch = self._batches.get(case_id)
        if batch is None:
            return
        batch.cancelled = True
        for job in list(self._jobs):
            if getattr(job, "case_id", None) == case_id:
                job.cancel()
        records = list(batch.record_ids)

        def forget(lib) -> None:
            for r in records:
                forget_import(lib, r)

        _write(self.ctx, "forget import", forget)

    def cancel_all(self) -> None:
        """The app is closing: stop, but keep the lists, to offer them at the next start."""
        for job in list(self._jobs):
            job.cancel()

    def _batch(self, case_id: int) -> ImportBatch:
        batch = self._batches.get(case_id)
        if batch is None or (not self._pending.get(case_id)):
            batch = self._batches[case_id] = ImportBatch()
        return batch

    # ---- one file --------------------------------------------------------------------------
    def _queue(self, case_id: int, path: Path, kind: str | None, password: str | None,
               announce: bool = True, record: str | None = None, duplicate: str = "ask") -> None:
        self._pending[case_id] = self._pending.get(case_id, 0) + 1
        if announce:
            self._queued.setdefault(case_id, []).append(path)
            self.file_queued.emit(case_id, path)
        ctx = self.ctx

        def attach(lib, progress, cancel) -> OpChanges:
            if cancel.is_set():
                raise Cancelled()
            try:
                ex = lib.attach(case_id, path, kind=kind, password=password,
                                allow_duplicate=duplicate == "add")
            except PasswordRequired:
                raise  # asked for on the main thread, then tried again: not finished yet
            except BaseException:
                if record and not cancel.is_set():
                    import_file_done(lib, record, path)
                raise
            if record:
                import_file_done(lib, record, path)
            return OpChanges.of_case(case_id, ex)

        job = run_op(ctx, f"attach {path.name}", attach, long=True,
                     on_failure=lambda e: None)  # reported by _on_job_failed below
        job.case_id = case_id
        self._jobs.append(job)
        job.succeeded.connect(lambda ch, c=case_id, p=path, pw=password:
                              self._on_job_succeeded(c, p, ch.value, pw))
        job.failed.connect(lambda e, c=case_id, p=path, k=kind, pw=password, r=record, d=duplicate:
                           self._on_job_failed(c, p, k, pw, e, r, d))
        job.cancelled.connect(lambda c=case_id, p=path: self._on_job_cancelled(c, p))
        job.finished.connect(lambda j=job: self._jobs.remove(j) if j in self._jobs else None)

    def _done_one(self, case_id: int, outcome: str) -> None:
        batch = self._batches.get(case_id)
        if batch is not None:
            batch.done += 1
            if outcome in ("attached", "refused", "skipped"):
                setattr(batch, outcome, getattr(batch, outcome) + 1)
            self.progressed.emit(case_id, min(batch.done, batch.total), batch.total)
        self._pending[case_id] -= 1
        if self._pending[case_id] <= 0:
            del self._pending[case_id]
            self.batch_finished.emit(case_id)
            if batch is not None and batch.duplicates and not batch.cancelled:
                self._ask_duplicates(case_id, batch)

    def _unqueue(self, case_id: int, path: Path) -> None:
        queued = self._queued.get(case_id, [])
        if path in queued:
            queued.remove(path)

    def _on_job_succeeded(self, case_id: int, path: Path, exhibit, password=None) -> None:
        if password:
            self.ctx.passwords[exhibit.sha256] = password
        self._unqueue(case_id, path)
        self.file_attached.emit(case_id, path, exhibit)
        self._done_one(case_id, "attached")

    def _on_job_cancelled(self, case_id: int, path: Path) -> None:
        self._unqueue(case_id, path)
        self.file_failed.emit(case_id, path, Cancelled())
        self._done_one(case_id, "cancelled")

    def _on_job_failed(self, case_id, path, kind, password, exc, record=None,
                       duplicate="ask") -> None:
        if isinstance(exc, PasswordRequired) and self.password_provider is not None:
            self._locked.append((case_id, path, kind, password is not None, record))
            self._ask_next()
            return
        existing = _duplicate_of(exc)
        if existing is not None:
            self._unqueue(case_id, path)
            batch = self._batches.get(case_id)
            if duplicate == "ask" and batch is not None:
                batch.duplicates.append((path, existing, kind))
            self.file_skipped.emit(case_id, path, existing)
            self._done_one(case_id, "skipped")
            return
        if not isinstance(exc, EvidenceKitError):
            self.ctx.presenter.show(exc)  # a bug, not a bad file: offer the details to copy
        self._unqueue(case_id, path)
        self._refused.setdefault(case_id, []).append((path, exc))
        self.file_failed.emit(case_id, path, exc)
        self._done_one(case_id, "refused")

    def _ask_duplicates(self, case_id: int, batch: ImportBatch) -> None:
        """Once per batch, after it: skip the files the case already holds (the default), or
        add them anyway (then they go in as a batch of their own)."""
        dups, batch.duplicates = batch.duplicates, []
        if self.duplicate_asker is None:
            return

        def answer(add: bool) -> None:
            if add:
                self.add_anyway(case_id, dups)

        self.duplicate_asker(case_id, dups, answer)

    def add_anyway(self, case_id: int, duplicates: list) -> None:
        """Attach files the case already holds (the user chose to keep a second copy)."""
        batch = self._batch(case_id)
        for path, _existing, kind in duplicates:
            batch.total += 1
            self._queue(case_id, path, kind, None, duplicate="add")
        self.progressed.emit(case_id, batch.done, batch.total)

    def _ask_next(self) -> None:
        # One password prompt at a time, even when several locked PDFs arrive together.
        if self._asking or not self._locked:
            return
        self._asking = True
        try:
            while self._locked:
                case_id, path, kind, was_wrong, record = self._locked.pop(0)
                password = self.password_provider(path, was_wrong)
                if password:
                    self._pending[case_id] -= 1  # the retry below counts it again
                    self._queue(case_id, path, kind, password, announce=False, record=record)
                    continue
                error = PasswordNotGiven()
                if record:
                    _write(self.ctx, "import file done",
                           lambda lib, r=record, p=path: import_file_done(lib, r, p))
                self._unqueue(case_id, path)
                self._refused.setdefault(case_id, []).append((path, error))
                self.file_failed.emit(case_id, path, error)
                self._done_one(case_id, "refused")
        finally:
            self._asking = False
