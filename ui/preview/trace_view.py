"""A logistics trace as a timeline: stalls called out, the signed event marked.

Events carry the numbers the bundle's timeline prints; the user marks key rows from the
context menu (``mark_requested``), and marked rows are starred and tinted, as in the bundle.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem

from evidencekit.timeutil import format_local, from_iso

from ..highlight import HighlightDelegate
from ..i18n import pick

SIGNED = ("signed", "proxy_signed")


class TracePreview(QTableWidget):
    mark_requested = Signal(int, bool)  # event number (1-based), mark (True) or unmark

    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.signed_rows: list[int] = []
        self.stall_rows: list[int] = []
        self.event_rows: list[int] = []  # table row of each event (stall rows sit between)
        self.marks: set[int] = set()  # the key events (1-based numbers)
        self._trace = None
        self._zone = None
        self.marker = HighlightDelegate(self)  # a search hit's words, in the place and event columns
        self.setItemDelegateForColumn(1, self.marker)
        self.setItemDelegateForColumn(2, self.marker)

    def set_trace(self, trace, zone, marks=()) -> None:
        self._trace, self._zone = trace, zone
        self.marker.words = []  # a search hit's words come after (highlight)
        self.marks = set(marks)
        self._render()

    def set_marks(self, marks) -> None:
        """The key rows changed (an op finished): draw them again, keeping the place."""
        if self._trace is None or set(marks) == self.marks:
            return
        self.marks = set(marks)
        at = self.verticalScrollBar().value()
        self._render()
        self.verticalScrollBar().setValue(at)

    def event_at_row(self, row: int) -> int | None:
        """The 1-based event number shown on a table row (None for a stall row)."""
        return self.event_rows.index(row) + 1 if row in self.event_rows else None

    def contextMenuEvent(self, event) -> None:
        number = self.event_at_row(self.rowAt(event.pos().y()))
        if number is None:
            return
        menu = QMenu(self)
        if number in self.marks:
            text = self.tr("Unmark row #%1 as key").replace("%1", str(number))
        else:
            text = self.tr("Mark row #%1 as key").replace("%1", str(number))
        marked = number not in self.marks
        menu.addAction(text).triggered.connect(
            lambda _c=False, n=number, m=marked: self.mark_requested.emit(n, m))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _render(self) -> None:
        trace, zone = self._trace, self._zone
        self.clear()
        self.setHorizontalHeaderLabels([pick("时间", "Time"), pick("地点", "Location"),
                                        pick("轨迹", "Event")])
        stalls = {}
        for s in trace.stalls:
            start = s.get("from")
            start = from_iso(start) if isinstance(start, str) else start
            if isinstance(start, datetime):
                stalls[start] = s
        rows: list[tuple[str, object]] = []
        for ev in trace.events:
            rows.append(("event", ev))
            if ev.at in stalls:
                rows.append(("stall", stalls[ev.at]))
        self.setRowCount(len(rows))
        self.signed_rows, self.stall_rows, self.event_rows = [], [], []
        bold = QFont()
        bold.setBold(True)
        # Row colours (background, text) readable in the light and the dark palette.
        from ..labels import dark_palette
        dark = dark_palette()
        stall_bg, stall_fg = ("#4a2c12", "#ffb74d") if dark else ("#fff3e0", "#e65100")
        key_bg, key_fg = ("#4a3f10", "#ffe082") if dark else ("#fff1b8", "#3e2c00")
        signed_bg, signed_fg = ("#1e3a22", "#a5d6a7") if dark else ("#e8f5e9", "#1b5e20")
        for r, (what, obj) in enumerate(rows):
            if what == "stall":
                hours = obj.get("hours", 0)
                text = pick(f"⚠ 停滞 {hours:g} 小时（超过 3 天未更新）",
                            f"⚠ Stalled for {hours:g} h (no update for more than 3 days)")
                cells = ["", "", text]
                brush = QBrush(QColor(stall_bg))
                fg = QBrush(QColor(stall_fg))
                self.stall_rows.append(r)
            else:
                ev = obj
                self.event_rows.append(r)
                number = len(self.event_rows)
                signed = ev.status in SIGNED
                key = number in self.marks
                mark = "✔ " if signed else ""
                star = "★ " if key else ""
                cells = [f"{star}#{number}  " + (format_local(ev.at, zone) if ev.at else ""),
                         ev.location or "",
                         mark + (pick("【签收】", "[Signed] ") if signed else "") + ev.text]
                bg, fgc = (key_bg, key_fg) if key else (signed_bg, signed_fg)
                brush = QBrush(QColor(bg)) if signed or key else None
                fg = QBrush(QColor(fgc)) if signed or key else None
                if signed:
                    self.signed_rows.append(r)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if brush is not None:
                    item.setBackground(brush)
                    item.setForeground(fg)
                    if what == "event":
                        item.setFont(bold)
                self.setItem(r, c, item)
        h = self.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.Stretch)
        self.resizeRowsToContents()

    def highlight(self, words: list[str]) -> None:
        self.marker.words = list(words)
        self.viewport().update()

    def reveal(self, event: int) -> None:
        """Select and show one event (0-based, as the search index counts them)."""
        if 0 <= event < len(self.event_rows):
            row = self.event_rows[event]
            self.selectRow(row)
            self.scrollToItem(self.item(row, 0), QAbstractItemView.PositionAtTop)
