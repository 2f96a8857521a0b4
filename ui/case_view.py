"""One case: deadline banner on top; evidence / facts / statement tabs; the live checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evidencekit import checklist
from evidencekit.errors import NotInRules

from . import labels
from .case_edits import CaseLease
from .checklist_panel import ChecklistPanel
from .deadline_banner import DeadlineBanner
from .evidence_panel import EvidencePanel
from .facts_form import FactsForm
from .history_view import HistoryView
from .statement_editor import StatementEditor
from .worklog_panel import WorklogPanel

TAB_EVIDENCE, TAB_FACTS, TAB_STATEMENT, TAB_HISTORY, TAB_WORKLOG = range(5)


class CaseView(QWidget):
    refreshed = Signal()

    def __init__(self, ctx, parent=None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.exhibits = []
        self.items = []
        # The window's stack when given: it outlives this view's rebuild on a language switch.
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)

        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        f = self.header.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        self.header.setFont(f)
        self.header.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.banner = DeadlineBanner(ctx)
        self.evidence = EvidencePanel(ctx, self.undo_stack)
        self.facts = FactsForm(ctx, undo_stack=self.undo_stack)
        self.statement = StatementEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.evidence, self.tr("Evidence"))
        self.tabs.addTab(self.facts, self.tr("Facts"))
        self.tabs.addTab(self.statement, self.tr("Statement"))
        self.history = HistoryView(ctx)
        self.tabs.addTab(self.history, self.tr("History"))
        self.worklog = WorklogPanel(ctx)
        self.tabs.addTab(self.worklog, self.tr("Work-order log"))
        self.checklist = ChecklistPanel(ctx)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.checklist)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 380])

        # A closed case is read-only until reopened (with a reason, logged by the core).
        self.closed_note = QLabel()
        self.closed_note.setObjectName("closedNote")
        self.closed_note.setWordWrap(True)
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.clicked.connect(lambda: self.history.reopen())
        self.closed_bar = QWidget()
        bar = QHBoxLayout(self.closed_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.closed_note, 1)
        bar.addWidget(self.reopen_button)
        self.closed_bar.setStyleSheet("background: palette(alternate-base);")
        self.closed_bar.hide()
        self._retranslate_closed()

        # "正在由 小王 编辑": another desktop has this case open (its edit lease, case_edits.py)
        self.editing_note = QLabel()
        self.editing_note.setObjectName("editingNote")
        # a badge, not a line of text: it must be seen before anyone edits over a colleague
        self.editing_note.setStyleSheet("color: palette(highlighted-text); background: palette(highlight);"
                                        " font-weight: bold; padding: 2px 8px; border-radius: 4px;")
        self.editing_note.hide()
        self.lease = CaseLease(ctx, self)
        self.lease.other_editor.connect(self._on_lease_other_editor)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.editing_note)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addLayout(top)
        lay.addWidget(self.closed_bar)
        lay.addWidget(self.banner)
        lay.addWidget(self.splitter, 1)

        # Many changes arrive together during an import: redraw once per burst.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)

        ctx.changes_applied.connect(self._on_ctx_changes_applied)
        ctx.clock_ticked.connect(self._on_ctx_clock_ticked)
        self.checklist.add_kind_requested.connect(self._on_checklist_add_kind_requested)
        self.checklist.exhibits_requested.connect(self._on_checklist_exhibits_requested)
        self.checklist.statement_requested.connect(lambda: self.tabs.setCurrentIndex(TAB_STATEMENT))
        self.checklist.facts_requested.connect(lambda: self.tabs.setCurrentIndex(TAB_FACTS))
        self.checklist.mode_changed.connect(self._on_checklist_mode_changed)
        self.statement.exhibit_requested.connect(self._on_statement_exhibit_requested)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # ---- loading -------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        if self.case is not None and self.case.id != case_id:
            self.flush()
        # The stack may come from before a rebuild: its steps belong to the case they were made
        # in, and cannot be undone from another.
        if getattr(self.undo_stack, "case_id", case_id) != case_id:
            self.undo_stack.clear()
        self.undo_stack.case_id = case_id
        self.case = self.ctx.lib.get_case(case_id)
        self.lease.hold(case_id)
        mode = "appeal" if self.case.stage in ("judged", "appeal") else "arbitration"
        self.checklist.blockSignals(True)
        self.checklist.set_mode(mode)
        self.checklist.blockSignals(False)
        self.statement.set_mode(mode)
        self.refresh()

    def reveal_hit(self, exhibit_id: int | None, source: str, loc: int,
                   words: list[str] | None = None) -> None:
        """Show where a search hit is: the exhibit (and its message or page) in the evidence
        tab; a case field in the facts tab; a log entry in the history; a work-order entry in
        the work-order log."""
        if exhibit_id is not None:
            self.tabs.setCurrentIndex(TAB_EVIDENCE)
            self.evidence.reveal(exhibit_id, source, loc, words)
        elif source == "log":
            self.tabs.setCurrentIndex(TAB_HISTORY)
        elif source == "worklog":
            self.tabs.setCurrentIndex(TAB_WORKLOG)
        elif source == "case":
            self.tabs.setCurrentIndex(TAB_FACTS)

    @property
    def mode(self) -> str:
        return self.checklist.current_mode

    def refresh(self) -> None:
        self._refresh_timer.stop()
        if self.case is None:
            return
        lib = self.ctx.lib
        self.case = lib.get_case(self.case.id)
        self.ctx.versions.seen(self.case)  # edits start from what is shown
        self.exhibits = lib.list_exhibits(self.case.id)
        rules = lib.rules
        try:
            now = self.ctx.now()
            findings = {e.id: checklist.exhibit_findings(self.case, e, rules, now)
                        for e in self.exhibits}
            self.items = checklist.evaluate(self.case, self.exhibits, rules, self.mode, now=now,
                                            worklog=lib.worklog(self.case.id))
        except NotInRules:  # a rule file that no longer knows the case's type
            findings, self.items = {}, []
        c = self.case
        order = self.tr("Order %1").replace("%1", c.order_no)
        # A case handed over from another library keeps its number there as a reference.
        origin = (" · " + self.tr("handed over from %1").replace("%1", c.imported_from)
                  if c.imported_from else "")
        origin += (" · " + self.tr("assigned to %1").replace("%1", c.assignee)) if c.assignee else ""
        self.header.setText(f"{c.case_no} · {labels.platform_label(rules, c.platform)} · "
                            f"{labels.dispute_label(rules, c.platform, c.dispute_type)} · "
                            f"{order} · {labels.stage_label(c.stage)}{origin}")
        self.banner.set_case(c)
        read_only = c.stage == "closed"
        self.closed_bar.setVisible(read_only)
        self.evidence.set_read_only(read_only)
        self.facts.setEnabled(not read_only)
        self.statement.setEnabled(not read_only)
        self.history.case = c
        self.evidence.set_case(c, self.exhibits, findings)
        self.facts.set_case(c)
        self.statement.set_case(c, self.exhibits)
        self.worklog.set_case(c)
        self.checklist.set_items(self.items)
        if self.tabs.currentWidget() is self.history:
            self.history.set_case(c)
        self.refreshed.emit()

    def _retranslate_closed(self) -> None:
        self.closed_note.setText(self.tr(
            "Closed case: read-only. Reopen it to attach, edit or export for the platform."))
        self.reopen_button.setText(self.tr("Reopen…"))

    @property
    def read_only(self) -> bool:
        return self.case is not None and self.case.stage == "closed"

    def flush(self) -> None:
        """Save edits still in progress (leaving the case, exporting, closing)."""
        if self.case is not None:
            self.facts.flush()
            self.statement.save()

    def stop(self) -> None:
        """The window is closing: no more redraws from pending timers or signals."""
        self._refresh_timer.stop()
        self.lease.release()
        self.ctx.changes_applied.disconnect(self._on_ctx_changes_applied)
        self.ctx.clock_ticked.disconnect(self._on_ctx_clock_ticked)
        self.case = None

    # ---- reactions -----------------------------------------------------------------------
    def _on_ctx_changes_applied(self, changes) -> None:
        if self.case is not None and changes.touches(self.case.id) \
                and not self._refresh_timer.isActive():
            self._refresh_timer.start()  # throttle: at most one redraw per interval

    def _on_ctx_clock_ticked(self) -> None:
        if self.case is not None:
            self.banner.refresh()

    def _on_lease_other_editor(self, staff: str) -> None:
        self.editing_note.setText(self.tr("Being edited by %1").replace("%1", staff))
        self.editing_note.setVisible(bool(staff))

    def _on_checklist_add_kind_requested(self, kind: str) -> None:
        self.tabs.setCurrentIndex(TAB_EVIDENCE)
        self.evidence.add_files(kind)

    def _on_checklist_exhibits_requested(self, ids: list) -> None:
        self.tabs.setCurrentIndex(TAB_EVIDENCE)
        self.evidence.select_exhibits(ids)

    def _on_statement_exhibit_requested(self, exhibit_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_EVIDENCE)
        self.evidence.select_exhibits([exhibit_id])

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == TAB_HISTORY and self.case is not None:
            self.history.set_case(self.case)  # read only when looked at

    def _on_checklist_mode_changed(self, mode: str) -> None:
        self.statement.set_mode(mode)
        self.refresh()
