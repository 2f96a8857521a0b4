"""The issue's "done when": a signed-but-not-received case from intake to an arbitration bundle
and an appeal bundle, through the app's widgets only."""

from __future__ import annotations

from .conftest import DATA, wait_imports


def _export(qtbot, window, mode, path):
    dlg = window.export_bundle()
    dlg.mode.setCurrentIndex(dlg.mode.findData(mode))
    dlg.destination.setText(str(path))
    dlg.confirm_missing = lambda missing: (_ for _ in ()).throw(AssertionError(missing))
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        assert dlg.start()
    dlg.close()
    assert path.is_file()


def test_signed_not_received_intake_to_appeal(qtbot, window, ctx, clock, tmp_path):
    # Intake (Ctrl+N).
    dlg = window.new_case()
    dlg.dispute_type.setCurrentIndex(dlg.dispute_type.findData("signed_not_received"))
    dlg.order_no.setText("6921853301417")
    dlg.buyer.setText("张三")
    dlg.buyer_phone.setText("13812341234")
    dlg.accept()
    qtbot.waitUntil(window.in_case)
    view = window.case_view
    case_id = view.case.id

    # Evidence: the trace with the signed event and the chat log, dropped together.
    view.evidence.add_paths([DATA / "trace_kuaidi100.json", DATA / "chat_gbk.txt"])
    wait_imports(qtbot, ctx)
    qtbot.waitUntil(lambda: view.checklist.title.text().endswith("2/2"))
    _export(qtbot, window, "arbitration", tmp_path / "arbitration.pdf")

    # The platform rules against the shop; the appeal clock starts.
    clock.advance(hours=30)
    form = view.facts
    form.stage.setCurrentIndex(form.stage.findData("judged"))
    form.stage.activated.emit(form.stage.currentIndex())
    form.instants["judgment_at"].check.setChecked(True)
    form.texts["judgment_ref"].setText("PD-2024-0917-0032")
    form.texts["judgment_ref"].editingFinished.emit()
    view.checklist.set_mode("appeal")
    qtbot.wait(300)
    assert any("申诉" in t for t in view.banner.chip_texts())
    missing = [i.kind for i in view.checklist.model.items() if i.status == "missing" and i.required]
    assert missing == ["appeal_statement", "new_evidence"]

    # New evidence (the courier's signature proof) and a calm statement from the template.
    view.evidence.add_paths([DATA / "batch_certificate.pdf"], kind="courier_proof")
    wait_imports(qtbot, ctx)
    assert ctx.lib.list_exhibits(case_id)[-1].is_new
    view.tabs.setCurrentWidget(view.statement)
    view.statement.apply_template()
    qtbot.wait(300)
    assert all(i.status != "missing" for i in view.checklist.model.items() if i.required)
    _export(qtbot, window, "appeal", tmp_path / "appeal.pdf")
    assert [s["mode"] for s in ctx.lib.exports(case_id)] == ["arbitration", "appeal"]  # drafts
