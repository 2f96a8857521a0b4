"""Attach throughput of the team store (originals in PostgreSQL) against the local one (issue 13).

Writes the same files through each store's attach path — ``stage`` (copy to a spool file while
hashing) then ``commit`` (the local store renames the spool into ``blobs/``; the team store sends
it into ``blob_chunks`` in 1 MB rows and keeps the spool as this computer's cached copy) — then
reads them back on a "second desktop" (an empty cache: every byte fetched from the server and
re-hashed), and re-attaches the same files (deduplicated: nothing sent). Best of ``--runs``.

    python bench/bench_team_blobs.py --db postgresql://postgres@127.0.0.1:55432/postgres \
        --files 20 --mb 5 --runs 3

``--db`` is a server URL with the right to create databases; a throw-away database is made
and dropped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from evidencekit.store import migrate  # noqa: E402
from evidencekit.store.blobs import BlobStore  # noqa: E402
from evidencekit.store.blobs_pg import PgBlobStore  # noqa: E402
from evidencekit.store.team_schema import blob_chunks, team_blobs  # noqa: E402


def attach_all(store, files: list[Path]) -> float:
    t = time.perf_counter()
    for f in files:
        tmp, sha, _size = store.stage(f)
        store.commit(tmp, sha)
    return time.perf_counter() - t


def read_all(store, hashes: list[str]) -> float:
    t = time.perf_counter()
    for h in hashes:
        store.path(h)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--mb", type=float, default=5)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ek-bench-team-"))
    name = f"ekbench_{uuid.uuid4().hex[:8]}"
    server = make_url(a.db.replace("postgresql://", "postgresql+psycopg://", 1))
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = create_engine(server.set(database=name))
    try:
        migrate.upgrade(engine, work / "unused")
        files = []
        for i in range(a.files):
            f = work / "in" / f"video{i}.mp4"
            f.parent.mkdir(exist_ok=True)
            with open(f, "wb") as out:  # incompressible, like real media
                left = int(a.mb * 1e6)
                while left:
                    n = min(left, 1 << 20)
                    out.write(os.urandom(n))
                    left -= n
            files.append(f)
        total = sum(f.stat().st_size for f in files) / 1e6
        best: dict[str, float] = {}
        for run in range(a.runs):
            for d in ("local", "cache", "reader"):
                shutil.rmtree(work / d, ignore_errors=True)
            with engine.begin() as c:
                c.execute(blob_chunks.delete())
                c.execute(team_blobs.delete())
            local = BlobStore(work / "local")
            team = PgBlobStore(engine, work / "cache")
            times = {"local attach": attach_all(local, files),
                     "team attach": attach_all(team, files)}
            hashes = list(team.all_hashes())
            times["team read, empty cache"] = read_all(PgBlobStore(engine, work / "reader"), hashes)
            times["team attach again (dedup)"] = attach_all(team, files)
            print(f"run {run + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()),
                  flush=True)
            for k, v in times.items():
                best[k] = min(best.get(k, v), v)
        print(f"\n{a.files} files × {a.mb:g} MB = {total:.0f} MB; best of {a.runs}")
        print("| path | seconds | MB/s |\n|---|---:|---:|")
        for k, v in best.items():
            print(f"| {k} | {v:.2f} | {total / v:.0f} |")
    finally:
        engine.dispose()
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
