"""The review desk's numbers (复盘): charts, the table behind each, a date range, and a
click-through from a bar to the cases behind it. The numbers are the core's
(:mod:`evidencekit.review`), computed on a worker; the weekly PDF is written on one too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evidencekit.review import BY, Period
from evidencekit.review.job import review_job

from .i18n import lang
from .models.review_table_model import CaseIdsRole, ReviewTableModel
from .review_charts import ReviewChart
from .review_words import WordScope
from .tables import record_table

PRESETS = ("last4", "this_week", "last_week", "this_month", "all", "custom")


class ReviewPage(QWidget):
    """复盘: pick a key and a range; every chart has its table; a bar opens its cases."""

    cases_requested = Signal(list, str)  # case ids, what they are (shown above the case list)
    review_shown = Signal()  # a new review is on the page

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewPage")
        self.job = None
        self.pdf_job = None
        self.data: dict | None = None
        self._dirty = True

        self.by = QComboBox()
        self.by.setObjectName("reviewBy")
        for key in BY:
            self.by.addItem("", key)
        self.preset = QComboBox()
        self.preset.setObjectName("reviewPreset")
        for key in PRESETS:
            self.preset.addItem("", key)
        self.start = self._date_edit("reviewFrom")
        self.end = self._date_edit("reviewTo")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("reviewRefresh")
        self.export_button = QPushButton()
        self.export_button.setObjectName("reviewExport")
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")

        # Two short rows, so the page never makes the window wider than the case list does.
        bar = QHBoxLayout()
        self.by_label, self.range_label, self.to_label = QLabel(), QLabel(), QLabel()
        for w in (self.by_label, self.by, self.range_label, self.preset, self.start, self.to_label, self.end):
            bar.addWidget(w)
        bar.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.export_button)

        self.sections: dict[str, tuple[QGroupBox, ReviewChart, ReviewTableModel]] = {}
        body = QWidget()
        grid = QVBoxLayout(body)
        for section in ("groups", "clocks", "kinds", "words"):
            box = QGroupBox()
            box.setObjectName(f"review_{section}")
            chart = ReviewChart(section)
            chart.bar_clicked.connect(self._on_chart_bar_clicked)
            model = ReviewTableModel(section, self)
            table = record_table(f"reviewTable_{section}", model)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
            table.setMinimumHeight(150)
            if section == "groups":
                table.setColumnHidden(0, True)  # the key: the name says it
            if section in ("groups", "clocks", "kinds", "words"):
                table.doubleClicked.connect(lambda idx, m=model: self._on_table_double_clicked(m, idx))
            outer = QVBoxLayout(box)
            if section == "words":  # whose words: all cases, one group's, one decision's
                self.word_scope = WordScope()
                self.word_scope.currentIndexChanged.connect(self._on_word_scope_changed)
                scope_row = QHBoxLayout()
                scope_row.addWidget(self.word_scope)
                scope_row.addStretch(1)
                outer.addLayout(scope_row)
            inner = QHBoxLayout()
            outer.addLayout(inner)
            wide = section == "groups"  # its table has a column per decision
            inner.addWidget(chart, 1 if wide else 3)
            inner.addWidget(table, 1 if wide else 2)
            grid.addWidget(box)
            self.sections[section] = (box, chart, model)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.NoFrame)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(bar)
        lay.addLayout(actions)
        lay.addWidget(scroll, 1)

        self.retranslate()
        self._apply_preset("last4")
        self.by.currentIndexChanged.connect(lambda _i: self.reload())
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.start.dateChanged.connect(self._on_date_edited)
        self.end.dateChanged.connect(self._on_date_edited)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        ctx.changes_applied.connect(self._on_ctx_changes_applied)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def retranslate(self) -> None:
        self.by_label.setText(self.tr("By"))
        self.range_label.setText(self.tr("Cases from"))
        self.to_label.setText(self.tr("to"))
        names = {"type": self.tr("Dispute type"), "product": self.tr("Product"), "carrier": self.tr("Carrier"),
                 "store": self.tr("Store"), "staff": self.tr("Staff"), "week": self.tr("Week"),
                 "month": self.tr("Month")}
        for i in range(self.by.count()):
            self.by.setItemText(i, names[self.by.itemData(i)])
        presets = {"last4": self.tr("Last 4 weeks"), "this_week": self.tr("This week"),
                   "last_week": self.tr("Last week"), "this_month": self.tr("This month"),
                   "all": self.tr("All cases"), "custom": self.tr("Custom")}
        for i in range(self.preset.count()):
            self.preset.setItemText(i, presets[self.preset.itemData(i)])
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export weekly review…"))
        titles = {"groups": self.tr("Disputes and decisions (click a bar to list its cases)"),
                  "clocks": self.tr("Clocks kept: on-time rate"),
                  "kinds": self.tr("Win rate by the evidence kinds a submission held"),
                  "words": self.tr("Frequent words in buyer messages")}
        for section, (box, chart, _model) in self.sections.items():
            box.setTitle(titles[section])
            chart.retranslate()

    # ---- the range -------------------------------------------------------------------------
    def _today(self) -> date:
        return self.ctx.now().astimezone(self.ctx.zone).date()

    def _apply_preset(self, key: str) -> None:
        today = self._today()
        monday = today - timedelta(days=today.weekday())
        span = {"last4": (monday - timedelta(weeks=3), monday + timedelta(days=6)),
                "this_week": (monday, monday + timedelta(days=6)),
                "last_week": (monday - timedelta(weeks=1), monday - timedelta(days=1)),
                "this_month": (today.replace(day=1), today)}.get(key)
        for w in (self.start, self.end, self.preset):
            w.blockSignals(True)
        self.preset.setCurrentIndex(PRESETS.index(key))
        if span is not None:
            self.start.setDate(QDate(span[0].year, span[0].month, span[0].day))
            self.end.setDate(QDate(span[1].year, span[1].month, span[1].day))
        self.start.setEnabled(key != "all")
        self.end.setEnabled(key != "all")
        for w in (self.start, self.end, self.preset):
            w.blockSignals(False)

    def _on_preset_changed(self, _index: int) -> None:
        key = self.preset.currentData()
        if key != "custom":
            self._apply_preset(key)
            self.reload()

    def _on_date_edited(self, _date) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.preset.blockSignals(False)
        self.start.setEnabled(True)
        self.end.setEnabled(True)
        self.reload()

    def set_range(self, start: date, end: date) -> None:
        """Show the cases dated ``start`` … ``end`` (both included)."""
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))
        self._on_date_edited(None)

    def period(self) -> Period:
        if self.preset.currentData() == "all":
            return Period()
        zone = self.ctx.zone
        first, last = self.start.date().toPython(), self.end.date().toPython()
        if last < first:
            first, last = last, first
        return Period(datetime.combine(first, time(0), zone),
                      datetime.combine(last + timedelta(days=1), time(0), zone))

    def stop(self) -> None:
        """Being replaced (a language switch): no more counting or redrawing."""
        self.ctx.changes_applied.disconnect(self._on_ctx_changes_applied)
        if self.job is not None:
            self.job.cancel()
            self.job = None

    # ---- loading ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _on_ctx_changes_applied(self, _changes) -> None:
        self._dirty = True  # numbers change with any case: recount when next shown
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Recount on a worker; the page keeps the last numbers until the new ones arrive."""
        if self.job is not None:
            self.job.cancel()
        self._dirty = False
        work = review_job(self.ctx.lib.root, self.ctx.clock, self.by.currentData(), self.period(),
                          self.ctx.now(), self.ctx.zone, lang())
        self.status.setText(self.tr("Counting…"))
        job = self.ctx.runner.run("review", work, on_success=self._on_job_succeeded,
                                  on_failure=self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        self.job = job

    def _on_job_finished(self) -> None:
        if self.job is self.sender():
            self.job = None

    def _on_job_succeeded(self, review) -> None:
        if self.sender() is not None and self.job is not None and self.sender() is not self.job:
            return  # an older count finished after a newer one was asked for
        self.show_review(review.to_dict())

    def _on_job_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not count."))
        self.ctx.presenter.show(exc)

    def show_review(self, data: dict) -> None:
        self.data = data
        self.word_scope.fill(data)
        for section, (_box, chart, model) in self.sections.items():
            shown = self.word_scope.scoped(data) if section == "words" else data
            chart.set_review(shown)
            model.set_review(shown)
        self._sections_visible(data)
        total = data["total"]
        self.status.setText(self.tr("%1 cases").replace("%1", str(total["disputes"])))
        self.review_shown.emit()

    def _sections_visible(self, data: dict) -> None:
        for section, (box, _chart, _model) in self.sections.items():
            box.setVisible(section == "groups" or bool(data.get(section)))

    def _on_word_scope_changed(self, _index: int) -> None:
        if self.data is not None:
            _box, chart, model = self.sections["words"]
            shown = self.word_scope.scoped(self.data)
            chart.set_review(shown)
            model.set_review(shown)

    # ---- click-through ----------------------------------------------------------------------
    def _on_chart_bar_clicked(self, ids: list, what: str) -> None:
        if ids:
            self.cases_requested.emit(list(ids), what)

    def _on_table_double_clicked(self, model: ReviewTableModel, index) -> None:
        ids = index.data(CaseIdsRole) or []
        item = model.item(index.row())
        self._on_chart_bar_clicked(ids, item.get("label") or item.get("name") or item.get("word") or "")

    # ---- the weekly PDF ----------------------------------------------------------------------
    def export_pdf(self, path: str | Path | None = None):
        """Write the page's review as a PDF report (on a worker, atomically)."""
        if self.data is None or self.pdf_job is not None:
            return None
        if path is None:
            name = f"复盘-{self.start.date().toString('yyyyMMdd')}-{self.end.date().toString('yyyyMMdd')}.pdf"
            start = str(Path(self.ctx.settings.get("export_dir") or Path.home()) / name)
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save weekly review as"), start, "PDF (*.pdf)")
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        from evidencekit.review.report import report_job
        work = report_job(self.data, Path(path), lang(), self.ctx.now(), self.ctx.zone)
        self.status.setText(self.tr("Writing the report…"))
        self.export_button.setEnabled(False)
        self.pdf_job = self.ctx.runner.run("review report", work, on_success=self._on_pdf_written,
                                           on_failure=self._on_pdf_failed)
        self.pdf_job.finished.connect(self._on_pdf_job_finished)
        return self.pdf_job

    def _on_pdf_written(self, path) -> None:
        self.status.setText(self.tr("Wrote %1").replace("%1", Path(path).name))

    def _on_pdf_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The report was not written."))
        self.ctx.presenter.show(exc)

    def _on_pdf_job_finished(self) -> None:
        self.pdf_job = None
        self.export_button.setEnabled(True)
