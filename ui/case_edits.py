"""Editing a case while others may too (issue 13).

- :class:`CaseVersions`: the version of each open case this desktop's edits start from. A save
  passes it (``update_case(expected_version=…)``); the core refuses it when someone else saved
  a newer one since, and :func:`show_stale` says who and when, with a Refresh button.
- :class:`CaseLease`: while a case is open here it holds the case's edit lease, renewed every
  ``RENEW_MS``; when another desktop holds it, ``other_editor`` names them ("正在由 小王 编辑").
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from evidencekit.errors import StaleCase

from .errors import describe
from .ops import OpChanges, run_op

RENEW_MS = 30_000  # a lease lasts 120 s (the core's LEASE_SECONDS): renewed four times over


class CaseVersions:
    """Case id → the version this desktop last saw or saved (read on the writer thread)."""

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}
        self._lock = threading.Lock()

    def seen(self, case) -> None:
        """The case as shown now (loaded, or refreshed after a change was announced)."""
        with self._lock:
            self._seen[case.id] = max(self._seen.get(case.id, 0), case.version)

    def saved(self, case) -> None:
        """After this desktop's own write: its result is the new starting point."""
        with self._lock:
            self._seen[case.id] = case.version

    def expected(self, case_id: int) -> int | None:
        with self._lock:
            return self._seen.get(case_id)

    def tracked(self, case_ids) -> list[int]:
        with self._lock:
            return [c for c in case_ids if c in self._seen]

    def forget(self, case_id: int) -> None:
        with self._lock:
            self._seen.pop(case_id, None)


def save_case(ctx, case_id: int, fields: dict[str, Any], *, name: str = "save case",
              on_success: Callable[[OpChanges], None] | None = None,
              on_failure: Callable[[BaseException], None] | None = None,
              parent: QWidget | None = None) -> None:
    """Write ``fields`` of a case as an op, refused if someone else saved a newer version
    since this desktop last saw it (then the stale dialog is shown, and ``on_failure`` runs)."""
    def work(lib) -> OpChanges:
        case = lib.update_case(case_id, expected_version=ctx.versions.expected(case_id), **fields)
        return OpChanges.of_case(case_id, case)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, StaleCase):
            show_stale(ctx, case_id, exc, parent)
        if on_failure is not None:
            on_failure(exc)
        elif not isinstance(exc, StaleCase):
            ctx.presenter.show(exc, parent)

    run_op(ctx, name, work, on_success=on_success, on_failure=failed)


def show_stale(ctx, case_id: int, exc: StaleCase, parent: QWidget | None = None) -> QMessageBox:
    """"小王 10:02 修改了此案件，请刷新" with a Refresh button (non-blocking)."""
    message, hint = describe(exc)
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("CaseEdits", "Case changed"), message,
                      QMessageBox.NoButton, parent)
    box.setObjectName("staleCase")
    box.setInformativeText(hint)
    refresh = box.addButton(QCoreApplication.translate("CaseEdits", "Refresh"), QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Close)

    def done(_result) -> None:
        if box.clickedButton() is refresh:
            refresh_case(ctx, case_id)
        box.deleteLater()

    box.finished.connect(done)
    box.open()
    ctx.presenter.error_shown.emit(message)
    return box


def refresh_case(ctx, case_id: int) -> None:
    """Read the case again everywhere: its newest version becomes the starting point."""
    ctx.versions.forget(case_id)
    ctx.apply(OpChanges.of_case(case_id))


class CaseLease(QObject):
    """Holds the edit lease of the case open in a view; says who else is editing it."""

    other_editor = Signal(str)  # the staff name editing it on another desktop, '' when none

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.other = ""
        self._timer = QTimer(self)
        self._timer.setInterval(RENEW_MS)
        self._timer.timeout.connect(self.renew)

    def hold(self, case_id: int) -> None:
        if case_id == self.case_id:
            return
        self.release()
        self.case_id = case_id
        self._set_other("")
        self.renew()
        self._timer.start()

    def renew(self) -> None:
        """Take or renew the lease; a refusal (a reviewer, a read-only library) is no error:
        editing is not locked, the lease only tells others."""
        case_id, holder = self.case_id, self.ctx.desktop_id
        if case_id is None:
            return

        def took(changes: OpChanges) -> None:
            if self.case_id == case_id:
                lease = changes.value
                self._set_other(lease.staff if lease is not None else "")

        run_op(self.ctx, "edit lease",
               lambda lib: OpChanges(value=lib.take_lease(case_id, holder)),
               on_success=took, on_failure=lambda _exc: None)

    def release(self) -> None:
        self._timer.stop()
        case_id, holder, self.case_id = self.case_id, self.ctx.desktop_id, None
        if case_id is not None:
            run_op(self.ctx, "give back edit lease",
                   lambda lib: (lib.give_back_lease(case_id, holder), OpChanges())[1],
                   on_failure=lambda _exc: None)

    def _set_other(self, staff: str) -> None:
        if staff != self.other:
            self.other = staff
            self.other_editor.emit(staff)
