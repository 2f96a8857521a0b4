"""A dispute is a process: instants move stages, clocks stop at their events (met/late),
submissions keep the exact bytes, decisions close, closed cases are read-only."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from evidencekit import deadlines, queue
from evidencekit.errors import AppealLimitReached, CaseClosed, DestinationExists, UsageError
from evidencekit.export import export_bundle, source_from_library
from evidencekit.lifecycle import diff_submissions
from evidencekit.rules import load_rules
from evidencekit.submission import submit
from evidencekit.timeutil import parse_instant

CHAT = ("2024-09-17 11:45:01 顾客: 收到的杯子碎了\n"
        "2024-09-17 11:46:10 小店客服: 您好，麻烦拍一下照片\n")
T0 = parse_instant("2024-09-17T10:00+08:00")


def _case(library, **fields):
    return library.create_case(platform="douyin", dispute_type="refund_dispute", order_no="O-1",
                               **fields)


def _attach(library, case, tmp_path, name, text=CHAT, **kw):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return library.attach(case.id, p, **kw)


def _export(library, case, tmp_path, name, mode="arbitration"):
    src = source_from_library(library, case.id, mode, library.clock())
    rep = export_bundle(src, tmp_path / name, mode=mode, now=library.clock(), allow_incomplete=True)
    library.record_export(case.id, mode=mode, profile=rep.profile, files=rep.files,
                          bundle_sha256s=rep.bundle_sha256s, manifest_sha256=rep.manifest_sha256,
                          bundle_id=rep.bundle_id, pages=rep.pages)
    return rep


def _clock(library, case, clock_id, now):
    return {d.id: d for d in library.clocks(library.get_case(case.id), now)}.get(clock_id)


# ---- stages -----------------------------------------------------------------------------
def test_instants_move_the_stage_forward_never_back(library):
    case = _case(library, request_at=T0)
    assert case.stage == "request"
    case = library.update_case(case.id, intervention_at=T0 + timedelta(hours=30))
    assert case.stage == "intervention"  # --intervention-at alone starts the evidence clock
    (ev,) = [d for d in library.clocks(case, T0 + timedelta(hours=31)) if d.id == "evidence"]
    assert ev.running and ev.due == T0 + timedelta(hours=78)
    case = library.update_case(case.id, evidence_submitted_at=T0 + timedelta(hours=40))
    assert case.stage == "submitted"
    case = library.update_case(case.id, judgment_at=T0 + timedelta(days=3))
    assert case.stage == "judged"
    # an earlier-stage instant recorded later never moves the case back
    case = library.update_case(case.id, replied_at=T0 + timedelta(hours=2))
    assert case.stage == "judged"
    case = library.update_case(case.id, appeal_submitted_at=T0 + timedelta(days=4))
    assert case.stage == "appeal"
    # only an explicit stage moves back, and that is logged as such
    case = library.update_case(case.id, stage="judged")
    assert case.stage == "judged"
    assert library.log(case.id)[-1].action == "stage_moved_back"
    assert "appeal → judged" in library.log(case.id)[-1].detail
    case = library.update_case(case.id, appeal_decided_at=T0 + timedelta(days=9))
    assert case.stage == "closed"


# ---- every clock's stop event: met and late -------------------------------------------------
DOUYIN_STOPS = [  # clock, start instant, stop instant, hours, extra fields
    ("reply", "request_at", "replied_at", 24, {}),
    ("refund_handling", "request_at", "refund_handled_at", 48, {}),
    ("evidence", "intervention_at", "evidence_submitted_at", 48, {}),
    ("supplement", "supplement_requested_at", "supplement_submitted_at", 72, {}),
    ("remedy", "judgment_at", "remedied_at", 24, {"judgment_against_merchant": True}),
    ("appeal", "judgment_at", "appeal_submitted_at", 168, {}),
]


@pytest.mark.parametrize("clock_id,start,stop,hours,extra", DOUYIN_STOPS)
@pytest.mark.parametrize("late", [False, True])
def test_each_clock_stops_at_its_event(library, clock_id, start, stop, hours, extra, late):
    case = _case(library, **{start: T0}, **extra)
    running = _clock(library, case, clock_id, T0 + timedelta(hours=1))
    assert running is not None and running.running and running.due == T0 + timedelta(hours=hours)
    stopped_at = T0 + timedelta(hours=hours + 5 if late else hours - 1)
    library.update_case(case.id, **{stop: stopped_at})
    d = _clock(library, case, clock_id, T0 + timedelta(days=30))
    assert d.stopped_at == stopped_at and d.remaining_seconds is None
    assert d.state == ("late" if late else "met")
    assert d.late_seconds == (5 * 3600 if late else 0)
    assert d.to_dict()["stopped_at"] and set(d.to_dict()) == {
        "id", "name_zh", "name_en", "due", "state", "remaining_seconds", "stopped_at",
        "late_seconds", "source"}


def test_refund_handling_stops_on_escalation(library):
    case = _case(library, request_at=T0)
    library.update_case(case.id, intervention_at=T0 + timedelta(hours=50))
    d = _clock(library, case, "refund_handling", T0 + timedelta(days=3))
    assert d.state == "late" and d.late_seconds == 2 * 3600


def test_refund_handling_applies_to_every_dispute_type(library):
    for dtype in ("lost_parcel", "counterfeit", "malicious_claim"):
        case = library.create_case(platform="douyin", dispute_type=dtype, order_no=dtype,
                                   request_at=T0)
        assert _clock(library, case, "refund_handling", T0) is not None, dtype


def test_clock_keeps_the_hours_it_started_with(library):
    case = _case(library, intervention_at=T0)
    assert library.get_case(case.id).clock_hours == {"evidence": 48}
    # the rule file is edited later: 24 h. The running clock keeps 48 h; a new start takes 24 h.
    rules = library.rules
    douyin = rules.platforms["douyin"]
    from dataclasses import replace
    edited = tuple(replace(c, hours=24) if c.id == "evidence" else c for c in douyin.clocks)
    rules.platforms["douyin"] = replace(douyin, clocks=edited)
    assert _clock(library, case, "evidence", T0).due == T0 + timedelta(hours=48)
    other = _case(library, intervention_at=T0)
    assert _clock(library, other, "evidence", T0).due == T0 + timedelta(hours=24)


# ---- exports and submissions -------------------------------------------------------------
def test_submit_keeps_bytes_stops_clock_and_moves_stage(library, tmp_path, clock):
    case = _case(library)
    library.update_case(case.id, intervention_at=clock.now - timedelta(hours=10))
    _attach(library, case, tmp_path, "chat.txt", kind="chat_log")
    rep = _export(library, case, tmp_path, "bundle.pdf")
    assert library.submissions(case.id) == [] and len(library.exports(case.id)) == 1
    original = rep.files[0].read_bytes()
    clock.advance(hours=1)
    sub = submit(library, case.id, rep.files)
    case = library.get_case(case.id)
    assert case.stage == "submitted" and case.evidence_submitted_at == clock.now
    assert _clock(library, case, "evidence", clock.now + timedelta(days=9)).state == "met"
    (f,) = sub["files"]
    assert f["sha256"] == hashlib.sha256(original).hexdigest() and f["stored"] and f["pages"] > 0
    assert [e["number"] for e in sub["exhibits"]] == ["E1"]
    # the exported file is deleted: the submitted bundle is still there, byte-identical
    rep.files[0].unlink()
    ((name, path),) = library.submission_files(sub["id"])
    assert name == "bundle.pdf" and path.read_bytes() == original
    assert library.fsck().ok and library.fsck().submitted_files_checked == 1
    # the draft record can be deleted; the submission stays
    library.delete_export(library.exports(case.id)[0]["id"])
    assert library.exports(case.id) == [] and len(library.submissions(case.id)) == 1


def test_submit_refuses_a_bundle_of_another_case(library, tmp_path):
    a, b = _case(library), _case(library)
    _attach(library, a, tmp_path, "chat.txt", kind="chat_log")
    rep = _export(library, a, tmp_path, "a.pdf")
    with pytest.raises(UsageError, match="EK-00001"):
        submit(library, b.id, rep.files)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(Exception) as e:
        submit(library, a.id, [plain])
    assert getattr(e.value, "exit_code", 0) == 2
    assert library.submissions(a.id) == [] and library.submissions(b.id) == []


def test_appeal_limit_new_evidence_and_diff(library, tmp_path, clock):
    case = _case(library, intervention_at=clock.now)
    _attach(library, case, tmp_path, "chat.txt", kind="chat_log", caption="聊天")
    first = submit(library, case.id, _export(library, case, tmp_path, "ev.pdf").files)
    clock.advance(days=2)
    library.decide(case.id, "lost")
    case = library.get_case(case.id)
    assert case.stage == "judged" and case.outcome == "lost" and case.judgment_against_merchant
    # new evidence is computed from submissions; nothing new yet: the appeal checklist says so
    from evidencekit import checklist
    items = {i.kind: i for i in checklist.evaluate(case, library.list_exhibits(case.id),
                                                   library.rules, "appeal", now=clock.now)}
    assert items["new_evidence"].status == "missing"
    clock.advance(hours=1)
    new = _attach(library, case, tmp_path, "voucher.txt", kind="after_sale_voucher",
                  text="2024-09-20 10:00:00 客服: 已退款\n2024-09-20 10:01:00 顾客: 好\n")
    old = library.list_exhibits(case.id)[0]
    assert new.is_new and not old.is_new and new.new_override is None
    library.update_exhibit(old.id, caption="完整聊天记录")
    library.update_case(case.id, statement="判定依据与事实不符。", judgment_ref="PJ-1")
    appeal = submit(library, case.id, _export(library, case, tmp_path, "ap.pdf", "appeal").files,
                            as_kind="appeal")
    case = library.get_case(case.id)
    assert case.stage == "appeal" and case.appeals_total == 1
    assert deadlines.appeals_left(case, library.rules) == 0
    # diff: the voucher was added, the chat's caption changed, the statement changed
    d = diff_submissions(first, appeal)
    assert [e["sha256"] for e in d.added] == [new.sha256] and d.removed == []
    assert d.changed[0]["caption"] == ["聊天", "完整聊天记录"] and d.statement_changed
    # Douyin allows one appeal: a second is refused unless forced with a reason (logged)
    again = _export(library, case, tmp_path, "ap2.pdf", "appeal").files
    with pytest.raises(AppealLimitReached):
        submit(library, case.id, again, as_kind="appeal")
    with pytest.raises(UsageError):
        submit(library, case.id, again, as_kind="appeal", force=True)
    assert len(library.submissions(case.id)) == 2
    submit(library, case.id, again, as_kind="appeal", force=True, reason="平台客服重新开放申诉")
    (entry,) = [e for e in library.log(case.id) if e.action == "appeal_limit_overridden"]
    assert "平台客服重新开放申诉" in entry.detail


def test_manual_appeals_correction_counts(library):
    case = _case(library, judgment_at=T0)
    case = library.update_case(case.id, appeals_used=1)
    assert case.appeals_total == 1 and deadlines.appeals_left(case, library.rules) == 0
    for bad in (-1, 11):
        with pytest.raises(UsageError):
            library.update_case(case.id, appeals_used=bad)


# ---- decisions and closing ---------------------------------------------------------------
def test_decision_closes_and_closed_case_is_read_only(library, tmp_path, clock):
    case = _case(library, intervention_at=clock.now)
    ex = _attach(library, case, tmp_path, "chat.txt", kind="chat_log")
    submit(library, case.id, _export(library, case, tmp_path, "ev.pdf").files)
    with pytest.raises(UsageError):  # with a submission, the outcome comes from a decision
        library.update_case(case.id, outcome="won")
    clock.advance(days=1)
    library.decide(case.id, "won", ref="PJ-9")
    case = library.get_case(case.id)
    assert case.stage == "closed" and case.outcome == "won" and case.judgment_ref == "PJ-9"
    assert library.submissions(case.id)[0]["decision"]["decision"] == "won"
    for attempt in (lambda: library.update_case(case.id, notes="x"),
                    lambda: _attach(library, case, tmp_path, "more.txt"),
                    lambda: library.update_exhibit(ex.id, caption="y"),
                    lambda: library.remove_exhibit(ex.id),
                    lambda: library.decide(case.id, "lost")):
        with pytest.raises(CaseClosed) as e:
            attempt()
        assert e.value.exit_code == 2
    assert library.get_case(case.id).notes == "" and len(library.list_exhibits(case.id)) == 1
    with pytest.raises(UsageError):
        library.reopen_case(case.id, " ")
    case = library.reopen_case(case.id, "买家再次投诉")
    assert case.stage == "judged" and case.closed_at is None
    assert library.log(case.id)[-1].action == "case_reopened"
    assert library.update_case(case.id, notes="x").notes == "x"
    # the history reads these as sentences, not codes
    from evidencekit.log_text import log_sentence
    said = {e.action: log_sentence(e, "zh") for e in library.log(case.id)}
    assert said["decided"].startswith("平台结果（提交 #1，举证）：胜诉")
    assert said["submitted"].startswith("登记提交到平台：#1 evidence")
    assert said["case_reopened"] == "重新打开案件：closed → judged: 买家再次投诉" or \
        said["case_reopened"].startswith("重新打开案件：")


def test_outcome_by_hand_without_submissions(library):
    case = _case(library)
    assert library.update_case(case.id, outcome="refunded").outcome == "refunded"


# ---- overwrite ----------------------------------------------------------------------------
def test_export_refuses_an_existing_destination(library, tmp_path):
    case = _case(library)
    _attach(library, case, tmp_path, "chat.txt", kind="chat_log")
    out = tmp_path / "b.pdf"
    out.write_bytes(b"mine")
    src = source_from_library(library, case.id, "arbitration", library.clock())
    with pytest.raises(DestinationExists) as e:
        export_bundle(src, out, now=library.clock(), allow_incomplete=True)
    assert e.value.exit_code == 2 and out.read_bytes() == b"mine"
    export_bundle(src, out, now=library.clock(), overwrite=True, allow_incomplete=True)
    assert out.read_bytes().startswith(b"%PDF")


def test_default_names_fit_the_profile():
    from evidencekit.export.naming import default_name
    from evidencekit.export.profiles import load_profiles
    profiles = load_profiles()
    assert default_name("EK-00012", "appeal", 2) == "EK-00012-申诉-v2.pdf"
    name = default_name("EK-00012", "appeal", 2, profiles["mastercom"])
    assert len(name) - 4 <= 16 - 4 and name.isascii() and name[:-4].isalnum(), name
    assert default_name("EK-00012", "arbitration", 1, profiles["douyin"]) == "EK-00012-举证-v1.pdf"


# ---- the work queue ----------------------------------------------------------------------
def test_queue_buckets_with_precedence():
    rules = load_rules()
    from evidencekit.domain import Case
    now = T0 + timedelta(hours=30)

    def mk(i, **kw):
        return Case(id=i, case_no=f"EK-{i:05d}", platform="douyin", dispute_type="lost_parcel",
                    order_no=str(i), **kw)
    cases = [mk(1, stage="request", request_at=T0),  # reply overdue (and refund due soon)
             mk(2, stage="intervention", intervention_at=T0 - timedelta(hours=8)),  # due in 10 h
             mk(3, stage="intervention", intervention_at=T0 + timedelta(hours=29)),  # 47 h left
             mk(4, stage="submitted", intervention_at=T0, evidence_submitted_at=T0),
             mk(5, stage="closed", closed_at=T0),
             mk(6, stage="request")]  # no clock yet: still to do
    rows = [{"case": c, "deadlines": deadlines.compute(c, rules, now)} for c in cases]
    views = queue.build(rows)
    assert {b: [r["case"].id for r in v] for b, v in views.items()} == {
        "overdue": [1], "due_soon": [2], "pending": [3, 6], "awaiting": [4], "closed": [5]}
    assert sum(queue.counts(views).values()) == len(cases)


def test_queue_from_the_case_list_rows(library):
    from evidencekit.summary import case_rows
    _case(library, request_at=T0)
    _case(library, intervention_at=T0)
    views = queue.build(case_rows(library, T0 + timedelta(hours=30)))
    assert queue.counts(views) == {"overdue": 1, "due_soon": 0, "pending": 1, "awaiting": 0,
                                   "closed": 0}
