"""The issue's "done when": a signed-but-not-received case from intake to an arbitration bundle
and an appeal bundle, through the app's widgets only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evidencekit.templates import BLANK
from ui.models.points_model import COL_BASIS, COL_FACT

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
    # A platform copy needs the merchant's statement (else the dialog asks first).
    view.tabs.setCurrentWidget(view.statement)
    view.statement.text.setPlainText("轨迹显示包裹已于 9 月 16 日签收（见 E1），沟通记录见 E2。")
    view.statement.save()
    qtbot.waitUntil(lambda: ctx.lib.get_case(case_id).statement.strip() != "")
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

    def missing():
        return [i.kind for i in view.checklist.model.items() if i.status == "missing" and i.required]
    # the writes go through the writer and the view redraws after them: wait for what a user sees
    qtbot.waitUntil(lambda: any("申诉" in t for t in view.banner.chip_texts()), timeout=20000)
    qtbot.waitUntil(lambda: missing() == ["new_evidence"], timeout=20000)  # the statement counts

    # New evidence (the courier's signature proof) and a calm statement from the template.
    view.evidence.add_paths([DATA / "batch_certificate.pdf"], kind="courier_proof")
    wait_imports(qtbot, ctx)
    assert ctx.lib.list_exhibits(case_id)[-1].is_new
    view.tabs.setCurrentWidget(view.statement)
    view.statement.text.clear()
    view.statement.apply_template()
    # The template's blanks 【…】 are highlighted; the merchant fills each one in.
    editor = view.statement
    assert any(BLANK.search(p.basis + p.fact) for p in editor.points.points())
    editor.text.setPlainText(BLANK.sub("9 月 16 日 14:02", editor.text.toPlainText()))
    for row in range(editor.points.rowCount()):
        for col in (COL_BASIS, COL_FACT):
            index = editor.points.index(row, col)
            editor.points.setData(index, BLANK.sub("9 月 16 日 14:02", index.data()), Qt.EditRole)
    editor.save()
    assert editor.highlighter.blank_count() == 0
    # The editor's saves have all landed, with the points (before they land the case has no
    # points at all, and "no point has a blank" held at once: the export then read the
    # template's first save, 1 run in 4 under load).
    def filled_in_library() -> bool:
        case = ctx.lib.get_case(case_id)
        return editor._in_flight == 0 and bool(case.appeal_points) and not BLANK.search(
            case.statement + "".join(p.basis + p.fact for p in case.appeal_points))
    qtbot.waitUntil(filled_in_library, timeout=20000)
    qtbot.waitUntil(lambda: missing() == [], timeout=20000)
    _export(qtbot, window, "appeal", tmp_path / "appeal.pdf")
    assert [s["mode"] for s in ctx.lib.exports(case_id)] == ["arbitration", "appeal"]  # drafts
