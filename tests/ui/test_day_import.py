"""Issue 12, items 3 and 6: duplicates, an import cut short and offered again, progress and
Cancel on a big import, refused files summed up, and a language switch that keeps both the
refused rows and the undo history."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evidencekit.store.imports import import_file_done, remember_import

from .conftest import DATA, make_case, wait_imports


def _photos(tmp_path, n, name="IMG_{:03d}.jpg"):
    folder = tmp_path / "photos"
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(n):
        p = folder / name.format(i)
        data = (DATA / "photo_exif.jpg").read_bytes() + i.to_bytes(4, "big")  # distinct bytes
        p.write_bytes(data)
        out.append(p)
    return out


def test_a_file_the_case_holds_asks_skip_or_add_anyway(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    window.open_case(case.id)
    panel = window.case_view.evidence
    asked = []
    ctx.importer.duplicate_asker = lambda cid, dups, answer: (asked.append(dups),
                                                              answer(False))  # skip
    copy = tmp_path / "聊天记录（再导出）.txt"
    shutil.copyfile(DATA / "chat_gbk.txt", copy)
    panel.add_paths([copy, DATA / "trace_kuaidi100.json"])
    wait_imports(qtbot, ctx)
    assert len(asked) == 1 and [p.name for p, ex, _k in asked[0]] == [copy.name]
    assert asked[0][0][1].position == 1  # the exhibit that holds it
    names = [e.source_name for e in ctx.lib.list_exhibits(case.id)]
    assert names == ["chat_gbk.txt", "trace_kuaidi100.json"]
    assert panel.model.imports() == []  # skipped, not refused
    ctx.importer.duplicate_asker = lambda cid, dups, answer: answer(True)  # add anyway
    panel.add_paths([copy])
    wait_imports(qtbot, ctx)
    assert [e.source_name for e in ctx.lib.list_exhibits(case.id)][-1] == copy.name


def test_the_duplicate_prompt_skips_by_default(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    ex = ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    window.open_case(case.id)
    window.case_view.evidence.add_paths([DATA / "chat_gbk.txt"])  # the real prompt, not a stub
    qtbot.waitUntil(lambda: window.import_prompts.duplicate_box is not None, timeout=20000)
    box = window.findChild(QMessageBox, "duplicatePrompt")
    assert box is not None and "chat_gbk.txt" in box.informativeText()
    assert f"E{ex.position}" in box.informativeText()
    qtbot.keyClick(box, Qt.Key_Escape)  # skip
    qtbot.waitUntil(lambda: window.import_prompts.duplicate_box is None, timeout=3000)
    wait_imports(qtbot, ctx)
    assert len(ctx.lib.list_exhibits(case.id)) == 1


def test_an_import_cut_short_is_offered_at_the_next_start(qtbot, ctx, clock, tmp_path):
    from ui.main_window import MainWindow
    case = make_case(ctx.lib, clock)
    files = _photos(tmp_path, 8)
    # What a killed run leaves: the batch was noted, three files went in, then nothing.
    record = remember_import(ctx.lib, case.id, files)
    for f in files[:3]:
        ctx.lib.attach(case.id, f)
        import_file_done(ctx.lib, record, f)
    ctx.lib.attach(case.id, files[3])  # attached, but killed before it was ticked off
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.import_prompts.resume_box is not None, timeout=3000)
    box = w.import_prompts.resume_box
    assert case.case_no in box.text() and "5" in box.text()
    resume = next(b for b in box.buttons() if b.text() == "继续添加")
    qtbot.mouseClick(resume, Qt.LeftButton)
    wait_imports(qtbot, ctx)
    names = sorted(e.source_name for e in ctx.lib.list_exhibits(case.id))
    assert names == sorted(f.name for f in files)  # each once: the fourth was not added twice
    assert w.case_view.case.id == case.id
    assert ctx.importer.unfinished() == []
    w.close()


def test_closing_mid_import_leaves_the_rest_to_resume(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    files = _photos(tmp_path, 30)
    window.open_case(case.id)
    window.case_view.evidence.add_paths(files)
    qtbot.waitUntil(lambda: len(ctx.lib.list_exhibits(case.id)) >= 2, timeout=20000)
    window.close()  # cancels the import and waits for the writer
    left = ctx.importer.unfinished()
    attached = {e.source_name for e in ctx.lib.list_exhibits(case.id)}
    assert len(left) == 1 and left[0]["case_id"] == case.id
    assert set(left[0]["files"]) | {str(f) for f in files if f.name in attached} >= \
        {str(f) for f in files}
    assert len(attached) < 30 and len(left[0]["files"]) <= 30 - len(attached) + 1


def test_big_import_shows_progress_and_can_be_cancelled(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    files = _photos(tmp_path, 40)
    window.open_case(case.id)
    panel = window.case_view.evidence
    seen = []
    ctx.importer.progressed.connect(lambda cid, done, total: seen.append((done, total)))
    panel.add_paths(files)
    assert panel.import_bar.isVisible() and panel.import_bar.progress.isVisible()
    assert panel.import_bar.progress.maximum() == 40 and panel.import_bar.cancel.isVisible()
    qtbot.waitUntil(lambda: panel.import_bar.progress.value() >= 3, timeout=20000)
    assert "40" in panel.import_bar.label.text()
    qtbot.mouseClick(panel.import_bar.cancel, Qt.LeftButton)
    wait_imports(qtbot, ctx)
    count = len(ctx.lib.list_exhibits(case.id))
    assert 3 <= count < 40
    assert panel.model.imports() == []  # cancelled files are not "refused"
    assert not panel.import_bar.progress.isVisible()
    assert ctx.importer.unfinished() == []  # the user stopped it: nothing to offer later
    assert seen[-1][1] == 40


def test_refused_files_are_summed_up_and_scrolled_to(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    _photos(tmp_path, 25)
    bad = tmp_path / "photos" / "zz_broken.jpg"
    shutil.copyfile(DATA / "random_bytes.jpg", bad)
    empty = tmp_path / "photos" / "zz_empty.txt"
    empty.write_bytes(b"")
    window.resize(1366, 768)
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.add_paths([tmp_path / "photos"])
    wait_imports(qtbot, ctx)
    assert len(ctx.lib.list_exhibits(case.id)) == 25
    summary = panel.import_bar.label.text()
    assert "25" in summary and "2" in summary and "href" in summary
    assert panel.import_bar.isVisible()
    row = panel.model.first_failed_row()
    assert row == 25
    def shown():
        rect = panel.table.visualRect(panel.model.index(row, 0))
        return panel.table.viewport().rect().intersects(rect)
    qtbot.waitUntil(shown, timeout=3000)  # scrolled into view once the layout has settled


def test_refused_rows_stay_in_view_while_late_exhibits_arrive(qtbot, window, ctx, clock, tmp_path):
    """Under load the batch can finish before the view's last redraw: exhibits then arrive
    above the refused rows. The list follows the refused rows until the user scrolls."""
    from PySide6.QtWidgets import QAbstractSlider
    case = make_case(ctx.lib, clock)
    _photos(tmp_path, 25)
    shutil.copyfile(DATA / "random_bytes.jpg", tmp_path / "photos" / "zz_broken.jpg")
    window.resize(1366, 768)
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.add_paths([tmp_path / "photos"])
    wait_imports(qtbot, ctx)
    exhibits = ctx.lib.list_exhibits(case.id)
    case_now = ctx.lib.get_case(case.id)
    panel.set_case(case_now, exhibits[:5], {})  # as if the last 20 had not been drawn yet
    panel.show_refused()
    qtbot.wait(50)
    panel.set_case(case_now, exhibits, {})  # they arrive, above the refused row

    def shown():
        rect = panel.table.visualRect(panel.model.index(panel.model.first_failed_row(), 0))
        return panel.table.viewport().rect().intersects(rect)
    qtbot.waitUntil(shown, timeout=3000)
    panel.table.verticalScrollBar().triggerAction(QAbstractSlider.SliderToMinimum)
    panel.set_case(case_now, exhibits[:5], {})
    panel.set_case(case_now, exhibits, {})
    qtbot.wait(50)
    assert not shown()  # the user scrolled away: the list stays where they put it


def test_language_switch_keeps_refused_rows_and_undo(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "photo_exif.jpg")
    window.open_case(case.id)
    panel = window.case_view.evidence
    panel.add_paths([DATA / "random_bytes.jpg"])
    wait_imports(qtbot, ctx)
    panel.select_exhibits([ctx.lib.list_exhibits(case.id)[0].id])
    panel.set_kind("packing_record")
    assert window.case_view.undo_stack.canUndo()
    qtbot.waitUntil(lambda: ctx.lib.list_exhibits(case.id)[0].kind == "packing_record",
                    timeout=5000)  # the write is an op on the writer thread
    ctx.set_language("en")
    panel = window.case_view.evidence
    refused = [i for i in panel.model.imports() if i.status == "failed"]
    assert [i.path.name for i in refused] == ["random_bytes.jpg"]
    row = panel.model.first_failed_row()
    text = panel.model.index(row, 5).data()
    assert text and not any("\u4e00" <= ch <= "\u9fff" for ch in text)  # now in English
    assert window.case_view.undo_stack.canUndo()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: ctx.lib.list_exhibits(case.id)[0].kind == "photo", timeout=5000)
    ctx.set_language("zh_CN")
