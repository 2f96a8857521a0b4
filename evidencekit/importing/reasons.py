"""The tables a clerk can edit: after-sale reason → dispute type, status → instant.

Built-in tables live in ``assets/import/<platform>.toml``; a library's own
``import/<platform>.toml`` adds entries or overrides them, key by key. A reason that is in
neither table is an error on its row: the dispute type decides the checklist, so it is never
guessed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..assets import asset_path
from ..domain import INSTANT_FIELDS
from ..errors import ImportTableInvalid, ImportTableUnreadable
from .values import normalize

TABLE_SCHEMA_VERSION = 1
NO_INSTANT = ""  # a known status that implies no instant beyond the request (e.g. 待商家处理)


@dataclass
class PlatformTables:
    platform: str
    reasons: dict[str, str] = field(default_factory=dict)   # normalized reason → dispute type
    statuses: dict[str, str] = field(default_factory=dict)  # normalized status → instant or ""
    files: list[str] = field(default_factory=list)

    def dispute_type(self, reason: str) -> str | None:
        return self.reasons.get(normalize(reason)) if reason else None

    def status_instant(self, status: str) -> str | None:
        """The instant a status calls for, ``""`` for a known status that needs none,
        ``None`` for a status not in the table."""
        return self.statuses.get(normalize(status)) if status else None


def _fail(file: str, key: str, expected: str) -> ImportTableInvalid:
    return ImportTableInvalid(file=file, key=key, expected=expected)


def _merge(tables: PlatformTables, path: Path, type_ids: set[str]) -> None:
    file = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail(file, "(file)", "UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise _fail(file, "(syntax)", f"valid TOML ({e})") from None
    if data.get("schema_version") != TABLE_SCHEMA_VERSION:
        raise _fail(file, "schema_version", f"the number {TABLE_SCHEMA_VERSION}")
    reasons = data.get("reasons", {})
    if not isinstance(reasons, dict):
        raise _fail(file, "reasons", "a table of reason = dispute type id")
    for reason, type_id in reasons.items():
        if not isinstance(type_id, str) or type_id not in type_ids:
            raise _fail(file, f"reasons.{reason}", "a dispute type of this platform ("
                        + ", ".join(sorted(type_ids)) + ")")
        tables.reasons[normalize(reason)] = type_id
    statuses = data.get("statuses", {})
    if not isinstance(statuses, dict):
        raise _fail(file, "statuses", "a table of status = instant name")
    for status, instant in statuses.items():
        if not isinstance(instant, str) or (instant and instant not in INSTANT_FIELDS):
            raise _fail(file, f"statuses.{status}", "\"\" or one of " + ", ".join(INSTANT_FIELDS))
        tables.statuses[normalize(status)] = instant
    tables.files.append(file)


def user_tables_dir(library_root: Path) -> Path:
    return library_root / "import"


def load_tables(platform, library_root: Path | None) -> PlatformTables:
    """The built-in table of ``platform`` (a :class:`~evidencekit.rules.Platform`) with the
    library's own entries on top."""
    type_ids = {t.id for t in platform.dispute_types}
    tables = PlatformTables(platform.id)
    builtin = asset_path("import", f"{platform.id}.toml")
    if builtin.is_file():
        _merge(tables, builtin, type_ids)
    if library_root is not None:
        own = user_tables_dir(library_root) / f"{platform.id}.toml"
        if own.is_file():
            try:
                _merge(tables, own, type_ids)
            except OSError as e:
                raise ImportTableUnreadable(file=str(own), reason=e.strerror or type(e).__name__) from e
    return tables
