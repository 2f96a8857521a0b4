"""Undoable evidence edits (QUndoStack): remove, reorder (one or a block), change kind or caption.

Each command's redo and undo are ops (``ops.run_op``): the library's own reversible
operations (remove_exhibit / restore_exhibit, move_exhibit, update_exhibit) run on the
writer thread, in the order asked, and the views redraw from the changes they return.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from .ops import OpChanges, run_op


class _ExhibitCommand(QUndoCommand):
    def __init__(self, ctx, case_id: int, text: str):
        super().__init__(text)
        self.ctx, self.case_id = ctx, case_id

    def _write(self, fn) -> None:
        """Run ``fn(library)`` as an op changing this case."""
        case_id = self.case_id

        def op(lib) -> OpChanges:
            fn(lib)
            return OpChanges.of_case(case_id)
        run_op(self.ctx, self.text(), op)


class RemoveExhibitsCommand(_ExhibitCommand):
    def __init__(self, ctx, case_id: int, exhibits: list[tuple[int, int]]):
        """``exhibits``: (exhibit id, position) pairs."""
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Remove exhibits"))
        self.exhibits = sorted(exhibits, key=lambda e: e[1])

    def redo(self) -> None:
        exhibits = list(self.exhibits)
        self._write(lambda lib: [lib.remove_exhibit(eid) for eid, _pos in exhibits])

    def undo(self) -> None:
        exhibits = list(self.exhibits)  # ascending, so each lands at its old number
        self._write(lambda lib: [lib.restore_exhibit(eid, pos) for eid, pos in exhibits])


class EditExhibitCommand(_ExhibitCommand):
    def __init__(self, ctx, case_id: int, exhibit_id: int, field: str, old, new):
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Edit exhibit"))
        self.exhibit_id, self.field, self.old, self.new = exhibit_id, field, old, new

    def redo(self) -> None:
        eid, change = self.exhibit_id, {self.field: self.new}
        self._write(lambda lib: lib.update_exhibit(eid, **change))

    def undo(self) -> None:
        eid, change = self.exhibit_id, {self.field: self.old}
        self._write(lambda lib: lib.update_exhibit(eid, **change))


class EditExhibitsCommand(_ExhibitCommand):
    """One change to several exhibits at once (kind, caption, new mark): one step to undo.

    ``changes``: (exhibit id, {field: old}, {field: new}) per exhibit.
    """

    def __init__(self, ctx, case_id: int, changes: list[tuple[int, dict, dict]], text: str = ""):
        super().__init__(ctx, case_id, text or QCoreApplication.translate("Undo", "Edit exhibits"))
        self.changes = [(eid, dict(old), dict(new)) for eid, old, new in changes]

    def redo(self) -> None:
        changes = [(eid, new) for eid, _old, new in self.changes]
        self._write(lambda lib: [lib.update_exhibit(eid, **new) for eid, new in changes])

    def undo(self) -> None:
        changes = [(eid, old) for eid, old, _new in reversed(self.changes)]
        self._write(lambda lib: [lib.update_exhibit(eid, **old) for eid, old in changes])


class MoveExhibitsCommand(_ExhibitCommand):
    """Reorder several exhibits at once (a dragged block): one step to undo."""

    def __init__(self, ctx, case_id: int, old_order: list[int], new_order: list[int]):
        super().__init__(ctx, case_id, QCoreApplication.translate("Undo", "Reorder exhibits"))
        self.old_order, self.new_order = list(old_order), list(new_order)

    def _apply(self, order: list[int]) -> None:
        case_id = self.case_id

        def reorder(lib) -> None:
            # Front to back: each move puts one exhibit at its final number and leaves the
            # ones before it alone, so only exhibits out of place are moved (and logged).
            current = [e.id for e in lib.list_exhibits(case_id)]
            for pos, eid in enumerate(order, start=1):
                if eid in current and current.index(eid) != pos - 1:
                    lib.move_exhibit(eid, pos)
                    current.remove(eid)
                    current.insert(pos - 1, eid)
        self._write(reorder)

    def redo(self) -> None:
        self._apply(list(self.new_order))

    def undo(self) -> None:
        self._apply(list(self.old_order))


class CaseFieldCommand(QUndoCommand):
    """A change to one of the case's facts. The first write has already happened (so a
    refused value never enters the stack); undo and redo write again."""

    def __init__(self, ctx, case_id: int, field: str, old, new):
        super().__init__(QCoreApplication.translate("Undo", "Edit case facts"))
        self.ctx, self.case_id, self.field, self.old, self.new = ctx, case_id, field, old, new
        self._written = True

    def _write(self, value) -> None:
        from .case_edits import save_case  # not over someone else's newer version either
        save_case(self.ctx, self.case_id, {self.field: value}, name=self.text())

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self._write(self.new)

    def undo(self) -> None:
        self._write(self.old)
