"""After the bundle, in the app: mark an export as submitted (export dialog, history), the appeal
limit's refusal and its explicit override, the platform's decision, the submitted bytes
opened after the exported file was deleted."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from .conftest import DATA, make_case, settle


def _ready_case(ctx, clock, **fields):
    case = make_case(ctx.lib, clock, **fields)
    ctx.lib.attach(case.id, DATA / "chat_gbk.txt")
    ctx.lib.attach(case.id, DATA / "trace_kuaidi100.json")
    return case


def _export(qtbot, window, case, out: Path):
    window.open_case(case.id)
    dlg = window.export_bundle()
    dlg.destination.setText(str(out))
    dlg.confirm_missing = lambda missing: True
    with qtbot.waitSignal(dlg.export_finished, timeout=60000):
        dlg.start()
    return dlg


def test_mark_as_submitted_from_the_export_dialog(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    dlg = _export(qtbot, window, case, tmp_path / "s.pdf")
    assert dlg.submitted_button.isVisible()
    mark = dlg.mark_submitted()
    assert mark.kind.currentData() == "evidence"
    with qtbot.waitSignal(mark.accepted, timeout=20000):
        mark.buttons.button(mark.buttons.StandardButton.Ok).click()
    settle(qtbot, ctx)
    subs = ctx.lib.submissions(case.id)
    assert len(subs) == 1 and subs[0]["as"] == "evidence"
    assert subs[0]["files"][0]["name"] == "s.pdf" and subs[0]["files"][0]["stored"]
    assert ctx.lib.get_case(case.id).stage == "submitted"
    assert not dlg.submitted_button.isVisible()
    dlg.close()
    window.case_list.reload()
    model = window.case_list.model
    assert model.row_at(model.row_of(case.id)).bucket == "awaiting"  # 待平台判定
    window.case_view.tabs.setCurrentWidget(window.case_view.history)
    text = window.case_view.history.toPlainText()
    assert f"#{subs[0]['id']}" in text and subs[0]["files"][0]["sha256"] in text


def test_decide_from_history_and_open_submitted_bundle_after_delete(
        qtbot, window, ctx, clock, tmp_path, monkeypatch):
    case = _ready_case(ctx, clock)
    out = tmp_path / "d.pdf"
    _export(qtbot, window, case, out).close()
    original = hashlib.sha256(out.read_bytes()).hexdigest()
    hist = window.case_view.history
    window.case_view.tabs.setCurrentWidget(hist)
    export_id = ctx.lib.exports(case.id)[0]["id"]
    # actions are buttons on the record (a desktop app's), not links in a text
    from PySide6.QtWidgets import QPushButton
    assert hist.findChild(QPushButton, "submit%d" % export_id).text()
    assert hist.findChild(QPushButton, "delete%d" % export_id).isEnabled()
    clock.advance(hours=1)
    mark = hist.mark_submitted(export_id)
    with qtbot.waitSignal(mark.accepted, timeout=20000):
        mark.submit()
    settle(qtbot, ctx)
    sub = ctx.lib.submissions(case.id)[0]
    out.unlink()  # the exported file is gone: the kept bytes still open
    opened = []
    from PySide6.QtGui import QDesktopServices
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    copies = hist.open_submission(sub["id"])
    assert opened == [str(copies[0])] and copies[0].name == "d.pdf"
    assert hashlib.sha256(copies[0].read_bytes()).hexdigest() == original == sub["files"][0]["sha256"]
    # the decision
    clock.advance(hours=30)
    dec = hist.decide(sub["id"])
    dec.decision.setCurrentIndex(dec.decision.findData("lost"))
    dec.ref.setText("JD-1")
    with qtbot.waitSignal(dec.accepted, timeout=20000):
        dec.decide()
    settle(qtbot, ctx)
    [d] = ctx.lib.decisions(case.id)
    assert d["decision"] == "lost" and d["ref"] == "JD-1" and d["submission_id"] == sub["id"]
    assert ctx.lib.get_case(case.id).stage == "judged"
    qtbot.waitUntil(lambda: "JD-1" in hist.toPlainText(), timeout=5000)


def test_appeal_at_the_limit_is_refused_then_forced_with_reason(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock, stage="judged", judgment_at=clock(), appeals_used=1)
    dlg = _export(qtbot, window, case, tmp_path / "a.pdf")
    mark = dlg.mark_submitted()
    mark.kind.setCurrentIndex(mark.kind.findData("appeal"))
    mark.submit()
    qtbot.waitUntil(mark.refusal.isVisible, timeout=20000)
    assert mark.force.isVisible() and ctx.lib.submissions(case.id) == []
    mark.force.setChecked(True)
    mark.submit()  # no reason yet: still refused
    settle(qtbot, ctx)
    assert ctx.lib.submissions(case.id) == [] and mark.isVisible()
    mark.reason.setText("平台客服同意再申诉一次")
    with qtbot.waitSignal(mark.accepted, timeout=20000):
        mark.submit()
    settle(qtbot, ctx)
    [sub] = ctx.lib.submissions(case.id)
    assert sub["as"] == "appeal" and "再申诉" in sub["forced_reason"]
    dlg.close()


def test_draft_export_record_deletable(qtbot, window, ctx, clock, tmp_path):
    case = _ready_case(ctx, clock)
    out = tmp_path / "x.pdf"
    _export(qtbot, window, case, out).close()
    hist = window.case_view.history
    window.case_view.tabs.setCurrentWidget(hist)
    hist.confirm = lambda text: True
    from PySide6.QtWidgets import QPushButton
    name = "delete%d" % ctx.lib.exports(case.id)[0]["id"]
    qtbot.waitUntil(lambda: hist.findChild(QPushButton, name) is not None, timeout=5000)
    hist.findChild(QPushButton, name).click()
    settle(qtbot, ctx)
    assert ctx.lib.exports(case.id) == [] and out.exists()


def test_opened_copies_live_in_one_folder_per_run_and_stale_ones_are_swept(tmp_path, monkeypatch):
    import os
    import tempfile

    from ui import submission_dialogs as sd
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sd, "_opened", None)
    stale = tmp_path / "evidencekit-submission-3-abc"  # left by an older version
    (stale / "x.pdf").parent.mkdir()
    (stale / "x.pdf").write_bytes(b"%PDF")
    (stale / "x.pdf").chmod(0o444)
    fresh = tmp_path / "evidencekit-opened-otherrun"  # another run, still open
    fresh.mkdir()
    day_ago = time.time() - 25 * 3600
    os.utime(stale, (day_ago, day_ago))
    folder = sd.opened_folder()
    assert not stale.exists() and fresh.exists()
    assert folder.parent == tmp_path and sd.opened_folder() == folder  # one per run
    (folder / "c.pdf").write_bytes(b"%PDF")
    (folder / "c.pdf").chmod(0o444)
    sd._remove_tree(folder)  # what quitting does: read-only copies go too
    assert not folder.exists()
