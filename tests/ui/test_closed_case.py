"""A closed case is read-only in the app (attach, edits and export disabled, with a note) until
it is reopened with a reason."""

from __future__ import annotations

from .conftest import DATA, make_case, settle


def test_closed_case_is_read_only_until_reopened(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="closed", closed_at=clock())
    window.case_list.reload()
    window.open_case(case.id)
    view = window.case_view
    assert view.closed_bar.isVisible() and "read-only" not in view.closed_note.text()  # zh UI
    assert "只读" in view.closed_note.text()
    assert not window.act_add.isEnabled() and not window.act_export.isEnabled()
    assert not view.evidence.add_button.isEnabled() and not view.facts.isEnabled()
    assert view.evidence.add_paths([DATA / "chat_gbk.txt"]) == 0
    settle(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id) == []
    # Reopen: asked for a reason; none given changes nothing
    view.history.ask_reason = lambda: None
    view.reopen_button.click()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).stage == "closed"
    view.history.ask_reason = lambda: "买家重新发起售后"
    view.reopen_button.click()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: not view.closed_bar.isVisible(), timeout=5000)
    reopened = ctx.lib.get_case(case.id)
    assert reopened.stage != "closed"
    assert any("买家重新发起售后" in (e.detail or "") for e in ctx.lib.log(case.id))
    assert window.act_add.isEnabled() and window.act_export.isEnabled()
    assert view.evidence.add_button.isEnabled() and view.facts.isEnabled()
