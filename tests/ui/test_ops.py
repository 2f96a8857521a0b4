"""Every app write is an op on the runner's writer thread; views redraw from what it returns."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox

from evidencekit.store import Library
from ui.models.exhibit_model import COL_CAPTION

from .conftest import DATA, make_case, settle

WRITES = ("update_case", "update_exhibit", "remove_exhibit", "restore_exhibit", "move_exhibit",
          "delete_case", "restore_case", "create_case", "set_setting", "record_submission",
          "attach")


def test_no_write_on_the_ui_thread(qtbot, window, ctx, clock, monkeypatch):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    ctx.lib.attach(case.id, DATA / "photo_exif.jpg")
    on_ui_thread = []
    for name in WRITES:
        real = getattr(Library, name)

        def spy(self, *a, _real=real, _name=name, **k):
            if threading.current_thread() is threading.main_thread():
                on_ui_thread.append(_name)
            return _real(self, *a, **k)
        monkeypatch.setattr(Library, name, spy)

    window.open_case(case.id)
    form = window.case_view.facts
    form.texts["after_sale_no"].setText("AS-7")
    form.texts["after_sale_no"].editingFinished.emit()
    model = window.case_view.evidence.model
    model.setData(model.index(0, COL_CAPTION), "完整聊天")
    window.act_undo.trigger()
    window.act_redo.trigger()
    window.case_view.statement.apply_template()
    window.case_view.evidence.add_paths([DATA / "trace_kuaidi100.json"])
    settle(qtbot, ctx)
    window.act_trash_anywhere.trigger()
    window.findChild(QMessageBox, "confirmTrash").done(QMessageBox.Yes)
    settle(qtbot, ctx)

    assert on_ui_thread == []
    assert ctx.lib.list_cases(trash=True)[0].after_sale_no == "AS-7"
    assert ctx.lib.list_exhibits(case.id)[0].caption == "完整聊天"
    assert len(ctx.lib.list_exhibits(case.id)) == 3


def test_views_redraw_from_the_changes_an_op_returns(qtbot, window, ctx, clock):
    from ui.ops import OpChanges, run_op
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    seen = []
    ctx.changes_applied.connect(seen.append)
    run_op(ctx, "rename buyer",
           lambda lib: OpChanges.of_case(case.id, lib.update_case(case.id, buyer_name="王五")))
    settle(qtbot, ctx)
    assert [c.case_ids for c in seen] == [frozenset({case.id})]
    assert seen[0].value.buyer_name == "王五"
    # The case list redraws that row from the announcement (on its half-second timer).
    qtbot.waitUntil(lambda: any("王" in str(window.case_list.model.index(0, c).data())
                                for c in range(window.case_list.model.columnCount())))
