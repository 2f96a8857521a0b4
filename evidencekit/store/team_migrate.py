"""``library migrate --to postgresql://…``: a local library copied into a team library.

Everything is copied — every row of every table (ids kept, so case numbers, exhibit numbers
and the log read the same), every original and submitted bundle, the sealing key and the
certificates of other libraries — and every hash is checked twice: while a blob is sent (a
local file that no longer matches its name stops the run) and read back from the server at
the end. The local library is only read: it is left exactly as it was.

The target must be empty (no cases, exhibits or submissions): migrating twice into one
database would mix two libraries. Originals go first, each in its own transaction; the rows
go last in one transaction, so an interrupted run leaves no half library — only originals,
which a second run finds and does not send again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Integer, delete, func, insert, select, text

from ..errors import (
    BlobHashMismatch,
    MigrateBlobMissing,
    MigrateSourceNotLocal,
    MigrateTargetNotEmpty,
)
from ..i18n import pick
from . import migrate
from .blobs_pg import PgBlobStore
from .schema import exhibits, metadata, pending_blobs, settings, submission_files
from .team_keys import local_key_rows
from .team_schema import library_keys

# Rows that say something about this computer or this moment, not the library.
_SKIPPED_TABLES = {pending_blobs.name}
_LOCAL_SETTINGS = {"network_folder_warned_on"}
_BATCH = 500

Say = Callable[[str], None]  # one progress line (stderr on the CLI)


@dataclass
class MigrateResult:
    target: str
    rows: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    blob_bytes: int = 0
    blobs_sent: int = 0
    keys: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "rows": self.rows, "blobs": self.blobs,
                "blob_bytes": self.blob_bytes, "blobs_sent": self.blobs_sent, "keys": self.keys}


def _populated(engine: Engine) -> dict[str, int]:
    from .schema import cases, submissions
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (cases, exhibits, submissions)}


def _local_hashes(lib) -> tuple[list[str], list[str]]:
    """(every hash the library holds or names, the named ones it does not hold)."""
    with lib.db.read() as conn:
        named = set(conn.execute(select(exhibits.c.sha256).distinct()).scalars())
        named |= set(conn.execute(select(submission_files.c.sha256).distinct()).scalars())
    held = set(lib.blobs.all_hashes())
    return sorted(held | named), sorted(h for h in named if not lib.blobs.path(h).is_file())


def migrate_library(lib, target: Engine, target_name: str, cache: Path, *, lang: str = "zh",
                    say: Say = lambda _line: None) -> MigrateResult:
    """Copy the local library ``lib`` into the empty team database ``target``."""
    if lib.db.engine.dialect.name != "sqlite":
        raise MigrateSourceNotLocal()
    migrate.upgrade(target, Path(target_name))  # an empty database gets the schema
    counts = _populated(target)
    if counts["cases"] or counts["exhibits"] or counts["submissions"]:
        with target.connect() as conn:
            blobs = conn.execute(text("SELECT count(*) FROM team_blobs")).scalar_one()
        raise MigrateTargetNotEmpty(target=target_name, cases=counts["cases"], blobs=blobs)
    hashes, missing = _local_hashes(lib)
    if missing:
        raise MigrateBlobMissing(count=len(missing), first=missing[0])
    result = MigrateResult(target=target_name, blobs=len(hashes))
    store = PgBlobStore(target, cache)
    _send_blobs(lib, store, hashes, result, lang, say)
    _copy_rows(lib, target, result, lang, say)
    _check(lib, target, store, hashes, result, lang, say)
    return result


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _send_blobs(lib, store: PgBlobStore, hashes: list[str], result: MigrateResult, lang: str,
                say: Say) -> None:
    total = sum((lib.blobs.size(h) or 0) for h in hashes)
    for i, sha in enumerate(hashes, 1):
        path = lib.blobs.path(sha)
        if store.upload_file(path, sha):  # hashed while sent; refused if it does not match
            result.blobs_sent += 1
        result.blob_bytes += path.stat().st_size
        say(pick(lang, f"原件 {i}/{len(hashes)}（{_mb(result.blob_bytes)} / {_mb(total)}）",
                 f"originals {i}/{len(hashes)} ({_mb(result.blob_bytes)} of {_mb(total)})"))


def _copy_rows(lib, target: Engine, result: MigrateResult, lang: str, say: Say) -> None:
    with lib.db.read() as src, target.begin() as dst:
        for table in metadata.sorted_tables:  # a row's references before it
            if table.name in _SKIPPED_TABLES:
                continue
            n = 0
            rows = src.execute(select(table)).mappings()
            if table is settings:
                existing = set(dst.execute(select(settings.c.key)).scalars())
                rows = (r for r in rows if r["key"] not in existing | _LOCAL_SETTINGS)
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(dict(row))
                if len(batch) >= _BATCH:
                    dst.execute(insert(table), batch)
                    n, batch = n + len(batch), []
            if batch:
                dst.execute(insert(table), batch)
                n += len(batch)
            result.rows[table.name] = n
            _reset_sequence(dst, table)
            say(pick(lang, f"表 {table.name}：{n} 行", f"table {table.name}: {n} rows"))
        result.keys = _copy_keys(lib, dst)


def _reset_sequence(conn, table) -> None:
    """Ids were copied as they were: the next id the server hands out follows them."""
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or not isinstance(pk[0].type, Integer) or not pk[0].autoincrement:
        return
    seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                       {"t": table.name, "c": pk[0].name}).scalar()
    if seq:
        conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT max({pk[0].name}) FROM "
                          f"{table.name}), 0) + 1, false)"), {"s": seq})


def _copy_keys(lib, conn) -> int:
    """The sealing key and other libraries' certificates, into the team's key table (the
    team library's key replaces one made at ``init --db``: nothing was sealed with it)."""
    rows = local_key_rows(Path(lib.root), lib.clock())
    if not rows:
        return 0
    if any(r["role"] == "own" for r in rows):
        conn.execute(delete(library_keys).where(library_keys.c.role == "own"))
    have = set(conn.execute(select(library_keys.c.fingerprint)).scalars())
    fresh = [r for r in rows if r["fingerprint"] not in have]
    if fresh:
        conn.execute(insert(library_keys), fresh)
    return len(rows)


def _check(lib, target: Engine, store: PgBlobStore, hashes: list[str], result: MigrateResult,
           lang: str, say: Say) -> None:
    """Read everything back: row counts per table, and every original re-hashed from the server."""
    with target.connect() as conn:
        for name, n in result.rows.items():
            table = metadata.tables[name]
            got = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if name != settings.name and got != n:
                raise RuntimeError(f"{name}: {n} rows copied, {got} on the server")
    for i, sha in enumerate(hashes, 1):
        digest = store.digest(sha)
        if digest != sha:
            raise BlobHashMismatch(expected=sha, got=digest)
        if i % 50 == 0 or i == len(hashes):
            say(pick(lang, f"已核对 {i}/{len(hashes)} 个原件的哈希",
                     f"checked the hash of {i}/{len(hashes)} originals"))
