"""Help ▸ User guide and Help ▸ Keyboard shortcuts: short, read-only dialogs."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from . import labels


class UserGuideDialog(QDialog):
    """A clerk's day in six steps: enough to start without the README."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        steps = [
            self.tr("<b>New case</b> (Ctrl+N): pick the platform and the dispute type, type the "
                    "order number, and give the instant the clock counts from (for example when "
                    "the platform stepped in)."),
            self.tr("<b>Add evidence</b>: drop files or whole folders on the evidence list, or "
                    "press Ctrl+O. Chat logs, courier traces, PDFs, photos and videos are read "
                    "and given a kind; a kind guessed from the file name is marked as guessed. A "
                    "file the case already holds is pointed out before it is added twice."),
            self.tr("<b>Fix kinds in one go</b>: select several exhibits, right-click, and set "
                    "their kind, a caption prefix or the new-evidence mark. Ctrl+Z undoes the "
                    "whole change."),
            self.tr("<b>Watch the checklist and the clock</b> on the right: ✗ items are missing "
                    "(click to add that kind of file), the banner counts down to the deadline."),
            self.tr("<b>Write the statement</b>: use a template, keep to facts. For an appeal, "
                    "add points and pick the exhibits that prove each one."),
            self.tr("<b>Export</b> (Ctrl+E) one PDF bundle, check it in the preview, and upload "
                    "it. The History tab keeps what was done and what was submitted."),
        ]
        body = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
        title = self.tr("A case from start to bundle")
        more = self.tr("Help ▸ Keyboard shortcuts lists every shortcut.")
        self.text.setHtml(f"<h3>{html.escape(title)}</h3><ol>{body}</ol><p>{html.escape(more)}</p>")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(560, 480)


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's actions, as the menus name them."""

    def __init__(self, entries: list[tuple[str, QKeySequence]], parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(labels.plain_action_text(text).rstrip("…"), key.toString(QKeySequence.NativeText))
                for text, key in entries if not key.isEmpty() and text]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for r, (text, key) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text))
            self.table.setItem(r, 1, QTableWidgetItem(key))
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(460, 560)

    def shortcuts(self) -> dict[str, str]:
        return {self.table.item(r, 0).text(): self.table.item(r, 1).text()
                for r in range(self.table.rowCount())}
