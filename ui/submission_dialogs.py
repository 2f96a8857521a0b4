"""After the bundle: mark an export as submitted, record the platform's decision, open the exact
bytes that went to the platform, reopen a closed case. The rules are the core's
(evidencekit.submission, store/process.py); these dialogs ask and run the writes as ops."""

from __future__ import annotations

import atexit
import shutil
import stat
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from evidencekit import submission
from evidencekit.domain import OUTCOMES
from evidencekit.errors import AppealLimitReached
from evidencekit.lifecycle import SUBMIT_KINDS

from .datetime_field import OptionalDateTimeEdit
from .errors import describe
from .i18n import pick
from .ops import OpChanges, run_op


class MarkSubmittedDialog(QDialog):
    """标记为已提交: which kind of submission, when; at the appeal limit the core's refusal is
    shown as it is, with an explicit "submit anyway" and a reason (logged by the core)."""

    def __init__(self, ctx, case_id: int, files: list[Path], parent=None, *, as_kind: str = "evidence"):
        super().__init__(parent)
        self.setObjectName("markSubmittedDialog")
        self.ctx, self.case_id, self.files = ctx, case_id, [Path(f) for f in files]
        self.result_record: dict | None = None
        self.setWindowTitle(self.tr("Mark as submitted"))
        self.kind = QComboBox()
        self.kind.setObjectName("submitKind")
        for k, names in SUBMIT_KINDS.items():
            self.kind.addItem(pick(*names), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(as_kind)))
        self.at = OptionalDateTimeEdit(ctx.zone)
        self.at.setObjectName("submittedAt")
        self.at.setValue(ctx.now())
        self.refusal = QLabel()
        self.refusal.setObjectName("submitRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b71c1c;")
        self.refusal.hide()
        self.force = QCheckBox(self.tr("Submit anyway (the platform allowed another)"))
        self.force.setObjectName("submitForce")
        self.reason = QLineEdit()
        self.reason.setObjectName("submitReason")
        self.reason.setPlaceholderText(self.tr("Why (kept in the action log)"))
        self.force.hide()
        self.reason.hide()
        form = QFormLayout()
        form.addRow(self.tr("Files"), QLabel("\n".join(f.name for f in self.files)))
        form.addRow(self.tr("Submitted as"), self.kind)
        form.addRow(self.tr("Submitted at"), self.at)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.refusal)
        lay.addWidget(self.force)
        lay.addWidget(self.reason)
        lay.addWidget(self.buttons)

    def submit(self) -> None:
        case_id, files = self.case_id, list(self.files)
        kind, at = self.kind.currentData(), self.at.value() or self.ctx.now()
        force, reason = self.force.isChecked(), self.reason.text()

        def op(lib) -> OpChanges:
            return OpChanges.of_case(case_id, submission.submit(
                lib, case_id, files, as_kind=kind, at=at, force=force, reason=reason))

        def done(changes: OpChanges) -> None:
            self.result_record = changes.value
            self.accept()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, AppealLimitReached) or (force and getattr(exc, "code", "") == "reason_required"):
                msg, _hint = describe(exc)
                self.refusal.setText(msg + "\n" + self.tr(
                    "If the platform really allowed another, tick below and give the reason."))
                self.refusal.show()
                self.force.show()
                self.reason.show()
            else:
                self.ctx.presenter.show(exc, self)
        run_op(self.ctx, "submit", op, on_success=done, on_failure=refused)


class DecisionDialog(QDialog):
    """The platform's answer to a submission: won / partly / lost / refunded / withdrawn."""

    def __init__(self, ctx, case_id: int, submission_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.ctx, self.case_id, self.submission_id = ctx, case_id, submission_id
        self.result_record: dict | None = None
        self.setWindowTitle(self.tr("Record the platform's decision"))
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        for d, names in OUTCOMES.items():
            self.decision.addItem(pick(*names), d)
        self.at = OptionalDateTimeEdit(ctx.zone)
        self.at.setObjectName("decidedAt")
        self.at.setValue(ctx.now())
        self.refund = QLineEdit()
        self.refund.setObjectName("refund")
        self.ref = QLineEdit()
        self.ref.setObjectName("decisionRef")
        form = QFormLayout()
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Decided at"), self.at)
        form.addRow(self.tr("Refund amount"), self.refund)
        form.addRow(self.tr("Platform reference"), self.ref)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.decide)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def decide(self) -> None:
        case_id, sub_id = self.case_id, self.submission_id
        decision, at = self.decision.currentData(), self.at.value() or self.ctx.now()
        refund, ref = self.refund.text().strip(), self.ref.text().strip()

        def op(lib) -> OpChanges:
            return OpChanges.of_list(case_id, value=lib.decide(
                case_id, decision, submission_id=sub_id, at=at, refund=refund, ref=ref))

        def done(changes: OpChanges) -> None:
            self.result_record = changes.value
            self.accept()
        run_op(self.ctx, "decide", op, on_success=done,
               on_failure=lambda exc: self.ctx.presenter.show(exc, self))


_OPENED_PREFIX = "evidencekit-opened-"
_STALE_SECONDS = 24 * 3600
_opened: Path | None = None


def _remove_tree(folder: Path) -> None:
    """The copies are read-only (Windows refuses to delete those): make them writable first;
    a file a viewer still holds open stays for the next start's sweep."""
    for path in folder.rglob("*"):
        try:
            path.chmod(stat.S_IWRITE | stat.S_IREAD | (stat.S_IEXEC if path.is_dir() else 0))
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def opened_folder() -> Path:
    """One temporary folder per app run for the copies it hands to viewers, removed when the app
    quits; folders left by runs that died (or files a viewer held) are swept after a day."""
    global _opened
    if _opened is None:
        root = Path(tempfile.gettempdir())
        for old in (*root.glob(_OPENED_PREFIX + "*"), *root.glob("evidencekit-submission-*")):
            try:
                if old.is_dir() and time.time() - old.stat().st_mtime > _STALE_SECONDS:
                    _remove_tree(old)
            except OSError:
                pass
        _opened = Path(tempfile.mkdtemp(prefix=_OPENED_PREFIX))
        atexit.register(_remove_tree, _opened)
    return _opened


def submitted_copy(ctx, submission_id: int) -> list[Path]:
    """Temporary copies of a submission's kept bytes under their original names (the blob
    store is never handed out: a viewer must not be able to change it)."""
    out = []
    folder = Path(tempfile.mkdtemp(prefix=f"submission-{submission_id}-", dir=opened_folder()))
    for name, blob in ctx.lib.submission_files(submission_id):
        dest = folder / Path(name).name
        shutil.copyfile(blob, dest)
        dest.chmod(0o444)
        out.append(dest)
    return out


def open_submitted(ctx, submission_id: int) -> list[Path]:
    """Open the exact bundle that went to the platform (even if the exported file is gone)."""
    copies = submitted_copy(ctx, submission_id)
    for p in copies:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
    return copies


def reopen_case(ctx, case_id: int, reason: str, on_done=None) -> None:
    def op(lib) -> OpChanges:
        return OpChanges.of_list(case_id, value=lib.reopen_case(case_id, reason))
    run_op(ctx, "reopen", op, on_success=on_done)
