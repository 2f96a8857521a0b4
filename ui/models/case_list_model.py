"""The case list: one row per case, most urgent first, one page at a time.

The database orders and filters the cases (``summary.case_page`` over the summaries the
library keeps per case); the model holds the pages fetched so far and asks for the next one
when the view scrolls to its end (``canFetchMore``/``fetchMore``), so a library of 10,000
cases opens on its first page. Clocks are computed for the fetched rows only; a minute's tick
recomputes their countdowns in memory (the order does not depend on the moment).

The cells live in Qt's own item model (``QStandardItemModel``), written when rows are read:
a painted screen asks ~2,000 times for a cell's roles, and a Python ``data()`` answering them
was most of a keystroke (46 ms of CPU of a repaint, against 9 ms served by Qt).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from evidencekit import queue
from evidencekit.case_summary import CaseFilter
from evidencekit.domain import Case
from evidencekit.summary import CaseRow, case_page

from .. import labels
from ..i18n import translate

COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TYPE, COL_STAGE, COL_DEADLINE, COL_CHECKLIST, \
    COL_BUYER, COL_UPDATED, COL_MISSING = range(10)
COLUMNS = 10
PAGE = 40  # rows fetched at a time (a screen shows about 25; the view asks for more)

_USER = int(Qt.UserRole.value)
CaseRole = _USER + 1
StateRole = _USER + 2      # most urgent deadline state or ""
SearchRole = _USER + 3     # text the search box matches
RemainingRole = _USER + 4  # seconds left on the most urgent clock (None: no clock)
BucketRole = _USER + 5     # the work-queue view the case is in (evidencekit.queue)
# Roles kept in column 0 (CaseRole, SearchRole, BucketRole) and in the deadline column
# (StateRole, RemainingRole, colours); every column has its text.
_CENTER = int(Qt.AlignCenter)
# As plain numbers: PySide6's enum objects cost a Python call each time they are combined or
# passed, and a page writes a thousand cells.
_DISPLAY, _BACKGROUND, _FOREGROUND, _ALIGN = (int(r.value) for r in (
    Qt.DisplayRole, Qt.BackgroundRole, Qt.ForegroundRole, Qt.TextAlignmentRole))
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable

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


class CaseListModel(QStandardItemModel):
    loaded = Signal()  # the rows or the count of cases shown changed (not a page fetched)

    def __init__(self, ctx, parent=None):
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels([translate("CaseListModel", h) for h in _HEADERS])
        self.ctx = ctx
        self.where = CaseFilter()
        self._rows: list[CaseRow] = []
        self._shown = 0  # how many cases ``where`` shows (a COUNT), fetched or not

    # ---- loading -------------------------------------------------------------------------
    def reload(self, shown: int | None = None) -> None:
        """Read again: the rows fetched so far, at least a page, from the kept summaries
        (``shown``: how many cases the filter shows, when the caller has counted them).
        Checking them against every case (what changed while the app was closed: an upgrade,
        edited rules) is not done here but on the writer thread (``ui/case_list_check.py``);
        later changes keep their summaries current as they are written."""
        self._load(shown=shown)

    def refresh_case(self, case_id: int, shown: int | None = None) -> None:
        """A case changed: read the rows again (its place, or whether it is shown, may change)."""
        self._load(shown=shown)

    def tick(self) -> None:
        """Recompute countdowns (no database access unless a work-queue view is shown: time
        moves cases between views)."""
        if self.where.bucket:
            self._load()
            return
        timed = [(n, r) for n, r in enumerate(self._rows) if r.deadlines]
        if timed:
            rules, now = self.ctx.lib.rules, self.ctx.now()
            blocked = self.blockSignals(True)
            try:
                for n, r in timed:
                    r.refresh_clocks(rules, now)
                    self._write_row(n, r)
            finally:
                self.blockSignals(blocked)
            self.dataChanged.emit(self.index(timed[0][0], 0), self.index(timed[-1][0], COLUMNS - 1))

    def set_filter(self, **changes) -> bool:
        """Show what ``changes`` (CaseFilter fields) narrow to; False if that is what is shown."""
        if "case_ids" in changes and changes["case_ids"] is not None:
            changes["case_ids"] = frozenset(changes["case_ids"])
        where = replace(self.where, **changes)
        if where == self.where:
            return False
        self.where = where
        # As many rows as are fetched (a few pages at most): a filter that shows the same
        # cases then changes nothing on screen (no reset, the selection stays).
        self._load(rows=min(max(PAGE, len(self._rows)), 4 * PAGE))
        return True

    def shown_count(self) -> int:
        """How many cases the filter shows, fetched or not."""
        return self._shown

    def shows(self, case_id: int) -> bool:
        """Whether the filter shows ``case_id`` (fetched or further down)."""
        ids = frozenset((case_id,)) if self.where.case_ids is None else \
            self.where.case_ids & {case_id}
        return bool(ids) and self.ctx.lib.case_list_count(replace(self.where, case_ids=ids),
                                                          now=self.ctx.now()) > 0

    def fetch_until(self, case_id: int) -> int:
        """Fetch pages until ``case_id``'s row is in (if the filter shows it); its row or -1."""
        row = self.row_of(case_id)
        if row < 0 and self.canFetchMore() and self.shows(case_id):
            while row < 0 and self.canFetchMore():
                self.fetchMore()
                row = self.row_of(case_id)
        return row

    def _page(self, offset: int, limit: int, after: CaseRow | None = None) -> list[CaseRow]:
        return case_page(self.ctx.lib, self.ctx.now(), self.where, offset=offset, after=after,
                         limit=limit)

    def _load(self, *, rows: int | None = None, shown: int | None = None) -> None:
        limit = rows or max(PAGE, len(self._rows))
        new = self._page(0, limit)
        # one COUNT, unless this read already holds every row shown or the caller counted
        if len(new) < limit:
            shown = len(new)
        elif shown is None:
            shown = self.ctx.lib.case_list_count(self.where, now=self.ctx.now())
        self._apply(new, shown)
        self.loaded.emit()

    def _apply(self, rows: list[CaseRow], shown: int) -> None:
        """Show ``rows``: the same cases in the same order only repaint; the same cases in
        another order keep the selection on its case; other cases reset the view."""
        old = [r.case.id for r in self._rows]
        new = [r.case.id for r in rows]
        self._shown = max(shown, len(rows))
        if new == old:
            self._rows = rows
            self._write_all()
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COLUMNS - 1))
            return
        if sorted(new) == sorted(old):
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            where = {cid: n for n, cid in enumerate(new)}
            self._rows = rows
            self._write_all()  # the same items, new contents: the indexes stay valid
            self.changePersistentIndexList(
                persistent, [self.index(where[old[i.row()]], i.column()) if 0 <= i.row() < len(old)
                             else QModelIndex() for i in persistent])
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._rows = rows
        self._write_all()
        self.endResetModel()

    def _write_all(self) -> None:
        """Write every row's cells into the items (signals held: the caller says what changed)."""
        blocked = self.blockSignals(True)
        try:
            if self.rowCount() != len(self._rows):
                self.setRowCount(len(self._rows))
            for n, r in enumerate(self._rows):
                self._write_row(n, r)
        finally:
            self.blockSignals(blocked)

    def _write_row(self, n: int, r: CaseRow) -> None:
        texts = self._texts(r)
        item = self.item
        items = [item(n, col) for col in range(COLUMNS)]
        for col, it in enumerate(items):
            if it is None:
                it = items[col] = QStandardItem()
                it.setFlags(_FLAGS)
                if col in (COL_DEADLINE, COL_CHECKLIST):
                    it.setData(_CENTER, _ALIGN)
                self.setItem(n, col, it)
            it.setData(texts[col], _DISPLAY)
        first, deadline = items[0], items[COL_DEADLINE]
        first.setData(r.case, CaseRole)
        first.setData(r.search_text, SearchRole)
        first.setData(r.bucket, BucketRole)
        urgent = r.urgent
        deadline.setData(urgent.state if urgent else "", StateRole)
        deadline.setData(urgent.remaining_seconds if urgent else None, RemainingRole)
        colours = labels.state_color(urgent.state) if urgent else (None, None)
        deadline.setData(colours[0], _BACKGROUND)
        deadline.setData(colours[1], _FOREGROUND)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._shown

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        seen = {r.case.id for r in self._rows}
        # sought from the last row's place (a page far down costs what the first does)
        more = [r for r in self._page(len(self._rows), PAGE, after=self._rows[-1] if self._rows else None)
                if r.case.id not in seen]
        if not more:  # the count was out of date: nothing further down
            self._shown = len(self._rows)
            return
        n = len(self._rows)
        self._rows.extend(more)
        self.setRowCount(len(self._rows))  # announces the new rows
        blocked = self.blockSignals(True)  # their cells: one dataChanged below
        try:
            for i, r in enumerate(more, n):
                self._write_row(i, r)
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(n, 0), self.index(len(self._rows) - 1, COLUMNS - 1))

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
        """The rows fetched so far, in order."""
        return list(self._rows)

    def tooltip(self, row: int, col: int) -> str:
        """The deadline cell's tooltip: every running clock with its due time (asked when
        shown, not kept in the cell: a keystroke would word it for every row read)."""
        r = self.row_at(row)
        if r is None or col != COL_DEADLINE or not r.deadlines:
            return ""
        return "\n".join(f"{d.name(labels.lang())}: {labels.local_time(d.due, self.ctx.zone)}"
                         for d in r.deadlines)

    def _texts(self, r: CaseRow) -> list[str]:
        """The row's text in each column."""
        c, rules, lang = r.case, self.ctx.lib.rules, labels.lang()
        u = r.urgent
        met, total = r.checklist
        return [c.case_no, c.order_no, labels.platform_label(rules, c.platform),
                labels.dispute_label(rules, c.platform, c.dispute_type), labels.stage_label(c.stage),
                f"{u.name(lang)} · {labels.countdown(u.remaining_seconds)}" if u else "—",
                f"{met}/{total}", c.buyer_name, labels.local_time(c.updated_at, self.ctx.zone),
                # "还差：物流轨迹" (the core words it)
                "" if c.stage == "closed" else queue.missing_text(r.missing, lang)]
