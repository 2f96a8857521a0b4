"""Where a library keeps its originals: decided once, from its engine and its settings.

- a local library (SQLite): ``blobs/`` in its folder, as always;
- a team library (PostgreSQL): in the database itself by default (one server holds
  everything, one ``pg_dump`` backs it up), with ``blobs/`` in the local folder as this
  computer's cache of what it has read;
- a team library whose settings name a shared folder (``init --db URL --blobs DIR``,
  ``blobs = "…"`` in library.toml): write-once files in that folder, for archives too large
  for the database.
"""

from __future__ import annotations

from pathlib import Path

from .blobs import Blobs, BlobStore
from .db import Database


def blob_store_for(root: Path, database: Database, shared_folder: Path | None = None) -> Blobs:
    if database.engine.dialect.name == "sqlite":
        return BlobStore(root / "blobs")
    if shared_folder is not None:
        from .blobs_shared import SharedFolderBlobStore
        return SharedFolderBlobStore(Path(shared_folder))
    from .blobs_pg import PgBlobStore
    return PgBlobStore(database.engine, root / "blobs")
