"""Export from the app: confirmation for missing items, progress, success, cancel, failure."""

from __future__ import annotations

from .conftest import DATA, make_case

PHOTOS = ["photo_exif.jpg", "photo_rotated.jpg", "photo_gps.jpg", "photo_blurred.jpg"]


def _ready_case(ctx, clock):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    ctx.lib.attach(case.id, DATA / "trace_kuaidi100.json")
    ctx.lib.update_case(case.id, statement="轨迹显示已签收（见 E2），沟通记录见 E1。")
    return case


def test_export_succeeds_and_is_recorded(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    window.open_case(case.id)
    dlg = window.export_bundle()
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    dlg.destination.setText(str(out))
    dlg.confirm_missing = lambda missing: (_ for _ in ()).throw(AssertionError(missing))
    steps = []
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
        dlg.job.progressed.connect(lambda f, zh, en: steps.append((f, zh)))
    assert out.is_file() and out.stat().st_size > 1000
    assert steps and steps[-1][0] == 1.0
    assert dlg.progress.value() == 1000
    assert dlg.preview_button.isVisible()
    exports = ctx.lib.exports(case.id)  # a draft: not a submission until the user says so
    assert len(exports) == 1 and [f["path"] for f in exports[0]["files"]] == [str(out)]
    assert exports[0]["audience"] == "platform" and dlg.mask.isChecked()
    assert ctx.lib.submissions(case.id) == []
    preview = dlg.show_preview()
    assert preview.ok and preview.view.page_count() >= 3
    preview.close()


def test_missing_items_need_confirmation(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")  # the trace is missing
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "b.pdf"))
    ctx.lib.update_case(case.id, statement="买家于【签收时间】签收。")
    asked = []
    dlg.confirm_missing = lambda missing: asked.append(missing) or False
    assert not dlg.start()
    assert len(asked[0]) == 2 and "物流轨迹" in asked[0][0] and "【签收时间】" in asked[0][1]
    assert not (tmp_path / "b.pdf").exists()
    dlg.confirm_missing = lambda missing: True
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    assert (tmp_path / "b.pdf").exists()
    # the records copy is the merchant's own: nothing to confirm, the archive profile picks it
    dlg.profile.setCurrentIndex(dlg.profile.findData("archive"))
    assert dlg.audience.currentData() == "records" and not dlg.mask.isChecked()
    dlg.destination.setText(str(tmp_path / "r.pdf"))
    dlg.confirm_missing = lambda missing: (_ for _ in ()).throw(AssertionError(missing))
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    assert ctx.lib.exports(case.id)[-1]["audience"] == "records"  # a draft, for the records


def test_cancel_export_leaves_nothing(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    for name in PHOTOS * 3:
        copy = tmp_path / f"{len(list(tmp_path.iterdir()))}_{name}"
        copy.write_bytes((DATA / name).read_bytes() + b"\0" * len(str(copy)))
        ctx.lib.attach(case.id, copy)
    window.open_case(case.id)
    dlg = window.export_bundle()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dlg.destination.setText(str(out_dir / "bundle.pdf"))
    with qtbot.waitSignal(dlg.export_cancelled, timeout=60000):
        assert dlg.start()
        dlg.cancel()
    assert list(out_dir.iterdir()) == []
    assert dlg.export_button.isEnabled()
    assert ctx.lib.exports(case.id) == []


def test_export_failure_is_shown_plainly(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "no-such-folder" / "b.pdf"))
    with qtbot.waitSignal(dlg.export_failed, timeout=30000):
        dlg.start()
    assert "no-such-folder" in dlg.step.text() or "不存在" in dlg.step.text()
    assert "Traceback" not in dlg.step.text()
    assert not (tmp_path / "no-such-folder").exists()


def test_closing_window_during_export_cancels(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "c.pdf"))
    dlg.start()
    window.close()
    assert not ctx.runner.busy or ctx.runner.wait(1000)
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".c.pdf")]
    assert leftovers == []


def test_history_tab_lists_submission_and_log(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "h.pdf"))
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        dlg.start()
    dlg.close()
    window.findChild(type(window.act_new), "tabHistory").trigger()
    text = window.case_view.history.toPlainText()
    assert "h.pdf" in text and "SHA-256" in text
    assert "添加证据" in text and "exhibit_added" not in text, text  # exports are listed above, not in the action log


def test_encrypted_pdf_password_reused_or_asked_at_export(qtbot, window, ctx, clock, tmp_path):
    case = make_case(ctx.lib, clock, dispute_type="quality_issue")
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    ctx.importer.password_provider = lambda path, was_wrong: "8888"
    window.open_case(case.id)
    window.case_view.evidence.add_paths([DATA / "encrypted_8888.pdf"], kind="inspection_report")
    from .conftest import wait_imports
    wait_imports(qtbot, ctx)
    # Same session: the password given at attach time opens it.
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "a.pdf"))
    dlg.ask_password = lambda ex: (_ for _ in ()).throw(AssertionError("asked"))
    dlg.confirm_missing = lambda missing: True
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    dlg.close()
    # A new session knows no passwords: the export asks; a wrong one fails plainly.
    ctx.passwords.clear()
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "b.pdf"))
    dlg.confirm_missing = lambda missing: True
    dlg.ask_password = lambda ex: "wrong"
    with qtbot.waitSignal(dlg.export_failed, timeout=60000):
        assert dlg.start()
    assert not (tmp_path / "b.pdf").exists() and ctx.passwords == {}
    asked = []
    dlg.ask_password = lambda ex: asked.append(ex.source_name) or "8888"
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    assert asked == ["encrypted_8888.pdf"]


def test_worklog_tab_adds_edits_removes_and_meets_the_item(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, dispute_type="refund_dispute")
    window.open_case(case.id)
    view = window.case_view
    panel = view.worklog
    view.tabs.setCurrentWidget(panel)
    assert any(i.kind == "work_order_log" and i.status == "missing" for i in view.items)
    texts = lambda: [e.text for e in ctx.lib.worklog(case.id)]  # noqa: E731
    panel.text.setText("用户反馈磨脚")
    assert panel.add_entry()
    qtbot.waitUntil(lambda: texts() == ["用户反馈磨脚"] and panel.text.text() == "")
    clock.advance(minutes=5)
    panel.set_case(ctx.lib.get_case(case.id))
    panel.text.setText("联系用户，提出换货")
    assert panel.add_entry()
    qtbot.waitUntil(lambda: len(texts()) == 2 and panel.table.rowCount() == 2)
    assert texts() == ["用户反馈磨脚", "联系用户，提出换货"]
    panel.table.item(0, 1).setText("用户反馈鞋子磨脚")  # as an in-place edit does
    qtbot.waitUntil(lambda: texts()[0] == "用户反馈鞋子磨脚")
    panel.table.item(0, 1).setText("  ")  # refused: empty; the stored text comes back
    qtbot.waitUntil(lambda: panel.error.isVisible())
    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == "用户反馈鞋子磨脚")
    panel.table.selectRow(1)
    panel.remove_selected()
    qtbot.waitUntil(lambda: texts() == ["用户反馈鞋子磨脚"])
    view.refresh()
    assert any(i.kind == "work_order_log" and i.status == "ok" for i in view.items)


def test_scanned_merged_page_is_named_after_export(qtbot, window, ctx, clock, tmp_path):
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas
    scan = tmp_path / "scan.jpg"
    Image.new("RGB", (300, 200), (200, 200, 200)).save(scan)
    pdf = tmp_path / "courier_scan.pdf"
    c = Canvas(str(pdf), invariant=1)
    c.drawImage(str(scan), 72, 400, 300, 200)
    c.showPage()
    c.save()
    case = _ready_case(ctx, clock)
    ctx.lib.attach(case.id, pdf, kind="courier_proof")
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(tmp_path / "b.pdf"))
    dlg.confirm_missing = lambda missing: (_ for _ in ()).throw(AssertionError(missing))
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    assert "E3 第1页是扫描件，无法自动遮挡，请人工检查" in dlg.step.text()


def test_existing_destination_asks_to_replace_and_replaces_whole(qtbot, window, ctx, clock, tmp_path,
                                                                  monkeypatch):
    case = _ready_case(ctx, clock)
    window.open_case(case.id)
    out = tmp_path / "out" / "b.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF-1.4 the clerk's earlier bundle\n")
    old = out.read_bytes()
    dlg = window.export_bundle()
    dlg.destination.setText(str(out))
    dlg.confirm_missing = lambda missing: True
    asked = []
    dlg.confirm_replace = lambda names: asked.append(names) or False
    assert not dlg.start()  # "No": nothing is written
    assert asked == [[str(out)]] and out.read_bytes() == old and ctx.lib.exports(case.id) == []
    # "Yes", but the export fails before it is complete: the old file is untouched
    import evidencekit.export.pipeline as pipeline

    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(pipeline, "fit_ladder", broken)
    dlg.confirm_replace = lambda names: True
    with qtbot.waitSignal(dlg.export_failed, timeout=60000):
        assert dlg.start()
    assert out.read_bytes() == old
    monkeypatch.undo()
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    new = out.read_bytes()
    assert new != old and new.startswith(b"%PDF") and b"%%EOF" in new[-1024:]
    assert [p.name for p in out.parent.iterdir()] == ["b.pdf"]  # no partial left beside it
    assert [f["path"] for f in ctx.lib.exports(case.id)[0]["files"]] == [str(out)]
