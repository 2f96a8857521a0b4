"""The case list: one row per case, most urgent first, one page at a time.

The database orders and filters the cases (``summary.case_page`` over the summaries the
library keeps per case); the model holds the pages fetched so far and asks for the next one
when the view scrolls to its end (``canFetchMore``/``fetchMore``), so a library of 10,000
cases opens on its first page. Clocks are computed for the fetched rows only; a minute's tick
recomputes their countdowns in memory (the order does not depend on the moment).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal

from evidencekit import queue
from evidencekit.case_summary import CaseFilter
from evidencekit.domain import Case
from evidencekit.summary import CaseRow, case_page

from .. import labels
from ..i18n import translate

COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TYPE, COL_STAGE, COL_DEADLINE, COL_CHECKLIST, \
    COL_BUYER, COL_UPDATED, COL_MISSING = range(10)
COLUMNS = 10
PAGE = 100  # rows fetched at a time (a screen shows about 30)

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


class CaseListModel(QAbstractTableModel):
    loaded = Signal()  # the rows or the count of cases shown changed (not a page fetched)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.where = CaseFilter()
        self._rows: list[CaseRow] = []
        self._shown = 0  # how many cases ``where`` shows (a COUNT), fetched or not
        self._shown_texts: dict[int, list] = {}  # case id -> display text per column

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read again (out-of-date summaries are made current first): the rows fetched so far,
        at least a page."""
        self._load(check=True)

    def refresh_case(self, case_id: int) -> None:
        """A case changed: read the rows again (its place, or whether it is shown, may change)."""
        self._load()

    def tick(self) -> None:
        """Recompute countdowns (no database access unless a work-queue view is shown: time
        moves cases between views)."""
        if self.where.bucket:
            self._load()
            return
        if self._rows:
            rules, now = self.ctx.lib.rules, self.ctx.now()
            for r in self._rows:
                if r.deadlines:
                    r.refresh_clocks(rules, now)
            self._forget_texts()
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))

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

    def _page(self, offset: int, limit: int, check: bool = False) -> list[CaseRow]:
        return case_page(self.ctx.lib, self.ctx.now(), self.where, offset=offset, limit=limit,
                         check=check)

    def _load(self, *, check: bool = False, rows: int | None = None) -> None:
        limit = rows or max(PAGE, len(self._rows))
        new = self._page(0, limit, check)
        # one COUNT, unless this read already holds every row shown
        shown = len(new) if len(new) < limit else \
            self.ctx.lib.case_list_count(self.where, now=self.ctx.now())
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
            self._forget_texts()
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COLUMNS - 1))
            return
        if sorted(new) == sorted(old):
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            where = {cid: n for n, cid in enumerate(new)}
            self._rows = rows
            self._forget_texts()
            self.changePersistentIndexList(
                persistent, [self.index(where[old[i.row()]], i.column()) if 0 <= i.row() < len(old)
                             else QModelIndex() for i in persistent])
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._rows = rows
        self._forget_texts()
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._shown

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        seen = {r.case.id for r in self._rows}
        more = [r for r in self._page(len(self._rows), PAGE) if r.case.id not in seen]
        if not more:  # the count was out of date: nothing further down
            self._shown = len(self._rows)
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

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
