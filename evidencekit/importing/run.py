"""Importing an after-sale list: read, match on the after-sale number, create or update.

The job reads as its steps: open the list → find the header → choose platform, zone and
tables → for each batch of rows: read, match, decide, write. A dry run decides the same way
and writes nothing. A real run is one transaction, so a cancel or a crash leaves the library
as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from ..domain import Case, Finding
from ..errors import EvidenceKitError, StoreZoneRequired
from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from ..timeutil import get_zone, to_iso
from .columns import HEADER_SCAN_ROWS, Columns, Mapping, find_columns
from .reasons import load_tables, user_tables_dir
from .rows import ListRow, is_blank, missing_instant, read_row
from .source import open_list

BATCH = 250
RESULTS = ("new", "updated", "unchanged", "closed", "error")
COUNT_NAMES = {"new": "created", "updated": "updated", "unchanged": "unchanged",
               "closed": "closed", "error": "errors"}


@dataclass(slots=True)
class Change:
    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict:
        def show(v):
            return to_iso(v) if isinstance(v, datetime) else v
        return {"field": self.field, "old": show(self.old), "new": show(self.new)}


@dataclass(slots=True)
class RowResult:
    """What one row did (or, in a dry run, would do). Kept small: a 20,000-row list holds
    20,000 of these, so a new row does not repeat its fields (they are in the list)."""
    row: int
    after_sale_no: str
    order_no: str
    result: str  # new | updated | unchanged | closed | error
    dispute_type: str = ""
    status: str = ""
    case_id: int | None = None
    case_no: str = ""
    changes: list[Change] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"row": self.row, "after_sale_no": self.after_sale_no, "order_no": self.order_no,
                "result": self.result, "dispute_type": self.dispute_type, "status": self.status,
                "case_id": self.case_id, "case_no": self.case_no,
                "changes": [c.to_dict() for c in self.changes],
                "errors": [e.to_dict() for e in self.errors],
                "warnings": [w.to_dict() for w in self.warnings]}


@dataclass
class ImportReport:
    file: str
    platform: str
    zone: str
    dry_run: bool
    header_row: int
    columns: dict[str, str]
    mapping: str  # the mapping file used, "" for the built-in headers
    tables: list[str]  # reason/status tables read
    # Every row's result, or with keep="notable" only those that need a look (errors,
    # warnings, closed cases): a 20,000-row daily import then holds a handful, not 20,000.
    rows: list[RowResult] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {n: 0 for n in COUNT_NAMES.values()})

    def add(self, r: RowResult, keep_all: bool) -> None:
        self.counts[COUNT_NAMES[r.result]] += 1
        if keep_all or r.errors or r.warnings or r.result == "closed":
            self.rows.append(r)

    @property
    def exit_code(self) -> int:
        """0 all rows fine, 1 some rows had errors (the others were imported)."""
        return 1 if self.counts["errors"] else 0

    def to_dict(self) -> dict:
        return {"file": self.file, "platform": self.platform, "zone": self.zone,
                "dry_run": self.dry_run, "header_row": self.header_row, "columns": self.columns,
                "mapping": self.mapping, "tables": self.tables, "counts": self.counts,
                "rows": [r.to_dict() for r in self.rows]}


def import_list(lib, path: Path | str, *, platform: str | None = None,
                mapping: Mapping | None = None, zone: str | None = None, dry_run: bool = False,
                progress: ProgressFn = no_progress, cancel: CancelLike | None = None,
                keep: str = "all", on_start: Callable[[ImportReport], None] | None = None,
                on_row: Callable[[RowResult], None] | None = None) -> ImportReport:
    """Import (or with ``dry_run`` only preview) an after-sale list into ``lib``.

    ``zone`` (else the mapping's) is the store's zone: times without an offset are read in it
    and every new case carries it. Douyin falls back to its platform zone; a platform whose
    zone is the store's market (TikTok Shop) has none to fall back to
    (:class:`~evidencekit.errors.StoreZoneRequired`, nothing read).
    ``keep="notable"`` keeps only the rows that need a look in the report (counts cover all);
    ``on_start`` sees the report once the header is read (platform, zone, columns) and
    ``on_row`` every row's result as it is decided (e.g. to print it), so memory stays flat
    however long the list.

    Raises :class:`~evidencekit.errors.ImportListError` (nothing changed) when the
    list cannot be read or lacks a required column; row problems are in the report.
    """
    path = Path(path)
    mapping = mapping or Mapping()
    progress(0.0, "正在读取售后列表…", "Reading the after-sale list…")
    with open_list(path) as source:
        head = source.head(HEADER_SCAN_ROWS)
        columns = find_columns(head, mapping)
        plat = lib.rules.platform(platform or mapping.platform or _platform_for(lib, columns))
        zone_name = (zone or "").strip() or mapping.zone
        if not zone_name and plat.ask_zone:
            raise StoreZoneRequired(platform_zh=plat.name_zh, platform_en=plat.name_en)
        zone_name = zone_name or plat.zone
        tz = get_zone(zone_name)
        tables = load_tables(plat, lib.root)
        hint = str(user_tables_dir(lib.root) / f"{plat.id}.toml")
        report = ImportReport(file=str(path), platform=plat.id, zone=zone_name, dry_run=dry_run,
                              header_row=columns.header_row, columns=columns.to_dict(),
                              mapping=mapping.source, tables=tables.files)
        if on_start is not None:
            on_start(report)
        job = _Job(lib, report, columns, tables, tz, hint, path.name, dry_run,
                   keep == "all", on_row)
        rows = ((n, cells) for n, cells in source.rows() if n > columns.header_row)
        if dry_run:
            job.run(rows, source, progress, cancel)
        else:
            with lib.transaction():
                job.run(rows, source, progress, cancel)
    progress(1.0, "完成", "Done")
    return report


def _platform_for(lib, columns: Columns) -> str:
    if columns.english and "tiktok_shop" in lib.rules.platforms:
        return "tiktok_shop"
    return lib.rules.default_platform.id


class _Job:
    def __init__(self, lib, report: ImportReport, columns: Columns, tables, zone, hint: str,
                 file_name: str, dry_run: bool, keep_all: bool, on_row):
        self.lib, self.report, self.columns, self.tables = lib, report, columns, tables
        self.zone, self.hint, self.file_name, self.dry_run = zone, hint, file_name, dry_run
        self.keep_all, self.on_row = keep_all, on_row
        self.done = 0
        self.seen: dict[str, int] = {}  # after-sale number → first row with it

    def run(self, rows, source, progress: ProgressFn, cancel: CancelLike | None) -> None:
        batch: list[ListRow] = []
        for number, cells in rows:
            if is_blank(cells):
                continue
            batch.append(read_row(number, cells, self.columns, self.tables, self.zone, self.hint))
            if len(batch) >= BATCH:
                self._batch(batch, cancel)
                batch = []
                progress(source.fraction(), f"已处理 {self.done} 行", f"{self.done} rows done")
        self._batch(batch, cancel)

    def _batch(self, batch: list[ListRow], cancel: CancelLike | None) -> None:
        check_cancel(cancel)
        if not batch:
            return
        existing = self.lib.cases_by_after_sale_no(
            self.report.platform, [r.after_sale_no for r in batch if not r.errors])
        for row in batch:
            result = self._one(row, existing.get(row.after_sale_no))
            self.done += 1
            self.report.add(result, self.keep_all)
            if self.on_row is not None:
                self.on_row(result)

    def _one(self, row: ListRow, case: Case | None) -> RowResult:
        res = RowResult(row=row.number, after_sale_no=row.after_sale_no, order_no=row.order_no,
                        result="error", dispute_type=row.dispute_type or "",
                        status=row.text.get("status", ""), errors=row.errors,
                        warnings=row.warnings)
        first = self.seen.setdefault(row.after_sale_no, row.number) if row.after_sale_no else row.number
        if first != row.number:
            res.errors.append(Finding("duplicate_row", f"售后单号与第 {first} 行重复，未导入此行",
                                      f"Same after-sale number as row {first}; this row was not imported"))
        if case is None and row.unknown_reason is not None:
            res.errors.append(row.unknown_reason)
        if case is not None and case.deleted_at is not None:
            res.errors.append(Finding("case_in_trash", f"对应案件 {case.case_no} 在回收站里：先恢复它再导入",
                                      f"Its case {case.case_no} is in the trash: restore it first"))
        if res.errors:
            return res
        fields = row.case_fields()
        wanted = row.status_instant
        if wanted and wanted not in row.instants and (case is None or getattr(case, wanted, None) is None):
            res.warnings.append(missing_instant(row))
        source = f"import {self.file_name} row {row.number}"
        if case is None:
            res.result = "new"
            if not self.dry_run:
                return self._write(res, lambda: self.lib.create_case(
                    platform=self.report.platform, dispute_type=row.dispute_type,
                    order_no=fields.pop("order_no"), source=source, zone=self.report.zone,
                    **fields))
            return res
        res.case_id, res.case_no = case.id, case.case_no
        res.dispute_type = case.dispute_type
        res.changes = [Change(k, getattr(case, k, None), v) for k, v in fields.items()
                       if getattr(case, k, None) != v]
        if not res.changes:
            res.result = "unchanged"
        elif case.stage == "closed":
            res.result = "closed"  # never reopened or changed: the clerk closed it on purpose
            res.warnings.append(Finding("case_closed", f"案件 {case.case_no} 已结案，未更新",
                                        f"Case {case.case_no} is closed, not updated"))
        else:
            res.result = "updated"
            if not self.dry_run:
                changed = {c.field: c.new for c in res.changes}
                return self._write(res, lambda: self.lib.update_case(case.id, source=source, **changed))
        return res

    @staticmethod
    def _write(res: RowResult, write) -> RowResult:
        try:
            case = write()
        except EvidenceKitError as e:  # refused by the library: this row only (a savepoint)
            res.result, res.changes = "error", []
            res.errors.append(Finding(e.code, e.message("zh"), e.message("en")))
            return res
        res.case_id, res.case_no = case.id, case.case_no
        return res
