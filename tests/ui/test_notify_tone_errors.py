"""Deadline notifications, the tone check, templates, error presentation and the runner."""

from __future__ import annotations

from evidencekit.errors import Cancelled, IngestError
from evidencekit.rules import load_rules
from evidencekit.templates import fill, load_templates, templates_for
from ui.tone import check_tone

from .conftest import make_case, settle


def test_notification_when_case_becomes_due_soon(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    window.notifier.prime(window.case_list.model.rows())
    seen = []
    window.notifier.notified.connect(lambda cid, state, msg: seen.append((cid, state, msg)))
    clock.advance(hours=10)
    ctx.tick()
    assert seen == []
    clock.advance(hours=27)  # 11 h left of 48: due soon
    ctx.tick()
    assert [(c, s) for c, s, _ in seen] == [(case.id, "due_soon")]
    assert case.order_no in seen[0][2]
    ctx.tick()  # no repeat while the state stays the same
    assert len(seen) == 1
    clock.advance(hours=10)
    ctx.tick()
    assert [s for _, s, _ in seen] == ["due_soon", "critical"]


def test_timer_drives_the_clock(window):
    assert window.timer.isActive() and window.timer.interval() == 60_000


def test_tone_check_flags_emotion_gently():
    codes = {n.code for n in check_tone("你这个骗子！！我要投诉到底，这就是恶意索赔")}
    assert {"exclamations", "insult", "threat", "label_malicious"} <= codes
    assert check_tone("买家于 9 月 17 日 11:45 反馈包裹未收到，轨迹显示已于 9 月 16 日签收（见 E2）。") == []
    assert {n.code for n in check_tone("This is a SCAM, you will regret it!!")} >= {"exclamations", "insult", "threat"}


def test_statement_editor_warns_and_applies_template(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, stage="judged", judgment_at=clock(), judgment_ref="PD-7")
    window.open_case(case.id)
    editor = window.case_view.statement
    window.case_view.tabs.setCurrentWidget(editor)
    editor.text.setPlainText("买家是骗子！！")
    assert editor.tone.isVisible() and "exclamations" in editor.tone_codes()
    editor.text.clear()
    assert not editor.tone.isVisible()
    assert editor.template.count() >= 2
    assert editor.template.currentData() == "app_signed"  # the type's own template first
    editor.apply_template()
    settle(qtbot, ctx)
    saved = ctx.lib.get_case(case.id)
    assert "PD-7" in saved.statement and case.order_no in saved.statement
    assert saved.appeal_points and saved.appeal_points[0].basis
    # blanks left to fill are highlighted in the editor
    editor.text.setPlainText("买家于【签收时间】签收，见快件【杭州市】")
    assert editor.highlighter.blank_count() == 1
    qtbot.wait(300)
    assert window.case_view.checklist.model.items()[-3].status == "ok"  # appeal statement


def test_every_dispute_type_has_templates_in_both_languages():
    templates = load_templates()
    rules = load_rules()
    for platform in rules.platforms.values():
        for t in platform.dispute_types:
            for mode in ("arbitration", "appeal"):
                found = templates_for(templates, t.id, mode)
                assert found and found[0].dispute_types, (t.id, mode)
    for t in templates:
        assert t.text_zh and t.text_en and t.title_zh and t.title_en
        assert not check_tone(t.text_zh) and not check_tone(t.text_en), t.id
    assert fill("订单 {order_no}", None) == "订单 【order_no】"


def test_known_error_shown_plainly_unknown_with_details(qtbot, ctx):
    shown = []
    ctx.presenter.error_shown.connect(shown.append)
    ctx.presenter.show(IngestError("文件是空的", "The file is empty", hint_zh="请重新导出"))
    box = ctx.presenter.boxes[-1]
    assert box.text() == "文件是空的" and box.informativeText() == "请重新导出"
    box.done(0)
    ctx.presenter.show(ValueError("boom"))
    box = ctx.presenter.boxes[-1]
    assert "boom" not in box.text() and "Traceback" not in box.text()
    assert any(b.text() in ("Copy details", "复制详细信息") for b in box.buttons())
    box.done(0)
    ctx.presenter.show(Cancelled())  # cancelling is not an error
    assert len(shown) == 2


def test_runner_delivers_on_main_thread_and_cancels(qtbot, ctx):
    import threading
    main = threading.get_ident()
    where = []

    def work(progress, cancel):
        progress(0.5, "一半", "half")
        return threading.get_ident()

    job = ctx.runner.run("t", work, on_success=lambda v: where.append((v, threading.get_ident())))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert where and where[0][0] != main and where[0][1] == main

    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        while not cancel.is_set():
            threading.Event().wait(0.01)
        raise Cancelled()

    job = ctx.runner.run("slow", slow)
    started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    failing = ctx.runner.run("fail", lambda p, c: 1 / 0)
    with qtbot.waitSignal(failing.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ZeroDivisionError)
    assert "ZeroDivisionError" in blocker.args[0].details


def test_excepthooks_route_to_the_presenter(qtbot, ctx):
    import sys
    import threading

    from ui.errors import install_excepthooks
    old_sys, old_thread = sys.excepthook, threading.excepthook
    shown = []
    ctx.presenter.error_shown.connect(shown.append)
    try:
        install_excepthooks(ctx.presenter)
        try:
            raise KeyError("main thread")
        except KeyError as e:
            sys.excepthook(type(e), e, e.__traceback__)
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=3000)
        assert all("Traceback" not in s and "main thread" not in s for s in shown)
    finally:
        sys.excepthook, threading.excepthook = old_sys, old_thread
        for box in list(ctx.presenter.boxes):
            box.done(0)
