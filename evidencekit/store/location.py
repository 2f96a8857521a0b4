"""Where a library's rows live: its folder's SQLite file, or a team database (issue 13).

A library is always a folder (originals, rules, profiles, the contents cache). Its rows are in
``evidencekit.db`` inside it, unless a team database is chosen — in this order:

1. ``--db URL`` (the CLI's global option; ``Library.open(db=...)``);
2. the ``EVIDENCEKIT_DB`` environment variable;
3. ``db = "postgresql://…"`` in the folder's ``library.toml`` (written by ``init --db``), so a
   folder that points at a team database opens like a local library, in the app too.

A team library chosen without a folder uses one of its own under the user's data folder, so
it never mixes with the local library's files.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from ..errors import BadDatabaseUrl, FolderHoldsLocalLibrary, LibraryFileIo
from . import postgres

CONFIG_NAME = "library.toml"
LOCAL_DB = "evidencekit.db"  # Library.DB_NAME
ENV_DB = "EVIDENCEKIT_DB"


@dataclass(frozen=True)
class Location:
    root: Path
    url: URL | None  # None: the folder's own SQLite file

    @property
    def team(self) -> bool:
        return self.url is not None


def configured_db(root: Path) -> str | None:
    """The team database named in the folder's ``library.toml``, if any."""
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise LibraryFileIo(path=path, reason=e.strerror or e) from e
    try:
        value = tomllib.loads(text).get("db")
    except tomllib.TOMLDecodeError as e:
        raise BadDatabaseUrl(url=f"{path}: {e}") from e
    if value is not None and not isinstance(value, str):
        raise BadDatabaseUrl(url=f"{path}: db = {value!r}")
    return value or None


def configured_blobs(root: Path) -> Path | None:
    """This computer's path to the team's shared originals folder (``blobs = "…"`` in the
    folder's ``library.toml``): the same share is mounted at different paths on different
    systems (``\\\\nas\\ek`` on Windows, ``/mnt/nas/ek`` on Linux)."""
    try:
        value = tomllib.loads((root / CONFIG_NAME).read_text(encoding="utf-8")).get("blobs")
    except (OSError, tomllib.TOMLDecodeError):
        return None  # a missing file, or one configured_db reports
    return Path(value).expanduser() if isinstance(value, str) and value else None


def team_folder(url: URL) -> Path:
    """The folder a team library uses on this computer when none is given."""
    from platformdirs import user_data_dir
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{url.host or 'local'}-{url.port or 5432}-{url.database}")
    return Path(user_data_dir("EvidenceKit", appauthor=False)) / "team" / name


def resolve(root: Path | None, db: str | None, default_root: Path) -> Location:
    """Which folder and which rows: see the module's docstring for the order."""
    text = db or os.environ.get(ENV_DB) or (configured_db(root) if root is not None else None)
    if not text:
        return Location(root if root is not None else default_root, None)
    url = postgres.parse_url(text)
    if root is None:
        root = default_root if os.environ.get("EVIDENCEKIT_LIBRARY") else team_folder(url)
    return Location(root, url)


def check_folder_for_team(root: Path) -> None:
    """A folder holding a local library is not pointed at a team database: its cases would
    be hidden behind the team's (``library migrate --to`` copies them instead)."""
    if (root / LOCAL_DB).exists() and configured_db(root) is None:
        raise FolderHoldsLocalLibrary(root=root)


def write_config(root: Path, url: URL, blobs: Path | None = None) -> bool:
    """Point the folder at the team database (``library.toml``), never with a password.
    Returns whether a password was left out."""
    saved, had_password = postgres.savable_url(url)
    path = root / CONFIG_NAME
    tmp = path.with_name(path.name + ".part")
    tmp.write_text("# This library's rows are in a team database (evidencekit init --db).\n"
                   "# No password here: libpq reads ~/.pgpass or a service file, or EvidenceKit asks.\n"
                   f"db = {_toml_string(saved)}\n"
                   + (f"# Originals in a shared folder (init --blobs), as this computer reaches it.\n"
                      f"blobs = {_toml_string(str(blobs))}\n" if blobs is not None else ""),
                   encoding="utf-8")
    os.replace(tmp, path)
    return had_password


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
