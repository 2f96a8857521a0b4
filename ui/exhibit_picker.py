"""Choosing exhibits for an appeal point: a checklist of the case's exhibits with a filter, and
a table cell that shows the chosen ones as links (click one to see that exhibit)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
)

from . import labels

ExhibitIdsRole = Qt.UserRole + 20  # the point's exhibit ids, in order


def exhibit_line(exhibit) -> str:
    """"E3 · 打包记录 · 打包称重 (IMG_0412.jpg)": what a clerk recognises an exhibit by."""
    what = exhibit.caption or exhibit.source_name
    name = f" ({exhibit.source_name})" if exhibit.caption else ""
    return f"E{exhibit.position} · {labels.kind_label(exhibit.kind)} · {what}{name}"


class ExhibitPicker(QDialog):
    """Tick the exhibits that prove a point; type to narrow the list (a number such as E5,
    a kind, words of a caption or a file name)."""

    def __init__(self, exhibits: list, chosen: list[int], parent=None):
        super().__init__(parent)
        self.setObjectName("exhibitPicker")
        self.setWindowTitle(self.tr("Exhibits for this point"))
        self.filter = QLineEdit()
        self.filter.setObjectName("exhibitFilter")
        self.filter.setPlaceholderText(self.tr("Type E5, a kind or words of a caption…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("exhibitChoices")
        for ex in exhibits:
            item = QListWidgetItem(exhibit_line(ex))
            item.setData(Qt.UserRole, ex.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if ex.id in chosen else Qt.Unchecked)
            self.list.addItem(item)
        self._order = list(chosen)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        hint = QLabel(self.tr("Enter ticks the first match; Space ticks the selected one."))
        hint.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.resize(520, 420)

    def chosen(self) -> list[int]:
        """Ticked exhibit ids: those chosen before keep their order, new ones follow."""
        ticked = {self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.Checked}
        return [i for i in self._order if i in ticked]

    def _on_list_item_changed(self, item) -> None:
        eid = item.data(Qt.UserRole)
        if item.checkState() == Qt.Checked and eid not in self._order:
            self._order.append(eid)

    def _on_list_item_activated(self, item) -> None:
        item.setCheckState(Qt.Unchecked if item.checkState() == Qt.Checked else Qt.Checked)

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.strip().lower().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            line = item.text().lower()
            number = line.split(" ", 1)[0]  # "e5": a number matches only itself, not E50
            hit = all((w == number) if re.fullmatch(r"e\d+", w) else (w in line) for w in words)
            item.setHidden(bool(words) and not hit)

    def _on_filter_return_pressed(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.Checked)
                self.filter.clear()
                return


class ExhibitLinksDelegate(QStyledItemDelegate):
    """Draws a point's exhibits as links ("E2  E5"); a click on one emits its id."""

    link_activated = Signal(int)

    def __init__(self, numbers, parent=None):
        super().__init__(parent)
        self.numbers = numbers  # callable: exhibit id -> E number (None when removed)

    def _links(self, option, index) -> list[tuple[QRect, int, str]]:
        fm = QFontMetrics(option.font)
        x = option.rect.x() + 6
        y = option.rect.y() + (option.rect.height() - fm.height()) // 2
        out = []
        for eid in index.data(ExhibitIdsRole) or []:
            n = self.numbers(eid)
            if n is None:
                continue
            text = f"E{n}"
            w = fm.horizontalAdvance(text)
            out.append((QRect(x, y, w, fm.height()), eid, text))
            x += w + fm.horizontalAdvance("  ")
        return out

    def paint(self, painter, option, index):
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        font = option.font
        font.setUnderline(True)
        painter.setFont(font)
        selected = bool(option.state & QStyle.State_Selected)
        color = option.palette.color(QPalette.HighlightedText if selected else QPalette.Link)
        painter.setPen(color)
        for rect, _eid, text in self._links(option, index):
            painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, text)
        if not index.data(ExhibitIdsRole):
            painter.setPen(option.palette.color(QPalette.PlaceholderText))
            font.setUnderline(False)
            painter.setFont(font)
            painter.drawText(option.rect.adjusted(6, 0, -4, 0), Qt.AlignLeft | Qt.AlignVCenter,
                             self.tr("Choose…"))
        painter.restore()

    def link_at(self, option, index, pos) -> int | None:
        for rect, eid, _text in self._links(option, index):
            if rect.adjusted(-3, -3, 3, 3).contains(pos):
                return eid
        return None

    def editorEvent(self, event, model, option, index):
        if event.type() == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton:
            eid = self.link_at(option, index, event.position().toPoint())
            if eid is not None:
                self.link_activated.emit(eid)
                return True
        return super().editorEvent(event, model, option, index)
