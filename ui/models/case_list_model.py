"""The case list: one row per case, most urgent first.

Rows come from the core's :func:`evidencekit.summary.case_rows` (the same rows ``case list``
prints); deadlines are recomputed from memory on every clock tick without touching the
database.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractProxyModel, QAbstractTableModel, QModelIndex, Qt

from evidencekit import queue
from evidencekit.domain import Case
from evidencekit.summary import CaseRow, case_row, case_rows, sort_rows

from .. import labels
from ..i18n import translate

COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TYPE, COL_STAGE, COL_DEADLINE, COL_CHECKLIST, \
    COL_BUYER, COL_UPDATED, COL_MISSING = range(10)
COLUMNS = 10

CaseRole = Qt.UserRole + 1
StateRole = Qt.UserRole + 2      # most urgent deadline state or ""
SearchRole = Qt.UserRole + 3     # text the search box matches
RemainingRole = Qt.UserRole + 4  # seconds left on the most urgent clock (None: no clock)
BucketRole = Qt.UserRole + 5     # the work-queue view the case is in (evidencekit.queue)
_ROLES = frozenset((Qt.DisplayRole, Qt.ToolTipRole, Qt.BackgroundRole, Qt.ForegroundRole,
                    Qt.TextAlignmentRole, CaseRole, StateRole, RemainingRole, SearchRole, BucketRole))

_HEADERS = (QT_TRANSLATE_NOOP("CaseListModel", "Case"),
            QT_TRANSLATE_NOOP("CaseListModel", "Order no."),
            QT_TRANSLATE_NOOP("CaseListModel", "Platform"),
            QT_TRANSLATE_NOOP("CaseListModel", "Dispute type"),
            QT_TRANSLATE_NOOP("CaseListModel", "Stage"),
            QT_TRANSLATE_NOOP("CaseListModel", "Deadline"),
            QT_TRANSLATE_NOOP("CaseListModel", "Checklist"),
            QT_TRANSLATE_NOOP("CaseListModel", "Buyer"),
            QT_TRANSLATE_NOOP("CaseListModel", "Last change"),
            QT_TRANSLATE_NOOP("CaseListModel", "Still missing"))


def refresh_deadlines(rows: list[CaseRow], rules, now) -> None:
    for r in rows:
        r.refresh_clocks(rules, now)
    sort_rows(rows)


class CaseListModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[CaseRow] = []
        self._texts: list[str] | None = None
        self._ids: list[int] | None = None
        self._shown_texts: dict[int, list] = {}  # case id -> display text per column

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._rows = case_rows(self.ctx.lib, self.ctx.now())
        self._texts = self._ids = None
        self._forget_texts()
        self.endResetModel()

    def refresh_case(self, case_id: int) -> None:
        """Re-read one case (after an edit) and keep the urgency order."""
        lib = self.ctx.lib
        row = case_row(lib, case_id, self.ctx.now())
        if row is None:  # trashed or gone
            self.reload()
            return
        rows = [r for r in self._rows if r.case.id != case_id] + [row]
        if len(rows) != len(self._rows):  # a case appeared: simplest to reset
            self.beginResetModel()
            refresh_deadlines(rows, lib.rules, self.ctx.now())
            self._rows = rows
            self._texts = self._ids = None
            self._forget_texts()
            self.endResetModel()
            return
        self._relayout(rows)

    def tick(self) -> None:
        """Recompute countdowns (no database access)."""
        if self._rows:
            self._relayout(list(self._rows))

    def _relayout(self, rows: list[CaseRow]) -> None:
        """Re-sort ``rows`` by urgency, keeping persistent indexes (selection) on their case."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].case.id if i.row() < len(self._rows) else None
               for i in persistent]
        refresh_deadlines(rows, self.ctx.lib.rules, self.ctx.now())
        self._rows = rows
        self._texts = self._ids = None
        self._forget_texts()
        where = {r.case.id: n for n, r in enumerate(rows)}
        new = [self.index(where[cid], i.column()) if cid in where else QModelIndex()
               for cid, i in zip(ids, persistent, strict=True)]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COLUMNS - 1))

    def row_of(self, case_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.case.id == case_id:
                return i
        return -1

    def case_at(self, row: int) -> Case:
        return self._rows[row].case

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def rows_view(self) -> list[CaseRow]:
        """The rows themselves, not a copy (the filter reads them on every keystroke)."""
        return self._rows

    def case_ids(self) -> list[int]:
        """Each row's case id, in row order (a new list whenever the rows change)."""
        if self._ids is None or len(self._ids) != len(self._rows):
            self._ids = [r.case.id for r in self._rows]
        return self._ids

    def search_texts(self) -> list[str]:
        """Each row's searchable text, in row order (kept until the rows change)."""
        if self._texts is None or len(self._texts) != len(self._rows):
            self._texts = [r.search_text for r in self._rows]
        return self._texts

    # ---- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMNS:
            return translate("CaseListModel", _HEADERS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, col: int, role):
        """data() without a QModelIndex (the filter asks for its rows directly). A painted
        screen asks ~1,700 times (rows × columns × roles): the roles this model never sets
        are answered at once, and each row's texts come from a cache kept until it changes."""
        if role not in _ROLES or not (0 <= row < len(self._rows)):
            return None
        r = self._rows[row]
        c = r.case
        if role == Qt.DisplayRole:
            texts = self._shown_texts.get(c.id)
            if texts is None:
                texts = self._shown_texts[c.id] = [self._display(r, i) for i in range(COLUMNS)]
            return texts[col]
        urgent = r.urgent
        if role == Qt.ToolTipRole and col == COL_DEADLINE and r.deadlines:
            return "\n".join(f"{d.name(labels.lang())}: {labels.local_time(d.due, self.ctx.zone)}"
                             for d in r.deadlines)
        if role == Qt.BackgroundRole and col == COL_DEADLINE and urgent:
            return labels.state_color(urgent.state)[0]
        if role == Qt.ForegroundRole and col == COL_DEADLINE and urgent:
            return labels.state_color(urgent.state)[1]
        if role == Qt.TextAlignmentRole and col in (COL_DEADLINE, COL_CHECKLIST):
            return int(Qt.AlignCenter)
        if role == CaseRole:
            return c
        if role == StateRole:
            return urgent.state if urgent else ""
        if role == RemainingRole:
            return urgent.remaining_seconds if urgent else None
        if role == SearchRole:
            return r.search_text
        if role == BucketRole:
            return r.bucket
        return None

    def _forget_texts(self) -> None:
        self._shown_texts: dict[int, list] = {}

    def _display(self, r: CaseRow, col: int):
        c = r.case
        rules = self.ctx.lib.rules
        if col == COL_CASE_NO:
            return c.case_no
        if col == COL_ORDER:
            return c.order_no
        if col == COL_PLATFORM:
            return labels.platform_label(rules, c.platform)
        if col == COL_TYPE:
            return labels.dispute_label(rules, c.platform, c.dispute_type)
        if col == COL_STAGE:
            return labels.stage_label(c.stage)
        if col == COL_DEADLINE:
            u = r.urgent
            return f"{u.name(labels.lang())} · {labels.countdown(u.remaining_seconds)}" if u else "—"
        if col == COL_CHECKLIST:
            met, total = r.checklist
            return f"{met}/{total}"
        if col == COL_BUYER:
            return c.buyer_name
        if col == COL_UPDATED:
            return labels.local_time(c.updated_at, self.ctx.zone)
        if col == COL_MISSING:  # "还差：物流轨迹" (the core words it)
            return "" if c.stage == "closed" else queue.missing_text(r.missing, labels.lang())
        return None

    def bucket_counts(self) -> dict[str, int]:
        """How many cases each work-queue view holds (every view present, 0 when empty)."""
        counts = dict.fromkeys(queue.BUCKETS, 0)
        for r in self._rows:
            counts[r.bucket] = counts.get(r.bucket, 0) + 1
        return counts


class CaseFilterModel(QAbstractProxyModel):
    """Filter by stage, dispute type and platform, and a free-text search.

    The rows shown are chosen in one Python pass over the case rows and the view is reset:
    a QSortFilterProxyModel calls back into Python once per case on every keystroke (10,000
    calls, 100–800 ms at 10,000 cases). The source's order (most urgent first) is kept.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stage = ""
        self.dispute_type = ""
        self.platform = ""
        self.bucket = ""  # a work-queue view (evidencekit.queue.BUCKETS); "" shows all
        self.text = ""
        self.case_ids: frozenset[int] | None = None  # only these cases (the review's click-through)
        self._shown: list[int] = []    # source rows, in source order
        self._where: dict[int, int] | None = {}  # source row -> row here
        self._ids_then: list[int] = []  # every source row's case id when last filtered

    def setSourceModel(self, model) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._source_signals(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._shown = self._accepted()
        self._index_rows()
        self.endResetModel()
        for signal, slot in self._source_signals(model):
            signal.connect(slot)

    def _source_signals(self, model):
        return ((model.modelReset, self._on_source_reset),
                (model.layoutChanged, self._on_source_layout_changed),
                (model.dataChanged, self._on_source_data_changed),
                (model.rowsInserted, self._on_source_reset),
                (model.rowsRemoved, self._on_source_reset))

    def set_filter(self, *, stage=None, dispute_type=None, platform=None, text=None,
                   bucket=None, case_ids=False) -> None:
        """``case_ids``: an iterable of ids to show only those, ``None`` to show all again."""
        if case_ids is not False:
            self.case_ids = None if case_ids is None else frozenset(case_ids)
        if bucket is not None:
            self.bucket = bucket
        if stage is not None:
            self.stage = stage
        if dispute_type is not None:
            self.dispute_type = dispute_type
        if platform is not None:
            self.platform = platform
        if text is not None:
            self.text = text.strip().lower()
        self._refilter()

    # ---- choosing rows -----------------------------------------------------------------------
    def accepts(self, row: CaseRow) -> bool:
        return (self._facets_accept(row.case) and (not self.bucket or row.bucket == self.bucket)
                and (not self.text or self.text in row.search_text))

    def _accepted(self) -> list[int]:
        """Source rows to show: the combo filters first (rarely set), then the text as one
        substring test per case (no call per row: 10,000 cases in about a millisecond)."""
        model = self.sourceModel()
        if model is None:
            return []
        rows = model.rows_view()
        if self.stage or self.dispute_type or self.platform or self.bucket or self.case_ids is not None:
            rows_ok = [i for i, r in enumerate(rows) if self._facets_accept(r.case)
                       and (not self.bucket or r.bucket == self.bucket)]
        else:
            rows_ok = range(len(rows))
        if not self.text:
            return list(rows_ok)
        q, texts = self.text, model.search_texts()
        return [i for i in rows_ok if q in texts[i]]

    def _facets_accept(self, case) -> bool:
        return not ((self.case_ids is not None and case.id not in self.case_ids)
                    or (self.stage and case.stage != self.stage)
                    or (self.dispute_type and case.dispute_type != self.dispute_type)
                    or (self.platform and case.platform != self.platform))

    def _index_rows(self) -> None:
        # Both built when first needed (a keystroke needs neither): the reverse map for
        # mapFromSource, and the case ids the rows had, for a later re-sort.
        self._where = None
        model = self.sourceModel()
        self._ids_then = model.case_ids() if model is not None else []

    @property
    def _ids(self) -> list[int]:
        return [self._ids_then[i] for i in self._shown]

    def _refilter(self) -> None:
        shown = self._accepted()
        if shown == self._shown:
            return
        self.beginResetModel()
        self._shown = shown
        self._index_rows()
        self.endResetModel()

    def _on_source_reset(self, *_) -> None:
        self.beginResetModel()
        self._shown = self._accepted()
        self._index_rows()
        self.endResetModel()

    def _on_source_layout_changed(self, *_) -> None:
        """The source re-sorted (a clock tick, an edited case): same cases, maybe another
        order. Keep the selection on its cases; if the set shown changed, start afresh."""
        rows = self.sourceModel().rows_view()
        old_ids = list(self._ids)
        shown = self._accepted()
        new_ids = [rows[i].case.id for i in shown]
        if sorted(old_ids) != sorted(new_ids):
            self._on_source_reset()
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [old_ids[i.row()] if 0 <= i.row() < len(old_ids) else None for i in persistent]
        self._shown = shown
        self._index_rows()
        where = {cid: n for n, cid in enumerate(new_ids)}
        self.changePersistentIndexList(
            persistent, [self.index(where[cid], i.column()) if cid in where else QModelIndex()
                         for cid, i in zip(ids, persistent, strict=True)])
        self.layoutChanged.emit()

    def _on_source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        if self._shown:
            self.dataChanged.emit(self.index(0, top_left.column()),
                                  self.index(len(self._shown) - 1, bottom_right.column()))

    # ---- the proxy API -----------------------------------------------------------------------
    def data(self, index, role=Qt.DisplayRole):
        # Straight to the source's rows: no mapToSource / index / rowCount calls per cell.
        row = index.row()
        if not index.isValid() or not (0 <= row < len(self._shown)):
            return None
        return self.sourceModel().cell(self._shown[row], index.column(), role)

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def mapToSource(self, index):
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return QModelIndex()
        return self.sourceModel().index(self._shown[index.row()], index.column())

    def mapFromSource(self, index):
        if not index.isValid():
            return QModelIndex()
        if self._where is None:
            self._where = {src: n for n, src in enumerate(self._shown)}
        row = self._where.get(index.row())
        return QModelIndex() if row is None else self.index(row, index.column())

    def index(self, row, column, parent=QModelIndex()):
        if parent.isValid() or not (0 <= row < len(self._shown)) or \
                not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=QModelIndex()):
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.sourceModel() is None else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        model = self.sourceModel()
        if model is None or orientation == Qt.Vertical:
            return None
        return model.headerData(section, orientation, role)

    def hasChildren(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._shown)
