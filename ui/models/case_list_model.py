"""The case list: one row per case, most urgent first.

Rows are computed from the library in one pass (cases, exhibit counts, checklist progress)
and deadlines are recomputed from memory on every clock tick without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex,
                            QSortFilterProxyModel, Qt)

from evidencekit import checklist, deadlines
from evidencekit.domain import Case, Deadline
from evidencekit.summary import urgency_key

from .. import labels
from ..i18n import translate

COL_CASE_NO, COL_ORDER, COL_PLATFORM, COL_TYPE, COL_STAGE, COL_DEADLINE, COL_CHECKLIST, \
    COL_BUYER, COL_UPDATED = range(9)
COLUMNS = 9

CaseRole = Qt.UserRole + 1
StateRole = Qt.UserRole + 2      # most urgent deadline state or ""
SearchRole = Qt.UserRole + 3     # text the search box matches
RemainingRole = Qt.UserRole + 4  # seconds left on the most urgent clock (None: no clock)

_HEADERS = (QT_TRANSLATE_NOOP("CaseListModel", "Case"),
            QT_TRANSLATE_NOOP("CaseListModel", "Order no."),
            QT_TRANSLATE_NOOP("CaseListModel", "Platform"),
            QT_TRANSLATE_NOOP("CaseListModel", "Dispute type"),
            QT_TRANSLATE_NOOP("CaseListModel", "Stage"),
            QT_TRANSLATE_NOOP("CaseListModel", "Deadline"),
            QT_TRANSLATE_NOOP("CaseListModel", "Checklist"),
            QT_TRANSLATE_NOOP("CaseListModel", "Buyer"),
            QT_TRANSLATE_NOOP("CaseListModel", "Last change"))


@dataclass
class CaseRow:
    case: Case
    progress: tuple[int, int]
    exhibit_count: int
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def urgent(self) -> Deadline | None:
        return deadlines.most_urgent(self.deadlines)


def load_rows(lib, now) -> list[CaseRow]:
    """All live cases with their checklist progress and running clocks."""
    rows = []
    for case in lib.list_cases():
        exhibits = lib.list_exhibits(case.id)
        try:
            items = checklist.evaluate(case, exhibits, lib.rules, "arbitration", now=now)
        except Exception:  # a rule file that no longer knows the type: still list the case
            items = []
        rows.append(CaseRow(case, checklist.progress(items), len(exhibits)))
    refresh_deadlines(rows, lib.rules, now)
    return rows


def refresh_deadlines(rows: list[CaseRow], rules, now) -> None:
    for r in rows:
        try:
            r.deadlines = deadlines.compute(r.case, rules, now)
        except Exception:
            r.deadlines = []
    rows.sort(key=lambda r: urgency_key(r.case, r.deadlines))


class CaseListModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[CaseRow] = []

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._rows = load_rows(self.ctx.lib, self.ctx.now())
        self.endResetModel()

    def refresh_case(self, case_id: int) -> None:
        """Re-read one case (after an edit) and keep the urgency order."""
        lib = self.ctx.lib
        try:
            case = lib.get_case(case_id)
        except Exception:
            case = None
        if case is None or case.deleted_at is not None:
            self.reload()
            return
        exhibits = lib.list_exhibits(case_id)
        try:
            items = checklist.evaluate(case, exhibits, lib.rules, "arbitration", now=self.ctx.now())
        except Exception:
            items = []
        row = CaseRow(case, checklist.progress(items), len(exhibits))
        rows = [r for r in self._rows if r.case.id != case_id] + [row]
        if len(rows) != len(self._rows):  # a case appeared: simplest to reset
            self.beginResetModel()
            refresh_deadlines(rows, lib.rules, self.ctx.now())
            self._rows = rows
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
        where = {r.case.id: n for n, r in enumerate(rows)}
        new = [self.index(where[cid], i.column()) if cid in where else QModelIndex()
               for cid, i in zip(ids, persistent)]
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

    def rows(self) -> list[CaseRow]:
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
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        c, col = r.case, index.column()
        urgent = r.urgent
        if role == Qt.DisplayRole:
            return self._display(r, col)
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
            return " ".join((c.case_no, c.order_no, c.after_sale_no, c.buyer_name, c.buyer_phone,
                             c.product, c.judgment_ref)).lower()
        return None

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
            met, total = r.progress
            return f"{met}/{total}"
        if col == COL_BUYER:
            return c.buyer_name
        if col == COL_UPDATED:
            return labels.local_time(c.updated_at, self.ctx.zone)
        return None


class CaseFilterModel(QSortFilterProxyModel):
    """Filter by stage, dispute type and platform, and a free-text search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stage = ""
        self.dispute_type = ""
        self.platform = ""
        self.text = ""

    def set_filter(self, *, stage=None, dispute_type=None, platform=None, text=None) -> None:
        self.beginFilterChange()
        if stage is not None:
            self.stage = stage
        if dispute_type is not None:
            self.dispute_type = dispute_type
        if platform is not None:
            self.platform = platform
        if text is not None:
            self.text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        case = model.data(idx, CaseRole)
        if case is None:
            return False
        if self.stage and case.stage != self.stage:
            return False
        if self.dispute_type and case.dispute_type != self.dispute_type:
            return False
        if self.platform and case.platform != self.platform:
            return False
        if self.text and self.text not in model.data(idx, SearchRole):
            return False
        return True
