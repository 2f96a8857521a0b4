"""Grid view of the evidence: number and caption under each thumbnail; a dragged block of
exhibits moves in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QListView

from ui.grid_delegate import grid_texts, split_lines

from .conftest import DATA, make_case, settle


def _grid_case(ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="seven_day_return")
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt", caption="与买家的完整沟通记录，含退货申请和拒收说明")
    ctx.lib.attach(case.id, DATA / "photo_exif.jpg", caption="退回商品照片")
    ctx.lib.attach(case.id, DATA / "photo_rotated.jpg")
    ctx.lib.attach(case.id, DATA / "trace_kuaidi100.json", caption="退货轨迹")
    return case


def test_grid_shows_number_and_caption(qtbot, window, ctx, clock):
    case = _grid_case(ctx, clock)
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.toggle_view()
    model = panel.model
    assert grid_texts(model.index(0, 0)) == ("E1", "与买家的完整沟通记录，含退货申请和拒收说明")
    assert grid_texts(model.index(2, 0)) == ("E3", "photo_rotated.jpg")  # no caption: file name
    # A long caption wraps to two lines and the second is elided; none is wider than the cell.
    fm = QFontMetrics(QFont(panel.grid.font()))
    width = panel.grid_delegate.cell_size(fm).width() - 8
    lines = split_lines(grid_texts(model.index(0, 0))[1], fm, width, first_indent=20)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert fm.horizontalAdvance(lines[0]) <= width - 20
    assert all(fm.horizontalAdvance(line) <= width for line in lines)
    assert split_lines("短", fm, width) == ["短"]
    # The cell is painted without errors and holds two text lines under the icon.
    assert panel.grid.visualRect(model.index(0, 0)).height() >= 96 + 2 * fm.lineSpacing()
    panel.grid.viewport().grab()


def test_drag_a_block_in_the_grid_is_one_undo_step(qtbot, window, ctx, clock):
    case = _grid_case(ctx, clock)
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.toggle_view()
    grid = panel.grid
    assert grid.movement() == QListView.Static and grid.dragEnabled()
    before = [e.id for e in ctx.lib.list_exhibits(case.id)]
    model = panel.model
    sel = QItemSelection(model.index(0, 0), model.index(1, model.columnCount() - 1))
    grid.selectionModel().select(sel, QItemSelectionModel.ClearAndSelect)
    assert panel.selected_ids() == before[:2]

    # What the grid's drag carries, dropped on the empty space after the last exhibit.
    mime = model.mimeData(grid.selectedIndexes())
    last = grid.visualRect(model.index(3, 0))
    point = QPoint(last.right() + 30, last.center().y())
    assert not grid.indexAt(point).isValid()
    viewport = grid.viewport()
    for event in (QDragEnterEvent(point, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier),
                  QDragMoveEvent(point, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier),
                  QDropEvent(QPointF(point), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)):
        QApplication.sendEvent(viewport, event)
    settle(qtbot, ctx)

    after = [before[2], before[3], before[0], before[1]]
    assert [e.id for e in ctx.lib.list_exhibits(case.id)] == after
    stack = window.case_view.undo_stack
    assert stack.count() == 1
    qtbot.waitUntil(lambda: [e.id for e in model.exhibits()] == after)
    assert panel.selected_ids() == before[:2]  # the moved block stays selected

    stack.undo()
    settle(qtbot, ctx)
    assert [e.id for e in ctx.lib.list_exhibits(case.id)] == before
    stack.redo()
    settle(qtbot, ctx)
    assert [e.id for e in ctx.lib.list_exhibits(case.id)] == after
    stack.undo()
    qtbot.waitUntil(lambda: [e.id for e in model.exhibits()] == before)
