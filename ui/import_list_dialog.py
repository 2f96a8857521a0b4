"""File ▸ Import after-sale list…: choose the list, see what each row would do, then import.

The preview is a dry run of the core's import; the import itself is one library transaction
run on the writer thread, with progress and Cancel (a cancelled import changes nothing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from evidencekit.errors import EvidenceKitError

from . import labels
from .errors import describe
from .i18n import lang, pick
from .models.import_preview_model import COL_DETAIL, ImportPreviewModel, ResultRole
from .ops import OpChanges, run_op
from .tables import record_table

FILTERS = ("", "error", "new|updated", "closed")  # shown rows: all, errors, changes, closed


class ImportListDialog(QDialog):
    import_finished = Signal(object)  # ImportReport

    def __init__(self, ctx, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.preview = None  # the dry run's report
        self.report = None   # the import's report
        self._step: tuple = ()
        self.setObjectName("importListDialog")

        self.path = QLineEdit(str(path) if path else "")
        self.path.setObjectName("listPath")
        self._previewed: tuple = ()
        self.path.textEdited.connect(self._on_options_edited)
        self.browse = QPushButton()
        self.browse.setObjectName("browseList")
        self.browse.clicked.connect(self._on_browse_clicked)
        self.platform = QComboBox()
        self.platform.setObjectName("platform")
        self.platform.addItem("", "")
        for p in ctx.lib.rules.platforms.values():
            self.platform.addItem(labels.platform_label(ctx.lib.rules, p.id), p.id)
        # Another platform reads the same list with other tables and zone: preview again.
        self.platform.currentIndexChanged.connect(lambda _i: self.start_preview())
        # The store's market zone, for platforms whose zone differs per store (TikTok Shop):
        # empty = the mapping file's zone, else the platform's own (Douyin: China).
        self.zone = QComboBox()
        self.zone.setObjectName("storeZone")
        self.zone.setEditable(True)  # any IANA zone may be typed; the market zones are offered
        markets = sorted({z for p in ctx.lib.rules.platforms.values() if p.ask_zone
                          for z in p.market_zones})
        self.zone.addItems(markets)
        self.zone.setCurrentIndex(-1)
        self.zone.setEditText("")
        self.zone.lineEdit().textEdited.connect(self._on_options_edited)
        self.zone.activated.connect(lambda _i: self.start_preview())
        self.mapping = QLineEdit()
        self.mapping.setObjectName("mappingPath")
        self.mapping.textEdited.connect(self._on_options_edited)
        self.browse_mapping = QPushButton()
        self.browse_mapping.setObjectName("browseMapping")
        self.browse_mapping.clicked.connect(self._on_browse_mapping_clicked)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.start_preview)
        self.form = form = QFormLayout()
        self.path_label, self.platform_label, self.mapping_label = QLabel(), QLabel(), QLabel()
        self.zone_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(self.path_label, row)
        row = QHBoxLayout()
        row.addWidget(self.mapping, 1)
        row.addWidget(self.browse_mapping)
        form.addRow(self.mapping_label, row)
        row = QHBoxLayout()
        row.addWidget(self.platform, 1)
        row.addWidget(self.preview_button)
        form.addRow(self.platform_label, row)
        form.addRow(self.zone_label, self.zone)

        self.columns = QLabel(" ")  # the mapping used: field ← header
        self.columns.setObjectName("columnsShown")
        self.columns.setWordWrap(True)
        self.counts = QLabel(" ")
        self.counts.setObjectName("counts")
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("showFilter")
        for value in FILTERS:
            self.show_filter.addItem("", value)
        self.show_filter.currentIndexChanged.connect(self._on_show_filter_changed)
        self.model = ImportPreviewModel(ctx, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(ResultRole)
        self.table = record_table("importRows", self.proxy)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((48, 150, 160, 160, 160, 90)):  # fits "Closed, not updated"
            self.table.setColumnWidth(col, width)
        self.table.setColumnWidth(COL_DETAIL, 420)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.step = QLabel(" ")
        self.step.setObjectName("importStep")
        self.step.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.close)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.show_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.columns)
        lay.addLayout(counts_row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.step)
        lay.addLayout(buttons)
        self.retranslate()
        ctx.language_changed.connect(self.retranslate)
        self._connected = True
        self.resize(1180, 720)

    # ---- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import after-sale list"))
        self.path_label.setText(self.tr("After-sale list"))
        self.mapping_label.setText(self.tr("Mapping file"))
        self.mapping.setPlaceholderText(self.tr("Optional: for lists with other column names"))
        self.platform_label.setText(self.tr("Platform"))
        self.zone_label.setText(self.tr("Store time zone"))
        self.zone.lineEdit().setPlaceholderText(
            self.tr("TikTok Shop: the store's market, e.g. America/New_York (Douyin: not needed)"))
        self.platform.setItemText(0, self.tr("From the list (automatic)"))
        for i in range(1, self.platform.count()):
            self.platform.setItemText(i, labels.platform_label(self.ctx.lib.rules, self.platform.itemData(i)))
        self.browse.setText(self.tr("Browse…"))
        self.browse_mapping.setText(self.tr("Browse…"))
        self.preview_button.setText(self.tr("Preview"))
        self.import_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        for i, text in enumerate((self.tr("All rows"), self.tr("Errors only"),
                                  self.tr("New and updated"), self.tr("Closed, not updated"))):
            self.show_filter.setItemText(i, text)
        self.model.retranslate()
        self._show_report(self.report or self.preview)
        if self._step:
            self._say(*self._step)

    def _show_report(self, report) -> None:
        if report is None:
            return
        from evidencekit.importing.columns import label
        plat = labels.platform_label(self.ctx.lib.rules, report.platform)
        mapping = Path(report.mapping).name if report.mapping else self.tr("built-in column names")
        pairs = "  ·  ".join(f"{label(f, lang())} ← “{h}”" for f, h in report.columns.items())
        self.columns.setText(self.tr("%1, times in %2, headers on row %3 (%4):")
                             .replace("%1", plat).replace("%2", report.zone)
                             .replace("%3", str(report.header_row)).replace("%4", mapping)
                             + "\n" + pairs)
        c = report.counts
        text = (self.tr("Would create %1 · update %2 · unchanged %3 · closed, not updated %4 · "
                        "errors %5") if report.dry_run else
                self.tr("Created %1 · updated %2 · unchanged %3 · closed, not updated %4 · errors %5"))
        for i, key in enumerate(("created", "updated", "unchanged", "closed", "errors"), start=1):
            text = text.replace(f"%{i}", str(c[key]))
        self.counts.setText(text)

    def _say(self, kind: str, *args) -> None:
        self._step = (kind, *args)
        if kind == "progress":
            text = pick(*args)
        elif kind == "previewing":
            text = self.tr("Reading the list…")
        elif kind == "previewed":
            text = self.tr("Nothing has been imported yet. Check the rows, then press Import.")
        elif kind == "nothing":
            text = self.tr("Nothing to import: no row is new or changed.")
        elif kind == "cancelling":
            text = self.tr("Cancelling…")
        elif kind == "cancelled":
            text = self.tr("Import cancelled; nothing was changed.")
        elif kind == "imported":
            text = self.tr("Imported. The case list is up to date.")
        elif kind == "zone":
            text = self.tr("This platform's lists need the store's time zone: choose or type it "
                           "in “Store time zone”, then press Preview. Nothing has been imported.")
        elif kind == "failed":
            msg, hint = describe(args[0])
            text = msg + (f"\n{hint}" if hint else "")
        else:
            text = " "
        self.step.setText(text)

    # ---- choosing ------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        folder = self.ctx.settings.get("import_dir") or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("After-sale list"), folder,
                                              self.tr("Spreadsheets (*.xlsx *.xlsm *.csv)"))
        if name:
            self.path.setText(name)
            self.start_preview()

    def _on_browse_mapping_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Mapping file"), self.mapping.text(),
                                              self.tr("Mapping files (*.toml)"))
        if name:
            self.mapping.setText(name)
            self.start_preview()

    def _on_options_edited(self, _text) -> None:
        # Another list or mapping typed in: the preview shown is no longer what Import would do.
        self.import_button.setEnabled(False)
        self.preview = None

    def _on_show_filter_changed(self, _i) -> None:
        pattern = self.show_filter.currentData() or ""
        self.proxy.setFilterRegularExpression(f"^({pattern})$" if pattern else "")

    # ---- running -------------------------------------------------------------------------------
    def _options(self):
        from evidencekit.importing import load_mapping
        mapping = load_mapping(Path(self.mapping.text().strip()).expanduser()) \
            if self.mapping.text().strip() else None
        return (Path(self.path.text().strip()).expanduser(), self.platform.currentData() or None,
                mapping, self.zone.currentText().strip() or None)

    def start_preview(self) -> bool:
        return self._start(dry_run=True)

    def start_import(self) -> bool:
        return self._start(dry_run=False)

    def _start(self, dry_run: bool) -> bool:
        if self.job is not None or not self.path.text().strip():
            return False
        if dry_run:
            try:
                self._previewed = self._options()
            except EvidenceKitError as e:
                self._say("failed", e)
                return False
        elif self.preview is None:
            return False
        # The import reads exactly the list, platform and mapping that were previewed.
        path, platform, mapping, zone = self._previewed
        from evidencekit.importing import import_list

        def work(lib, progress, cancel) -> OpChanges:
            report = import_list(lib, path, platform=platform, mapping=mapping, zone=zone,
                                 dry_run=dry_run, progress=progress, cancel=cancel)
            # cases were added or updated (the list reloads, an open case redraws); a preview
            # changed nothing
            if dry_run:
                return OpChanges(value=report)
            touched = frozenset(r.case_id for r in report.rows
                                if r.result in ("new", "updated") and r.case_id is not None)
            return OpChanges(case_ids=touched, case_list=True, value=report)

        if dry_run:
            self.preview = self.report = None
            self.model.set_report(None)
            self.columns.setText(" ")
            self.counts.setText(" ")
        self.ctx.settings.set("import_dir", str(path.parent))
        self._set_running(True)
        self._say("previewing" if dry_run else "progress", "正在导入…", "Importing…")
        # The writer thread: the preview reads what the import will write, in the same order.
        self.job = run_op(self.ctx, "import list" if not dry_run else "preview list", work,
                          long=True, on_progress=self._on_job_progressed,
                          on_success=lambda changes: self._on_job_succeeded(changes.value),
                          on_failure=self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        return True

    def cancel(self) -> None:
        if self.job is not None and not self.job.done:
            self._say("cancelling")
            self.cancel_button.setEnabled(False)
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        for w in (self.path, self.browse, self.platform, self.zone, self.mapping,
                  self.browse_mapping, self.preview_button):
            w.setEnabled(not running)
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(running)

    def _importable(self) -> bool:
        return self.preview is not None and any(r.result in ("new", "updated") for r in self.preview.rows)

    def _on_job_progressed(self, fraction: float, zh: str, en: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self._say("progress", zh, en)

    def _on_job_succeeded(self, report) -> None:
        self.job = None
        self._set_running(False)
        # the bar is the import's: a finished preview leaves it empty beside "nothing imported yet"
        self.progress.setValue(0 if report.dry_run else 1000)
        self.model.set_report(report)
        if report.dry_run:
            self.preview = report
            self.import_button.setEnabled(self._importable())
            self._say("previewed" if self._importable() else "nothing")
        else:
            self.report = report
            self.preview = None
            self._say("imported")
            self.import_finished.emit(report)
        self._show_report(report)

    def _on_job_failed(self, exc) -> None:
        self.job = None
        self._set_running(False)
        self.import_button.setEnabled(self._importable())
        self.progress.setValue(0)
        if not isinstance(exc, EvidenceKitError):
            self.ctx.presenter.show(exc, self)
        if getattr(exc, "code", "") == "store_zone_required":  # the field is right here
            self._say("zone")
            self.zone.setFocus()
            return
        self._say("failed", exc)

    def _on_job_cancelled(self) -> None:
        self.job = None
        self._set_running(False)
        self.import_button.setEnabled(self._importable())
        self.progress.setValue(0)
        self._say("cancelled")

    def closeEvent(self, event):
        if self.job is not None and not self.job.done:
            self.cancel()
            self.ctx.runner.wait(30000)  # a cancelled import rolls back before the dialog goes
        if self._connected:
            self._connected = False
            self.ctx.language_changed.disconnect(self.retranslate)
        super().closeEvent(event)

    def reject(self):
        self.close()
