"""Originals of a team library: in PostgreSQL (chunked, deduplicated, streamed both ways) and in
a shared folder (write-once), behind the local store's interface."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from evidencekit.errors import BlobHashMismatch
from evidencekit.store.blobs import BlobStore
from evidencekit.store.blobs_pg import PgBlobStore
from evidencekit.store.blobs_shared import SharedFolderBlobStore
from evidencekit.store.team_schema import blob_chunks, team_blobs


@pytest.fixture(scope="module")
def pg_engine(pg_server):
    """A team library's database (the throw-away server of tests/pg_cluster.py)."""
    engine = create_engine(pg_server.new_database().replace("postgresql://", "postgresql+psycopg://", 1))
    yield engine
    engine.dispose()


@pytest.fixture
def store(pg_engine, tmp_path):
    with pg_engine.begin() as conn:  # each test starts from an empty store
        conn.execute(blob_chunks.delete())
        conn.execute(team_blobs.delete())
    return PgBlobStore(pg_engine, tmp_path / "cache", chunk_size=1000)


def _chunk_rows(engine, sha: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(blob_chunks)
                            .where(blob_chunks.c.sha256 == sha)).scalar_one()


def _put(store, tmp_path: Path, data: bytes, name: str = "f.bin") -> str:
    src = tmp_path / name
    src.write_bytes(data)
    tmp, sha, size = store.stage(src)
    assert size == len(data)
    store.commit(tmp, sha)
    return sha


def test_round_trip_in_chunks_deduplicated(store, pg_engine, tmp_path):
    data = os.urandom(2500)
    sha = _put(store, tmp_path, data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.exists(sha) and store.size(sha) == 2500
    assert _chunk_rows(pg_engine, sha) == 3  # 1000 + 1000 + 500
    # Another desktop (an empty cache) reads it back from the database, checked.
    other = PgBlobStore(pg_engine, tmp_path / "other-cache", chunk_size=1000)
    assert not (tmp_path / "other-cache" / sha[:2] / sha).exists()
    assert other.path(sha).read_bytes() == data
    with other.open(sha) as f:
        assert f.read() == data
    assert other.digest(sha) == sha
    # The same bytes again (another name, another desktop): nothing more is stored.
    assert _put(other, tmp_path, data, "copy.bin") == sha
    assert _chunk_rows(pg_engine, sha) == 3 and list(store.all_hashes()) == [sha]
    assert not list(store.tmp.iterdir()) and not list(other.tmp.iterdir())
    store.remove(sha)
    assert not store.exists(sha) and _chunk_rows(pg_engine, sha) == 0
    assert not store.path(sha).exists()  # the remover's cache copy went with the blob


def test_empty_file(store, tmp_path):
    sha = _put(store, tmp_path, b"")
    fresh = PgBlobStore(store.engine, tmp_path / "c2")
    assert fresh.path(sha).read_bytes() == b"" and fresh.size(sha) == 0


def test_missing_blob_is_a_missing_file(store):
    sha = "0" * 64
    assert not store.exists(sha) and store.size(sha) is None
    assert not store.path(sha).exists()
    with pytest.raises(FileNotFoundError):
        store.open(sha)


def test_spool_changed_before_commit_stores_nothing(store, pg_engine, tmp_path):
    src = tmp_path / "f.bin"
    src.write_bytes(b"a" * 1500)
    tmp, sha, _ = store.stage(src)
    os.chmod(tmp, 0o644)
    tmp.write_bytes(b"b" * 1500)
    with pytest.raises(BlobHashMismatch):
        store.commit(tmp, sha)
    assert not store.exists(sha) and _chunk_rows(pg_engine, sha) == 0 and not tmp.exists()


def test_damaged_chunk_is_never_cached_under_its_name(store, pg_engine, tmp_path):
    sha = _put(store, tmp_path, b"x" * 1200)
    with pg_engine.begin() as conn:
        conn.execute(blob_chunks.update().where(blob_chunks.c.sha256 == sha, blob_chunks.c.seq == 1)
                     .values(data=b"y" * 200))
    other = PgBlobStore(pg_engine, tmp_path / "c2", chunk_size=1000)
    assert other.digest(sha) != sha  # what fsck reports as damaged
    with pytest.raises(BlobHashMismatch):
        other.path(sha)
    assert not (tmp_path / "c2" / sha[:2] / sha).exists()


def test_two_desktops_commit_the_same_bytes_at_once(store, pg_engine, tmp_path):
    data = os.urandom(5000)
    stores = [PgBlobStore(pg_engine, tmp_path / f"d{i}", chunk_size=1000) for i in range(4)]
    staged = []
    for i, s in enumerate(stores):
        src = tmp_path / f"in{i}"
        src.write_bytes(data)
        staged.append(s.stage(src))
    errors: list[BaseException] = []

    def commit(s, tmp, sha):
        try:
            s.commit(tmp, sha)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=commit, args=(s, t, sha)) for s, (t, sha, _n) in
               zip(stores, staged, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    sha = staged[0][1]
    assert _chunk_rows(pg_engine, sha) == 5 and list(store.all_hashes()) == [sha]


def test_a_large_blob_is_never_whole_in_memory(pg_engine, tmp_path):
    size = 12 << 20  # 12 MB through 1 MB chunks, both ways
    src = tmp_path / "video.bin"
    with open(src, "wb") as f:
        for i in range(12):
            f.write(bytes([i]) * (1 << 20))
    writer = PgBlobStore(pg_engine, tmp_path / "w")
    reader = PgBlobStore(pg_engine, tmp_path / "r")
    tracemalloc.start()
    try:
        tmp, sha, n = writer.stage(src)
        writer.commit(tmp, sha)
        got = reader.path(sha)
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == size and got.stat().st_size == size and reader.digest(sha) == sha
    # a few chunks in flight (file, driver, buffer), never the blob: under half its size
    assert peak < size // 2, f"peak {peak} bytes for a {size}-byte blob"
    writer.remove(sha)


def test_shared_folder_never_replaces_a_blob(tmp_path):
    root = tmp_path / "share"
    a, b = SharedFolderBlobStore(root, host="pc-a"), SharedFolderBlobStore(root, host="pc-b")
    src = tmp_path / "f.bin"
    src.write_bytes(b"evidence")
    ta, sha, _ = a.stage(src)
    tb, _, _ = b.stage(src)
    assert ta.name.endswith(".pc-a.part") and tb.name.endswith(".pc-b.part")
    final = a.commit(ta, sha)
    inode = final.stat().st_ino
    assert b.commit(tb, sha) == final and final.stat().st_ino == inode  # not replaced
    assert final.read_bytes() == b"evidence" and not ta.exists() and not tb.exists()
    assert a.digest(sha) == sha and a.open(sha).read() == b"evidence"
    # Each computer cleans only its own temp files (another's pid means nothing here).
    b_left = b.stage_stream(io.BytesIO(b"half"))[0]
    a_left = a.stage_stream(io.BytesIO(b"half"))[0]
    assert a.clean_tmp(live_pids=set()) == 1
    assert b_left.exists() and not a_left.exists()


def test_local_store_keeps_its_interface(tmp_path):
    s = BlobStore(tmp_path / "blobs")
    sha = _put(s, tmp_path, b"abc")
    assert s.size(sha) == 3 and s.digest(sha) == sha and s.open(sha).read() == b"abc"
    assert s.size("0" * 64) is None


def test_init_with_a_shared_folder_keeps_originals_there(pg_server, tmp_path, capsys):
    from evidencekit.cli.main import main
    from evidencekit.store import Library
    url = pg_server.empty_database()
    share = tmp_path / "nas" / "evidencekit"
    assert main(["--library", str(tmp_path / "owner"), "init", "--db", url, "--blobs", str(share)]) == 0
    assert "blobs = " in (tmp_path / "owner" / "library.toml").read_text()
    # --blobs means nothing for a local library: refused before anything is made
    assert main(["--library", str(tmp_path / "local"), "init", "--blobs", str(share)]) == 2
    assert not (tmp_path / "local").exists()
    # another desktop (no library.toml of its own, only --db) uses the team's choice
    with Library.open(tmp_path / "desk", db_url=url) as lib:
        assert isinstance(lib.blobs, SharedFolderBlobStore) and lib.blobs.root == share.resolve()
        case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
        photo = Path(__file__).resolve().parents[1] / "data" / "photo_exif.jpg"
        ex = lib.attach(case.id, photo)
    assert (share.resolve() / ex.sha256[:2] / ex.sha256).read_bytes() == photo.read_bytes()
    with Library.open(tmp_path / "owner") as lib:
        assert lib.blobs.exists(ex.sha256) and lib.fsck().ok
        assert lib.blobs.root == share.resolve()  # its library.toml names the same folder


def test_opening_never_removes_another_desktops_blob_mid_attach(pg_engine, store, tmp_path):
    """A pending-blob marker in a team library may be another computer's live attach (its
    process id means nothing here): left alone for a day, then cleaned up like a local one."""
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import insert

    from evidencekit.store import Library
    from evidencekit.store.db import Database
    from evidencekit.store.schema import pending_blobs
    from evidencekit.timeutil import to_iso
    sha = _put(store, tmp_path, b"half-attached on another desktop")
    now = datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc)
    with pg_engine.begin() as conn:
        conn.execute(pending_blobs.delete())
        conn.execute(insert(pending_blobs).values(sha256=sha, pid=2 ** 22 + 17,  # no such pid here
                                                  started_at=to_iso(now)))
    clock = [now + timedelta(minutes=1)]
    lib = Library(tmp_path / "desk", Database(pg_engine, tmp_path / "desk" / "team"),
                  lambda: clock[0])
    lib._recover()
    assert store.exists(sha)  # the other desktop is still attaching it
    clock[0] = now + timedelta(days=2)  # that desktop died long ago
    lib._recover()
    assert not store.exists(sha)


def test_fsck_of_a_team_library_reads_the_database(pg_engine, store, tmp_path):
    """fsck re-hashes what the server holds (not this desktop's cache) and finds orphans."""
    from datetime import datetime, timezone

    from evidencekit.store import Library
    from evidencekit.store.db import Database
    lib = Library(tmp_path / "desk", Database(pg_engine, tmp_path / "desk" / "team"),
                  lambda: datetime(2024, 9, 18, tzinfo=timezone.utc))
    sha = _put(store, tmp_path, b"nobody's")
    with pg_engine.begin() as conn:
        conn.execute(blob_chunks.update().where(blob_chunks.c.sha256 == sha).values(data=b"other"))
    rep = lib.fsck()
    assert rep.corrupt == [sha] and rep.orphans == [sha] and not rep.ok


def test_a_long_upload_does_not_make_other_desktops_writes_wait(pg_server, tmp_path):
    """Sending an original (minutes for a long video) is outside the library's write queue: a
    clerk on another desktop creates a case while the upload is still open, and both land."""
    from evidencekit.store import Library

    url = pg_server.new_database()
    with Library.open(tmp_path / "a", db_url=url) as uploader, \
            Library.open(tmp_path / "b", db_url=url) as other:
        store = uploader.blobs
        assert isinstance(store, PgBlobStore)
        store.chunk_size = 1000
        data = os.urandom(3000)
        sha = hashlib.sha256(data).hexdigest()
        spool = tmp_path / "spool"
        os.mkfifo(spool)  # the upload reads its spool file: we hand it the bytes when we like
        results: dict = {}
        upload = threading.Thread(target=lambda: results.update(sent=store._upload(spool, sha)))
        upload.start()
        with open(spool, "wb") as feed:  # opens once the upload has begun its transaction
            feed.write(data[:1000])
            feed.flush()
            created = threading.Thread(target=lambda: results.update(case=other.create_case(
                platform="douyin", dispute_type="quality_issue", order_no="WHILE-UPLOADING")))
            created.start()
            created.join(timeout=20)  # bounds a hang only: the upload is held open until we write
            landed_while_open = "case" in results and upload.is_alive()
            feed.write(data[1000:])
        upload.join(timeout=60)
        created.join(timeout=60)
        assert landed_while_open, "the other desktop's write waited for the upload"
        assert results["sent"] is True and store.exists(sha)
        assert other.blobs.path(sha).read_bytes() == data
