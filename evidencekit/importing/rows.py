"""One line of an after-sale list, read into typed values with its errors and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from ..domain import INSTANT_FIELDS, Finding
from . import values
from .columns import Columns, label
from .reasons import PlatformTables
from .values import CellError


@dataclass
class ListRow:
    number: int  # the row number in the sheet (1-based, as a spreadsheet shows it)
    text: dict[str, str] = field(default_factory=dict)         # text fields as written
    instants: dict[str, datetime] = field(default_factory=dict)
    dispute_type: str | None = None  # None: the reason is not in the table
    unknown_reason: Finding | None = None  # an error only when the row would create a case
    status_instant: str | None = None  # the instant the status calls for ("" none, None unknown)
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def after_sale_no(self) -> str:
        return self.text.get("after_sale_no", "")

    @property
    def order_no(self) -> str:
        return self.text.get("order_no", "")

    def case_fields(self) -> dict[str, Any]:
        """The case fields this row sets: only cells that hold a value (blank never erases)."""
        out: dict[str, Any] = {k: v for k, v in self.text.items()
                               if k in ("order_no", "product", "buyer_name", "amount", "store_name",
                                        "after_sale_no") and v}
        out.update(self.instants)
        return out


def _cell(cells: list[Any], columns: Columns, name: str) -> Any:
    spot = columns.found.get(name)
    if spot is None or spot[0] >= len(cells):
        return None
    return cells[spot[0]]


def is_blank(cells: list[Any]) -> bool:
    return all(values.cell_text(c) == "" for c in cells)


def read_row(number: int, cells: list[Any], columns: Columns, tables: PlatformTables,
             zone: tzinfo, table_hint: str) -> ListRow:
    row = ListRow(number)
    for name in ("after_sale_no", "order_no"):
        try:
            row.text[name] = values.identifier(_cell(cells, columns, name), label(name), label(name, "en"))
        except CellError as e:
            row.errors.append(Finding(e.code, e.zh, e.en))
            continue
        if not row.text[name]:
            row.errors.append(Finding("empty_" + name, f"{label(name)}为空", f"{label(name, 'en')} is empty"))
    for name in ("product", "after_sale_type", "reason", "buyer_name", "status", "store_name"):
        row.text[name] = values.cell_text(_cell(cells, columns, name))
    try:
        row.text["amount"] = values.amount(_cell(cells, columns, "amount"))
    except CellError as e:
        row.errors.append(Finding(e.code, e.zh, e.en))
    for name in columns.found:
        if name not in INSTANT_FIELDS:
            continue
        raw = _cell(cells, columns, name)
        if values.cell_text(raw) == "":
            if name == "request_at":
                row.errors.append(Finding("empty_request_at", "申请时间为空", "The request time is empty"))
            continue
        try:
            row.instants[name] = values.instant(raw, zone)
        except CellError as e:
            row.errors.append(Finding(e.code, f"{label(name)}：{e.zh}", f"{label(name, 'en')}: {e.en}"))
    reason = row.text["reason"] or row.text["after_sale_type"]
    row.dispute_type = tables.dispute_type(row.text["reason"]) or tables.dispute_type(
        row.text["after_sale_type"])
    if row.dispute_type is None:
        shown = reason or "（空）"
        row.unknown_reason = Finding(
            "unknown_reason", f"未知售后原因“{shown}”：不猜测纠纷类型，请在 {table_hint} 里加上它",
            f"Unknown reason '{reason or '(empty)'}': the dispute type is not guessed; add it to {table_hint}")
    status = row.text["status"]
    row.status_instant = tables.status_instant(status)
    if status and row.status_instant is None:
        row.warnings.append(Finding("unknown_status", f"未知售后状态“{status}”：没有据此记录时间",
                                    f"Unknown status '{status}': no instant recorded from it"))
    return row


def missing_instant(row: ListRow) -> Finding:
    name = row.status_instant or ""
    status = row.text["status"]
    return Finding("instant_missing",
                   f"状态“{status}”应记录{label(name)}，但这一行没有该时间：请在案件里手动填写",
                   f"Status '{status}' calls for the {label(name, 'en').lower()}, but the row has "
                   "none: set it on the case by hand")
