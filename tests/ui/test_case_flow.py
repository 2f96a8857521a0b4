"""Intake to checklist: create a case, drop files, watch the checklist and deadlines update."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from evidencekit import checklist

from .conftest import DATA, make_case, settle, wait_imports


def test_new_case_dialog_creates_and_opens_case(qtbot, window, ctx):
    dlg = window.new_case()
    qtbot.waitExposed(dlg)
    dlg.dispute_type.setCurrentIndex(dlg.dispute_type.findData("signed_not_received"))
    qtbot.keyClicks(dlg.order_no, "6900000000001")
    dlg.buyer.setText("李四")  # keyClicks only types ASCII
    qtbot.keyClicks(dlg.amount, "59.9")
    dlg.accept()
    settle(qtbot, ctx)
    assert dlg.created_case is not None
    case = ctx.lib.get_case(dlg.created_case.id)
    assert case.order_no == "6900000000001"
    assert case.amount == "59.90"
    assert case.stage == "intervention"
    assert case.intervention_at == ctx.now()
    qtbot.waitUntil(lambda: window.in_case())
    assert window.case_view.case.id == case.id
    assert window.case_list.model.rowCount() == 1
    # The evidence clock (48 h) runs from the chosen instant.
    assert any("48" in t or "2天" in t or "1天" in t for t in window.case_view.banner.chip_texts())


def test_new_case_requires_order_number(qtbot, window, ctx):
    dlg = window.new_case()
    dlg.accept()
    assert dlg.created_case is None and dlg.isVisible()
    assert dlg.error.text()
    assert ctx.lib.list_cases() == []
    dlg.reject()


def test_tiktok_case_asks_the_store_zone(qtbot, window, ctx):
    dlg = window.new_case()
    qtbot.waitExposed(dlg)
    assert not dlg.zone.isVisible()  # Douyin's zone is the platform's
    dlg.platform.setCurrentIndex(dlg.platform.findData("tiktok_shop"))
    assert dlg.zone.isVisible() and dlg.zone.findText("Asia/Bangkok") >= 0
    assert dlg.dispute_type.findData("return_not_received") >= 0  # TikTok's own reasons
    assert dlg.dispute_type.findData("quality_issue") < 0
    qtbot.keyClicks(dlg.order_no, "577000111")
    dlg.accept()  # no zone chosen: asked, nothing made
    assert dlg.created_case is None and dlg.error.text() and ctx.lib.list_cases() == []
    dlg.zone.setEditText("Asia/Bangkok")
    dlg.accept()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(dlg.created_case.id).zone == "Asia/Bangkok"


def test_drop_files_updates_checklist(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    window.open_case(case.id)
    view = window.case_view
    assert view.checklist.title.text().endswith("0/2")

    # A real drop event on the evidence table: a chat log and a signed trace.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "chat_gbk.txt")),
                  QUrl.fromLocalFile(str(DATA / "trace_kuaidi100.json"))])
    viewport = view.evidence.table.viewport()
    point = viewport.rect().center()
    pos = QPointF(point)
    # What a desktop drag delivers: enter, move, drop (enter/move take QPoint, drop QPointF).
    for event in (QDragEnterEvent(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier),
                  QDragMoveEvent(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier),
                  QDropEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)):
        QApplication.sendEvent(viewport, event)
    assert event.isAccepted()
    wait_imports(qtbot, ctx)

    kinds = sorted(e.kind for e in ctx.lib.list_exhibits(case.id))
    assert kinds == ["chat_log", "logistics_trace"]
    qtbot.waitUntil(lambda: view.checklist.title.text().endswith("2/2"))
    assert view.evidence.model.rowCount() == 2
    # The case list shows the same progress (its rows refresh at most twice a second).
    model = window.case_list.model
    qtbot.waitUntil(lambda: model.rows()[model.row_of(case.id)].checklist == (2, 2), timeout=3000)


def test_refused_file_is_shown_inline_and_rest_of_drop_goes_on(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    window.open_case(case.id)
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(DATA / "empty.txt", folder / "a_empty.txt")
    shutil.copy(DATA / "photo_exif.jpg", folder / "b_photo.jpg")
    shutil.copy(DATA / "truncated.pdf", folder / "c_broken.pdf")
    shutil.copy(DATA / "chat_gbk.txt", folder / "d_chat.txt")
    panel = window.case_view.evidence
    assert panel.add_paths([folder]) == 4  # a folder drop is expanded
    wait_imports(qtbot, ctx)
    names = sorted(e.source_name for e in ctx.lib.list_exhibits(case.id))
    assert names == ["b_photo.jpg", "d_chat.txt"]
    failed = [i for i in panel.model.imports() if i.status == "failed"]
    assert sorted(i.path.name for i in failed) == ["a_empty.txt", "c_broken.pdf"]
    assert all(i.message for i in failed)
    panel.model.clear_failed()
    assert panel.model.rowCount() == 2


def test_encrypted_pdf_asks_for_password(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="quality_issue")
    window.open_case(case.id)
    asked = []

    def provider(path, was_wrong):
        asked.append(was_wrong)
        return "wrong" if len(asked) == 1 else "8888"

    ctx.importer.password_provider = provider
    window.case_view.evidence.add_paths([DATA / "encrypted_8888.pdf"])
    wait_imports(qtbot, ctx)
    assert asked == [False, True]
    exhibits = ctx.lib.list_exhibits(case.id)
    assert len(exhibits) == 1 and exhibits[0].source_name == "encrypted_8888.pdf"


def test_encrypted_pdf_without_password_is_refused(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="quality_issue")
    window.open_case(case.id)
    ctx.importer.password_provider = lambda path, was_wrong: None
    window.case_view.evidence.add_paths([DATA / "encrypted_8888.pdf"])
    wait_imports(qtbot, ctx)
    assert ctx.lib.list_exhibits(case.id) == []
    failed = window.case_view.evidence.model.imports()
    assert failed and failed[0].status == "failed"


def test_missing_checklist_item_opens_picker_with_kind(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.open_case(case.id)
    asked = []
    window.case_view.evidence.file_picker = lambda kind: asked.append(kind) or [DATA / "trace_pasted.txt"]
    panel = window.case_view.checklist
    first = panel.model.index(0)
    assert first.data(Qt.UserRole + 3) == "missing"
    panel.view.clicked.emit(first)
    assert asked == ["logistics_trace"]
    wait_imports(qtbot, ctx)
    exhibits = ctx.lib.list_exhibits(case.id)
    assert [e.kind for e in exhibits] == ["logistics_trace"]
    # Clicking the now-met item selects its exhibit.
    qtbot.waitUntil(lambda: panel.model.index(0).data(Qt.UserRole + 3) != "missing")
    panel.view.clicked.emit(panel.model.index(0))
    assert window.case_view.evidence.selected_ids() == [exhibits[0].id]


def test_deadline_banner_follows_the_clock(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    window.open_case(case.id)
    banner = window.case_view.banner
    assert [c.property("state") for c in banner._chips] == ["ok"]
    clock.advance(hours=37)
    ctx.tick()
    assert [c.property("state") for c in banner._chips] == ["due_soon"]
    clock.advance(hours=10)
    ctx.tick()
    assert [c.property("state") for c in banner._chips] == ["critical"]
    clock.advance(hours=2)
    ctx.tick()
    assert [c.property("state") for c in banner._chips] == ["overdue"]
    row = window.case_list.model.row_of(case.id)
    assert window.case_list.model.rows()[row].urgent.state == "overdue"


def test_facts_form_saves_and_restarts_clocks(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", intervention_at=None,
                     judgment_at=clock())
    window.open_case(case.id)
    form = window.case_view.facts
    window.case_view.tabs.setCurrentWidget(form)
    form.texts["judgment_ref"].setText("PD-2024-0918-001")
    form.texts["judgment_ref"].editingFinished.emit()
    settle(qtbot, ctx)
    assert ctx.lib.get_case(case.id).judgment_ref == "PD-2024-0918-001"
    form.against.setChecked(True)
    settle(qtbot, ctx)
    qtbot.wait(200)
    chips = window.case_view.banner.chip_texts()
    assert len(chips) == 2  # remedy (24 h) and appeal (7 days)
    form.instants["judgment_at"].check.setChecked(False)
    settle(qtbot, ctx)
    qtbot.wait(200)
    assert ctx.lib.get_case(case.id).judgment_at is None
    assert window.case_view.banner.chip_texts() == []


def test_checklist_in_appeal_mode(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", judgment_at=clock(), judgment_ref="PD-1")
    window.open_case(case.id)
    view = window.case_view
    assert view.mode == "appeal"
    kinds = [i.kind for i in view.checklist.model.items()]
    assert "appeal_statement" in kinds and "new_evidence" in kinds
    assert view.statement.points_box.isVisibleTo(view.statement)
    items = checklist.evaluate(ctx.lib.get_case(case.id), [], ctx.lib.rules, "appeal", now=ctx.now())
    assert len(items) == view.checklist.model.rowCount()


def test_closing_during_import_cancels_and_waits(qtbot, window, ctx, clock, tmp_path):
    from .photos import make_photos
    make_photos(tmp_path / "many", 60, size=(1200, 900))
    case = make_case(ctx.lib, clock, dispute_type="seven_day_return")
    window.open_case(case.id)
    window.case_view.evidence.add_paths([tmp_path / "many"])
    qtbot.waitUntil(lambda: len(ctx.lib.list_exhibits(case.id)) >= 1, timeout=10000)
    window.close()  # cancels the queue and waits for the writer thread
    assert not any(t.is_alive() for t in __import__("threading").enumerate()
                   if t.name.startswith("Thread (pooled)"))
    n = len(ctx.lib.list_exhibits(case.id))
    assert 1 <= n < 60
    # Nothing half-written: every exhibit has its blob and no temp files are left.
    for e in ctx.lib.list_exhibits(case.id):
        assert ctx.lib.blob_path(e.sha256).is_file()
    assert not list((ctx.lib.root / "blobs" / "tmp").glob("*.part"))
    report = ctx.lib.fsck()  # every original whole, none missing, none left without its exhibit
    assert report.ok, report.lines("en")
    assert report.exhibits_checked == n


def test_python_m_ui_starts(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, EVIDENCEKIT_LIBRARY=str(tmp_path / "lib"), EVIDENCEKIT_BENCH_STARTUP="1",
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    r = subprocess.run([sys.executable, "-m", "ui"], env=env, capture_output=True, text=True,
                       timeout=60, cwd=root)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "startup_seconds" in r.stdout and (tmp_path / "lib" / "evidencekit.db").exists()


def test_trash_case_from_the_list(qtbot, window, ctx, clock):
    from PySide6.QtWidgets import QMessageBox
    case = make_case(ctx.lib, clock)
    keep = make_case(ctx.lib, clock, order_no="keep")
    window.case_list.reload()
    window.case_list.select_case(case.id)
    window.act_trash.trigger()
    box = window.findChild(QMessageBox)
    assert case.order_no in box.text()
    box.done(QMessageBox.Yes)
    settle(qtbot, ctx)
    assert [c.id for c in ctx.lib.list_cases()] == [keep.id]
    assert window.case_list.model.rowCount() == 1


def test_search_and_filters(qtbot, window, ctx, clock):
    make_case(ctx.lib, clock, order_no="111", buyer_name="王五")
    make_case(ctx.lib, clock, order_no="222", dispute_type="quality_issue")
    window.case_list.reload()
    page = window.case_list
    window.act_find.trigger()
    assert page.search.hasFocus() or not window.isActiveWindow()
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("王五")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.search_applied):
        page.search.clear()
    page.dispute_type.setCurrentIndex(page.dispute_type.findData("quality_issue"))
    assert page.model.rowCount() == 1
    assert "1" in page.count.text() and "2" in page.count.text()
