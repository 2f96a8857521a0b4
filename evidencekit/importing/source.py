"""Opening an after-sale list (xlsx or CSV) and streaming its rows.

xlsx is read with openpyxl's read-only mode (rows are parsed as they are reached, so a
20,000-row sheet is never in memory at once); CSV in its detected encoding (UTF-8 with or
without BOM, GB18030, UTF-16). Both come from :mod:`evidencekit.ingest.tables`.
"""

from __future__ import annotations

import re
import zipfile
from itertools import chain, islice
from pathlib import Path
from typing import Any, Iterator

from ..errors import (
    EvidenceKitError,
    ListDamaged,
    ListIsFolder,
    ListMissing,
    ListNotPermitted,
    ListNotTable,
    ListOldExcel,
)
from ..ingest.tables import iter_table_rows

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


class ListSource:
    """Numbered rows (1-based, as a spreadsheet shows them) and how far reading has got."""

    def __init__(self, path: Path):
        self.path = path
        with open(path, "rb") as f:
            magic = f.read(8)
        suffix = path.suffix.lower()
        if suffix == ".xls" or magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise ListOldExcel(name=path.name)
        self.fmt = "xlsx" if suffix in XLSX_SUFFIXES or magic.startswith(b"PK\x03\x04") else "csv"
        if self.fmt == "csv" and suffix not in CSV_SUFFIXES and b"\x00" in magic and not (
                magic.startswith((b"\xff\xfe", b"\xfe\xff"))):
            raise ListNotTable(name=path.name)
        self.total = self._count_rows()
        self._gen, self.encoding = iter_table_rows(path, self.fmt)
        self._rows = enumerate(self._gen, start=1)
        self._head: list[tuple[int, list[Any]]] = []
        self.read = 0

    def _count_rows(self) -> int:
        """Rows in the list, for progress: the sheet's recorded size (its <dimension>, read
        from the head of the XML; 0 when absent), or the CSV's line count."""
        if self.fmt == "xlsx":
            try:
                with zipfile.ZipFile(self.path) as z:
                    names = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
                    with z.open(names[0]) as f:
                        head = f.read(8192).decode("utf-8", "replace")
            except Exception:  # noqa: BLE001 - the real read reports a damaged file
                return 0
            m = re.search(r'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', head)
            return int(m.group(1)) if m else 0
        with open(self.path, "rb") as f:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))

    def head(self, n: int) -> list[tuple[int, list[Any]]]:
        """The first ``n`` rows (kept: :meth:`rows` yields them again)."""
        self._head = list(islice(self._convert(self._rows), n))
        return self._head

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        for number, cells in chain(self._head, self._convert(self._rows)):
            self.read = number
            yield number, cells

    @staticmethod
    def _convert(rows) -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from rows
        except EvidenceKitError:
            raise
        except Exception as e:  # noqa: BLE001 - openpyxl/zip/XML errors met while streaming
            raise ListDamaged() from e

    def fraction(self) -> float:
        return min(0.99, self.read / self.total) if self.total else 0.0

    def close(self) -> None:
        close = getattr(self._gen, "close", None)  # a generator: closes the workbook / the CSV file
        if close is not None:
            close()

    def __enter__(self) -> "ListSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_list(path: Path) -> ListSource:
    try:
        return ListSource(path)
    except FileNotFoundError:
        raise ListMissing(path=str(path)) from None
    except IsADirectoryError:
        raise ListIsFolder(path=str(path)) from None
    except PermissionError:
        raise ListNotPermitted(path=str(path)) from None
