"""The strip above the evidence list during and after an import: a progress bar with the
count and Cancel while files go in, then a line saying how many were refused, with a link to
them."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget


class ImportBar(QWidget):
    cancel_requested = Signal()
    refused_requested = Signal()  # "show them": scroll to the refused files

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("importBar")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(260)
        self.label = QLabel()
        self.label.setObjectName("importSummary")
        self.label.setTextFormat(Qt.RichText)
        self.label.linkActivated.connect(lambda _link: self.refused_requested.emit())
        self.cancel = QToolButton()
        self.cancel.setObjectName("cancelImport")
        self.cancel.setText(self.tr("Cancel import"))
        self.cancel.clicked.connect(lambda _checked=False: self.cancel_requested.emit())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.progress)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.cancel)
        self.hide()

    def show_state(self, batch, running: bool, refused: int) -> None:
        """``batch``: the importer's ImportBatch for the case (or None); ``refused``: refused
        files listed for it."""
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        if running and batch is not None:
            self.progress.setRange(0, max(1, batch.total))
            self.progress.setValue(batch.done)
            text = html.escape(self.tr("Adding files: %1 of %2 done")
                               .replace("%1", str(batch.done)).replace("%2", str(batch.total)))
        elif refused:
            text = ""
            if batch is not None and batch.total:
                text = self.tr("%1 of %2 files added.").replace(
                    "%1", str(batch.attached)).replace("%2", str(batch.total)) + " "
            text += self.tr("%1 file(s) could not be added.").replace("%1", str(refused))
            text = html.escape(text) + \
                f" <a href='refused'>{html.escape(self.tr('Show them'))}</a>"
        else:
            text = ""
        self.label.setText(text)
        self.setVisible(running or bool(refused))
