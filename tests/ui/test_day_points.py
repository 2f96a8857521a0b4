"""Issue 12, item 7: an appeal point's exhibits are picked from the case's exhibits and shown
as links to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from ui.exhibit_picker import ExhibitIdsRole, ExhibitPicker
from ui.models.points_model import COL_EXHIBITS

from .conftest import DATA, make_case, settle


def _appeal_case(ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", judgment_at=clock())
    for name in ("chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg"):
        ctx.lib.attach(case.id, DATA / name)
    ctx.lib.update_exhibit(ctx.lib.list_exhibits(case.id)[2].id, caption="打包称重照片")
    return case


def test_picker_filters_and_ticks(qtbot, ctx, clock):
    case = _appeal_case(ctx, clock)
    exhibits = ctx.lib.list_exhibits(case.id)
    dlg = ExhibitPicker(exhibits, [exhibits[0].id])
    qtbot.addWidget(dlg)
    shown = lambda: [dlg.list.item(i).text() for i in range(dlg.list.count())  # noqa: E731
                     if not dlg.list.item(i).isHidden()]
    assert len(shown()) == 3 and "打包称重照片" in shown()[2]
    dlg.filter.setText("打包")  # (QTest cannot type Chinese)
    assert shown() == [dlg.list.item(2).text()]
    qtbot.keyClick(dlg.filter, Qt.Key_Return)  # ticks the first match
    dlg.filter.setText("E2")
    assert [t.split(" ")[0] for t in shown()] == ["E2"]
    assert dlg.chosen() == [exhibits[0].id, exhibits[2].id]


def test_points_pick_exhibits_and_link_to_them(qtbot, window, ctx, clock):
    case = _appeal_case(ctx, clock)
    exhibits = ctx.lib.list_exhibits(case.id)
    window.resize(1366, 768)
    window.open_case(case.id)
    view = window.case_view
    view.checklist.set_mode("appeal")
    view.tabs.setCurrentIndex(2)
    editor = view.statement
    editor.points.add_point("判定认为包裹未送达", "轨迹显示本人签收")
    offered = []
    editor.exhibit_chooser = lambda exs, chosen: offered.append([e.id for e in exs]) or \
        [exhibits[1].id, exhibits[2].id]
    table = editor.points_view
    index = editor.points.index(0, COL_EXHIBITS)
    assert table.columnWidth(COL_EXHIBITS) >= 100  # not a 28 px column
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key_Return)
    assert offered == [[e.id for e in exhibits]]  # the case's own exhibits were offered
    editor.save()
    settle(qtbot, ctx)
    saved = ctx.lib.get_case(case.id).appeal_points[0]
    assert saved.exhibit_ids == [exhibits[1].id, exhibits[2].id]
    assert index.data() == "E2, E3"
    # Click the "E3" link: the evidence tab opens with that exhibit selected.
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.font = table.font()
    links = editor.links._links(option, index)
    assert [t for _r, _i, t in links] == ["E2", "E3"]
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=links[1][0].center())
    assert view.tabs.currentIndex() == 0
    assert view.evidence.selected_ids() == [exhibits[2].id]
    assert index.data(ExhibitIdsRole) == [exhibits[1].id, exhibits[2].id]


def test_a_redraw_with_an_older_read_keeps_the_editors_unsaved_points(qtbot, window, ctx, clock):
    """A redraw that read the case before the editor's last save landed must not put the older
    points back (the next save then wrote them: the acceptance test saw blanks return)."""
    case = _appeal_case(ctx, clock)
    window.open_case(case.id)
    view = window.case_view
    view.checklist.set_mode("appeal")
    editor = view.statement
    older = ctx.lib.get_case(case.id)  # no points yet
    editor.points.add_point("判定认为包裹未送达", "轨迹显示本人签收于【时间】")  # saved at once
    editor.points.setData(editor.points.index(0, 1), "轨迹显示本人签收于9月16日", Qt.EditRole)
    editor.text.setPlainText("陈述")  # saved after a pause: due
    editor.set_case(older, ctx.lib.list_exhibits(case.id))  # a redraw from the older read
    assert [p.fact for p in editor.points.points()] == ["轨迹显示本人签收于9月16日"]
    assert editor.text.toPlainText() == "陈述"
    editor.save()
    settle(qtbot, ctx)
    stored = ctx.lib.get_case(case.id)
    assert stored.statement == "陈述" and [p.fact for p in stored.appeal_points] == ["轨迹显示本人签收于9月16日"]
