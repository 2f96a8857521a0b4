"""The evidence list of one case: attached exhibits, then files still importing or refused.

Edits (kind, caption), reorders and file drops are not written here: the model calls the
handlers its owner sets (which push undoable commands or start an import), then the owner
refreshes the model from the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from evidencekit.domain import Exhibit, Finding
from evidencekit.timeutil import from_iso

from .. import labels
from ..i18n import pick, translate

COL_NO, COL_KIND, COL_CAPTION, COL_NAME, COL_TIME, COL_NOTES = range(6)
COLUMNS = 6
_HEADERS = (QT_TRANSLATE_NOOP("ExhibitListModel", "No."),
            QT_TRANSLATE_NOOP("ExhibitListModel", "Kind"),
            QT_TRANSLATE_NOOP("ExhibitListModel", "Caption"),
            QT_TRANSLATE_NOOP("ExhibitListModel", "File"),
            QT_TRANSLATE_NOOP("ExhibitListModel", "Time"),
            QT_TRANSLATE_NOOP("ExhibitListModel", "Warnings"))

ExhibitRole = Qt.UserRole + 1   # the Exhibit, or None for an import row
StatusRole = Qt.UserRole + 2    # "attached" | "importing" | "failed"
KindRole = Qt.UserRole + 3      # kind id (for the kind delegate)
ShaRole = Qt.UserRole + 4

EXHIBIT_MIME = "application/x-evidencekit-exhibit-ids"


@dataclass
class ImportRow:
    """A file that is being attached, or was refused (with the error, described in the
    language of the moment it is shown)."""
    path: Path
    status: str  # importing | failed
    error: BaseException | None = None

    def text(self) -> tuple[str, str]:
        from ..errors import describe
        return describe(self.error) if self.error is not None else ("", "")

    @property
    def message(self) -> str:
        return self.text()[0]


def kind_guessed(ex: Exhibit) -> dict | None:
    """Where ingestion took the exhibit's kind from a file or folder name ({"from", "word"}),
    as long as nobody has changed the kind since; else None."""
    hint = (ex.facts or {}).get("kind_hint")
    return hint if isinstance(hint, dict) and ex.kind == ex.kind_guess else None


def capture_time(ex: Exhibit):
    f = ex.facts or {}
    for key in ("captured_at", "created_at", "first_at", "signed_at"):
        dt = from_iso(f.get(key)) if isinstance(f.get(key), str) else None
        if dt:
            return dt
    return None


def new_mark(ex) -> str:
    """The new-evidence mark: computed from the submissions ("新"), or the user's override,
    shown as such ("新(手动)"; "非新(手动)" when the user said it is not new). Short, on its
    own line under the number: the column is narrow and the thumbnail takes most of it."""
    if ex.new_override is None:
        return pick("新", "new") if ex.is_new else ""
    return pick("新(手动)", "new (manual)") if ex.new_override else pick("非新(手动)", "not new (manual)")


class ExhibitListModel(QAbstractTableModel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._exhibits: list[Exhibit] = []
        self._findings: dict[int, list[Finding]] = {}
        self._imports: list[ImportRow] = []
        self.thumbnails = None  # ThumbnailCache, set by the panel
        self.on_edit: Callable[[int, str, object], None] | None = None
        # Called with the case's exhibit ids in their new order after a drag within the view.
        self.on_move: Callable[[list[int]], None] | None = None
        self.on_files_dropped: Callable[[list[Path]], None] | None = None

    # ---- contents ------------------------------------------------------------------------
    def set_exhibits(self, exhibits: list[Exhibit], findings: dict[int, list[Finding]]) -> None:
        old_ids = [e.id for e in self._exhibits]
        new_ids = [e.id for e in exhibits]
        self._findings = findings
        if new_ids == old_ids:
            self._exhibits = exhibits
            if exhibits:
                self.dataChanged.emit(self.index(0, 0), self.index(len(exhibits) - 1, COLUMNS - 1))
        elif new_ids[:len(old_ids)] == old_ids:  # appended (an import): keep the selection
            self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
            self._exhibits = exhibits
            self.endInsertRows()
            if old_ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(old_ids) - 1, COLUMNS - 1))
        else:
            self.beginResetModel()
            self._exhibits = exhibits
            self.endResetModel()

    def set_import_rows(self, rows: list[tuple[Path, BaseException | None]]) -> None:
        """The case's files still importing (error None) or refused, e.g. when the case is
        shown again (the importer keeps them, not the view)."""
        self.beginResetModel()
        self._imports = [ImportRow(Path(p), "importing" if e is None else "failed", e)
                         for p, e in rows]
        self.endResetModel()

    def first_failed_row(self) -> int:
        for i, imp in enumerate(self._imports):
            if imp.status == "failed":
                return len(self._exhibits) + i
        return -1

    def add_import(self, path: Path) -> None:
        row = len(self._exhibits) + len(self._imports)
        self.beginInsertRows(QModelIndex(), row, row)
        self._imports.append(ImportRow(Path(path), "importing"))
        self.endInsertRows()

    def finish_import(self, path: Path, error: BaseException | None = None) -> None:
        """Drop the row of an attached file, or turn it into a refusal with the reason."""
        for i, imp in enumerate(self._imports):
            if imp.path == Path(path) and imp.status == "importing":
                row = len(self._exhibits) + i
                if error is None:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self._imports[i]
                    self.endRemoveRows()
                else:
                    imp.status, imp.error = "failed", error
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
                return

    def clear_failed(self) -> None:
        keep = [i for i in self._imports if i.status != "failed"]
        if len(keep) != len(self._imports):
            self.beginResetModel()
            self._imports = keep
            self.endResetModel()

    def exhibits(self) -> list[Exhibit]:
        return list(self._exhibits)

    def imports(self) -> list[ImportRow]:
        return list(self._imports)

    def row_of(self, exhibit_id: int) -> int:
        for i, e in enumerate(self._exhibits):
            if e.id == exhibit_id:
                return i
        return -1

    def exhibit_at(self, row: int) -> Exhibit | None:
        return self._exhibits[row] if 0 <= row < len(self._exhibits) else None

    def update_thumbnail(self, sha256: str) -> None:
        for i, e in enumerate(self._exhibits):
            if e.sha256 == sha256:
                idx = self.index(i, COL_NO)
                self.dataChanged.emit(idx, idx, [Qt.DecorationRole])

    # ---- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._exhibits) + len(self._imports)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < COLUMNS:
            return translate("ExhibitListModel", _HEADERS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        if index.row() >= len(self._exhibits):
            return Qt.ItemIsEnabled | Qt.ItemIsSelectable
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
        if index.column() in (COL_KIND, COL_CAPTION):
            f |= Qt.ItemIsEditable
        return f

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        if index.row() >= len(self._exhibits):
            return self._import_data(self._imports[index.row() - len(self._exhibits)],
                                     index.column(), role)
        ex = self._exhibits[index.row()]
        col = index.column()
        warnings = self._findings.get(ex.id, ex.warnings)
        if role in (Qt.DisplayRole, Qt.EditRole):
            if col == COL_NO:
                mark = new_mark(ex)
                return f"E{ex.position}\n{mark}" if mark else f"E{ex.position}"
            if col == COL_KIND:
                if role == Qt.EditRole:
                    return ex.kind
                if kind_guessed(ex):
                    return QCoreApplication.translate("ExhibitListModel", "%1 (guessed)").replace(
                        "%1", labels.kind_label(ex.kind))
                return labels.kind_label(ex.kind)
            if col == COL_CAPTION:
                return ex.caption
            if col == COL_NAME:
                return ex.source_name
            if col == COL_TIME:
                return labels.local_time(capture_time(ex), self.ctx.zone)
            if col == COL_NOTES:
                return "；".join(pick(w.zh, w.en) for w in warnings) if role == Qt.DisplayRole else ""
        if role == Qt.ToolTipRole and col == COL_KIND and kind_guessed(ex):
            hint = kind_guessed(ex)
            text = (QCoreApplication.translate("ExhibitListModel", "Guessed from the folder name "
                                               "(“%1”): check it") if hint.get("from") == "folder"
                    else QCoreApplication.translate("ExhibitListModel", "Guessed from the file "
                                                    "name (“%1”): check it"))
            return text.replace("%1", str(hint.get("word", "")))
        if role == Qt.FontRole and col == COL_KIND and kind_guessed(ex):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ToolTipRole:
            lines = [ex.source_name, f"SHA-256 {ex.sha256}"]
            lines += [("! " + pick(w.zh, w.en)) for w in warnings]
            return "\n".join(lines)
        if role == Qt.DecorationRole and col == COL_NO and self.thumbnails is not None:
            return self.thumbnails.icon_for(ex)
        if role == Qt.ForegroundRole and col == COL_NOTES and warnings:
            return labels.QColor(labels.status_color("warning"))
        if role == ExhibitRole:
            return ex
        if role == StatusRole:
            return "attached"
        if role == KindRole:
            return ex.kind
        if role == ShaRole:
            return ex.sha256
        return None

    def _import_data(self, imp: ImportRow, col: int, role: int):
        if role == Qt.DisplayRole:
            if col == COL_NO:
                return "…" if imp.status == "importing" else "✗"
            if col == COL_NAME:
                return imp.path.name
            if col == COL_NOTES:
                if imp.status == "importing":
                    return QCoreApplication.translate("ExhibitListModel", "Adding…")
                message, hint = imp.text()
                return message + (f" — {hint}" if hint else "")
        if role == Qt.ForegroundRole and imp.status == "failed":
            return labels.QColor(labels.status_color("missing"))
        if role == Qt.ToolTipRole:
            message = imp.text()[0]
            return str(imp.path) + ("\n" + message if message else "")
        if role == StatusRole:
            return imp.status
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not index.isValid() or index.row() >= len(self._exhibits):
            return False
        ex = self._exhibits[index.row()]
        field = {COL_KIND: "kind", COL_CAPTION: "caption"}.get(index.column())
        if field is None or getattr(ex, field) == value or self.on_edit is None:
            return False
        self.on_edit(ex.id, field, value)
        return True

    # ---- drag and drop -------------------------------------------------------------------
    def reordered(self, ids: list[int], row: int) -> list[int]:
        """The exhibit ids in order after moving ``ids`` (as one block, in their current order)
        to just before ``row``."""
        order = [e.id for e in self._exhibits]
        moving = set(ids) & set(order)
        block = [i for i in order if i in moving]
        rest = [i for i in order if i not in moving]
        at = max(0, min(row, len(order))) - sum(1 for i in order[:max(0, row)] if i in moving)
        return rest[:at] + block + rest[at:]

    def supportedDropActions(self):
        return Qt.MoveAction | Qt.CopyAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [EXHIBIT_MIME, "text/uri-list"]

    def mimeData(self, indexes):
        ids = sorted({self._exhibits[i.row()].id for i in indexes
                      if i.isValid() and i.row() < len(self._exhibits)})
        data = QMimeData()
        data.setData(EXHIBIT_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(EXHIBIT_MIME) or data.hasUrls()

    def dropMimeData(self, data, action, row, column, parent):
        if data.hasFormat(EXHIBIT_MIME):
            ids = [int(x) for x in bytes(data.data(EXHIBIT_MIME)).decode().split(",") if x]
            if row < 0:
                row = parent.row() if parent.isValid() else len(self._exhibits)
            row = min(row, len(self._exhibits))
            new_order = self.reordered(ids, row)
            if self.on_move is not None and new_order != [e.id for e in self._exhibits]:
                self.on_move(new_order)
            return False  # the library renumbers; we refresh instead of moving rows here
        if data.hasUrls() and self.on_files_dropped is not None:
            paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
            if paths:
                self.on_files_dropped(paths)
                return True
        return False
