"""The two questions an import may ask: files the case already holds (skip / add anyway),
and, at start, an import an earlier run did not finish (add the rest / discard / later)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox


class ImportPrompts(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.resume_box: QMessageBox | None = None
        self.duplicate_box: QMessageBox | None = None

    def ask_duplicates(self, duplicates: list, answer=None) -> QMessageBox:
        """``duplicates``: (path, the exhibit holding it, kind). Asks without blocking; calls
        ``answer(True)`` to add them anyway, ``answer(False)`` to skip them (also Esc)."""
        lines = [self.tr("%1 (already E%2)").replace("%1", path.name)
                 .replace("%2", str(existing.position)) for path, existing, _kind in duplicates]
        more = len(lines) - 6
        text = "\n".join(f"• {line}" for line in lines[:6])
        if more > 0:
            text += "\n" + self.tr("… and %1 more").replace("%1", str(more))
        box = QMessageBox(QMessageBox.Question, self.tr("Already in this case"),
                          self.tr("This case already holds %1 of the files you added (the same "
                                  "content):").replace("%1", str(len(lines))), parent=self.window)
        box.setObjectName("duplicatePrompt")
        box.setInformativeText(text)
        skip = box.addButton(self.tr("Skip them"), QMessageBox.RejectRole)
        add = box.addButton(self.tr("Add anyway"), QMessageBox.AcceptRole)
        box.setDefaultButton(skip)
        box.setEscapeButton(skip)
        self.duplicate_box = box

        def done(_result):
            chosen = box.clickedButton() is add
            self.duplicate_box = None
            box.deleteLater()
            if answer is not None:
                answer(chosen)
        box.finished.connect(done)
        box.open()
        return box

    def offer_resume(self) -> QMessageBox | None:
        """Offer the first unfinished import (the next one after this is answered)."""
        if self.resume_box is not None:
            return None
        ctx = self.window.ctx
        entries = ctx.importer.unfinished()
        if not entries:
            return None
        entry = entries[0]
        case = ctx.lib.get_case(entry["case_id"])
        box = QMessageBox(QMessageBox.Question, self.tr("Unfinished import"),
                          self.tr("Adding files to case %1 (order %2) was cut short: %3 file(s) "
                                  "were not added.").replace("%1", case.case_no)
                          .replace("%2", case.order_no).replace("%3", str(len(entry["files"]))),
                          parent=self.window)
        box.setObjectName("resumeImport")
        box.setInformativeText(self.tr("Add them now? Files that are no longer there are "
                                       "listed as refused."))
        resume = box.addButton(self.tr("Add the rest"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.DestructiveRole)
        later = box.addButton(self.tr("Later"), QMessageBox.RejectRole)
        box.setDefaultButton(resume)
        box.setEscapeButton(later)
        self.resume_box = box

        def done(_result):
            clicked = box.clickedButton()
            self.resume_box = None
            box.deleteLater()
            if clicked is resume:
                self.window.open_case(case.id)
                ctx.importer.resume(entry)
            elif clicked is discard:
                ctx.importer.discard(entry)
        box.finished.connect(done)
        box.open()
        return box
