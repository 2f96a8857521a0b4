"""Originals of a team library stored in PostgreSQL itself, with the local store's interface.

Content-addressed by SHA-256 like :class:`~evidencekit.store.blobs.BlobStore` and used the same
way (``stage`` → ``commit``, ``path``, ``exists``, ``remove``, ``all_hashes``), so attach,
submit, export, verify and handover work unchanged on both. Bytes travel in chunks of up to
1 MB both ways: a video is never held in memory whole.

- Writing: ``stage`` copies the file to a local spool file while hashing it (as the local store
  does); ``commit`` streams the spool into ``blob_chunks`` in one transaction, re-hashing what
  it sends, and writes the ``team_blobs`` row last. Two desktops committing the same bytes at
  once queue on an advisory lock of the hash; the second finds the row and sends nothing.
- Reading: code that reads originals wants a file it can seek (PDF readers, image decoders),
  so ``path`` gives a local copy in a cache folder, fetched chunk by chunk on first use,
  checked against its hash and renamed into place. The cache is content-addressed too: a
  cached file can never be stale, only absent.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Iterator

from sqlalchemy import Engine, delete, func, insert, select, text

from ..errors import BlobHashMismatch
from .blobs import CHUNK, BlobStore
from .postgres import UNQUEUED
from .team_schema import blob_chunks, team_blobs


class ChunkReader(io.RawIOBase):
    """A blob read from PostgreSQL one chunk at a time (one short query per chunk, so no
    transaction stays open while the caller works on the bytes)."""

    def __init__(self, engine: Engine, sha256: str, chunks: int):
        self._engine, self._sha, self._chunks = engine, sha256, chunks
        self._seq, self._buf = 0, memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if not self._buf:
            if self._seq >= self._chunks:
                return 0
            with self._engine.connect() as conn:
                # psycopg's binary result format: the bytes as they are, not hex text twice
                # their size to decode.
                raw = conn.connection.driver_connection
                assert raw is not None
                with raw.cursor(binary=True) as cur:
                    cur.execute("SELECT data FROM blob_chunks WHERE sha256 = %s AND seq = %s",
                                (self._sha, self._seq))
                    row = cur.fetchone()
                conn.rollback()
            data = row[0] if row else None
            if data is None:  # a chunk missing under a whole blob's row: damage, named
                raise OSError(f"chunk {self._seq} of {self._sha} is missing")
            self._buf, self._seq = memoryview(bytes(data)), self._seq + 1
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


class PgBlobStore:
    """A team library's originals in its PostgreSQL database; ``cache`` is a local folder
    for spool files and fetched copies (per computer, never shared)."""

    def __init__(self, engine: Engine, cache: Path, *, chunk_size: int = CHUNK,
                 clock=lambda: datetime.now(timezone.utc)):
        self.engine = engine
        self.cache = BlobStore(cache)
        self.root = cache
        self.tmp = self.cache.tmp  # spool files, named by pid like the local store's
        self.chunk_size = chunk_size
        self._clock = clock

    def ensure(self) -> None:
        self.cache.ensure()

    # ---- writing ------------------------------------------------------------------------
    def stage(self, source: Path) -> tuple[Path, str, int]:
        return self.cache.stage(source)

    def stage_stream(self, src: IO[bytes]) -> tuple[Path, str, int]:
        return self.cache.stage_stream(src)

    def commit(self, tmp: Path, sha256: str) -> Path:
        """Send a staged spool file to the database (unless the blob is there already); the
        spool file becomes the cached copy. Returns the cached copy's path."""
        if not self.exists(sha256):
            try:
                self._upload(tmp, sha256)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        return self.cache.commit(tmp, sha256)

    def put_stream(self, src: IO[bytes], sha256: str | None = None) -> tuple[str, int]:
        """Store a stream (staged locally first, so the hash is known before anything is
        sent); ``sha256``, when given, must match. Returns (sha256, size)."""
        tmp, got, size = self.stage_stream(src)
        if sha256 is not None and got != sha256:
            tmp.unlink(missing_ok=True)
            raise BlobHashMismatch(expected=sha256, got=got)
        self.commit(tmp, got)
        return got, size

    def upload_file(self, path: Path, sha256: str) -> bool:
        """Send a file that is already in place (another library's blob) without spooling
        it; refused if its bytes do not match ``sha256``. False when the blob was there."""
        if self.exists(sha256):
            return False
        return self._upload(path, sha256)

    def _upload(self, tmp: Path, sha256: str) -> bool:
        # Outside the library's write queue (postgres.UNQUEUED): the blob's rows are its own,
        # keyed by its hash and guarded by the hash's lock below, and the case row that will
        # point at it is written afterwards in a short queued transaction.
        with self.engine.connect().execution_options(**{UNQUEUED: True}) as conn, conn.begin():
            # One writer per hash: a second desktop sending the same bytes waits here, then
            # finds the row below and sends nothing.
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:s, 0))"),
                         {"s": sha256})
            if conn.execute(select(team_blobs.c.sha256).where(
                    team_blobs.c.sha256 == sha256)).first():
                return False
            h, seq, size = hashlib.sha256(), 0, 0
            stmt = insert(blob_chunks)
            with open(tmp, "rb") as f:
                while chunk := f.read(self.chunk_size):
                    h.update(chunk)
                    conn.execute(stmt, {"sha256": sha256, "seq": seq, "data": chunk})
                    seq, size = seq + 1, size + len(chunk)
            if h.hexdigest() != sha256:  # the spool changed under us: nothing is committed
                raise BlobHashMismatch(expected=sha256, got=h.hexdigest())
            conn.execute(insert(team_blobs).values(
                sha256=sha256, size=size, chunks=seq,
                created_at=self._clock().astimezone(timezone.utc).isoformat()))
        return True

    def remove(self, sha256: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(team_blobs).where(team_blobs.c.sha256 == sha256))
            conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == sha256))
        self.cache.remove(sha256)

    # ---- reading ------------------------------------------------------------------------
    def _row(self, sha256: str):
        with self.engine.connect() as conn:
            return conn.execute(select(team_blobs.c.size, team_blobs.c.chunks).where(
                team_blobs.c.sha256 == sha256)).first()

    def exists(self, sha256: str) -> bool:
        return self._row(sha256) is not None

    def size(self, sha256: str) -> int | None:
        row = self._row(sha256)
        return None if row is None else int(row.size)

    def open(self, sha256: str) -> IO[bytes]:
        """The blob's bytes as a stream, fetched chunk by chunk; FileNotFoundError if absent."""
        row = self._row(sha256)
        if row is None:
            raise FileNotFoundError(2, "no such original in the team library", sha256)
        return io.BufferedReader(ChunkReader(self.engine, sha256, int(row.chunks)), CHUNK)

    def path(self, sha256: str) -> Path:
        """A local copy of the blob, fetched (and checked) on first use. When the library
        does not hold it, the returned path does not exist, as with the local store."""
        cached = self.cache.path(sha256)
        if cached.is_file():
            return cached
        try:
            src = self.open(sha256)
        except FileNotFoundError:
            return cached
        with src:
            tmp, got, _size = self.cache.stage_stream(src)
        if got != sha256:  # damaged in the database: never cached under the wrong name
            tmp.unlink(missing_ok=True)
            raise BlobHashMismatch(expected=sha256, got=got)
        return self.cache.commit(tmp, sha256)

    def digest(self, sha256: str) -> str:
        """SHA-256 of the stored bytes, read back from the database (not the cache)."""
        h = hashlib.sha256()
        with self.open(sha256) as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
        return h.hexdigest()

    def all_hashes(self) -> Iterator[str]:
        with self.engine.connect() as conn:
            hashes = conn.execute(select(team_blobs.c.sha256).order_by(team_blobs.c.sha256)
                                  ).scalars().all()
        yield from hashes

    def stored_bytes(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.sum(team_blobs.c.size), 0))
                                    ).scalar_one())

    def clean_tmp(self, live_pids: set[int]) -> int:
        return self.cache.clean_tmp(live_pids)

