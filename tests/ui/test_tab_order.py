"""Tab walks the dialogs and forms in the order they read: top to bottom, then the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from .conftest import make_case


def _walk(qtbot, start, stop_after: int) -> list:
    """Press Tab from ``start`` and record each widget that takes focus (a date edit takes
    several Tabs, one per section: it is recorded once)."""
    start.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        w = QApplication.focusWidget()
        if w is not seen[-1]:
            seen.append(w)
        if len(seen) >= stop_after:
            break
    return seen


def test_tab_walks_the_new_case_dialog_in_reading_order(qtbot, window, ctx):
    dlg = window.new_case()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    ok = dlg.buttons.button(QDialogButtonBox.Ok)
    cancel = dlg.buttons.button(QDialogButtonBox.Cancel)
    expected = [dlg.platform, dlg.dispute_type, dlg.stage, dlg.order_no, dlg.after_sale_no,
                dlg.buyer, dlg.buyer_phone, dlg.product, dlg.amount, dlg.clock_start.check,
                dlg.clock_start.edit, ok, cancel, dlg.platform]
    seen = _walk(qtbot, dlg.platform, len(expected))
    names = lambda ws: [w.objectName() or type(w).__name__ for w in ws]  # noqa: E731
    assert names(seen) == names(expected), " ".join(names(seen))
    assert seen == expected
    dlg.reject()


def _chain(widget, first, count):
    """The next ``count`` widgets that Tab would visit after ``first`` (focus chain order)."""
    out, w = [], first
    while len(out) < count:
        w = w.nextInFocusChain()
        if w is first:
            break
        if w.isVisibleTo(widget) and w.isEnabled() and w.focusPolicy() & Qt.TabFocus:
            out.append(w)
    return out


def test_export_dialog_tab_order(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    window.case_list.select_case(case.id)
    dlg = window.export_bundle()
    qtbot.waitExposed(dlg)
    for b in (dlg.open_button, dlg.preview_button):
        b.show()  # as after an export
    dlg.cancel_button.setEnabled(True)  # as while it runs
    expected = [dlg.profile, dlg.audience, dlg.destination, dlg.browse, dlg.mask, dlg.open_button,
                dlg.preview_button, dlg.export_button, dlg.cancel_button, dlg.close_button]
    assert _chain(dlg, dlg.mode, len(expected)) == expected
    dlg.cancel_button.setEnabled(False)
    dlg.close()


def test_tab_leaves_multi_line_fields(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", judgment_at=clock())
    window.open_case(case.id)
    window.activateWindow()
    form = window.case_view.facts
    window.case_view.tabs.setCurrentWidget(form)
    seen = _walk(qtbot, form.judgment_text, 2)
    assert seen == [form.judgment_text, form.appeals_used]
    assert "\t" not in form.judgment_text.toPlainText()
    statement = window.case_view.statement
    window.case_view.tabs.setCurrentWidget(statement)
    seen = _walk(qtbot, statement.text, 2)
    assert seen[1] is statement.points_view
    seen = _walk(qtbot, statement.points_view, 2)
    assert seen[1] is statement.add_point_button
