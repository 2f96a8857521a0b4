"""Recording the dispute's events in the facts form: the stage moves as the core decides and a
stopped clock shows met/late in the banner, not a red alarm."""

from __future__ import annotations

from datetime import timedelta

from .conftest import make_case, settle


def test_recording_an_event_moves_the_stage_and_stops_the_clock(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, intervention_at=clock() - timedelta(hours=10))
    window.case_list.reload()
    window.open_case(case.id)
    view = window.case_view
    assert [d.id for d in view.banner.current]  # the evidence clock runs
    form = view.facts
    for name in ("replied_at", "refund_handled_at", "evidence_submitted_at",
                 "supplement_requested_at", "remedied_at", "appeal_decided_at"):
        assert name in form.instants
    form.instants["evidence_submitted_at"].check.setChecked(True)  # now, in the display zone
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: ctx.lib.get_case(case.id).stage == "submitted", timeout=5000)
    qtbot.waitUntil(lambda: form.stage.currentData() == "submitted", timeout=5000)
    stopped = {d.state for d in view.banner.stopped}
    assert "met" in stopped and "overdue" not in {d.state for d in view.banner.current}
    assert any("按时" in t or "met" in t for t in view.banner.stopped_texts()), view.banner.stopped_texts()


def test_a_late_event_shows_late_not_an_alarm(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock, intervention_at=clock() - timedelta(hours=60),
                     evidence_submitted_at=clock() - timedelta(hours=2), stage="submitted")
    window.case_list.reload()
    window.open_case(case.id)
    banner = window.case_view.banner
    late = [d for d in banner.stopped if d.state == "late"]
    assert late and late[0].late_seconds == 10 * 3600
    assert not any(d.state == "overdue" for d in banner.current)
    assert any("10小时" in t for t in banner.stopped_texts()), banner.stopped_texts()
