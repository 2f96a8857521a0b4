"""The main window's first page: every case, most urgent first, with filters and search."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidencekit import queue
from evidencekit.case_summary import CaseFilter
from evidencekit.domain import STAGES
from evidencekit.store import search_index, search_rank
from evidencekit.summary import alert_rows, case_page

from . import labels
from .deadline_delegate import DeadlineDelegate
from .errors import describe
from .highlight import HighlightDelegate
from .i18n import lang, pick
from .models.case_list_model import (
    COL_BUYER,
    COL_CASE_NO,
    COL_CHECKLIST,
    COL_DEADLINE,
    COL_MISSING,
    COL_ORDER,
    COL_PLATFORM,
    COL_STAGE,
    COL_TYPE,
    COL_UPDATED,
    CaseListModel,
    CaseRole,
)
from .runner import WRITE
from .tables import record_table

DUE_HOURS = 12  # the start-of-day summary looks this far ahead
SEARCH_PAUSE_MS = 350  # typing pauses this long before the search inside evidence runs
FILTER_PAUSE_MS = 150  # and this long before the list narrows to the cases' own fields
HIT_LIMIT = 200
HitRole = Qt.UserRole + 1


class CaseListPage(QWidget):
    case_activated = Signal(int)
    trash_requested = Signal()  # the empty list's link to the trash
    hit_activated = Signal(int, object, str, int, object)  # case id, exhibit id or None, source, loc, words
    hits_shown = Signal(int)  # how many hits inside evidence the last search found
    search_applied = Signal()  # the list shows what the search box says (after typing paused)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseListModel(ctx, self)
        self._total = 0  # live cases (the "All" view: my cases when My cases is on)
        self._none = True  # the library has no live case (the hint on the empty list)
        # The kept summaries are being computed again (ui/case_list_check.py): an empty list
        # may only mean they are missing (a library upgraded from before them).
        self.updating = False

        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Search order no., buyer, phone, product…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), "")
        for sid in STAGES:
            self.stage.addItem(labels.stage_label(sid), sid)
        self.stage.currentIndexChanged.connect(
            lambda _i: self._filter(stage=self.stage.currentData()))
        self.platform = QComboBox()
        self.platform.addItem(self.tr("All platforms"), "")
        for p in ctx.lib.rules.platforms.values():
            self.platform.addItem(p.name(lang()), p.id)
        self.platform.currentIndexChanged.connect(self._on_platform_changed)
        self.dispute_type = QComboBox()
        self.dispute_type.currentIndexChanged.connect(
            lambda _i: self._filter(dispute_type=self.dispute_type.currentData() or ""))
        self._fill_types()
        # 我的案件: only the cases assigned to this desktop's staff member (Settings ▸ My name).
        self.mine = QCheckBox(self.tr("My cases"))
        self.mine.setObjectName("myCases")
        self.mine.setChecked(ctx.settings.get("my_cases"))
        self.mine.toggled.connect(self._on_mine_toggled)
        ctx.settings_changed.connect(self._on_ctx_settings_changed)

        self.table = record_table("caseTable", self.model)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(COL_DEADLINE, QHeaderView.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        # English names of types and stages ("Platform intervention") are about twice as wide
        # as the Chinese ones (平台介入); the deadline column gives up the space.
        en = lang() == "en"
        for col, chars in ((COL_CASE_NO, 7), (COL_ORDER, 13), (COL_PLATFORM, 8),
                           (COL_TYPE, 14 if en else 11), (COL_STAGE, 13 if en else 7),
                           (COL_CHECKLIST, 5), (COL_BUYER, 7), (COL_UPDATED, 15),
                           (COL_MISSING, 18 if en else 14)):
            self.table.setColumnWidth(col, max(chars * em, labels.header_width(self.table, col)))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.setItemDelegateForColumn(COL_DEADLINE, DeadlineDelegate(self.table))
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.count = QLabel()

        # The work queue: one tab per view (evidencekit.queue decides which view a case is in),
        # each with its count; "All" first.
        self.views = QTabBar()
        self.views.setObjectName("queueViews")
        self.views.setExpanding(False)
        self.views.setDrawBase(False)
        self.views.addTab("")
        self.views.setTabData(0, "")
        for bid in queue.BUCKETS:
            self.views.setTabData(self.views.addTab(""), bid)
        self.views.currentChanged.connect(
            lambda i: self._filter(bucket=self.views.tabData(i) or ""))

        # What is due within DUE_HOURS, in one line (the core picks the clocks: queue.due_within).
        self.due = QLabel()
        self.due.setObjectName("dueSummary")
        self.due.setWordWrap(True)

        # The review's click-through: only the cases behind a bar, until "Show all".
        self.only = QWidget()
        self.only.setObjectName("reviewFilter")
        self.only_label = QLabel()
        self.only_clear = QPushButton(self.tr("Show all cases"))
        self.only_clear.setObjectName("reviewFilterClear")
        self.only_clear.clicked.connect(self.show_all)
        self.only.setAttribute(Qt.WA_StyledBackground, True)
        self.only.setStyleSheet("#reviewFilter { background: palette(highlight); border-radius: 3px; }"
                                " #reviewFilter QLabel { color: palette(highlighted-text); }")
        only_bar = QHBoxLayout(self.only)
        only_bar.setContentsMargins(8, 2, 2, 2)
        only_bar.addWidget(self.only_label, 1)
        only_bar.addWidget(self.only_clear)
        self.only.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.stage)
        bar.addWidget(self.platform)
        bar.addWidget(self.dispute_type)
        bar.addWidget(self.mine)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.due)
        lay.addWidget(self.views)
        lay.addWidget(self.only)
        lay.addLayout(bar)
        # Below the cases: what the search finds inside their evidence (after a pause in typing).
        self.hits_label = QLabel()
        self.hits_label.setObjectName("evidenceHitsLabel")
        self.hits = QTreeWidget()
        self.hits.setObjectName("evidenceHits")
        self.hits.setRootIsDecorated(False)
        self.hits.setUniformRowHeights(True)
        self.hits.setHeaderLabels([self.tr("Case"), self.tr("Where"), self.tr("Text")])
        self.hits.setColumnWidth(0, 9 * em)
        self.hits.setColumnWidth(1, 16 * em)
        self.hits.itemActivated.connect(self._on_hit_activated)
        self.hits_text = HighlightDelegate(self.hits)  # the found words highlighted, not «marked»
        self.hits.setItemDelegateForColumn(2, self.hits_text)
        hits_box = QWidget()
        hits_lay = QVBoxLayout(hits_box)
        hits_lay.setContentsMargins(0, 4, 0, 0)
        hits_lay.addWidget(self.hits_label)
        hits_lay.addWidget(self.hits, 1)
        self.hits_box = hits_box
        hits_box.hide()
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(hits_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.search_evidence)
        # Typing narrows the list once it pauses: one query, not one per character.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(self.apply_search)
        self._search_generation = 0
        self.empty = QLabel(self.table.viewport())
        self.empty.setObjectName("emptyHint")
        self.empty.setTextFormat(Qt.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); font-size: 15px;")
        self.empty.linkActivated.connect(lambda _link: self.trash_requested.emit())
        self.empty.hide()
        # The viewport settles its size after the page's own resize: place the hint then.
        self.table.viewport().installEventFilter(self)
        lay.addWidget(self.count)
        self.model.loaded.connect(self._update_count)
        if self.mine.isChecked():
            self._on_mine_toggled(True)

    def _on_mine_toggled(self, on: bool) -> None:
        self.ctx.settings.set("my_cases", on)
        self._filter(assignee=self.ctx.staff if on else None)
        self._update_views()  # the views count my cases, or everyone's

    def _on_ctx_settings_changed(self) -> None:
        if self.mine.isChecked() and self.model.where.assignee != self.ctx.staff:  # renamed
            self._filter(assignee=self.ctx.staff)
            self._update_views()

    def _filter(self, **what) -> None:
        """Narrow the list, keeping the selected case selected if it is still shown."""
        selected = self.selected_case_id() if hasattr(self, "table") else None  # (building)
        if self.model.set_filter(**what) and selected is not None and self.selected_case_id() is None:
            self.select_case(selected)

    # ---- search inside evidence ---------------------------------------------------------------
    def _on_search_text_changed(self, text: str) -> None:
        self._filter_timer.start()  # the case list's own fields, once typing pauses
        self._search_generation += 1  # a search still running answers a question no longer asked
        if search_index.words_of(text):
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.hits.clear()
            self.hits_box.hide()

    def apply_search(self) -> None:
        """Narrow the list to the search box's text now (the typing pause's end)."""
        self._filter_timer.stop()
        self._filter(text=self.search.text())
        self.search_applied.emit()

    def search_evidence(self) -> None:
        """Search inside every case's evidence for the box's words (on the writer thread: the
        index first takes in what changed since, then is read)."""
        text = self.search.text()
        if not search_index.words_of(text):
            return
        self._search_generation += 1
        gen = self._search_generation
        filters = search_index.Filters(platform=self.platform.currentData() or "",
                                       dispute_type=self.dispute_type.currentData() or "",
                                       stage=self.stage.currentData() or "")
        ctx = self.ctx

        behind = [0]

        def work(progress, cancel):
            lib = ctx.writer_library()
            if lib.read_only:  # a reviewer cannot index: say how far behind it is
                behind[0] = search_index.pending(lib.conn)
            else:
                search_index.catch_up(lib, progress=progress, cancel=cancel)
            return search_index.search(lib, text, filters, limit=HIT_LIMIT)

        self.hits_box.show()
        self.hits_label.setText(self.tr("Searching inside evidence…"))
        ctx.runner.run("search", work, pool=WRITE,
                       on_success=lambda hits: self._show_hits(gen, hits, search_index.words_of(text),
                                                               behind[0]),
                       on_failure=lambda exc: self._search_failed(gen, exc),
                       on_progress=lambda f, zh, en: self._search_progress(gen, zh, en))

    def _search_progress(self, gen: int, zh: str, en: str) -> None:
        if gen == self._search_generation:
            self.hits_label.setText(pick(zh, en))

    def _search_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._search_generation:
            self.hits_label.setText(describe(exc)[0])

    def _show_hits(self, gen: int, hits: list, words: list[str], behind: int = 0) -> None:
        if gen != self._search_generation:
            return
        self.hits.clear()
        self.hits_text.words = words
        for h in hits:
            text = "".join(piece for piece, _found in search_rank.pieces(h.snippet, h.marks))
            item = QTreeWidgetItem([h.case_no, search_index.where(h, lang(), case_no=False), text])
            item.setData(0, HitRole, (h.case_id, h.exhibit_id, h.source, h.loc, words))
            item.setToolTip(2, text)
            self.hits.addTopLevelItem(item)
        if not hits:
            self.hits_label.setText(self.tr("No matches inside evidence."))
        elif len(hits) >= HIT_LIMIT:
            self.hits_label.setText(self.tr("Inside evidence: the first %1 matches (add a word to narrow)")
                                    .replace("%1", str(len(hits))))
        else:
            self.hits_label.setText(self.tr("Inside evidence: %1 match(es); Enter or double-click opens one")
                                    .replace("%1", str(len(hits))))
        if behind:
            self.hits_label.setText(self.hits_label.text() + " — " + self.tr(
                "the search index is %1 item(s) behind, so matches may be missing (a staff "
                "member's desktop brings it up to date)").replace("%1", str(behind)))
        if not self.hits_box.isVisible() or self.model.rowCount() == 0:
            # no case matches on its own fields: the hits take most of the page
            total = sum(self.splitter.sizes()) or 1
            share = 0.8 if self.model.rowCount() == 0 else 0.4
            self.splitter.setSizes([int(total * (1 - share)), int(total * share)])
        self.hits_box.show()
        self.hits_shown.emit(len(hits))

    def _on_hit_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        case_id, exhibit_id, source, loc, words = item.data(0, HitRole)
        self.hit_activated.emit(case_id, exhibit_id, source, loc, words)

    def _fill_types(self) -> None:
        self.dispute_type.blockSignals(True)
        self.dispute_type.clear()
        self.dispute_type.addItem(self.tr("All dispute types"), "")
        pid = self.platform.currentData()
        seen = set()
        for p in self.ctx.lib.rules.platforms.values():
            if pid and p.id != pid:
                continue
            for t in p.dispute_types:
                if t.id not in seen:
                    seen.add(t.id)
                    self.dispute_type.addItem(t.name(lang()), t.id)
        self.dispute_type.blockSignals(False)
        self._filter(dispute_type="")

    def _on_platform_changed(self, _i) -> None:
        self._filter(platform=self.platform.currentData())
        self._fill_types()

    def show_only(self, case_ids: list[int], what: str) -> None:
        """Show only ``case_ids`` (a bar of the review), every other filter cleared."""
        self.search.clear()
        for combo in (self.stage, self.platform, self.dispute_type):
            combo.setCurrentIndex(0)
        self.show_view("")
        self._filter(case_ids=case_ids, text="")
        self._filter_timer.stop()
        self.only_label.setText(self.tr("From the review: %1 (%2 cases)")
                                .replace("%1", what).replace("%2", str(len(case_ids))))
        self.only.show()

    def show_all(self) -> None:
        self._filter(case_ids=None)
        self.only.hide()

    def show_view(self, bucket: str) -> None:
        """Show one work-queue view ("" for all cases)."""
        for i in range(self.views.count()):
            if self.views.tabData(i) == bucket:
                self.views.setCurrentIndex(i)

    def _update_views(self, counts: dict[str, int] | None = None) -> None:
        """The views' counts and the line of what is due: over every live case, or over my
        cases when "My cases" is on, whatever the other filters (database counts; no clock is
        computed but the first due one's)."""
        lib, now = self.ctx.lib, self.ctx.now()
        if counts is None:
            counts = lib.case_list_views(now, self._scope())
        self._total = sum(counts.values())
        scoped = self.model.where.assignee is not None
        self._none = (lib.case_list_count(now=now) == 0) if scoped else self._total == 0
        self.views.setTabText(0, self.tr("All (%1)").replace("%1", str(self._total)))
        for i in range(1, self.views.count()):
            bid = self.views.tabData(i)
            self.views.setTabText(i, f"{pick(*queue.BUCKETS[bid])} ({counts.get(bid, 0)})")
        self._update_due(lib, now, counts["overdue"])
        self._update_count()

    def _scope(self) -> CaseFilter:
        """The cases the views count: everyone's, or my cases."""
        return CaseFilter(assignee=self.model.where.assignee)

    def _update_due(self, lib, now, overdue: int) -> None:
        due = lib.count_due_within(DUE_HOURS, now, where=self._scope())
        first_ids = lib.cases_due_within(DUE_HOURS, now, limit=1, where=self._scope()) if due else []
        first_rows = case_page(lib, now, CaseFilter(case_ids=frozenset(first_ids)), limit=1) \
            if first_ids else []
        first = first_rows[0].urgent if first_rows else None
        if not due or first is None:
            self.due.setText(self.tr("Nothing due within %1 h.").replace("%1", str(DUE_HOURS)))
            self.due.setStyleSheet("")
            return
        case = first_rows[0].case
        text = self.tr("Due within %1 h: %2 case(s), %3 overdue. First: %4 %5 (%6).") \
            .replace("%1", str(DUE_HOURS)).replace("%2", str(due)) \
            .replace("%3", str(overdue)).replace("%4", case.case_no or f"#{case.id}") \
            .replace("%5", first.name(lang())).replace("%6", labels.countdown(first.remaining_seconds))
        self.due.setText(text)
        bg, fg = labels.state_color(first.state)
        self.due.setStyleSheet(f"background: {bg.name()}; color: {fg.name()}; padding: 4px 8px;")

    def _update_count(self, *_):
        shown, total = self.model.shown_count(), self._total
        if self._none:
            self.empty.setText(self._empty_text())
        self.empty.setVisible(self._none)
        self._place_hint()
        self.count.setText(self.tr("%1 of %2 cases").replace("%1", str(shown)).replace("%2", str(total)))

    def set_updating(self, on: bool) -> None:
        """Whether the kept summaries are being computed again (the empty list's hint)."""
        self.updating = on
        self._update_count()

    def _empty_text(self) -> str:
        """One sentence a line (explicit breaks: no lone last word when a line wraps)."""
        if self.updating:
            return html.escape(self.tr("Updating the case list…"))
        trashed = self.ctx.lib.case_list_count(trash=True)
        if trashed:
            lines = [self.tr("No cases in the list."),
                     self.tr("Cases in the trash: %1.").replace("%1", str(trashed)),
                     "<a href='trash'>" + html.escape(self.tr("Open the trash")) + "</a>"]
            return "<br>".join(lines[:2]) + "<br>" + lines[2]
        lines = [self.tr("No cases yet."),
                 self.tr("Press Ctrl+N to open the first one,"),
                 self.tr("then drop its chat logs, traces and photos on it.")]
        return "<br>".join(html.escape(line) for line in lines)

    def _place_hint(self) -> None:
        """Centre the hint in the list's visible area."""
        area = self.table.viewport().rect()
        width = max(10, min(area.width() - 40, 640))
        height = min(area.height(), self.empty.heightForWidth(width))
        self.empty.setGeometry(area.x() + (area.width() - width) // 2,
                               area.y() + (area.height() - height) // 2, width, height)

    def eventFilter(self, obj, event):
        if obj is self.table.viewport() and event.type() == QEvent.Resize:
            self._place_hint()
        if obj is self.table.viewport() and event.type() == QEvent.ToolTip:
            idx = self.table.indexAt(event.pos())
            text = self.model.tooltip(idx.row(), idx.column()) if idx.isValid() else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.table.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(obj, event)

    def _counts(self) -> tuple[dict[str, int], int | None]:
        """The views' counts, and how many cases the list shows when they say it (no filter
        but My cases: the list shows every view), which spares the list its own COUNT (a pass
        over the summaries: 50 ms of server CPU at 100,000 on PostgreSQL)."""
        counts = self.ctx.lib.case_list_views(self.ctx.now(), self._scope())
        every = replace(self.model.where, assignee=None) == CaseFilter()
        return counts, sum(counts.values()) if every else None

    def stop(self) -> None:
        """The window closes: typing's pending filter and search never run (on a library
        about to close)."""
        self._filter_timer.stop()
        self._search_timer.stop()
        self._search_generation += 1

    def reload(self) -> None:
        counts, shown = self._counts()
        self.model.reload(shown)
        self._update_views(counts)

    def refresh_cases(self, case_ids) -> None:
        """Cases changed (an edit, an import): their rows and the counts again."""
        if case_ids:
            counts, shown = self._counts()
            self.model.refresh_case(next(iter(case_ids)), shown)  # one read covers them all
            self._update_views(counts)

    def tick(self) -> None:
        """A minute passed: countdowns, and the views' counts (time moves cases between them)."""
        self.model.tick()
        self._update_views()

    def alert_rows(self) -> list:
        """The rows of the cases the tray may warn about (their next clock due soon)."""
        return alert_rows(self.ctx.lib, self.ctx.now())

    def selected_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        case = idx.siblingAtColumn(0).data(CaseRole) if idx.isValid() else None
        return case.id if case else None

    def select_case(self, case_id: int) -> None:
        row = self.model.fetch_until(case_id)  # further down: fetched; hidden by a filter: -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_table_activated(self, index) -> None:
        case = index.siblingAtColumn(0).data(CaseRole)
        if case is not None:
            self.case_activated.emit(case.id)
