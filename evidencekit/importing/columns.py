"""Which column holds what: the usual headers of 抖店 and TikTok Shop after-sale lists,
and the mapping file (TOML) for other layouts.

A mapping file names, per field, the header (or headers) of the column that holds it. See
``assets/import/mapping-sample.toml`` for every key with a comment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import INSTANT_FIELDS
from ..errors import MappingInvalid, MappingUnreadable, MissingColumns, NoHeaderRow
from .values import normalize

MAPPING_SCHEMA_VERSION = 1
HEADER_SCAN_ROWS = 20  # exports often put a title or an export time above the headers

# field → usual headers, Chinese (抖店) first, then TikTok Shop's English ones.
HEADERS: dict[str, tuple[str, ...]] = {
    "after_sale_no": ("售后单号", "售后编号", "售后单编号", "售后ID", "售后单ID", "退款单号", "退款编号",
                      "Return Order ID", "Return/Refund ID", "Return ID", "Refund ID",
                      "After-sales ID", "After-sale ID", "Aftersale ID"),
    "order_no": ("订单号", "订单编号", "主订单号", "主订单编号", "子订单号", "订单ID",
                 "Order ID", "Order Number", "Main Order ID"),
    "product": ("商品名称", "商品", "商品名", "商品标题", "Product Name", "Product", "Item Name"),
    "after_sale_type": ("售后类型", "退款类型", "售后方式", "Return Type", "Request Type",
                        "After-sales Type", "Return/Refund Type"),
    "reason": ("售后原因", "申请原因", "退款原因", "退货原因", "Return Reason", "Refund Reason",
               "Reason", "Request Reason"),
    "request_at": ("申请时间", "售后申请时间", "申请售后时间", "退款申请时间", "售后创建时间",
                   "Request Time", "Time Requested", "Requested Time", "Return Created Time",
                   "Created Time", "Apply Time"),
    "buyer_name": ("买家昵称", "用户昵称", "买家", "买家名称", "顾客昵称",
                   "Buyer Username", "Buyer Nickname", "Buyer Name", "Buyer"),
    "amount": ("退款金额", "申请退款金额", "售后金额", "Refund Amount", "Requested Refund Amount",
               "Return Refund Amount"),
    "status": ("售后状态", "退款状态", "售后单状态", "状态", "Return Status", "Refund Status",
               "After-sales Status", "Status"),
    "store_name": ("店铺名称", "店铺", "Shop Name", "Store Name"),
    # Instants the status may call for (see the status table in assets/import/<platform>.toml).
    "intervention_at": ("平台介入时间", "介入时间", "客服介入时间", "仲裁申请时间",
                        "Escalation Time", "Escalated Time", "Dispute Time"),
    "judgment_at": ("判定时间", "判责时间", "平台判定时间", "仲裁结果时间", "Decision Time",
                    "Dispute Decision Time"),
    "closed_at": ("完成时间", "售后完成时间", "关闭时间", "售后关闭时间", "结束时间",
                  "Completed Time", "Completion Time", "Closed Time", "Close Time"),
}
REQUIRED = ("after_sale_no", "order_no", "request_at")
TEXT_FIELDS = ("after_sale_no", "order_no", "product", "after_sale_type", "reason", "buyer_name",
               "amount", "status", "store_name")
LABELS: dict[str, tuple[str, str]] = {
    "after_sale_no": ("售后单号", "After-sale no."), "order_no": ("订单号", "Order no."),
    "product": ("商品名称", "Product"), "after_sale_type": ("售后类型", "After-sale type"),
    "reason": ("售后原因", "Reason"), "request_at": ("申请时间", "Request time"),
    "buyer_name": ("买家昵称", "Buyer"), "amount": ("退款金额", "Refund amount"),
    "status": ("售后状态", "Status"), "store_name": ("店铺名称", "Store"),
    "intervention_at": ("平台介入时间", "Intervention time"), "judgment_at": ("判定时间", "Judgment time"),
    "closed_at": ("完成时间", "Closed time"),
}


def label(name: str, lang: str = "zh") -> str:
    zh, en = LABELS.get(name, (name, name))
    return zh if lang.startswith("zh") else en


@dataclass(frozen=True)
class Mapping:
    """A layout: headers per field, and optionally the platform, zone and header row."""
    headers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(HEADERS))
    platform: str = ""
    zone: str = ""
    header_row: int = 0  # 1-based; 0 = look for it in the first rows
    source: str = ""     # the mapping file, "" for the built-in headers


def _fail(file: str, key: str, expected: str) -> MappingInvalid:
    return MappingInvalid(file=file, key=key, expected=expected)


def known_fields() -> tuple[str, ...]:
    extra = tuple(f for f in INSTANT_FIELDS if f not in HEADERS)
    return tuple(HEADERS) + extra


def load_mapping(path: Path | str) -> Mapping:
    """Read and validate a mapping file; its headers replace the built-in ones per field."""
    path = Path(path)
    file = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise MappingUnreadable(file=file, reason=e.strerror or type(e).__name__) from e
    except UnicodeDecodeError:
        raise _fail(file, "(file)", "UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise _fail(file, "(syntax)", f"valid TOML ({e})") from None
    return parse_mapping(data, file)


def parse_mapping(data: dict[str, Any], file: str = "<mapping>") -> Mapping:
    if data.get("schema_version") != MAPPING_SCHEMA_VERSION:
        raise _fail(file, "schema_version", f"the number {MAPPING_SCHEMA_VERSION}")
    unknown = set(data) - {"schema_version", "platform", "zone", "header_row", "columns"}
    if unknown:
        raise _fail(file, sorted(unknown)[0], "absent (unknown key)")
    headers = dict(HEADERS)
    columns = data.get("columns", {})
    if not isinstance(columns, dict):
        raise _fail(file, "columns", "a table")
    allowed = known_fields()
    for name, value in columns.items():
        if name not in allowed:
            raise _fail(file, f"columns.{name}", "one of " + ", ".join(allowed))
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip()
                                                               for n in names):
            raise _fail(file, f"columns.{name}", "a header name or a list of header names")
        headers[name] = tuple(names)
    platform = data.get("platform", "")
    if not isinstance(platform, str):
        raise _fail(file, "platform", "a platform id such as douyin")
    zone = data.get("zone", "")
    if not isinstance(zone, str):
        raise _fail(file, "zone", "an IANA time zone name such as Asia/Shanghai")
    if zone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise _fail(file, "zone", "an IANA time zone name such as Asia/Shanghai") from None
    header_row = data.get("header_row", 0)
    if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 0:
        raise _fail(file, "header_row", "a row number ≥ 1 (or 0 to find it)")
    return Mapping(headers=headers, platform=platform, zone=zone, header_row=header_row, source=file)


@dataclass(frozen=True)
class Columns:
    """Where each field is in the list: field → (index, header text as written)."""
    found: dict[str, tuple[int, str]]
    header_row: int  # 1-based
    english: bool    # most headers matched were English (TikTok Shop)

    def to_dict(self) -> dict[str, str]:
        return {name: header for name, (_, header) in self.found.items()}


def match_header(cells: list[Any], mapping: Mapping) -> dict[str, tuple[int, str]]:
    """Fields found in one header row, each column used once (first variant wins)."""
    norm = [normalize(c) if c is not None else "" for c in cells]
    found: dict[str, tuple[int, str]] = {}
    used: set[int] = set()
    for name, variants in mapping.headers.items():
        for variant in variants:
            key = normalize(variant)
            idx = next((i for i, c in enumerate(norm) if c == key and i not in used), None)
            if idx is not None:
                found[name] = (idx, str(cells[idx]).strip())
                used.add(idx)
                break
    return found


def find_columns(rows: list[tuple[int, list[Any]]], mapping: Mapping) -> Columns:
    """The header row among the first rows, and the columns it names.

    Refuses (``ImportListError``) when a required column is missing, listing the headers seen.
    """
    candidates = rows if not mapping.header_row else [r for r in rows if r[0] == mapping.header_row]
    best: tuple[int, list[Any], dict] | None = None
    for number, cells in candidates:
        found = match_header(cells, mapping)
        if best is None or len(found) > len(best[2]):
            best = (number, cells, found)
        if all(f in found for f in REQUIRED):
            break
    if best is None or not best[2]:
        raise NoHeaderRow()
    number, cells, found = best
    missing = [f for f in REQUIRED if f not in found]
    if "reason" not in found and "after_sale_type" not in found:
        missing.append("reason")
    if missing:
        seen = "、".join(str(c).strip() for c in cells if c not in (None, ""))
        raise MissingColumns(missing_zh="、".join(label(m) for m in missing),
                             missing_en=", ".join(label(m, "en") for m in missing), row=number, seen=seen)
    english = sum(1 for _, h in found.values() if h.isascii()) * 2 > len(found)
    return Columns(found=found, header_row=number, english=english)
