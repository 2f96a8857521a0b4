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

import json
from pathlib import Path

from sqlalchemy import select

from . import location
from .blobs import Blobs, BlobStore
from .db import Database
from .schema import settings

# The team-wide choice (init --db URL --blobs DIR), in the library's settings; a desktop's
# library.toml may name the same folder by its own path.
SHARED_FOLDER_SETTING = "blobs_folder"


def shared_folder_for(root: Path, database: Database) -> Path | None:
    """The shared originals folder of a team library, if it uses one."""
    mine = location.configured_blobs(root)
    if mine is not None:
        return mine
    with database.read() as conn:
        value = conn.execute(select(settings.c.value).where(
            settings.c.key == SHARED_FOLDER_SETTING)).scalar()
    folder = json.loads(value) if value else None
    return Path(folder) if folder else None


def blob_store_for(root: Path, database: Database, shared_folder: Path | None = None) -> Blobs:
    if database.engine.dialect.name == "sqlite":
        return BlobStore(root / "blobs")
    if shared_folder is not None:
        from .blobs_shared import SharedFolderBlobStore
        return SharedFolderBlobStore(Path(shared_folder))
    from .blobs_pg import PgBlobStore
    return PgBlobStore(database.engine, root / "blobs")
