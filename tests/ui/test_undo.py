"""Evidence edits are undoable (Ctrl+Z): caption, kind, reorder, remove."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ui.models.exhibit_model import COL_CAPTION, COL_KIND

from .conftest import DATA, make_case, settle


def _open_with_exhibits(window, ctx, clock, qtbot):
    case = make_case(ctx.lib, clock)
    for name in ("chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg"):
        ctx.lib.attach(case.id, DATA / name)
    window.open_case(case.id)
    return case, window.case_view.evidence


def _names(ctx, case):
    return [e.source_name for e in ctx.lib.list_exhibits(case.id)]


def test_edit_caption_and_kind_then_undo(qtbot, window, ctx, clock):
    case, panel = _open_with_exhibits(window, ctx, clock, qtbot)
    model = panel.model
    assert model.setData(model.index(0, COL_CAPTION), "与买家的完整沟通")
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id)[0].caption == "与买家的完整沟通"
    model.setData(model.index(2, COL_KIND), "packing_record")
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id)[2].kind == "packing_record"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id)[2].kind == "photo"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id)[0].caption == ""
    window.act_redo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id)[0].caption == "与买家的完整沟通"


def test_remove_with_undo_shortcut(qtbot, window, ctx, clock):
    case, panel = _open_with_exhibits(window, ctx, clock, qtbot)
    panel.select_exhibits([ctx.lib.list_exhibits(case.id)[1].id])
    window.act_remove.trigger()
    settle(qtbot, ctx)
    assert _names(ctx, case) == ["chat_gbk.txt", "photo_exif.jpg"]
    qtbot.wait(200)
    assert panel.model.rowCount() == 2
    assert window.case_view.checklist.title.text().endswith("1/2")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_Z, Qt.ControlModifier)
    settle(qtbot, ctx)
    assert _names(ctx, case) == ["chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg"]
    qtbot.wait(200)
    assert window.case_view.checklist.title.text().endswith("2/2")


def test_drag_reorder_and_undo(qtbot, window, ctx, clock):
    case, panel = _open_with_exhibits(window, ctx, clock, qtbot)
    model = panel.model
    data = model.mimeData([model.index(2, 0)])
    model.dropMimeData(data, Qt.MoveAction, 0, 0, QModelIndex())  # photo to the top
    settle(qtbot, ctx)
    assert _names(ctx, case) == ["photo_exif.jpg", "chat_gbk.txt", "trace_kuaidi100.json"]
    qtbot.wait(200)
    assert model.exhibit_at(0).source_name == "photo_exif.jpg"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert _names(ctx, case) == ["chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg"]


def test_switching_case_clears_undo(qtbot, window, ctx, clock):
    case, panel = _open_with_exhibits(window, ctx, clock, qtbot)
    panel.model.setData(panel.model.index(0, COL_CAPTION), "x")
    settle(qtbot, ctx)
    assert window.case_view.undo_stack.canUndo()
    other = make_case(ctx.lib, clock, order_no="other")
    window.open_case(other.id)
    assert not window.case_view.undo_stack.canUndo()


def test_mark_new_evidence_for_appeal(qtbot, window, ctx, clock):
    case, panel = _open_with_exhibits(window, ctx, clock, qtbot)  # attached before any judgment
    ctx.lib.update_case(case.id, stage="judged", judgment_at=clock(), judgment_ref="PD-9")
    window.open_case(case.id)
    assert window.case_view.mode == "appeal"
    new_item = lambda: next(i for i in window.case_view.checklist.model.items()  # noqa: E731
                            if i.kind == "new_evidence")
    assert new_item().status == "missing"
    photo = ctx.lib.list_exhibits(case.id)[2]
    panel.select_exhibits([photo.id])
    window.act_new_evidence.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.get_exhibit(photo.id).is_new
    qtbot.wait(200)
    assert new_item().status == "ok"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert not ctx.lib.get_exhibit(photo.id).is_new


def test_fact_edits_are_undoable(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.open_case(case.id)
    form = window.case_view.facts
    form.texts["after_sale_no"].setText("AS-1")
    form.texts["after_sale_no"].editingFinished.emit()
    settle(qtbot, ctx)
    form.stage.setCurrentIndex(form.stage.findData("judged"))
    form.stage.activated.emit(form.stage.currentIndex())
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).stage == "judged"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).stage == "intervention"
    window.act_undo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).after_sale_no == ""
    qtbot.wait(250)
    assert form.texts["after_sale_no"].text() == ""
    window.act_redo.trigger()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).after_sale_no == "AS-1"
