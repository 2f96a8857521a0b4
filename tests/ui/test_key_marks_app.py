"""Key marks and the request in the app (issue 10 item 5): the chat and trace previews mark
key messages and rows from their context menu, through an op; the marks are kept in the
library and drawn in the preview; the case form sets the merchant's request."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from .conftest import DATA, make_case, settle


def _open(qtbot, window, ctx, case, name, expect):
    panel = window.case_view.evidence
    ex = next(e for e in ctx.lib.list_exhibits(case.id) if e.source_name == name)
    with qtbot.waitSignal(panel.preview.shown, timeout=10000,
                          check_params_cb=lambda which: which == expect):
        panel.select_exhibits([ex.id])
    return panel.preview, ex


def test_marking_in_the_previews_and_the_request_in_the_form(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    for name in ("chat_gbk.txt", "trace_kuaidi100.json"):
        ctx.lib.attach(case.id, DATA / name)
    window.open_case(case.id)
    pane, chat = _open(qtbot, window, ctx, case, "chat_gbk.txt", "chat")
    # the message under the pointer is the one the context menu marks
    view = pane.chat
    view.resize(600, 800)
    view.scrollToAnchor("m1")
    qtbot.waitUntil(lambda: view.message_at(QPoint(20, 10)) is not None)
    assert view.message_at(QPoint(20, 10)) in (1, 2)
    view.mark_requested.emit(2, True)  # what the menu's action sends
    settle(qtbot, ctx)
    assert ctx.lib.get_exhibit(chat.id).marks == [2]
    qtbot.waitUntil(lambda: view.marks == {2})
    assert "★" in view.toPlainText() and "#2" in view.toPlainText()
    pane, trace = _open(qtbot, window, ctx, case, "trace_kuaidi100.json", "trace")
    last = len(pane.trace.event_rows)
    assert pane.trace.event_at_row(pane.trace.event_rows[-1]) == last
    pane.trace.mark_requested.emit(last, True)
    settle(qtbot, ctx)
    assert ctx.lib.get_exhibit(trace.id).marks == [last]
    qtbot.waitUntil(lambda: pane.trace.item(pane.trace.event_rows[-1], 0).text().startswith("★"))
    pane.trace.mark_requested.emit(last, False)
    settle(qtbot, ctx)
    assert ctx.lib.get_exhibit(trace.id).marks == []
    form = window.case_view.facts
    window.case_view.tabs.setCurrentWidget(form)
    form.texts["request"].setText("请驳回买家退款申请")
    form.texts["request"].editingFinished.emit()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).request == "请驳回买家退款申请"
