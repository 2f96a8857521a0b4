"""The search box (Ctrl+F): the case list narrows on its own fields as you type; after a pause
the hits inside evidence appear; opening one selects the exhibit and scrolls to the message."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
    assert "«驿站»" in item.text(2)

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
