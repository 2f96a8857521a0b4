"""The evidence of one case: drop or pick files, edit kind and caption, reorder, remove (undo),
and preview the selected exhibit."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidencekit.domain import KINDS
from evidencekit.errors import Cancelled

from . import labels
from .grid_delegate import ExhibitGridDelegate
from .import_bar import ImportBar
from .models.exhibit_model import COL_CAPTION, COL_KIND, COL_NAME, COL_NO, COL_TIME, ExhibitListModel
from .preview.preview_pane import PreviewPane
from .thumbnails import ThumbnailCache
from .undo import EditExhibitCommand, EditExhibitsCommand, MoveExhibitsCommand, RemoveExhibitsCommand


class KindDelegate(QStyledItemDelegate):
    """Edit an exhibit's kind with a combo of the kinds' names."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind in KINDS:
            combo.addItem(labels.kind_label(kind), kind)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class _DropTable(QTableView):
    """Accepts file drops anywhere on it (the model decides what they mean)."""

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() or event.source() is self:
            event.acceptProposedAction()
        super().dragEnterEvent(event)


class EvidencePanel(QWidget):
    selection_changed = Signal(list)  # exhibit ids

    def __init__(self, ctx, undo_stack, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.case = None
        self._reselect: list[int] = []
        self.model = ExhibitListModel(ctx, self)
        self.thumbnails = ThumbnailCache(ctx, self)
        self.model.thumbnails = self.thumbnails
        self.thumbnails.thumbnail_made.connect(self.model.update_thumbnail)
        self.model.on_edit = self._on_model_edit
        self.model.on_move = self._on_model_move
        self.model.on_files_dropped = self.add_paths
        # Tests and the checklist replace these (a real dialog would block a headless run).
        self.file_picker: Callable[[str], list[Path]] = self._pick_files
        self.folder_picker: Callable[[], Path | None] = self._pick_folder
        self.prefix_asker: Callable[[], str | None] = self._ask_prefix

        self.table = _DropTable()
        self.table.setObjectName("exhibitTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_KIND, KindDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setDragDropMode(QAbstractItemView.DragDrop)
        self.table.setDefaultDropAction(Qt.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setAcceptDrops(True)
        self.table.setIconSize(QSize(40, 40))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(46)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.SelectedClicked)
        # Fixed, user-resizable widths: ResizeToContents would ask every row for its size on
        # each change, which makes a 200-file import quadratic and stalls the event loop.
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for col, chars in ((COL_NO, 11), (COL_KIND, 12), (COL_CAPTION, 14), (COL_NAME, 14),
                           (COL_TIME, 14)):
            self.table.setColumnWidth(col, chars * em)

        self.grid = QListView()
        self.grid.setObjectName("exhibitGrid")
        self.grid.setModel(self.model)
        self.grid.setModelColumn(COL_NO)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.grid.setViewMode(QListView.IconMode)
        self.grid.setIconSize(QSize(96, 96))
        self.grid_delegate = ExhibitGridDelegate(self.grid.iconSize(), self.grid)
        self.grid.setItemDelegate(self.grid_delegate)
        self.grid.setGridSize(self.grid_delegate.cell_size(self.grid.fontMetrics()) + QSize(8, 8))
        self.grid.setSpacing(4)
        self.grid.setResizeMode(QListView.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setLayoutMode(QListView.Batched)
        # Static: a drag within the grid reorders the exhibits through the model (Snap or Free
        # would only move the icons on screen). Set before the drag mode, which it resets.
        self.grid.setMovement(QListView.Static)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.grid.setDragDropMode(QAbstractItemView.DragDrop)
        self.grid.setDefaultDropAction(Qt.MoveAction)
        self.grid.setAcceptDrops(True)
        self.grid.viewport().setAcceptDrops(True)  # Static movement turned it off
        self.grid.setSelectionMode(QAbstractItemView.ExtendedSelection)

        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.grid)

        self.preview = PreviewPane(ctx)
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.setObjectName("evidenceSplitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        bar = QHBoxLayout()
        self.add_button = self._button(self.tr("Add files…"), lambda: self.add_files())
        self.add_folder_button = self._button(self.tr("Add folder…"), self.add_folder)
        self.remove_button = self._button(self.tr("Remove"), self.remove_selected)
        self.clear_button = self._button(self.tr("Clear refused files"), self.clear_refused)
        self.view_button = self._button(self.tr("Grid"), self.toggle_view)
        self.view_button.setCheckable(True)
        for b in (self.add_button, self.add_folder_button, self.remove_button, self.clear_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.view_button)
        # A batch in progress (bar, count, Cancel), then what it left refused.
        self.import_bar = ImportBar()
        self.import_bar.cancel_requested.connect(self.cancel_import)
        self.import_bar.refused_requested.connect(self.show_refused)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.import_bar)
        lay.addWidget(self.splitter, 1)
        self.setAcceptDrops(True)
        self.read_only = False
        self._edit_triggers = self.table.editTriggers()

        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        # "Show me the refused files" holds until the user scrolls: exhibits still arriving
        # from the batch's last redraw are inserted above the refused rows and would push
        # them out of view again.
        self._follow_refused = False
        self.table.verticalScrollBar().actionTriggered.connect(self._stop_following_refused)
        # Any change of the rows (exhibits arriving, import rows dropped, a reset) moves the
        # refused rows: scroll to them again once the view has laid the change out.
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                    self.model.layoutChanged):
            sig.connect(self._refollow_refused)
        for view in (self.table, self.grid):
            view.setContextMenuPolicy(Qt.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._on_view_context_menu(v, pos))
        ctx.importer.file_queued.connect(self._on_importer_file_queued)
        ctx.importer.file_attached.connect(self._on_importer_file_attached)
        ctx.importer.file_failed.connect(self._on_importer_file_failed)
        ctx.importer.file_skipped.connect(self._on_importer_file_skipped)
        ctx.importer.progressed.connect(self._on_importer_progressed)
        ctx.importer.batch_finished.connect(self._on_importer_batch_finished)
        if ctx.settings.get("evidence_view") == "grid":
            self.toggle_view()

    def _button(self, text, slot) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolButtonStyle(Qt.ToolButtonTextOnly)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # ---- contents ------------------------------------------------------------------------
    def set_case(self, case, exhibits, findings) -> None:
        new_case = self.case is None or self.case.id != case.id
        if new_case:
            self.preview.show_exhibit(None)
        self.case = case
        self.model.set_exhibits(exhibits, findings)
        if new_case:
            self._follow_refused = False
        if new_case:  # its files still importing or refused, kept by the importer
            self.model.set_import_rows(self.ctx.importer.rows(case.id))
            self._show_import_state()
        if self._reselect:
            ids, self._reselect = self._reselect, []
            self.select_exhibits(ids)
        elif self._follow_refused:  # after the view has laid out the rows just added
            QTimer.singleShot(0, self, self._scroll_to_first_refused)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        """Keep the preview on what is selected now: a removed exhibit leaves it, a changed
        kind or number shows in its header (and a new kind may need another viewer)."""
        ids = self.selected_ids()
        current = self.preview.exhibit
        if len(ids) != 1:
            if len(ids) > 1:
                self.preview.show_count(len(ids))
            elif current is not None:
                self.preview.show_exhibit(None)
            return
        ex = self.model.exhibit_at(self.model.row_of(ids[0]))
        if current is None or current.id != ex.id or current.kind != ex.kind:
            self.preview.show_exhibit(ex)
        elif current != ex:
            self.preview.update_title(ex)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [e.id for e in (self.model.exhibit_at(r) for r in rows) if e is not None]

    def select_exhibits(self, ids: list[int]) -> None:
        sel = QItemSelection()
        for eid in ids:
            row = self.model.row_of(eid)
            if row >= 0:
                sel.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(sel, QItemSelectionModel.ClearAndSelect)
        if ids and self.model.row_of(ids[0]) >= 0:
            self.table.scrollTo(self.model.index(self.model.row_of(ids[0]), 0))

    def reveal(self, exhibit_id: int, source: str, loc: int, words: list[str] | None = None) -> None:
        """Open a search hit: select its exhibit; the preview scrolls to the message, event or
        page, the searched words highlighted."""
        self.preview.reveal(exhibit_id, source, loc, words)
        self.select_exhibits([exhibit_id])

    def toggle_view(self) -> None:
        grid = self.views.currentWidget() is self.table
        self.views.setCurrentWidget(self.grid if grid else self.table)
        self.view_button.setChecked(grid)
        self.view_button.setText(self.tr("List") if grid else self.tr("Grid"))
        self.ctx.settings.set("evidence_view", "grid" if grid else "list")

    # ---- adding --------------------------------------------------------------------------
    def add_files(self, kind: str = "") -> None:
        paths = self.file_picker(kind)
        if paths:
            self.add_paths(paths, kind or None)

    def add_folder(self) -> None:
        folder = self.folder_picker()
        if folder:
            self.add_paths([folder])

    def set_read_only(self, read_only: bool) -> None:
        """A closed case: nothing can be attached, removed or edited (the core refuses it too)."""
        if read_only == self.read_only:
            return
        self.read_only = read_only
        for b in (self.add_button, self.add_folder_button, self.remove_button):
            b.setEnabled(not read_only)
        for w in (self, self.table, self.grid, self.grid.viewport()):
            w.setAcceptDrops(not read_only)
        if read_only:
            self._edit_triggers = self.table.editTriggers()
            self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        else:
            self.table.setEditTriggers(self._edit_triggers)

    def add_paths(self, paths: list[Path], kind: str | None = None) -> int:
        """What a drop and the file dialog both call: attach each file (folders expanded)."""
        if self.case is None or self.read_only:
            return 0
        return self.ctx.importer.add(self.case.id, [Path(p) for p in paths], kind)

    def _pick_files(self, kind: str) -> list[Path]:
        title = self.tr("Add evidence") if not kind else \
            self.tr("Add evidence: %1").replace("%1", labels.kind_label(kind))
        names, _ = QFileDialog.getOpenFileNames(self, title)
        return [Path(n) for n in names]

    def _pick_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of evidence"))
        return Path(name) if name else None

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def _mine(self, case_id) -> bool:
        return self.case is not None and case_id == self.case.id

    def _on_importer_file_queued(self, case_id, path) -> None:
        if self._mine(case_id):
            self.model.add_import(path)

    def _on_importer_file_attached(self, case_id, path, exhibit) -> None:
        if self._mine(case_id):
            self.model.finish_import(path)

    def _on_importer_file_skipped(self, case_id, path, existing) -> None:
        if self._mine(case_id):
            self.model.finish_import(path)

    def _on_importer_file_failed(self, case_id, path, exc) -> None:
        if self._mine(case_id):  # a cancelled file was not refused: its row just goes
            self.model.finish_import(path, None if isinstance(exc, Cancelled) else exc)

    def _on_importer_progressed(self, case_id, done, total) -> None:
        if self._mine(case_id):
            self._show_import_state()

    def _on_importer_batch_finished(self, case_id) -> None:
        if self._mine(case_id):
            self._show_import_state()
            self.show_refused()

    # ---- a batch's progress and what it refused ------------------------------------------
    def _show_import_state(self) -> None:
        """Progress and Cancel while the case's batch runs; afterwards a summary line when
        files were refused (with a link to them)."""
        importer = self.ctx.importer
        cid = self.case.id if self.case is not None else None
        refused = sum(1 for imp in self.model.imports() if imp.status == "failed")
        self.import_bar.show_state(importer.batch(cid) if cid is not None else None,
                                   cid is not None and importer.pending(cid) > 0, refused)

    def show_refused(self) -> None:
        """Scroll the list to the first refused file."""
        row = self.model.first_failed_row()
        if row >= 0:
            if self.views.currentWidget() is not self.table:
                self.toggle_view()
            # The summary line above the list may just have appeared: lay out first, so the
            # row is scrolled into the list's final height, not the one before the line.
            if (lay := self.layout()) is not None:
                lay.activate()
            # and once more after the queued layout requests of the parents have run
            QTimer.singleShot(0, self, self._scroll_to_first_refused)
            self._follow_refused = True
            self._scroll_to_first_refused()

    def _stop_following_refused(self, *_) -> None:
        self._follow_refused = False

    def _refollow_refused(self, *_) -> None:
        if self._follow_refused:
            QTimer.singleShot(0, self, self._scroll_to_first_refused)

    def _scroll_to_first_refused(self) -> None:
        row = self.model.first_failed_row()
        if row < 0:
            self._follow_refused = False
        else:
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.PositionAtTop)

    def cancel_import(self) -> None:
        if self.case is not None:
            self.ctx.importer.cancel(self.case.id)

    def clear_refused(self) -> None:
        if self.case is not None:
            self.ctx.importer.clear_refused(self.case.id)
        self.model.clear_failed()
        self._show_import_state()

    # ---- editing (undoable) --------------------------------------------------------------
    def _on_model_edit(self, exhibit_id: int, field: str, value) -> None:
        ex = self.model.exhibit_at(self.model.row_of(exhibit_id))
        self.undo_stack.push(EditExhibitCommand(self.ctx, self.case.id, exhibit_id, field,
                                                getattr(ex, field), value))

    def _on_model_move(self, new_order: list[int]) -> None:
        old_order = [e.id for e in self.model.exhibits()]
        self._reselect = self.selected_ids()  # keep the dragged block selected after the redraw
        self.undo_stack.push(MoveExhibitsCommand(self.ctx, self.case.id, old_order, new_order))

    def selected_exhibits(self) -> list:
        exhibits = [self.model.exhibit_at(self.model.row_of(i)) for i in self.selected_ids()]
        return [e for e in exhibits if e is not None]

    def _edit_selected(self, text: str, new_values) -> bool:
        """Apply ``new_values(exhibit) -> {field: value}`` to every selected exhibit as one
        undo step; exhibits it would not change are left out."""
        changes = []
        for e in self.selected_exhibits():
            new = {f: v for f, v in new_values(e).items() if getattr(e, f) != v}
            if new:
                changes.append((e.id, {f: getattr(e, f) for f in new}, new))
        if not changes:
            return False
        self._reselect = self.selected_ids()  # the same rows stay selected after the redraw
        self.undo_stack.push(EditExhibitsCommand(self.ctx, self.case.id, changes, text))
        return True

    def toggle_new(self) -> None:
        """Mark the selected exhibits as new evidence (an appeal needs at least one), or not:
        the user's override of the computed mark, kept and shown as such."""
        exhibits = self.selected_exhibits()
        if exhibits:
            value = not all(e.is_new for e in exhibits)
            self._set_new_marks(self.tr("Mark as new evidence"), exhibits, value)

    def use_computed_new(self) -> None:
        """Drop the user's override: the mark is computed from the submissions again."""
        exhibits = [e for e in self.selected_exhibits() if e.new_override is not None]
        if exhibits:
            self._set_new_marks(self.tr("Use the computed new-evidence mark"), exhibits, "auto")

    def _set_new_marks(self, text: str, exhibits: list, value) -> None:
        # Undo restores the override as it was ("auto" when there was none), not the shown mark.
        changes = [(e.id, {"is_new": "auto" if e.new_override is None else e.new_override},
                    {"is_new": value}) for e in exhibits]
        self._reselect = self.selected_ids()
        self.undo_stack.push(EditExhibitsCommand(self.ctx, self.case.id, changes, text))

    def set_kind(self, kind: str) -> bool:
        """Give every selected exhibit ``kind`` (one undo step)."""
        return self._edit_selected(self.tr("Set kind"), lambda e: {"kind": kind})

    def add_caption_prefix(self, prefix: str | None = None) -> bool:
        """Put ``prefix`` (asked for when not given) before each selected exhibit's caption."""
        if prefix is None:
            prefix = self.prefix_asker()
        prefix = (prefix or "").strip()
        if not prefix:
            return False
        return self._edit_selected(self.tr("Caption prefix"), lambda e: {
            "caption": e.caption if e.caption.startswith(prefix) else
            (f"{prefix} {e.caption}" if e.caption else prefix)})

    def _ask_prefix(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog
        text, ok = QInputDialog.getText(
            self, self.tr("Caption prefix"),
            self.tr("Text to put before the caption of the %1 selected exhibit(s):")
            .replace("%1", str(len(self.selected_ids()))))
        return text if ok else None

    def context_menu(self) -> QMenu | None:
        """The menu for the selected exhibits: kind, caption prefix, new mark, remove."""
        exhibits = self.selected_exhibits()
        if not exhibits:
            return None
        menu = QMenu(self)
        menu.setObjectName("exhibitMenu")
        kinds = menu.addMenu(self.tr("Set kind"))
        kinds.setObjectName("kindMenu")
        current = {e.kind for e in exhibits}
        for kind in KINDS:
            a = kinds.addAction(labels.kind_label(kind), lambda k=kind: self.set_kind(k))
            a.setData(kind)
            a.setCheckable(True)
            a.setChecked(current == {kind})
        menu.addAction(self.tr("Caption prefix…"), lambda: self.add_caption_prefix())
        menu.addAction(self.tr("Mark as new evidence / not new"), self.toggle_new)
        if any(e.new_override is not None for e in exhibits):
            menu.addAction(self.tr("Use the computed new-evidence mark"), self.use_computed_new)
        menu.addSeparator()
        menu.addAction(self.tr("Remove"), self.remove_selected)
        return menu

    def _on_view_context_menu(self, view, pos) -> None:
        menu = self.context_menu()
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        pairs = [(e.id, e.position) for e in (self.model.exhibit_at(r) for r in rows) if e]
        if pairs:
            self.undo_stack.push(RemoveExhibitsCommand(self.ctx, self.case.id, pairs))

    def _on_selection_changed(self, *_):
        self.selection_changed.emit(self.selected_ids())
        self._refresh_preview()
