"""Rows from CSV/XLSX exports and records from JSON exports, with header matching.

Shared by chat logs and traces: both arrive as tables whose columns are named in
Chinese or English (时间/发送人/内容, time/sender/message, ...).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import TableMalformed, XlsxDamaged
from ..malformed import xlsx_malformed
from .textio import detect_file, read_text, sniff_encoding

TIME_KEYS = ("time", "时间", "发送时间", "日期时间", "ftime", "timestamp", "send_time", "sendTime",
             "create_time", "createTime", "created_at", "datetime", "date", "日期", "msgtime",
             "acceptTime", "accept_time", "opTime", "scanTime", "操作时间", "更新时间")

MAX_JSON_BYTES = 200 * 1024 * 1024


def text_format(path: Path, header_keys: tuple[str, ...] = ()) -> str:
    """``xlsx``, ``json``, ``html``, ``csv`` or ``text``: by suffix, else by content.

    Stored blobs have no file name, so the content decides when the suffix is
    unknown; a CSV is recognised by a first line naming ``header_keys`` columns.
    """
    suffix = path.suffix.lower()
    known = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".tsv": "csv", ".json": "json",
             ".html": "html", ".htm": "html"}
    if suffix in known:
        return known[suffix]
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.decode(sniff_encoding(head).encoding, errors="replace").lstrip("\ufeff \t\r\n")
    if text[:1] in ("{", "["):
        return "json"
    low = text[:1000].lower()
    if low.startswith(("<!doc", "<html")) or "<body" in low:
        return "html"
    first = text.split("\n", 1)[0]
    delim = max((",", "\t", ";"), key=first.count)
    if header_keys and first.count(delim) >= 1 and find_columns(
            first.split(delim), {"time": TIME_KEYS, "other": header_keys}) is not None:
        return "csv"
    return "text"


def iter_table_rows(path: Path, fmt: str | None = None) -> tuple[Iterator[list[Any]], str]:
    """Rows of a CSV/TSV or the first sheet of an XLSX, and the encoding read."""
    if (fmt or text_format(path)) == "xlsx":
        return _xlsx_rows(path), "xlsx"
    decoded = detect_file(path)
    return _csv_rows(path, decoded.encoding), decoded.encoding


def _csv_rows(path: Path, encoding: str) -> Iterator[list[str]]:
    csv.field_size_limit(16 * 1024 * 1024)
    with open(path, "rb") as raw:
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        first = stream.readline()
        counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
        delim = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
        try:
            yield from csv.reader([first], delimiter=delim)
            yield from csv.reader(stream, delimiter=delim)
        except csv.Error as e:
            raise TableMalformed() from e


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from .limits import check_zip
    check_zip(path)  # files attached before the check existed, read again at export
    f = open(path, "rb")  # a file object: openpyxl would refuse a blob name without .xlsx
    try:
        import openpyxl
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
    except xlsx_malformed() as e:
        f.close()
        raise XlsxDamaged() from e
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            return
        for row in ws.iter_rows(values_only=True):
            yield list(row)
    finally:
        wb.close()
        f.close()


def _norm(v: Any) -> str:
    return str(v).strip().lower().replace(" ", "").replace("_", "") if v is not None else ""


def find_columns(header: list[Any], spec: dict[str, tuple[str, ...]]) -> dict[str, int] | None:
    """Map field names to column indexes by header text; ``None`` if under two match."""
    cells = [_norm(c) for c in header]
    found: dict[str, int] = {}
    for exact in (True, False):
        for field, keys in spec.items():
            if field in found:
                continue
            for key in keys:
                k = _norm(key)
                for i, c in enumerate(cells):
                    if i in found.values() or not c:
                        continue
                    if (c == k) if exact else (len(k) > 1 and k in c):
                        found[field] = i
                        break
                if field in found:
                    break
    return found if len(found) >= 2 else None


def pick(rec: dict, keys: tuple[str, ...]) -> Any:
    """Value of the first of ``keys`` present (case- and underscore-insensitive)."""
    for k in keys:
        v = rec.get(k)
        if v not in (None, ""):
            return v
    lowered = {_norm(k): v for k, v in rec.items() if isinstance(k, str)}
    for k in keys:
        v = lowered.get(_norm(k))
        if v not in (None, ""):
            return v
    return None


def load_json(path: Path) -> tuple[Any, str] | None:
    """Parsed JSON and the encoding, or ``None`` if the file is not JSON."""
    if path.stat().st_size > MAX_JSON_BYTES:
        return None
    text, decoded = read_text(path)
    try:
        return json.loads(text), decoded.encoding
    except (ValueError, RecursionError):
        return None


def find_records(data: Any, want: tuple[str, ...], depth: int = 0) -> list[dict] | None:
    """First list of dicts (breadth-first, shallow) whose items carry a key from ``want``."""
    if depth > 4:
        return None
    if isinstance(data, list):
        dicts = [x for x in data if isinstance(x, dict)]
        if dicts and pick(dicts[0], want) is not None:
            return dicts
        children = [x for x in data[:3] if isinstance(x, (dict, list))]
    elif isinstance(data, dict):
        children = list(data.values())
    else:
        return None
    for child in children:
        if isinstance(child, list):
            dicts = [x for x in child if isinstance(x, dict)]
            if dicts and pick(dicts[0], want) is not None:
                return dicts
    for child in children:
        found = find_records(child, want, depth + 1)
        if found is not None:
            return found
    return None


def json_records(path: Path, want: tuple[str, ...]) -> tuple[list[dict] | None, str]:
    loaded = load_json(path)
    if loaded is None:
        return None, ""
    data, encoding = loaded
    return find_records(data, want), encoding
