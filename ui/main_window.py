"""The main window: menus and shortcuts, the case list and the case view, the minute clock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from . import labels
from .case_list_check import CaseListCheck
from .case_list_page import CaseListPage
from .import_prompts import ImportPrompts
from .notifier import DeadlineNotifier
from .ops import OpChanges, run_op

if TYPE_CHECKING:  # the dialogs are imported when first opened (bench/README.md, "Startup")
    from .export_dialog import ExportDialog

TICK_MS = 60_000
INDEX_DELAY_MS = 3000  # a team library: index what changed this long after the last change


class MainWindow(QMainWindow):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.export_dialog: ExportDialog | None = None
        self.import_dialog = None
        self.trash_dialog = None
        self.handover_dialog = None
        self._closed = False
        self._zone_name = ctx.settings.get("display_zone")
        self.notifier = DeadlineNotifier(ctx, QApplication.windowIcon(), self)
        # One undo history per window: kept when the views are rebuilt in another language.
        self.undo_stack = QUndoStack(self)
        ctx.importer.password_provider = self._ask_password
        ctx.importer.duplicate_asker = self._ask_duplicates
        self.import_prompts = ImportPrompts(self)
        self._build()
        ctx.language_changed.connect(self._on_ctx_language_changed)
        ctx.changes_applied.connect(self._on_ctx_changes_applied)
        ctx.clock_ticked.connect(self._on_ctx_clock_ticked)
        ctx.settings_changed.connect(self._on_ctx_settings_changed)
        ctx.runner.job_started.connect(self._update_status)
        ctx.runner.job_finished.connect(self._update_status)
        self._changed_cases: set[int] = set()
        self._case_list_timer = QTimer(self)
        self._case_list_timer.setSingleShot(True)
        self._case_list_timer.setInterval(500)
        self._case_list_timer.timeout.connect(self._on_case_list_timer_timeout)
        # A team library's reviewers cannot index (read-only): a staff desktop keeps the search
        # index caught up with what changed, its own writes and other desktops', soon after.
        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(INDEX_DELAY_MS)
        self._index_timer.timeout.connect(self._on_index_timer_timeout)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(ctx.tick)
        self.timer.start()
        self.resize(1440, 900)
        screen = QApplication.primaryScreen()
        if screen is not None:  # a first start on a small screen: fit inside it
            avail = screen.availableGeometry()
            self.resize(min(1440, int(avail.width() * 0.95)), min(900, int(avail.height() * 0.95)))
        geometry = ctx.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        QTimer.singleShot(0, self.offer_resume)  # once the window is up
        QTimer.singleShot(0, self.warn_network_folder)
        self.index_status = QLabel()
        self.index_status.setObjectName("searchIndexStatus")
        self.index_status.hide()
        self.statusBar().addPermanentWidget(self.index_status)
        self.case_list_check = CaseListCheck(ctx, self)
        self.case_list_check.updated.connect(self._on_case_list_check_updated)
        self.case_list_check.updating.connect(lambda on: self.case_list.set_updating(on))
        self.statusBar().addPermanentWidget(self.case_list_check.status)

    def check_case_list(self):
        """Check the list's kept summaries against the cases in the background, computing the
        out-of-date ones again (the app calls it once the window is up; the list opened on
        the kept ones)."""
        return self.case_list_check.start()

    def _on_case_list_check_updated(self) -> None:
        self.case_list.reload()

    def catch_up_search_index(self):
        """Bring the search index up to date in the background (the app calls it at start)."""
        from .index_job import SearchIndexCatchUp
        self.index_catch_up = SearchIndexCatchUp(self.ctx, self.index_status, self)
        return self.index_catch_up.start()

    # ---- building (again after a language switch) ----------------------------------------------
    def _build(self) -> None:
        # Qt appends the application's display name ("— EvidenceKit") itself.
        self.setWindowTitle(self.tr("Dispute evidence"))
        self.pages = QStackedWidget()
        self.case_list = CaseListPage(self.ctx)
        # Made when first asked for (a case opened): not at every start, where its widgets
        # and imports were a sixth of the time to the window (bench/README.md, "Startup").
        self._case_view = None
        self._review_page = None  # made when first shown (QtCharts: not at every start)
        self.pages.addWidget(self.case_list)
        self.setCentralWidget(self.pages)
        self.case_list.case_activated.connect(self.open_case)
        self.case_list.hit_activated.connect(self.open_hit)
        self.case_list.trash_requested.connect(self.show_trash)
        self.case_list.table.selectionModel().currentChanged.connect(
            lambda *_: self._update_actions())
        self.case_list.reload()
        self._build_menus()
        self._build_toolbar()
        self._update_actions()

    @property
    def case_view(self):
        """The open case's page, made the first time it is asked for."""
        if self._case_view is None:
            from .case_view import CaseView
            view = CaseView(self.ctx, undo_stack=self.undo_stack)
            self._case_view = view
            self.pages.addWidget(view)
            view.refreshed.connect(self._update_actions)
            view.evidence.table.addAction(self.act_remove)
            for name, splitter in self._splitters(view).items():
                state = self.ctx.settings.state(name)
                if state is not None:
                    splitter.restoreState(state)
        return self._case_view

    @staticmethod
    def _splitters(view) -> dict:
        """The case view's splitters by the name their state is saved under."""
        return {"caseSplitter": view.splitter, "evidenceSplitter": view.evidence.splitter,
                "statementSplitter": view.statement.splitter}

    def _action(self, menu, text, slot, shortcut=None, name=""):
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setObjectName(name)
        a.triggered.connect(lambda _checked=False: slot())
        menu.addAction(a)
        return a

    def _build_menus(self) -> None:
        self.menuBar().clear()
        m = self.menuBar().addMenu(self.tr("&File"))
        self.act_new = self._action(m, self.tr("&New case…"), self.new_case, QKeySequence.New, "newCase")
        self.act_import_list = self._action(m, self.tr("&Import after-sale list…"), self.import_list,
                                            "Ctrl+Shift+I", "importList")
        self.act_export = self._action(m, self.tr("&Export bundle…"), self.export_bundle, "Ctrl+E",
                                       "exportBundle")
        m.addSeparator()
        self.act_export_case = self._action(m, self.tr("Export &case…"), self.export_case,
                                            name="exportCase")
        self.act_import_case = self._action(m, self.tr("Import c&ase…"), self.import_case,
                                            name="importCase")
        self.act_backup = self._action(m, self.tr("&Back up library…"), self.back_up, name="backup")
        self.act_restore = self._action(m, self.tr("&Restore library…"), self.restore_library,
                                        name="restore")
        m.addSeparator()
        self.act_settings = self._action(m, self.tr("&Settings…"), self.open_settings,
                                         QKeySequence.Preferences if not QKeySequence(
                                             QKeySequence.Preferences).isEmpty() else "Ctrl+,",
                                         "settings")
        m.addSeparator()
        self._action(m, self.tr("&Quit"), self.close, QKeySequence.Quit, "quit")

        e = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.undo_stack  # the case view's too
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence.Undo)
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence.Redo)
        e.addAction(self.act_undo)
        e.addAction(self.act_redo)
        e.addSeparator()
        self.act_add = self._action(e, self.tr("&Add files…"), self._evidence("add_files"),
                                    QKeySequence.Open, "addFiles")
        self.act_add_folder = self._action(e, self.tr("Add &folder…"), self._evidence("add_folder"),
                                           "Ctrl+Shift+O", "addFolder")
        self.act_remove = self._action(e, self.tr("&Remove exhibit"), self._evidence("remove_selected"),
                                       QKeySequence.Delete, "removeExhibit")
        self.act_remove.setShortcutContext(Qt.WidgetWithChildrenShortcut)  # the evidence table's
        self.act_new_evidence = self._action(e, self.tr("Mark as &new evidence"),
                                             self._evidence("toggle_new"), "Ctrl+Shift+N", "toggleNew")
        self.act_find = self._action(e, self.tr("&Find case"), self.focus_search, QKeySequence.Find,
                                     "findCase")

        c = self.menuBar().addMenu(self.tr("&Case"))
        self.act_back = self._action(c, self.tr("&Case list"), self.show_case_list, "Ctrl+L", "caseList")
        self.act_review = self._action(c, self.tr("Re&view (numbers)"), self.show_review, "Ctrl+Shift+R",
                                       "showReview")
        self._action(c, self.tr("&Evidence"), lambda: self._tab("evidence"), "Ctrl+1", "tabEvidence")
        self._action(c, self.tr("&Facts"), lambda: self._tab("facts"), "Ctrl+2", "tabFacts")
        self._action(c, self.tr("&Statement"), lambda: self._tab("statement"), "Ctrl+3", "tabStatement")
        self._action(c, self.tr("&History"), lambda: self._tab("history"), "Ctrl+4", "tabHistory")
        self._action(c, self.tr("&Work-order log"), lambda: self._tab("worklog"), "Ctrl+5",
                     "tabWorklog")
        c.addSeparator()
        self.act_grid = self._action(c, self.tr("List / &grid view"), self._evidence("toggle_view"),
                                     "Ctrl+G", "toggleGrid")
        # Delete in the case list (like Delete on an exhibit in the evidence table), and
        # Ctrl+Shift+Delete anywhere in the window, e.g. from an open case.
        self.act_trash = self._action(c, self.tr("Move case to &trash…"), self.trash_case,
                                      QKeySequence.Delete, "trashCase")
        self.act_trash.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.case_list.table.addAction(self.act_trash)
        if getattr(self, "act_trash_anywhere", None) is not None:
            self.removeAction(self.act_trash_anywhere)
        self.act_trash_anywhere = QAction(self)
        self.act_trash_anywhere.setObjectName("trashCaseAnywhere")
        self.act_trash_anywhere.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.act_trash_anywhere.triggered.connect(lambda _checked=False: self.trash_case())
        self.addAction(self.act_trash_anywhere)
        self.act_assign = self._action(c, self.tr("&Assign…"), self.assign_case, "Ctrl+Shift+A",
                                       "assignCase")
        self.act_show_trash = self._action(c, self.tr("T&rash…"), self.show_trash,
                                           "Ctrl+Shift+T", "showTrash")
        self._action(c, self.tr("Re&fresh"), self.refresh, QKeySequence.Refresh, "refresh")

        h = self.menuBar().addMenu(self.tr("&Help"))
        self._action(h, self.tr("&User guide"), self.show_guide, QKeySequence.HelpContents,
                     "userGuide")
        self._action(h, self.tr("&Keyboard shortcuts"), self.show_shortcuts, None, "shortcuts")
        h.addSeparator()
        self._action(h, self.tr("&About EvidenceKit"), self.about, None, "about")

    def _build_toolbar(self) -> None:
        if getattr(self, "toolbar", None) is not None:
            self.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for a in (self.act_back, self.act_review, self.act_new, self.act_add, self.act_export, self.act_undo,
                  self.act_settings):
            a.setIconText(labels.plain_action_text(a.text()))
            self.toolbar.addAction(a)
            if a is self.act_review:
                self.toolbar.addSeparator()

    # ---- navigation ------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        self.case_view.open_case(case_id)
        self.pages.setCurrentWidget(self.case_view)
        self._update_actions()

    def open_hit(self, case_id: int, exhibit_id, source: str, loc: int, words=()) -> None:
        """A search hit: its case, the exhibit selected, the preview on its message or page
        with the searched ``words`` highlighted."""
        self.open_case(case_id)
        self.case_view.reveal_hit(exhibit_id, source, loc, list(words))

    def show_case_list(self) -> None:
        if self._case_view is not None and self.pages.currentWidget() is self._case_view:
            self.case_view.flush()
            self.case_view.lease.release()  # others no longer see it as being edited here
            if self.case_view.case is not None:
                self.case_list.select_case(self.case_view.case.id)
        self.pages.setCurrentWidget(self.case_list)
        self._update_actions()
        self.case_list.table.setFocus()

    def show_review(self) -> None:
        """The review desk's numbers (复盘)."""
        if self._case_view is not None and self.pages.currentWidget() is self._case_view:
            self.case_view.flush()
        self.pages.setCurrentWidget(self.review_page)
        self._update_actions()

    @property
    def review_page(self):
        """The 复盘 page, made the first time it is asked for."""
        if self._review_page is None:
            from .review_page import ReviewPage
            self._review_page = ReviewPage(self.ctx)
            self.pages.addWidget(self._review_page)
            self._review_page.cases_requested.connect(self._on_review_page_cases_requested)
        return self._review_page

    def in_review(self) -> bool:
        return self._review_page is not None and self.pages.currentWidget() is self._review_page

    def _on_review_page_cases_requested(self, case_ids: list, what: str) -> None:
        self.case_list.show_only(case_ids, what)
        self.show_case_list()

    def in_case(self) -> bool:
        view = self._case_view
        return view is not None and self.pages.currentWidget() is view and view.case is not None

    def _evidence(self, method: str):
        """A slot calling the evidence panel's ``method`` when a case is open (the case view
        is not made for it otherwise)."""
        def slot() -> None:
            if self.in_case():
                getattr(self.case_view.evidence, method)()
        return slot

    def _tab(self, name: str) -> None:
        """Show the open case's tab ``name`` (the case view's widget of that name)."""
        if not self.in_case():
            cid = self.case_list.selected_case_id()
            if cid is None:
                return
            self.open_case(cid)
        self.case_view.tabs.setCurrentWidget(getattr(self.case_view, name))

    def focus_search(self) -> None:
        self.show_case_list()
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def _update_actions(self) -> None:
        in_case = self.in_case()
        writable = in_case and not self.case_view.read_only  # a closed case is read-only
        self.act_grid.setEnabled(in_case)
        self.act_back.setEnabled(in_case or self.in_review())
        for a in (self.act_add, self.act_add_folder, self.act_remove, self.act_new_evidence):
            a.setEnabled(writable)
        # Export and trash need a case: the open one, or the one selected in the list.
        has_case = self._current_case_id() is not None
        self.act_trash.setEnabled(has_case)
        self.act_assign.setEnabled(has_case)
        self.act_export_case.setEnabled(has_case)
        self.act_export.setEnabled(has_case and not (in_case and self.case_view.read_only))
        if self.in_case():
            c = self.case_view.case
            self.setWindowTitle(f"{c.case_no} · {c.order_no} — " + self.tr("Dispute evidence"))
        else:
            self.setWindowTitle(self.tr("Dispute evidence"))

    def _current_case_id(self) -> int | None:
        if self.in_case():
            return self.case_view.case.id
        return self.case_list.selected_case_id()

    # ---- actions ---------------------------------------------------------------------------
    def new_case(self) -> None:
        from .new_case_dialog import NewCaseDialog
        dlg = NewCaseDialog(self.ctx, self)
        def on_finished(result: int) -> None:
            if result and dlg.created_case is not None:
                self.open_case(dlg.created_case.id)
        dlg.finished.connect(on_finished)
        dlg.open()
        return dlg

    def import_list(self, path=None):
        """File ▸ Import after-sale list…: the preview, then the import (the list refreshes)."""
        from .import_list_dialog import ImportListDialog
        if self.import_dialog is not None and self.import_dialog.job is not None:
            self.import_dialog.raise_()  # one import at a time
            return self.import_dialog
        self.import_dialog = ImportListDialog(self.ctx, path, self)
        self.import_dialog.open()
        if path is not None:
            self.import_dialog.start_preview()
        return self.import_dialog

    def export_bundle(self):
        cid = self._current_case_id()
        if cid is None:
            return None
        from .export_dialog import ExportDialog
        mode = self.case_view.mode if self.in_case() else "arbitration"
        if self.in_case():
            self.case_view.flush()
        self.export_dialog = ExportDialog(self.ctx, cid, mode, self)
        self.export_dialog.open()
        return self.export_dialog

    # ---- hand a case over, back up (the core's evidencekit.handover) --------------------------
    def _handover_dialog(self, title: str):
        from .handover_dialog import HandoverDialog
        self.handover_dialog = HandoverDialog(self.ctx, title, self)
        self.handover_dialog.open()
        return self.handover_dialog

    def export_case(self, path=None):
        """File ▸ Export case…: the case (open or selected) into one .evcase file."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog
        cid = self._current_case_id()
        if cid is None:
            return None
        force = False
        if path is None:
            name = f"{self.ctx.lib.get_case(cid).case_no}.evcase"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case"), name,
                                                  self.tr("EvidenceKit case (*.evcase)"))
            if not path:
                return None
            force = True  # the file dialog asked before replacing
        if self.in_case():
            self.case_view.flush()
        dlg = self._handover_dialog(self.tr("Export case"))
        dlg.export_case(cid, Path(path), force=force)
        return dlg

    def import_case(self, path=None):
        """File ▸ Import case…: check an .evcase completely, then add its case (new number)."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import case"), "",
                                                  self.tr("EvidenceKit case (*.evcase)"))
            if not path:
                return None
        dlg = self._handover_dialog(self.tr("Import case"))
        dlg.done.connect(lambda r: self.open_case(r.case_id))
        dlg.import_case(Path(path))
        return dlg

    def back_up(self, folder=None):
        """File ▸ Back up library…: a consistent copy; a second run copies only what is new."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Back up library"))
            if not folder:
                return None
        dlg = self._handover_dialog(self.tr("Back up library"))
        dlg.back_up(Path(folder))
        return dlg

    def restore_library(self, backup=None, target=None):
        """File ▸ Restore library…: a backup folder into a new or empty folder (on the runner,
        with progress); the library open now is not touched."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog
        if backup is None:
            backup = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"))
            if not backup:
                return None
        if target is None:
            target = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a new or empty folder to restore into"))
            if not target:
                return None
        dlg = self._handover_dialog(self.tr("Restore library"))
        dlg.restore(Path(backup), Path(target))
        return dlg

    def open_settings(self):
        from .settings_dialog import SettingsDialog
        dlg = SettingsDialog(self.ctx, self)
        dlg.open()
        return dlg

    def assign_case(self):
        """Case ▸ Assign…: who works on the open case or the one selected in the list."""
        from .assign_dialog import AssignDialog
        cid = self._current_case_id()
        if cid is None:
            return None
        dlg = AssignDialog(self.ctx, self.ctx.lib.get_case(cid), self)
        dlg.open()
        return dlg

    def trash_case(self):
        """Ask, then move the current case to the trash (restorable from Case ▸ Trash)."""
        cid = self._current_case_id()
        if cid is None:
            return None
        case = self.ctx.lib.get_case(cid)
        box = QMessageBox(QMessageBox.Question, self.tr("Move to trash"), "",
                          QMessageBox.Yes | QMessageBox.No, self)
        box.setObjectName("confirmTrash")
        box.setDefaultButton(QMessageBox.No)

        def retranslate():
            box.setWindowTitle(self.tr("Move to trash"))
            box.setText(self.tr("Move case %1 (order %2) to the trash?")
                        .replace("%1", case.case_no).replace("%2", case.order_no))
            box.setInformativeText(self.tr("Its evidence and history are kept. Restore it from "
                                           "Case ▸ Trash (%1).")
                                   .replace("%1", self.act_show_trash.shortcut().toString(
                                       QKeySequence.NativeText)))
        retranslate()
        self.ctx.language_changed.connect(retranslate)

        def done(result):
            self.ctx.language_changed.disconnect(retranslate)
            box.deleteLater()
            if result != QMessageBox.Yes:
                return
            if self.in_case() and self.case_view.case.id == cid:
                self.case_view.flush()  # save what was being typed before it leaves the list
                self.case_view.undo_stack.clear()  # its edits cannot be undone from another case
            run_op(self.ctx, "trash case",
                   lambda lib: (lib.delete_case(cid), OpChanges.of_list(cid))[1])
            self.show_case_list()
        box.finished.connect(done)
        box.open()
        return box

    def show_trash(self):
        if self.trash_dialog is None:
            from .trash_dialog import TrashDialog
            self.trash_dialog = TrashDialog(self.ctx, self)
            self.trash_dialog.case_restored.connect(self._on_trash_case_restored)
        else:
            self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        self.trash_dialog.activateWindow()
        return self.trash_dialog

    def _on_trash_case_restored(self, case_id: int) -> None:
        if not self.in_case():
            self.case_list.select_case(case_id)

    def refresh(self) -> None:
        if self.case_list_check.stopped:  # Stop pressed: a reload takes the check up again
            self.case_list_check.start()
        self.case_list.reload()
        if self.in_case():
            self.case_view.refresh()

    def show_guide(self):
        from .help_dialogs import UserGuideDialog
        dlg = UserGuideDialog(self)
        dlg.open()
        return dlg

    def show_shortcuts(self):
        from .help_dialogs import ShortcutsDialog
        dlg = ShortcutsDialog(self.shortcut_entries(), self)
        dlg.open()
        return dlg

    def shortcut_entries(self) -> list[tuple[str, QKeySequence]]:
        """(name, key) of every action with a shortcut, in menu order."""
        names = {self.act_undo: self.tr("Undo"), self.act_redo: self.tr("Redo"),
                 self.act_trash_anywhere: self.tr("Move case to trash (from anywhere)")}
        out = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for a in (menu.actions() if menu is not None else []):
                if not a.shortcut().isEmpty():
                    out.append((names.get(a, a.text()), a.shortcut()))
                if a is self.act_trash:
                    out.append((names[self.act_trash_anywhere], self.act_trash_anywhere.shortcut()))
        return out

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About EvidenceKit"), self.tr(
            "EvidenceKit collects chat logs, courier traces, inspection reports and photos for "
            "an after-sales dispute, checks them against the platform's checklist and deadline, "
            "and exports one verifiable PDF bundle."))

    def _ask_password(self, path, was_wrong: bool) -> str | None:
        prompt = (self.tr("The password was wrong. Try again for %1:") if was_wrong else
                  self.tr("%1 is encrypted. Enter its password:")).replace("%1", path.name)
        text, ok = QInputDialog.getText(self, self.tr("PDF password"), prompt, QLineEdit.Password)
        return text if ok and text else None

    def _ask_duplicates(self, case_id: int, duplicates: list, answer) -> None:
        self.import_prompts.ask_duplicates(duplicates, answer)

    def offer_resume(self):
        """An import cut short (the app was killed or closed mid-way): offer to add the rest."""
        if self._closed:
            return None
        return self.import_prompts.offer_resume()

    def warn_network_folder(self):
        """A local library on a network folder: say once per computer, without blocking the
        window, that two computers must not use it at the same time (evidencekit.store.netfs)."""
        from evidencekit.store import netfs

        from .i18n import lang
        if self._closed:
            return None
        notice = netfs.pending_notice(self.ctx.lib, lang())
        if not notice:
            return None
        box = QMessageBox(QMessageBox.Warning, self.tr("Library on a network folder"), notice,
                          QMessageBox.Ok, self)
        box.setObjectName("networkFolderNotice")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        netfs.mark_notice_shown(self.ctx.lib)
        return box

    # ---- reactions -------------------------------------------------------------------------
    def _on_ctx_changes_applied(self, changes) -> None:
        if self.ctx.lib.team and not self.ctx.lib.read_only:
            self._index_timer.start()  # again: a burst of changes is indexed once, after it
        if changes.case_list:
            self.case_list.reload()
            self._update_actions()
            return
        # During an import a case changes many times a second: update its row at most every
        # half second (its checklist is re-evaluated over all exhibits).
        self._changed_cases |= changes.case_ids
        if changes.case_ids and not self._case_list_timer.isActive():
            self._case_list_timer.start()

    def _on_index_timer_timeout(self) -> None:
        job = getattr(self, "index_catch_up", None)
        if job is not None and job.running:
            self._index_timer.start()  # the one running now may have missed the latest changes
            return
        self.catch_up_search_index()

    def _on_case_list_timer_timeout(self) -> None:
        ids, self._changed_cases = self._changed_cases, set()
        self.case_list.refresh_cases(ids)

    def _on_ctx_clock_ticked(self) -> None:
        self.case_list.tick()
        self.notifier.check(self.case_list.alert_rows())

    def _on_ctx_settings_changed(self) -> None:
        zone = self.ctx.settings.get("display_zone")
        if zone != self._zone_name:  # date pickers are built for one zone: rebuild them
            self._zone_name = zone
            self._on_ctx_language_changed()
        else:
            self.refresh()

    def _on_ctx_language_changed(self) -> None:
        case = self.case_view.case if self.in_case() else None
        review = self.in_review()
        tab = self.case_view.tabs.currentIndex() if case is not None else 0
        self._save_state()
        if self._case_view is not None:
            self._case_view.flush()
            self._case_view.stop()  # the old view must not redraw (on a closed library) once replaced
        if self._review_page is not None:
            self._review_page.stop()
        old = self.pages
        self._build()
        old.deleteLater()
        if review:
            self.show_review()
        if case is not None:
            self.open_case(case.id)
            self.case_view.tabs.setCurrentIndex(tab)

    def _update_status(self, *_):
        n = self.ctx.importer.pending()
        if n:
            self.statusBar().showMessage(self.tr("Adding %1 file(s)…").replace("%1", str(n)))
        else:
            self.statusBar().clearMessage()

    # ---- closing ---------------------------------------------------------------------------
    def _save_state(self) -> None:
        s = self.ctx.settings
        s.save_state("geometry", self.saveGeometry())
        if self._case_view is not None:  # else the saved states stay as they were
            for name, splitter in self._splitters(self._case_view).items():
                s.save_state(name, splitter.saveState())

    def closeEvent(self, event):
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        if self._case_view is not None:
            self._case_view.flush()
            self._case_view.stop()
        if self.export_dialog is not None and self.export_dialog.job is not None:
            self.export_dialog.cancel()
        if self.import_dialog is not None and self.import_dialog.job is not None:
            self.import_dialog.cancel()
        self._save_state()
        self.ctx.settings.sync()
        self.timer.stop()
        self._case_list_timer.stop()
        self.case_list_check.close()
        self.case_list.stop()
        self.ctx.shutdown()  # cancel imports and exports, wait for the workers
        for signal, slot in ((self.ctx.language_changed, self._on_ctx_language_changed),
                             (self.ctx.changes_applied, self._on_ctx_changes_applied),
                             (self.ctx.clock_ticked, self._on_ctx_clock_ticked),
                             (self.ctx.settings_changed, self._on_ctx_settings_changed)):
            signal.disconnect(slot)
        super().closeEvent(event)
