"""The library: cases, exhibits, blobs, log, trash, migrations, fsck."""

from __future__ import annotations

import os

import pytest

from evidencekit.errors import IngestError, NotFoundError, StoreError, UsageError
from evidencekit.store import Library
from evidencekit.store.schema import pending_blobs
from evidencekit.timeutil import parse_instant

pytestmark = pytest.mark.usefixtures("engine")


def _new_case(lib, **kw):
    return lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="4938123", **kw)


def _text(tmp_path, name, content="2024-09-17 11:45:01 顾客: 收到的杯子碎了\n"
                                   "2024-09-17 11:46:00 小店客服: 您好，请拍照给我们\n"):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    return p


@pytest.mark.sqlite_only
def test_database_settings(library):
    with library.db.read() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 10000


def test_case_round_trip_and_log(library, clock):
    case = _new_case(library, buyer_name="张三", buyer_phone="13812345678", amount="89.00")
    assert case.case_no == "EK-00001" and case.buyer_name == "张三"
    clock.advance(minutes=5)
    t = parse_instant("2024-09-17T10:00+08:00")
    case = library.update_case(case.id, stage="intervention", intervention_at=t)
    assert case.intervention_at == t and case.stage == "intervention"
    log = library.log(case.id)
    assert [e.action for e in log] == ["case_created", "case_updated", "case_updated"]
    assert "intervention_at" in log[-1].detail and log[-1].actor
    assert log[-1].at == clock.now
    assert "13812345678" not in log[1].detail and "138****5678" in log[1].detail
    assert "张三" not in log[1].detail and "张*" in log[1].detail
    # lookup by case number and by order number
    assert library.get_case("ek-00001").id == case.id
    assert library.get_case("4938123").id == case.id


def test_bad_case_input_changes_nothing(library):
    with pytest.raises(NotFoundError):
        library.create_case(platform="douyin", dispute_type="nonsense", order_no="1")
    with pytest.raises(UsageError):
        library.create_case(platform="douyin", dispute_type="quality_issue", order_no=" ")
    case = _new_case(library)
    with pytest.raises(UsageError):
        library.update_case(case.id, stage="bogus")
    with pytest.raises(UsageError):
        library.update_case(case.id, stage="judged", case_no="X")  # not editable: nothing applied
    assert library.get_case(case.id).stage == "request"
    assert len(library.list_cases()) == 1


def test_trash_and_restore(library):
    case = _new_case(library)
    library.delete_case(case.id)
    assert library.list_cases() == []
    assert [c.id for c in library.list_cases(trash=True)] == [case.id]
    library.restore_case(case.id)
    assert [c.id for c in library.list_cases()] == [case.id]


def test_attach_copies_hashes_and_dedupes(library, tmp_path):
    case = _new_case(library)
    src = _text(tmp_path, "聊天 记录 🙂.txt")
    before = src.read_bytes()
    e1 = library.attach(case.id, src, caption="完整聊天")
    e2 = library.attach(case.id, src)
    assert src.read_bytes() == before  # original untouched
    assert e1.sha256 == e2.sha256 and e1.position == 1 and e2.position == 2
    blob = library.blob_path(e1.sha256)
    assert blob.read_bytes() == before
    assert not os.access(blob, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)
    assert oct(blob.stat().st_mode & 0o777) == "0o444"
    assert list(library.blobs.all_hashes()) == [e1.sha256]  # stored once
    assert e1.source_name == "聊天 记录 🙂.txt" and e1.caption == "完整聊天"
    assert e1.size == len(before)


def test_refused_file_adds_nothing(library, tmp_path):
    case = _new_case(library)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(IngestError):
        library.attach(case.id, empty)
    with pytest.raises(IngestError):
        library.attach(case.id, tmp_path / "does-not-exist.txt")
    assert library.list_exhibits(case.id) == []
    assert list(library.blobs.all_hashes()) == []
    assert [e.action for e in library.log(case.id)] == ["case_created"]


def test_remove_keeps_shared_blob_and_restores(library, tmp_path):
    case = _new_case(library)
    other = library.create_case(platform="douyin", dispute_type="refund_dispute", order_no="2")
    src = _text(tmp_path, "chat.txt")
    a = library.attach(case.id, src)
    b = library.attach(other.id, src)
    library.remove_exhibit(a.id)
    assert library.list_exhibits(case.id) == []
    assert library.blob_path(b.sha256).exists()
    library.restore_exhibit(a.id, 1)
    assert [e.id for e in library.list_exhibits(case.id)] == [a.id]
    assert library.fsck().ok


def test_move_exhibit_renumbers(library, tmp_path):
    case = _new_case(library)
    ids = [library.attach(case.id, _text(tmp_path, f"c{i}.txt", f"2024-09-17 11:4{i}:00 顾客: {i}\n"
                                         f"2024-09-17 11:5{i}:00 客服: ok\n")).id for i in range(3)]
    library.move_exhibit(ids[2], 1)
    ex = library.list_exhibits(case.id)
    assert [e.id for e in ex] == [ids[2], ids[0], ids[1]]
    assert [e.position for e in ex] == [1, 2, 3]


def test_new_flag_after_judgment(library, tmp_path, clock):
    case = _new_case(library)
    first = library.attach(case.id, _text(tmp_path, "a.txt"))
    library.update_case(case.id, stage="judged", judgment_at=parse_instant("2024-09-20T10:00+08:00"))
    clock.advance(days=3)  # attached after the judgment
    second = library.attach(case.id, _text(tmp_path, "b.txt", "2024-09-21 10:00:00 顾客: 还在吗\n"
                                                              "2024-09-21 10:01:00 客服: 在的\n"))
    assert not first.is_new and second.is_new
    marked = library.update_exhibit(first.id, is_new=True)
    assert marked.is_new and marked.new_override is True  # kept as the user's override
    cleared = library.update_exhibit(first.id, is_new="auto")
    assert not cleared.is_new and cleared.new_override is None


@pytest.mark.sqlite_only  # files in the folder; a team library's store: test_team_blobs.py
def test_fsck_finds_problems(library, tmp_path):
    case = _new_case(library)
    e = library.attach(case.id, _text(tmp_path, "a.txt"))
    assert library.fsck().ok
    blob = library.blob_path(e.sha256)
    os.chmod(blob, 0o644)
    blob.write_bytes(b"tampered")
    orphan = library.blobs.path("ab" + "0" * 62)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x")
    rep = library.fsck()
    assert not rep.ok and e.sha256 in rep.corrupt and rep.orphans == ["ab" + "0" * 62]
    os.remove(blob)
    rep = library.fsck()
    assert rep.missing == [e.sha256]
    assert any("缺失" in line for line in rep.lines("zh"))


def test_open_missing_library_without_create(tmp_path, engine, monkeypatch):
    if engine.postgresql:  # a database with no library in it
        monkeypatch.setenv("EVIDENCEKIT_DB", engine.server.empty_database())
    with pytest.raises(StoreError):
        Library.open(tmp_path / "nothing", create=False)


@pytest.mark.sqlite_only  # a local pid; a team library's markers: test_team_blobs.py
def test_recovery_removes_blob_of_dead_writer(library, tmp_path):
    # Simulate a process killed between writing a blob and adding its exhibit row.
    tmp, sha, _ = library.blobs.stage(_text(tmp_path, "x.txt"))
    with library.db.write() as conn:
        conn.execute(pending_blobs.insert().values(sha256=sha, pid=999999, started_at="x"))
    library.blobs.commit(tmp, sha)
    leftover = library.blobs.tmp / "999999-abc.part"
    leftover.write_bytes(b"partial")
    reopened = Library.open(library.root)
    assert not library.blob_path(sha).exists() and not leftover.exists()
    assert reopened.fsck().ok
    reopened.close()


def test_exhibits_by_case_matches_per_case_lists(library, tmp_path):
    a = _new_case(library)
    b = library.create_case(platform="douyin", dispute_type="refund_dispute", order_no="2")
    e1 = library.attach(a.id, _text(tmp_path, "a.txt"))
    library.attach(b.id, _text(tmp_path, "b.txt", "2024-09-17 10:00:00 顾客: hi\n2024-09-17 10:01:00 客服: hello\n"))
    library.remove_exhibit(e1.id)
    bulk = library.exhibits_by_case()
    assert a.id not in bulk
    assert [e.id for e in bulk[b.id]] == [e.id for e in library.list_exhibits(b.id)]


def test_transaction_keeps_all_or_nothing_and_a_refused_change_undoes_itself(library):
    """Library.transaction (bulk import): changes inside are savepoints of one commit."""
    with library.transaction():
        kept = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="T1",
                                   after_sale_no="AS1", source="import test.csv row 2")
        with pytest.raises(UsageError):
            library.create_case(platform="douyin", dispute_type="quality_issue", order_no="T2",
                                stage="no-such-stage")
    assert [c.order_no for c in library.list_cases()] == ["T1"]
    assert library.log(kept.id)[0].detail.endswith("← import test.csv row 2")
    assert library.cases_by_after_sale_no("douyin", ["AS1", "AS2"])["AS1"].id == kept.id
    with pytest.raises(RuntimeError):
        with library.transaction():
            library.create_case(platform="douyin", dispute_type="quality_issue", order_no="T3")
            raise RuntimeError("cancelled")
    assert [c.order_no for c in library.list_cases()] == ["T1"]
