"""The search box (Ctrl+F): the case list narrows on its own fields as you type; after a pause
the hits inside evidence appear; opening one selects the exhibit and scrolls to the message."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.highlight import MARK_BG

from .conftest import make_case


def _chat(n: int, special: dict[int, str]) -> str:
    return "".join(f"2024-09-17 {10 + i // 60:02d}:{i % 60:02d}:00 {'顾客' if i % 2 else '小店客服'}: "
                   f"{special.get(i, f'第{i}条消息，杯子的事情')}\n" for i in range(n))


def test_hit_opens_the_exhibit_on_its_message(qtbot, window, ctx, clock, tmp_path):
    lib = ctx.lib
    cases = [make_case(lib, clock, order_no=f"69{i:011d}") for i in range(1, 6)]
    for i, case in enumerate(cases):
        path = tmp_path / f"chat{i}.txt"
        path.write_text(_chat(120, {95: "快递放在驿站了，我没去拿"} if i == 3 else {}), encoding="utf-8")
        lib.attach(case.id, path, kind="chat_log")
        lib.attach(case.id, tmp_path.joinpath(f"chat{i}.txt"), kind="chat_log", caption="副本")
    window.case_list.reload()
    page = window.case_list
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert page.search.hasFocus()

    # the case list narrows on its own fields once typing pauses (an order-number fragment) …
    with qtbot.waitSignal(page.search_applied):
        qtbot.keyClicks(page.search, "0000000004")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.search_applied):
        page.search.clear()
    assert page.model.rowCount() == 5 and not page.hits_box.isVisible()

    # … and after a pause the hits inside the evidence follow
    with qtbot.waitSignal(page.hits_shown, timeout=20000) as shown:
        page.search.insert("驿站")  # as an input method commits it (keyClicks is ASCII only)
    assert shown.args == [2]  # the chat and its copy, in the fourth case only
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)  # no case has 驿站 in its own fields
    item = page.hits.topLevelItem(0)
    assert item.text(0) == cases[3].case_no and "第 96 条" in item.text(1)
    # the word is highlighted in the list (painted by the delegate), not «marked»
    assert "驿站" in item.text(2) and "«" not in item.text(2)
    assert page.hits.itemDelegateForColumn(2).words == ["驿站"]

    pane = window.case_view.evidence.preview
    page.hits.setCurrentItem(item)
    with qtbot.waitSignal(pane.shown, timeout=10000, check_params_cb=lambda which: which == "chat"):
        page.hits.itemActivated.emit(item, 0)
    assert window.case_view.case.id == cases[3].id
    exhibit_id = item.data(0, Qt.UserRole + 1)[1]
    assert window.case_view.evidence.selected_ids() == [exhibit_id]
    chat = pane.chat
    assert chat.revealed == 95

    def message_in_view() -> bool:
        bar = chat.verticalScrollBar()
        cursor = chat.document().find("快递放在驿站了")
        y = chat.document().documentLayout().blockBoundingRect(cursor.block()).top()
        return bar.value() > 0 and bar.value() <= y < bar.value() + chat.viewport().height()
    qtbot.waitUntil(message_in_view, timeout=5000)
    # … and in the opened transcript
    assert chat.words == ["驿站"] and MARK_BG in chat.toHtml()


def test_the_index_catches_up_in_the_background_at_start(qtbot, window, ctx, clock):
    """What changed while the index was not looking (here: cases made by another process) is
    indexed on the writer thread when the app starts, its progress in the status bar."""
    from evidencekit.store import search_index
    for i in range(3):
        make_case(ctx.lib, clock, order_no=f"77{i:011d}", product="保温杯")
    assert search_index.pending(ctx.lib.conn) > 0
    seen = []
    job = window.catch_up_search_index()  # what ui/app.py calls once the window is up
    # progress arrives queued on the main thread: connected before the loop runs again
    job.progressed.connect(lambda f, zh, en: seen.append(window.index_status.text()))
    with qtbot.waitSignal(window.index_catch_up.finished, timeout=20000) as done:
        pass
    assert done.args[0] > 0 and search_index.pending(ctx.lib.conn) == 0
    assert seen and all(t.startswith(("正在建立搜索索引", "Building the search index")) for t in seen)
    assert not window.index_status.isVisible()
    hits = search_index.search(ctx.lib, "7700000000001")
    assert [h.case_no for h in hits if h.source == "case"]


def test_a_pdf_page_hit_and_a_trace_hit_open_at_their_place(qtbot, window, ctx, clock):
    """耐热冲击 is on the inspection report's second page; 岳麓营业点 is one event of the trace:
    each hit opens its exhibit on that page or event, the word highlighted there."""
    from ui.highlight import HighlightDelegate

    from .conftest import DATA
    lib = ctx.lib
    case = make_case(lib, clock, order_no="6900000000077")
    lib.attach(case.id, DATA / "inspection_report.pdf", caption="质检报告")
    trace_ex = lib.attach(case.id, DATA / "trace_pasted.txt", kind="logistics_trace")
    window.case_list.reload()
    page = window.case_list
    pane = window.case_view.evidence.preview

    def open_hit(word: str, viewer: str):
        with qtbot.waitSignal(page.hits_shown, timeout=20000):
            page.search.setText(word)
        item = page.hits.topLevelItem(0)
        with qtbot.waitSignal(pane.shown, timeout=10000, check_params_cb=lambda which: which == viewer):
            page.hits.itemActivated.emit(item, 0)
        return item

    item = open_hit("耐热冲击", "pdf")
    assert "第 2 页" in item.text(1)
    qtbot.waitUntil(lambda: pane.pdf.current_page() == 2, timeout=5000)
    assert pane.pdf.search.searchString() == "耐热冲击"  # QtPdf highlights it on the page

    window.show_case_list()
    item = open_hit("岳麓营业点", "trace")
    events = lib.exhibit_content(trace_ex).events
    at = next(i for i, e in enumerate(events) if "岳麓营业点" in e.text)
    assert f"第 {at + 1} 条" in item.text(1)
    trace = pane.trace
    row = trace.event_rows[at]
    qtbot.waitUntil(lambda: trace.currentRow() == row, timeout=5000)
    assert "岳麓营业点" in trace.item(row, 2).text()
    assert isinstance(trace.itemDelegateForColumn(2), HighlightDelegate)
    assert trace.itemDelegateForColumn(2).words == ["岳麓营业点"]
