"""The trash: Delete on a case asks, moves it to the trash; Case ▸ Trash lists it and restores it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from .conftest import make_case, settle


def _focus(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_delete_key_asks_then_trashes_and_trash_view_restores(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, order_no="4921")
    keep = make_case(ctx.lib, clock, order_no="keep")
    page = window.case_list
    page.reload()
    page.select_case(case.id)
    _focus(qtbot, window, page.table)

    # No: nothing happens.
    qtbot.keyClick(page.table, Qt.Key_Delete)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmTrash") is not None)
    box = window.findChild(QMessageBox, "confirmTrash")
    assert "4921" in box.text() and box.defaultButton() is box.button(QMessageBox.No)
    box.done(QMessageBox.No)
    assert len(ctx.lib.list_cases()) == 2

    # Yes: the case leaves the list and appears in the trash.
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmTrash") is None)
    _focus(qtbot, window, page.table)
    qtbot.keyClick(page.table, Qt.Key_Delete)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirmTrash") is not None)
    window.findChild(QMessageBox, "confirmTrash").done(QMessageBox.Yes)
    settle(qtbot, ctx)
    assert [c.id for c in ctx.lib.list_cases()] == [keep.id]
    assert [c.id for c in ctx.lib.list_cases(trash=True)] == [case.id]
    assert page.model.rowCount() == 1

    # Case ▸ Trash (Ctrl+Shift+T) lists it; Restore brings it back to the case list.
    assert window.act_show_trash.shortcut().toString() == "Ctrl+Shift+T"
    window.act_show_trash.trigger()
    trash = window.trash_dialog
    qtbot.waitExposed(trash)
    assert trash.model.rowCount() == 1
    assert trash.model.case_at(0).order_no == "4921"
    assert trash.restore_button.isEnabled()
    qtbot.mouseClick(trash.restore_button, Qt.LeftButton)
    settle(qtbot, ctx)
    assert {c.id for c in ctx.lib.list_cases()} == {case.id, keep.id}
    assert ctx.lib.list_cases(trash=True) == []
    assert trash.model.rowCount() == 0 and not trash.restore_button.isEnabled()
    assert trash.empty.isVisibleTo(trash)
    assert page.model.rowCount() == 2
    assert page.selected_case_id() == case.id  # the restored case is selected in the list
    trash.close()


def test_trash_from_an_open_case_clears_its_undo(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.open_case(case.id)
    form = window.case_view.facts
    form.texts["buyer_name"].setText("李四")
    form.texts["buyer_name"].editingFinished.emit()
    settle(qtbot, ctx)
    assert window.case_view.undo_stack.count() == 1
    window.act_trash_anywhere.trigger()  # Ctrl+Shift+Delete works inside a case too
    box = window.findChild(QMessageBox, "confirmTrash")
    box.done(QMessageBox.Yes)
    assert not window.in_case()
    assert window.case_view.undo_stack.count() == 0
    settle(qtbot, ctx)
    assert ctx.lib.list_cases(trash=True)[0].buyer_name == "李四"


def test_trash_model(qtmodeltester, ctx, clock):
    from ui.models.trash_model import TrashModel
    for n in ("1", "2"):
        ctx.lib.delete_case(make_case(ctx.lib, clock, order_no=n).id)
    model = TrashModel(ctx)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model)
