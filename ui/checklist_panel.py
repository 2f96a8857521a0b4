"""The live checklist beside the evidence: click a missing item to add that kind of file,
click a met one to select the exhibits that meet it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from evidencekit import checklist

from . import labels
from .models.checklist_model import ChecklistModel, ItemRole


class ChecklistPanel(QWidget):
    add_kind_requested = Signal(str)        # an evidence kind
    exhibits_requested = Signal(list)       # exhibit ids to select
    statement_requested = Signal()          # the appeal items live in the statement editor
    facts_requested = Signal()
    mode_changed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ChecklistModel(self)
        self.title = QLabel()
        self.title.setObjectName("checklistTitle")
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.title.setFont(f)
        self.mode = QComboBox()
        for mode in ("arbitration", "appeal"):
            self.mode.addItem(labels.mode_label(mode), mode)
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit(self.current_mode))
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setUniformItemSizes(False)
        self.view.setIconSize(QSize(0, 0))
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated.connect(self._on_view_clicked)
        self.hint = QLabel(self.tr("Click a missing item to add that evidence; click a met item "
                                   "to see its exhibits."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.mode)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.hint)

    @property
    def current_mode(self) -> str:
        return self.mode.currentData() or "arbitration"

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))

    def set_items(self, items) -> None:
        self.model.set_items(items)
        met, total = checklist.progress(items)
        self.title.setText(self.tr("Checklist %1/%2").replace("%1", str(met)).replace("%2", str(total)))
        self.title.setProperty("complete", checklist.is_complete(items))

    def _on_view_clicked(self, index) -> None:
        item = index.data(ItemRole)
        if item is None:
            return
        if item.kind in ("appeal_statement",):
            self.statement_requested.emit()
        elif item.kind == "judgment_reference":
            self.facts_requested.emit()
        elif item.status == "missing":
            if item.kind == "new_evidence":
                self.add_kind_requested.emit("")
            else:
                self.add_kind_requested.emit(item.kind.split("|")[0])
        elif item.exhibits:
            self.exhibits_requested.emit(list(item.exhibits))
