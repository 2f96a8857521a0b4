"""Writing the review: CSV text for standard output, a workbook to a file (atomically)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DestinationExists, OutputFolderMissing, OutputIsFolder
from .numbers import Review
from .tables import COLUMNS, SECTION_TITLES, SECTIONS, rows


def to_csv(review: Review | dict, section: str = "groups") -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([c.id for c in COLUMNS[section]])
    for row in rows(review, section):
        w.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def check_destination(path: Path, force: bool) -> Path:
    """Refuse (nothing written) a folder, a missing folder, or an existing file without force."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise OutputIsFolder(path=path)
    if not path.parent.is_dir():
        raise OutputFolderMissing(folder=path.parent)
    if path.exists() and not force:
        raise DestinationExists(names=path.name)
    return path


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """``write(tmp)`` beside ``path``, then rename into place: never a half-written file."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _cell(value: Any, kind: str) -> Any:
    if kind == "money" and isinstance(value, str) and value:
        return Decimal(value)  # a number the sheet can sum, shown with 2 decimals
    return value


def write_xlsx(review: Review | dict, path: Path, lang: str = "zh", *, force: bool = False) -> Path:
    """One sheet per section, titled in ``lang``; rates as percentages, money with 2 decimals."""
    from openpyxl import Workbook  # lazy: only a workbook needs it
    from openpyxl.styles import Font

    path = check_destination(path, force)
    data = review.to_dict() if isinstance(review, Review) else review
    wb = Workbook()
    wb.remove(wb.active)
    for section in SECTIONS:
        if data[section] is None:
            continue
        ws = wb.create_sheet(SECTION_TITLES[section][0 if lang == "zh" else 1][:31])
        cols = COLUMNS[section]
        ws.append([c.title(lang) for c in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows(data, section):
            ws.append([_cell(v, c.kind) for v, c in zip(row, cols, strict=True)])
        for i, c in enumerate(cols, start=1):
            fmt = {"rate": "0.0%", "money": "#,##0.00", "hours": "0.00"}.get(c.kind)
            letter = ws.cell(row=1, column=i).column_letter
            if fmt:
                for cell in ws[letter][1:]:
                    cell.number_format = fmt
            ws.column_dimensions[letter].width = max(10, min(40, len(c.title(lang)) * 2 + 2))
        ws.freeze_panes = "A2"
    return write_atomically(path, lambda tmp: wb.save(tmp))
