"""People in the app (issue 13): the staff name in Settings, My cases, Case ▸ Assign…"""

from __future__ import annotations

from .conftest import make_case, settle


def test_staff_name_my_cases_and_assign(qtbot, window, ctx, library, clock):
    from ui.settings_dialog import SettingsDialog
    mine = make_case(library, clock, order_no="A1")
    other = make_case(library, clock, order_no="A2")
    dlg = SettingsDialog(ctx, window)
    qtbot.addWidget(dlg)
    dlg.staff.setText("小王")
    dlg.apply()
    assert ctx.staff == "小王" and library.actor == "小王"
    assert ctx.writer_library().actor == "小王"  # the writer thread's library acts as them too

    window.case_list.reload()
    window.case_list.select_case(mine.id)
    assign = window.assign_case()
    qtbot.addWidget(assign)
    assert assign.chosen() == ""  # nobody yet
    assign.name.setEditText("小王")
    assign.accept()
    settle(qtbot, ctx)
    assert library.get_case(mine.id).assignee == "小王"
    entry = library.log(mine.id)[-1]
    assert (entry.actor, entry.action, entry.detail) == ("小王", "case_assigned", "— → 小王")

    page = window.case_list  # its row follows the change (the op's announcement)
    qtbot.waitUntil(lambda: [r.case.assignee for r in page.model.rows() if r.case.id == mine.id]
                    == ["小王"])
    page.mine.setChecked(True)
    qtbot.waitUntil(lambda: [r.case.id for r in page.model.rows()] == [mine.id])
    library.assign_case(other.id, "小王")  # e.g. the owner assigned it from another desktop
    window.case_list.model.refresh_case(other.id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.mine.setChecked(False)
    assert ctx.settings.get("my_cases") is False

    # a bad name is refused in the dialog, nothing changes
    window.case_list.select_case(other.id)
    assign = window.assign_case()
    qtbot.addWidget(assign)
    assign.name.setEditText("a\x07b")
    assign.accept()
    assert assign.message.isVisible() and assign.isVisible()
    settle(qtbot, ctx)
    assert library.get_case(other.id).assignee == "小王"


def test_two_desktops_lease_stale_save_and_remote_changes(qtbot, ctx, library, clock, tmp_path):
    """Desktop A (小王) and desktop B (小李) on one library, each with its own context."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from evidencekit.store import Library
    from ui.case_view import CaseView
    from ui.context import AppContext
    from ui.settings import UiSettings
    ctx.set_staff("小王")
    lib_b = Library.open(library.root, clock=clock)
    ctx_b = AppContext(lib_b, settings=UiSettings(QSettings(str(tmp_path / "b.ini"), QSettings.IniFormat)),
                       clock=clock)
    ctx_b.set_staff("小李")
    try:
        case = make_case(library, clock, order_no="A1")
        view_a, view_b = CaseView(ctx), CaseView(ctx_b)
        qtbot.addWidget(view_a)
        qtbot.addWidget(view_b)
        view_a.open_case(case.id)
        settle(qtbot, ctx)
        view_b.open_case(case.id)
        settle(qtbot, ctx_b)
        # B sees that A has it open; A sees nobody else
        qtbot.waitUntil(lambda: view_b.lease.other == "小王")
        assert not view_b.editing_note.isHidden() and "小王" in view_b.editing_note.text()
        assert view_a.editing_note.isHidden()

        # A saves first; B's save from the older version is refused with who and when
        view_a.facts.texts["product"].setText("杯子")
        view_a.facts._on_text_finished("product")
        settle(qtbot, ctx)
        view_b.facts.texts["product"].setText("碗")
        with qtbot.waitSignal(ctx_b.presenter.error_shown) as shown:
            view_b.facts._on_text_finished("product")
        assert "小王" in shown.args[0]
        assert library.get_case(case.id).product == "杯子"  # not overwritten
        box = view_b.findChild(QMessageBox, "staleCase")  # the message, with a Refresh button
        refresh = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole)
        refresh.click()
        qtbot.waitUntil(lambda: view_b.case.product == "杯子"
                        and view_b.facts.texts["product"].text() == "杯子")
        view_b.facts.texts["product"].setText("碗")
        view_b.facts._on_text_finished("product")  # from the newest version: saved
        settle(qtbot, ctx_b)
        assert library.get_case(case.id).product == "碗"
        assert library.log(case.id)[-1].actor == "小李"

        # another desktop's new case reaches B as an announced change (the log feed, SQLite)
        ctx_b.remote.timer.setInterval(20)
        ctx_b.remote.start()
        with qtbot.waitSignal(ctx_b.changes_applied, timeout=5000,
                              check_params_cb=lambda ch: bool(ch.case_ids)) as got:
            new = make_case(library, clock, order_no="A2")
        assert got.args[0].case_ids == frozenset({new.id})

        # A's desktop dies (no give-back): after the lease period B no longer sees it edited
        clock.advance(seconds=121)
        view_b.lease.renew()
        qtbot.waitUntil(lambda: view_b.lease.other == "")
        assert view_b.editing_note.isHidden()
    finally:
        ctx_b.shutdown()
        lib_b.close()
