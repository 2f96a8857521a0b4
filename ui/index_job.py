"""At start, the search index takes in what changed since it last ran (for a library made by an
older version: the whole backfill) — on the writer thread, its progress in the status bar, the
window usable all along."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from evidencekit.store import search_index

from .errors import describe
from .i18n import pick
from .runner import WRITE


class SearchIndexCatchUp(QObject):
    """Runs :func:`search_index.catch_up` once; ``label`` (in the status bar) shows how far."""

    finished = Signal(int)  # how many items were indexed (-1: failed or cancelled)

    def __init__(self, ctx, label: QLabel, parent=None):
        super().__init__(parent)
        self.ctx, self.label = ctx, label
        self.job = None
        self.running = False

    def start(self):
        ctx = self.ctx
        if ctx.lib.read_only:
            self.finished.emit(0)
            return None

        def work(progress, cancel):
            return search_index.catch_up(ctx.writer_library(), progress=progress, cancel=cancel)

        self.running = True
        self.job = ctx.runner.run("search-index", work, pool=WRITE, on_success=self._on_job_succeeded,
                                  on_failure=self._on_job_failed, on_progress=self._on_job_progressed)
        self.job.cancelled.connect(lambda: self._done(-1))
        return self.job

    def _on_job_progressed(self, _fraction: float, zh: str, en: str) -> None:
        self.label.setText(pick(zh, en))
        self.label.show()

    def _on_job_succeeded(self, count: int) -> None:
        self._done(count)

    def _on_job_failed(self, exc: BaseException) -> None:
        self.label.setText(pick("搜索索引未能更新：", "The search index could not be updated: ")
                           + describe(exc)[0])
        self.label.show()
        self.running = False
        self.finished.emit(-1)

    def _done(self, count: int) -> None:
        self.running = False
        self.label.hide()
        self.finished.emit(count)
