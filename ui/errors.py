"""Showing errors: known ones plainly, unknown ones with a "copy details" button.

A stack trace never appears in a window; it goes to the clipboard on request and to stderr.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from evidencekit.errors import Cancelled, EvidenceKitError

from .i18n import lang


def describe(exc: BaseException) -> tuple[str, str]:
    """(message, hint) in the UI language for a known error."""
    if isinstance(exc, EvidenceKitError):
        return exc.message(lang()), exc.hint(lang())
    # Unknown errors: a plain sentence, never the exception text (details go to the dialog).
    from PySide6.QtCore import QCoreApplication
    return (QCoreApplication.translate("ErrorPresenter", "Unexpected error (%1).")
            .replace("%1", type(exc).__name__), "")


def details_of(exc: BaseException) -> str:
    return getattr(exc, "details", None) or "".join(traceback.format_exception(exc))


class ErrorPresenter(QObject):
    """Shows errors in non-blocking message boxes; emits what it showed (for tests and logs)."""

    error_shown = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.boxes: list[QMessageBox] = []

    def show(self, exc: BaseException, parent: QWidget | None = None, title: str = "") -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, EvidenceKitError):
            message, hint = describe(exc)
            box = QMessageBox(QMessageBox.Warning, title or self.tr("EvidenceKit"), message,
                              QMessageBox.Ok, parent)
            if hint:
                box.setInformativeText(hint)
        else:
            message = self.tr("Something went wrong that EvidenceKit did not expect. "
                              "Your library was not changed by this error.")
            box = QMessageBox(QMessageBox.Critical, title or self.tr("Unexpected error"), message,
                              QMessageBox.Ok, parent)
            box.setInformativeText(self.tr("Please copy the details and send them to support."))
            copy = box.addButton(self.tr("Copy details"), QMessageBox.ActionRole)
            text = details_of(exc)
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
            print(text, file=sys.stderr)
        box.setObjectName("errorBox")
        box.finished.connect(lambda _=0, b=box: self._forget(b))
        self.boxes.append(box)
        box.open()
        self.error_shown.emit(message)

    def _forget(self, box: QMessageBox) -> None:
        if box in self.boxes:
            self.boxes.remove(box)
        box.deleteLater()


class _ThreadBridge(QObject):
    raised = Signal(object)


def install_excepthooks(presenter: ErrorPresenter) -> None:
    """Route uncaught exceptions (main thread and worker threads) to the presenter."""
    bridge = _ThreadBridge(presenter)
    bridge.raised.connect(lambda e: presenter.show(e))

    def hook(etype, value, tb):
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        value.details = "".join(traceback.format_exception(etype, value, tb))
        presenter.show(value)

    def thread_hook(args):
        if args.exc_value is None:
            return
        args.exc_value.details = "".join(traceback.format_exception(
            args.exc_type, args.exc_value, args.exc_traceback))
        bridge.raised.emit(args.exc_value)  # queued to the main thread

    sys.excepthook = hook
    threading.excepthook = thread_hook
