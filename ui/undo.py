"""Undoable evidence edits (QUndoStack): remove, reorder, change kind or caption.

Each command writes through the library's own reversible operations (remove_exhibit /
restore_exhibit, move_exhibit, update_exhibit) and then announces the change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class _ExhibitCommand(QUndoCommand):
    def __init__(self, ctx, case_id: int, text: str):
        super().__init__(text)
        self.ctx, self.case_id = ctx, case_id

    def _done(self) -> None:
        self.ctx.changed(self.case_id)


class RemoveExhibitsCommand(_ExhibitCommand):
    def __init__(self, ctx, case_id: int, exhibits: list[tuple[int, int]]):
        """``exhibits``: (exhibit id, position) pairs."""
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Remove exhibits"))
        self.exhibits = sorted(exhibits, key=lambda e: e[1])

    def redo(self) -> None:
        for eid, _pos in self.exhibits:
            self.ctx.lib.remove_exhibit(eid)
        self._done()

    def undo(self) -> None:
        for eid, pos in self.exhibits:  # ascending, so each lands at its old number
            self.ctx.lib.restore_exhibit(eid, pos)
        self._done()


class EditExhibitCommand(_ExhibitCommand):
    def __init__(self, ctx, case_id: int, exhibit_id: int, field: str, old, new):
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Edit exhibit"))
        self.exhibit_id, self.field, self.old, self.new = exhibit_id, field, old, new

    def redo(self) -> None:
        self.ctx.lib.update_exhibit(self.exhibit_id, **{self.field: self.new})
        self._done()

    def undo(self) -> None:
        self.ctx.lib.update_exhibit(self.exhibit_id, **{self.field: self.old})
        self._done()


class MoveExhibitCommand(_ExhibitCommand):
    def __init__(self, ctx, case_id: int, exhibit_id: int, old_pos: int, new_pos: int):
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Reorder exhibits"))
        self.exhibit_id, self.old_pos, self.new_pos = exhibit_id, old_pos, new_pos

    def redo(self) -> None:
        self.ctx.lib.move_exhibit(self.exhibit_id, self.new_pos)
        self._done()

    def undo(self) -> None:
        self.ctx.lib.move_exhibit(self.exhibit_id, self.old_pos)
        self._done()


class CaseFieldCommand(QUndoCommand):
    """A change to one of the case's facts. The first write has already happened (so a
    refused value never enters the stack); undo and redo write again."""

    def __init__(self, ctx, case_id: int, field: str, old, new):
        super().__init__(QCoreApplication.translate("Undo", "Edit case facts"))
        self.ctx, self.case_id, self.field, self.old, self.new = ctx, case_id, field, old, new
        self._written = True

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self.ctx.lib.update_case(self.case_id, **{self.field: self.new})
        self.ctx.changed(self.case_id)

    def undo(self) -> None:
        self.ctx.lib.update_case(self.case_id, **{self.field: self.old})
        self.ctx.changed(self.case_id)
