"""Case summaries kept by the library: they follow every change and match a live evaluation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from evidencekit import checklist, deadlines
from evidencekit.rules import builtin_rules_dir
from evidencekit.store import Library
from evidencekit.store.schema import case_summaries, cases
from evidencekit.timeutil import parse_instant, to_iso

pytestmark = pytest.mark.usefixtures("engine")

DATA = Path(__file__).resolve().parents[1] / "data"
T0 = parse_instant("2024-09-17T10:00+08:00")


def _case(lib, order="4938123", **kw):
    return lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=order, **kw)


def _kept(lib, case_id):
    return {c.id: s for c, s in lib.case_list_rows(trash=False)}[case_id]


def _live(lib, case, now):
    """What the list showed before summaries were kept: clocks and checklist evaluated now."""
    exhibits = lib.list_exhibits(case.id)
    running = deadlines.compute(case, lib.rules, now)
    met, required = checklist.progress(checklist.evaluate(case, exhibits, lib.rules, "arbitration", now=now))
    return (min((d.due for d in running), default=None), met, required, len(exhibits))


def test_summary_follows_case_and_exhibit_changes(library, clock):
    case = _case(library, request_at=T0)
    s = _kept(library, case.id)
    assert s.next_due == T0 + timedelta(hours=24) and s.next_due_clock == "reply"
    assert (s.checklist_met, s.checklist_required, s.exhibit_count) == (0, 2, 0)

    chat = library.attach(case.id, DATA / "chat_gbk.txt", kind="chat_log")
    s = _kept(library, case.id)
    assert (s.checklist_met, s.exhibit_count) == (1, 1)
    report = library.attach(case.id, DATA / "inspection_report.pdf", kind="inspection_report")
    assert (_kept(library, case.id).checklist_met, _kept(library, case.id).exhibit_count) == (2, 2)

    library.update_exhibit(report.id, kind="other")  # no longer an inspection report
    assert _kept(library, case.id).checklist_met == 1
    library.remove_exhibit(chat.id)
    assert (_kept(library, case.id).checklist_met, _kept(library, case.id).exhibit_count) == (0, 1)
    library.restore_exhibit(chat.id)
    assert _kept(library, case.id).exhibit_count == 2

    library.update_case(case.id, stage="intervention", intervention_at=T0 + timedelta(hours=30))
    s = _kept(library, case.id)
    assert s.next_due == T0 + timedelta(hours=78) and s.next_due_clock == "evidence"
    library.update_case(case.id, stage="closed")
    assert _kept(library, case.id).next_due is None


def test_kept_summaries_equal_a_live_evaluation(library, clock):
    made = [
        _case(library, "1", request_at=T0),
        _case(library, "2", request_at=T0, stage="intervention", intervention_at=T0 + timedelta(hours=5)),
        _case(library, "3", request_at=T0, stage="judged", judgment_at=T0 + timedelta(days=3),
              judgment_against_merchant=True),
        _case(library, "4"),
    ]
    library.attach(made[1].id, DATA / "chat_gbk.txt", kind="chat_log")
    library.attach(made[2].id, DATA / "photo_exif.jpg", kind="photo")
    rows = library.case_list_rows()
    assert {c.id for c, _ in rows} == {c.id for c in made}
    for case, s in rows:
        assert (s.next_due, s.checklist_met, s.checklist_required, s.exhibit_count) == \
            _live(library, case, clock.now), case.order_no
        state = s.deadline_state(library.rules, case.platform, clock.now)
        urgent = deadlines.most_urgent(deadlines.compute(case, library.rules, clock.now))
        assert state == (urgent.state if urgent else None)


def test_list_order_is_most_urgent_first_and_pages_add_up(library, clock):
    for i, hours in enumerate([50, 5, None, 20, None, 1]):
        kw = {"request_at": T0 + timedelta(hours=hours)} if hours is not None else {}
        _case(library, f"O{i}", **kw)
        clock.advance(minutes=1)  # distinct updated_at: cases without clocks, newest first
    rows = library.case_list_rows()
    assert [c.order_no for c, _ in rows] == ["O5", "O1", "O3", "O0", "O4", "O2"]
    pages = [library.case_list_rows(limit=4, offset=0), library.case_list_rows(limit=4, offset=4)]
    assert [c.id for page in pages for c, _ in page] == [c.id for c, _ in rows]
    trashed = rows[0][0]
    library.delete_case(trashed.id)
    assert trashed.id not in {c.id for c, _ in library.case_list_rows()}
    assert [c.id for c, _ in library.case_list_rows(trash=True)] == [trashed.id]


def test_a_rolled_back_change_leaves_its_summary_as_it_was(library):
    case = _case(library, request_at=T0)
    before = _kept(library, case.id)
    with pytest.raises(RuntimeError):
        with library.transaction():
            library.update_case(case.id, stage="closed")
            _case(library, "never")
            raise RuntimeError("cancelled")
    assert _kept(library, case.id) == before
    assert [c.order_no for c, _ in library.case_list_rows()] == ["4938123"]


def test_missing_or_stale_summaries_are_computed_when_read(library, tmp_path):
    case = _case(library, request_at=T0)
    other = _case(library, "2", request_at=T0)
    with library.db.write() as conn:  # as after the upgrade that added the table
        conn.execute(delete(case_summaries).where(case_summaries.c.case_id == case.id))
        # a write that bypassed the library's log (its row changed, its summary did not)
        conn.execute(update(cases).where(cases.c.id == other.id).values(
            stage="closed", updated_at=to_iso(T0 + timedelta(days=5))))
    kept = {c.id: s for c, s in library.case_list_rows()}
    assert kept[case.id].next_due == T0 + timedelta(hours=24)
    assert kept[other.id].next_due is None  # closed: no clock runs


def test_the_list_filters_on_the_summaries_copies_which_follow_the_case(library):
    """The list filters on copies of the case fields in the summary (its stage, platform,
    type, assignee, whether in the trash): a change through the library moves them with the
    case; one that bypassed it (the row changed, not its last-change instant) makes the
    summary stale, and the next check brings the copies back in line."""
    from evidencekit.case_summary import CaseFilter
    case = _case(library, request_at=T0)
    library.assign_case(case.id, "小王")
    mine = CaseFilter(assignee="小王")
    assert library.case_list_count(mine) == 1
    library.delete_case(case.id)
    assert library.case_list_count(mine) == 0 and library.case_list_count(trash=True) == 1
    library.restore_case(case.id)
    with library.db.write() as conn:
        conn.execute(update(cases).where(cases.c.id == case.id).values(assignee="小李",
                                                                         stage="appeal"))
    assert library.case_list_count(mine) == 1  # not checked yet: the copy is as it was
    library.refresh_case_summaries()
    assert library.case_list_count(mine) == 0
    assert library.case_list_count(CaseFilter(assignee="小李", stage="appeal")) == 1
    with library.db.write() as conn:
        conn.execute(update(cases).where(cases.c.id == case.id).values(deleted_at=to_iso(T0)))
    library.refresh_case_summaries(trash=True)
    assert library.case_list_count(trash=True) == 1 and library.case_list_count() == 0


def test_the_rules_fingerprint_does_not_depend_on_where_the_rule_files_lie(tmp_path):
    """Two desktops of a team library (or the app installed in another folder) with the same
    rules keep each other's summaries: only what the rules say makes them stale."""
    from evidencekit.case_summary import rules_key
    from evidencekit.rules import load_rules
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        for f in builtin_rules_dir().glob("*.toml"):
            (tmp_path / name / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    a, b = load_rules(tmp_path / "a"), load_rules(tmp_path / "b")
    assert {p.source for p in a.platforms.values()} != {p.source for p in b.platforms.values()}
    assert rules_key(a) == rules_key(b)
    text = (tmp_path / "b" / "douyin.toml").read_text(encoding="utf-8")
    (tmp_path / "b" / "douyin.toml").write_text(text.replace("due_soon_hours = 12", "due_soon_hours = 10"),
                                               encoding="utf-8")
    assert "due_soon_hours = 12" in text
    assert rules_key(load_rules(tmp_path / "b")) != rules_key(a)


def test_edited_rules_make_summaries_stale(tmp_path, clock):
    root = tmp_path / "lib"
    with Library.open(root, clock=clock) as lib:
        case = _case(lib, request_at=T0)
        kept = _kept(lib, case.id)
        assert (kept.checklist_met, kept.checklist_required) == (0, 2)
        assert kept.missing == ("inspection_report", "chat_log")
    # A running clock keeps the hours it started with (issue 9), so a rule edit shows in the
    # checklist: quality issues no longer require the inspection report.
    text = (builtin_rules_dir() / "douyin.toml").read_text(encoding="utf-8")
    old = 'required = ["inspection_report", "chat_log"]'
    assert old in text
    (root / "rules" / "douyin.toml").write_text(text.replace(old, 'required = ["chat_log"]', 1),
                                                encoding="utf-8")
    with Library.open(root, clock=clock) as lib:
        kept = _kept(lib, case.id)
        assert (kept.checklist_met, kept.checklist_required) == (0, 1)
        assert kept.missing == ("chat_log",)
        assert kept.next_due == T0 + timedelta(hours=24)


def test_summaries_follow_submissions_and_decisions_and_are_computed_in_batches(
        library, clock, tmp_path, monkeypatch):
    from evidencekit.store import summaries
    monkeypatch.setattr(summaries, "BATCH", 2)  # five cases: three batches
    made = [_case(library, f"S{i}", intervention_at=T0) for i in range(5)]
    assert {_kept(library, c.id).next_due_clock for c in made} == {"evidence"}
    bundle = tmp_path / "EK-00001.pdf"
    bundle.write_bytes(b"%PDF-1.4 not really\n")
    manifest = {"bundle_id": "b-1", "case": {"case_no": made[0].case_no}, "files": [bundle.name],
                "exhibits": [], "mode": "arbitration"}
    library.record_submission(made[0].id, [(bundle, manifest, True)], as_kind="evidence",
                              at=T0 + timedelta(hours=1))
    assert _kept(library, made[0].id).next_due is None  # the submission stopped the clock
    library.decide(made[0].id, "lost", at=T0 + timedelta(days=2))
    after = _kept(library, made[0].id)
    assert after.next_due_clock == "remedy"  # judged against the merchant: the remedy clock runs
    # Kept summaries equal what is computed from scratch, also after all are dropped and
    # computed again in batches.
    rows = library.case_list_rows()
    assert len(rows) == 5 and all(s == library.summarize_case(c) for c, s in rows)
    with library.db.write() as conn:
        conn.execute(delete(case_summaries))
    assert [s for _c, s in library.case_list_rows()] == [s for _c, s in rows]


def test_upgrade_to_0013_fills_the_copies_from_the_cases(library, tmp_path, clock):
    """A library kept before the copies (revision 0012): the upgrade fills them from the case
    rows, so no summary is computed again and the list filters at once."""
    from sqlalchemy import text

    from evidencekit.case_summary import CaseFilter
    from evidencekit.store import summaries
    mine = _case(library, request_at=T0)
    library.assign_case(mine.id, "小王")
    gone = _case(library, "2", stage="appeal")
    library.delete_case(gone.id)
    library.refresh_case_summaries(trash=True)
    with library.db.write() as conn:  # as revision 0012 left it
        for name in ("list", "stage", "assignee", "search"):
            conn.execute(text(f"DROP INDEX IF EXISTS case_summaries_{name}"))
        for name in ("trashed", "stage", "platform", "dispute_type", "assignee"):
            conn.execute(text(f"ALTER TABLE case_summaries DROP COLUMN {name}"))
        conn.execute(text("CREATE INDEX case_summaries_due ON case_summaries (next_due_at)"))
        conn.execute(text("CREATE INDEX case_summaries_order ON case_summaries "
                          "(list_order, case_id DESC)"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0012'"))
    url = library.db.url
    library.close()
    with Library.open(tmp_path / "lib", clock=clock,
                      db_url=url.render_as_string(hide_password=False) if url else None) as lib:
        with lib.db.read() as conn:
            assert summaries.stale_ids(conn, lib.rules, trash=False) == []
            assert summaries.stale_ids(conn, lib.rules, trash=True) == []
            copies = conn.execute(text("SELECT case_id, trashed, stage, platform, assignee "
                                       "FROM case_summaries ORDER BY case_id")).all()
        assert [tuple(r) for r in copies] == [(mine.id, 0, "request", "douyin", "小王"),
                                              (gone.id, 1, "appeal", "douyin", "")]
        assert lib.case_list_count(CaseFilter(assignee="小王")) == 1
        assert [c.id for c, _ in lib.case_list_rows(trash=True)] == [gone.id]


def test_out_of_date_summaries_are_computed_again_in_batches_and_a_stop_keeps_them(
        library, monkeypatch):
    """The app's background update (ui/case_list_check.py) and the CLI's check: each batch is
    committed on its own, with its progress; a stop keeps the batches done."""
    from evidencekit.errors import Cancelled
    from evidencekit.progress import CancelToken
    from evidencekit.store import summaries
    monkeypatch.setattr(summaries, "BATCH", 2)
    made = [_case(library, f"B{i}", request_at=T0) for i in range(5)]
    with library.db.write() as conn:  # as after a rule edit: every summary out of date
        conn.execute(update(case_summaries).values(rules_key="older rules"))
    assert library.stale_case_summaries() == {c.id for c in made}
    said, stop = [], CancelToken()

    def progress(fraction, zh, en):
        said.append((fraction, zh, en))
        stop.cancel()  # Stop pressed after the first batch
    with pytest.raises(Cancelled):
        library.refresh_case_summaries(progress=progress, cancel=stop)
    assert said == [(0.4, "正在更新案件清单 2/5", "Updating the case list 2/5")]
    assert library.stale_case_summaries() == {c.id for c in made[2:]}
    assert library.refresh_case_summaries() == set() and library.stale_case_summaries() == set()
