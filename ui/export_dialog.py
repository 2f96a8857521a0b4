"""Export a case's bundle: mode, profile, destination; progress with Cancel; then open or preview.

The export runs as an operation on the worker pool (the dialog only listens). The copy is
for the platform (buyer data masked, no internal notes) or for the merchant's records. A
platform copy of a case that is not ready (required evidence missing, no statement, template
blanks 【…】 left) is written only after a confirmation that lists each problem.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from evidencekit.errors import RuleError

from . import labels
from .errors import describe
from .i18n import pick
from .ops import OpChanges, run_op
from .preview.pdf_view import PdfPreview
from .runner import WORK


def fit_to_screen(widget, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to fit inside the screen's free area (with room for the
    title bar): a 1366×768 laptop has less than 1000 px of height to give."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    avail = screen.availableGeometry()
    return QSize(min(width, int(avail.width() * 0.95)), min(height, int(avail.height() * 0.9)))


def default_destination(ctx, case, mode: str) -> Path:
    folder = ctx.settings.get("export_dir") or str(Path.home())
    return Path(folder) / f"{case.case_no}-{case.order_no}-{mode}.pdf"


class BundlePreviewDialog(QDialog):
    """The exported bundle, inside the app."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = path
        self.view = PdfPreview(self)
        self.ok = self.view.load(path)
        self.info = QLabel()
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.open_folder)
        top.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        self.retranslate()
        if parent is not None and hasattr(parent, "ctx"):
            parent.ctx.language_changed.connect(self.retranslate)
        self.resize(fit_to_screen(self, 900, 1000))

    def retranslate(self) -> None:
        path = self.path
        self.setWindowTitle(self.tr("Bundle preview — %1").replace("%1", path.name))
        size = path.stat().st_size / 1e6 if path.exists() else 0
        self.info.setText(f"<b>{path.name}</b> · " + self.tr("%1 pages · %2 MB")
                          .replace("%1", str(self.view.page_count())).replace("%2", f"{size:.2f}"))
        self.open_folder.setText(self.tr("Open folder"))
        self.close_button.setText(self.tr("Close"))


class ExportDialog(QDialog):
    export_finished = Signal(object)  # ExportReport
    export_failed = Signal(object)
    export_cancelled = Signal()

    def __init__(self, ctx, case_id: int, mode: str = "arbitration", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = ctx.lib.get_case(case_id)
        self.job = None
        self.report = None
        # Replaced in tests; a real run asks with a message box / input dialog.
        self.confirm_missing: Callable[[list[str]], bool] = self._ask_missing
        self.confirm_replace: Callable[[list[str]], bool] = self._ask_replace
        self._replace = False  # the user agreed to replace the destination (asked again per name)
        self.ask_password: Callable[[object], str | None] = self._ask_password
        self._asked_passwords: list[str] = []
        self._step_texts: tuple = ()  # what the step label says, to say it again in a new language
        self.setObjectName("exportDialog")

        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for m in ("arbitration", "appeal"):
            self.mode.addItem(labels.mode_label(m), m)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self.profile = QComboBox()
        self.profile.setObjectName("profile")
        self._fill_profiles()
        self.destination = QLineEdit(str(default_destination(ctx, self.case, mode)))
        self.destination.setObjectName("destination")
        self.browse = QPushButton()
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self._on_browse_clicked)
        dest = QHBoxLayout()
        dest.addWidget(self.destination, 1)
        dest.addWidget(self.browse)
        self.audience = QComboBox()
        self.audience.setObjectName("audience")
        for a in ("platform", "records"):
            self.audience.addItem("", a)
        self.mask = QCheckBox()
        self.mask.setObjectName("mask")
        self._on_profile_changed(0)
        self.form = form = QFormLayout()
        self.mode_label, self.profile_label, self.dest_label = QLabel(), QLabel(), QLabel()
        self.audience_label = QLabel()
        form.addRow(self.mode_label, self.mode)
        form.addRow(self.profile_label, self.profile)
        form.addRow(self.audience_label, self.audience)
        form.addRow(self.dest_label, dest)
        form.addRow("", self.mask)
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        self.audience.currentIndexChanged.connect(self._on_audience_changed)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.step = QLabel(" ")
        self.step.setObjectName("exportStep")
        self.step.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openFolder")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview")
        self.submitted_button = QPushButton()  # 标记为已提交: this export went to the platform
        self.submitted_button.setObjectName("markSubmitted")
        self.submitted_button.clicked.connect(self.mark_submitted)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        for b in (self.open_button, self.preview_button, self.submitted_button):
            b.hide()
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.preview_button.clicked.connect(self.show_preview)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.submitted_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.step)
        lay.addLayout(buttons)
        # The form top to bottom, then the buttons left to right as they are laid out (they
        # were created in another order).
        chain = (self.mode, self.profile, self.audience, self.destination, self.browse, self.mask,
                 self.open_button, self.preview_button, self.submitted_button, self.export_button,
                 self.cancel_button,
                 self.close_button)
        for a, b in pairwise(chain):
            self.setTabOrder(a, b)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self.resize(640, self.sizeHint().height())

    def retranslate(self) -> None:
        """Texts in the current language (also while the dialog is open or an export runs)."""
        self.setWindowTitle(self.tr("Export bundle — %1").replace("%1", self.case.case_no))
        self.mode_label.setText(self.tr("Mode"))
        self.profile_label.setText(self.tr("Profile"))
        self.dest_label.setText(self.tr("Save as"))
        self.browse.setText(self.tr("Browse…"))
        self.audience_label.setText(self.tr("Copy for"))
        self.audience.setItemText(0, self.tr("The platform (to submit: buyer data masked, no "
                                             "internal notes)"))
        self.audience.setItemText(1, self.tr("My records (everything: clocks, checks, edit log)"))
        self.mask.setText(self.tr("Mask buyer phone numbers and names"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("Open folder"))
        self.preview_button.setText(self.tr("Preview bundle"))
        self.submitted_button.setText(self.tr("Mark as submitted…"))
        self.close_button.setText(self.tr("Close"))
        for i in range(self.mode.count()):
            self.mode.setItemText(i, labels.mode_label(self.mode.itemData(i)))
        for i in range(self.profile.count()):
            p = self._profiles.get(self.profile.itemData(i))
            if p is not None:
                self.profile.setItemText(i, pick(p.title_zh, p.title_en))
        if self._step_texts:
            self._say(*self._step_texts)

    def _say(self, kind: str, *args) -> None:
        """Set the step text; ``kind`` names the message so a language switch can redo it."""
        self._step_texts = (kind, *args)
        if kind == "progress":
            text = pick(*args)
        elif kind == "starting":
            text = self.tr("Starting…")
        elif kind == "cancelling":
            text = self.tr("Cancelling…")
        elif kind == "cancelled":
            text = self.tr("Export cancelled; nothing was saved.")
        elif kind == "saved":
            names, warnings = args
            text = "\n".join([self.tr("Saved: %1").replace("%1", names)]
                             + [pick(*w) for w in warnings])
        elif kind == "failed":
            exc, unexpected = args
            msg, hint = describe(exc)
            if unexpected:
                msg = self.tr("The export failed unexpectedly; nothing was saved.")
            text = self.tr("Export failed: %1").replace("%1", msg) + (f"\n{hint}" if hint else "")
        else:
            text = " "
        self.step.setText(text)

    def _fill_profiles(self) -> None:
        from evidencekit.export import load_profiles
        try:
            profiles = load_profiles(self.ctx.lib.profiles_dir)
        except RuleError:  # a broken profile file must not hide the dialog
            profiles = {}
        self._profiles = profiles
        for name, p in profiles.items():
            self.profile.addItem(pick(p.title_zh, p.title_en), name)
        default = self.ctx.settings.get("default_profile")
        self.profile.setCurrentIndex(max(0, self.profile.findData(default)))

    def _on_profile_changed(self, _i) -> None:
        """Each profile has its usual reader: the archive profile makes a records copy."""
        from evidencekit.export import default_audience
        p = self._profiles.get(self.profile.currentData())
        audience = default_audience(p) if p is not None else "platform"
        self.audience.setCurrentIndex(max(0, self.audience.findData(audience)))
        self._on_audience_changed(0)

    def _on_audience_changed(self, _i) -> None:
        platform = self.audience.currentData() == "platform"
        self.mask.setChecked(bool(self.ctx.settings.get("masking")) if platform else False)

    def _on_mode_changed(self, _i) -> None:
        mode = self.mode.currentData()
        current = Path(self.destination.text())
        other = "appeal" if mode == "arbitration" else "arbitration"
        if current.name.endswith(f"-{other}.pdf"):
            self.destination.setText(str(current.with_name(current.name.replace(
                f"-{other}.pdf", f"-{mode}.pdf"))))

    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save bundle as"),
                                              self.destination.text(), "PDF (*.pdf)")
        if name:
            self.destination.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    # ---- running -------------------------------------------------------------------------
    def problems(self, source=None) -> list[str]:
        """What keeps this case from going to the platform (the CLI refuses the same list)."""
        if self.audience.currentData() != "platform":
            return []
        from evidencekit.export import platform_problems, source_from_library
        mode = self.mode.currentData()
        source = source or source_from_library(self.ctx.lib, self.case.id, mode, self.ctx.now())
        return [pick(zh, en) for zh, en in platform_problems(source, mode)]

    def _ask_missing(self, problems: list[str]) -> bool:
        text = self.tr("This case is not ready for the platform:") + "\n\n" + \
            "\n".join(f"• {m}" for m in problems) + "\n\n" + \
            self.tr("The platform may reject an incomplete bundle. Export anyway?")
        answer = QMessageBox.question(self, self.tr("Not ready for the platform"), text,
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _ask_replace(self, names: list[str]) -> bool:
        text = self.tr("This file already exists:") + "\n\n" + "\n".join(names) + "\n\n" + \
            self.tr("Replace it? The old file stays as it is until the new bundle is complete.")
        answer = QMessageBox.question(self, self.tr("Replace the file?"), text,
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def start(self) -> bool:
        if self.job is not None:
            return False
        if not self._collect_passwords():
            return False
        from evidencekit.export import CaseExport
        out = Path(self.destination.text()).expanduser()
        # The core's one export of a case: read here (what the user just confirmed), written
        # on a worker, recorded when done; the same defaults as the CLI's (platform's zone).
        self._export = CaseExport.prepare(
            self.ctx.lib, self.case.id, out, mode=self.mode.currentData(),
            profile=self.profile.currentData() or None, now=self.ctx.now(),
            mask=self.mask.isChecked(), audience=self.audience.currentData(),
            allow_incomplete=True,  # the problems are listed and confirmed just below
            passwords=dict(self.ctx.passwords))
        # The same list the CLI refuses on; here the user may go ahead after reading it.
        problems = self.problems(self._export.source)
        if problems and not self.confirm_missing(problems):
            return False
        # An existing file is never replaced silently: asked here; the core then writes the new
        # bundle beside it and renames it over the old one only once it is complete.
        if out.is_file() and not self._replace:
            if not self.confirm_replace([str(out)]):
                return False
            self._replace = True
        if self._replace:
            self._export = replace(self._export, overwrite=True)
        self._replace = False  # one answer, one export
        work = self._export.write

        self.ctx.settings.set("export_dir", str(out.parent))
        self._set_running(True)
        self._say("starting")
        self.job = self.ctx.runner.run("export", work, pool=WORK,
                                       on_progress=self._on_job_progressed,
                                       on_success=self._on_job_succeeded,
                                       on_failure=self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        return True

    def _collect_passwords(self) -> bool:
        """Ask for the password of each encrypted PDF not opened this session."""
        self._asked_passwords = []
        for ex in self.ctx.lib.list_exhibits(self.case.id):
            if (ex.facts or {}).get("encrypted") and ex.sha256 not in self.ctx.passwords:
                password = self.ask_password(ex)
                if not password:
                    return False
                self.ctx.passwords[ex.sha256] = password
                self._asked_passwords.append(ex.sha256)
        return True

    def _ask_password(self, exhibit) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit
        text, ok = QInputDialog.getText(
            self, self.tr("PDF password"),
            self.tr("E%1 (%2) is encrypted. Enter its password to include it:")
            .replace("%1", str(exhibit.position)).replace("%2", exhibit.source_name),
            QLineEdit.Password)
        return text if ok and text else None

    def cancel(self) -> None:
        if self.job is not None and not self.job.done:
            self._say("cancelling")
            self.cancel_button.setEnabled(False)
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        for w in (self.mode, self.profile, self.audience, self.destination, self.mask,
                  self.export_button):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _on_job_progressed(self, fraction: float, zh: str, en: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{int(fraction * 100)}%")
        self._say("progress", zh, en)

    def _on_job_succeeded(self, report) -> None:
        self.job = None
        self.report = report
        self._set_running(False)
        self.progress.setValue(1000)
        export, case_id = self._export, self.case.id

        def record(lib) -> OpChanges:  # the writer's connection records it
            replace(export, library=lib).record(report)
            return OpChanges.of_case(case_id)

        def finished(*_args) -> None:  # recorded (or the error shown): the export is done
            files = [Path(f) for f in report.files]
            warnings = list(getattr(report, "warnings", []))
            if report.audience == "platform" and not report.masked:
                warnings.insert(0, ("警告：平台版未遮挡买家信息，提交前请确认。",
                                    "Warning: this platform copy keeps buyer data unmasked; "
                                    "check before submitting."))
            self._say("saved", ", ".join(f.name for f in files), warnings)
            self.open_button.show()
            self.preview_button.show()
            self.submitted_button.show()
            self.export_finished.emit(report)

        def not_recorded(exc) -> None:
            self.ctx.presenter.show(exc, self)
            finished()
        run_op(self.ctx, "record export", record, on_success=finished, on_failure=not_recorded)

    def _on_job_failed(self, exc) -> None:
        self.job = None
        if getattr(exc, "code", "") == "password_required":  # a wrong one: ask again next time
            for sha in self._asked_passwords:
                self.ctx.passwords.pop(sha, None)
        self._set_running(False)
        self.progress.setValue(0)
        from evidencekit.errors import DestinationExists, EvidenceKitError
        if isinstance(exc, DestinationExists):  # split parts (OUT-1.pdf …) found when saving
            from .errors import describe
            if self.confirm_replace([describe(exc)[0]]):
                self._replace = True
                self.start()
                return
        unexpected = not isinstance(exc, EvidenceKitError)
        if unexpected:
            self.ctx.presenter.show(exc, self)
        self._say("failed", exc, unexpected)
        self.export_failed.emit(exc)

    def _on_job_cancelled(self) -> None:
        self.job = None
        self._set_running(False)
        self.progress.setValue(0)
        self._say("cancelled")
        self.export_cancelled.emit()

    def _on_open_clicked(self) -> None:
        if self.report and self.report.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.report.files[0]).parent)))

    def mark_submitted(self):
        """Ask how and when these files went to the platform (the core records it)."""
        if not (self.report and self.report.files):
            return None
        from .submission_dialogs import MarkSubmittedDialog
        kind = "appeal" if self.mode.currentData() == "appeal" else "evidence"
        dlg = MarkSubmittedDialog(self.ctx, self.case.id, [Path(f) for f in self.report.files],
                                  self, as_kind=kind)
        dlg.accepted.connect(self.submitted_button.hide)
        dlg.show()
        return dlg

    def show_preview(self) -> BundlePreviewDialog | None:
        if not (self.report and self.report.files):
            return None
        dlg = BundlePreviewDialog(Path(self.report.files[0]), self)
        dlg.show()
        return dlg

    def reject(self):
        """Close (the Close button, Esc, the title bar's X): a running export is cancelled
        first. QDialog's closeEvent calls this, so it must not call close() itself."""
        if self.job is not None and not self.job.done:
            self.cancel()
            self.ctx.runner.wait(30000)  # the pipeline removes its partial files on cancel
        super().reject()
