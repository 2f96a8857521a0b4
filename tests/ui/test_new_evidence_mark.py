"""Per exhibit, the new-evidence mark says whether it was computed (from the submissions) or set
by hand ("新(手动)"); the hand mark can be dropped again."""

from __future__ import annotations

from datetime import timedelta

from ui.models.exhibit_model import COL_NO

from .conftest import DATA, make_case, settle


def test_computed_and_manual_new_marks(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", judgment_at=clock() - timedelta(hours=1))
    old = ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    new = ctx.lib.attach(case.id, DATA / "trace_kuaidi100.json")  # after the judgment: new
    window.case_list.reload()
    window.open_case(case.id)
    panel = window.case_view.evidence
    model = panel.model

    def label(eid):
        return model.index(model.row_of(eid), COL_NO).data()

    assert label(new.id).endswith("\n新") and "手动" not in label(new.id)
    panel.select_exhibits([new.id])
    panel.toggle_new()  # by hand: not new
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "非新(手动)" in label(new.id), timeout=5000)
    assert ctx.lib.get_exhibit(new.id).new_override is False
    assert any(a.text() == "使用自动计算的新证据标记" for a in panel.context_menu().actions())
    panel.select_exhibits([new.id])
    panel.use_computed_new()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: label(new.id).endswith("\n新") and "手动" not in label(new.id), timeout=5000)
    assert ctx.lib.get_exhibit(new.id).new_override is None
    window.case_view.undo_stack.undo()  # back to the hand mark it had
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "非新(手动)" in label(new.id), timeout=5000)
    panel.select_exhibits([old.id])
    panel.toggle_new()  # computed new -> by hand not new -> by hand new
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "非新(手动)" in label(old.id), timeout=5000)
    panel.select_exhibits([old.id])
    panel.toggle_new()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: "新(手动)" in label(old.id), timeout=5000)
    assert ctx.lib.get_exhibit(old.id).new_override is True
