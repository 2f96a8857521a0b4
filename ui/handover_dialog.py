"""File ▸ Export case… / Import case… / Back up library… / Restore library…: one job, its
progress, its answer.

The work is the core's (``evidencekit.handover``); it runs on the runner (a case's export
and import as long ops on the writer thread, a backup on the work pool), never on the UI
thread. The dialog shows what is being done, a Cancel button while it runs, and then the
result or the refusal in plain words (the core names the altered member, the unsafe path).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from evidencekit.errors import Cancelled, EvidenceKitError, RestoreTargetNotEmpty

from .errors import describe
from .i18n import pick
from .ops import OpChanges, run_op
from .runner import WORK


class HandoverDialog(QDialog):
    """The progress and the answer of one export, import or backup."""

    done = Signal(object)  # the core's result, on success

    def __init__(self, ctx, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.result = None
        self.error: BaseException | None = None
        self.setWindowTitle(title)
        self.setObjectName("handoverDialog")
        self.step = QLabel(" ")
        self.step.setObjectName("handoverStep")
        self.step.setWordWrap(True)
        self.step.setMinimumWidth(520)
        # Room for a refusal naming a member (a 64-character hash) without clipping.
        self.step.setMinimumHeight(self.step.fontMetrics().lineSpacing() * 4)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.step)
        lay.addLayout(buttons)

    # ---- the three jobs --------------------------------------------------------------------
    def export_case(self, case_id: int, path: Path, force: bool = False) -> None:
        from evidencekit.handover import pack_case

        def op(lib, progress, cancel):
            r = pack_case(lib, case_id, path, force=force, now=self.ctx.now(), progress=progress,
                          cancel=cancel)
            return OpChanges.of_case(case_id, value=r)
        self._say(self.tr("Packing the case into %1…").replace("%1", path.name))
        self.job = run_op(self.ctx, "pack case", op, long=True, on_success=self._on_job_succeeded,
                          on_failure=self._on_job_failed, on_progress=self._on_job_progressed)

    def import_case(self, path: Path) -> None:
        from evidencekit.handover import unpack_case

        def op(lib, progress, cancel):
            r = unpack_case(lib, path, progress=progress, cancel=cancel)
            return OpChanges.of_list(r.case_id, value=r)
        self._say(self.tr("Checking every hash in %1…").replace("%1", path.name))
        self.job = run_op(self.ctx, "unpack case", op, long=True, on_success=self._on_job_succeeded,
                          on_failure=self._on_job_failed, on_progress=self._on_job_progressed)

    def back_up(self, folder: Path) -> None:
        from evidencekit.handover import backup_library

        root = Path(self.ctx.lib.root)
        self._say(self.tr("Backing up the library to %1…").replace("%1", str(folder)))
        self.job = self.ctx.runner.run(
            "backup", lambda progress, cancel: backup_library(root, folder, progress=progress,
                                                              cancel=cancel),
            pool=WORK, on_success=self._on_job_succeeded, on_failure=self._on_job_failed,
            on_progress=self._on_job_progressed)
        self.job.cancelled.connect(self._on_job_cancelled)

    def restore(self, backup: Path, target: Path) -> None:
        from evidencekit.handover import restore_library
        from evidencekit.store import Library

        def work(progress, cancel):
            r = restore_library(backup, target, progress=progress, cancel=cancel)
            Library.open(r.folder, create=False).close()  # it opens (and is brought up to date)
            return r

        self._say(self.tr("Restoring %1 into %2…").replace("%1", str(backup)).replace("%2", str(target)))
        self.job = self.ctx.runner.run("restore", work, pool=WORK, on_success=self._on_job_succeeded,
                                       on_failure=self._on_job_failed, on_progress=self._on_job_progressed)
        self.job.cancelled.connect(self._on_job_cancelled)

    # ---- answers ---------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.step.setText(text)
        self.adjustSize()  # a longer answer grows the dialog instead of being clipped

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def _on_job_progressed(self, fraction: float, zh: str, en: str) -> None:
        self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        if zh or en:
            self._say(pick(zh, en))

    def _on_job_succeeded(self, value) -> None:
        r = value.value if isinstance(value, OpChanges) else value
        self.result = r
        self.progress.setValue(1000)
        self._say(self._describe(r))
        self._finish()
        self.done.emit(r)

    def _on_job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._on_job_cancelled()
            return
        self.error = exc
        self.progress.hide()  # a refusal is not "0 % done"
        self._finish()
        if isinstance(exc, EvidenceKitError):
            message, hint = describe(exc)
            if isinstance(exc, RestoreTargetNotEmpty):  # the core's hint names a CLI flag
                hint = self.tr("Choose a new or empty folder: restoring never mixes two libraries.")
            self._say(message + (f"\n{hint}" if hint else ""))
        else:
            self._say(describe(exc)[0])
            self.ctx.presenter.show(exc, self)  # the "copy details" box for a bug

    def _on_job_cancelled(self) -> None:
        self._say(self.tr("Cancelled: nothing was changed."))
        self._finish()

    def _on_cancel_clicked(self) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _describe(self, r) -> str:
        from evidencekit.handover import BackupResult, PackResult, RestoreResult, UnpackResult
        if isinstance(r, RestoreResult):
            return (self.tr("Restored into %1: %2 originals, every hash matches. To work in it, "
                            "choose that folder as the library in Settings.")
                    .replace("%1", str(r.folder)).replace("%2", str(r.blobs)))
        if isinstance(r, PackResult):
            return (self.tr("Packed %1: %2 originals, %3 submitted files, %4 MB. The file holds "
                            "unmasked buyer data: hand it only to your own team.")
                    .replace("%1", r.case_no).replace("%2", str(r.originals))
                    .replace("%3", str(r.submitted)).replace("%4", f"{r.size / 1024 ** 2:,.1f}"))
        if isinstance(r, UnpackResult):
            return (self.tr("Imported as %1 (was %2): %3 originals, %4 submissions; every hash "
                            "matches.").replace("%1", r.case_no).replace("%2", r.imported_from)
                    .replace("%3", str(r.originals)).replace("%4", str(r.submitted)))
        if isinstance(r, BackupResult):
            return (self.tr("Backed up: %1 originals, %2 copied this time (%3 MB), %4 already "
                            "there.").replace("%1", str(r.blobs_total))
                    .replace("%2", str(r.blobs_copied))
                    .replace("%3", f"{r.bytes_copied / 1024 ** 2:,.1f}")
                    .replace("%4", str(r.blobs_present)))
        return ""

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.job is not None and not self.job.done:
            self.job.cancel()  # the core stops at its next step and undoes its work
        super().closeEvent(event)
