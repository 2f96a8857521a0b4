"""``library migrate --to postgresql://…``: copy a local library into a team library."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..i18n import pick
from .common import CliParser, Subparsers, emit, open_library

TEAM_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def register(sub: Subparsers) -> None:
    lib = sub.add_parser("library", help="the library as a whole: move it into a team library")
    lsub = lib.add_subparsers(dest="library_cmd", required=True, parser_class=CliParser)
    m = lsub.add_parser("migrate", help="copy this local library (rows, originals, submitted "
                        "bundles, sealing key) into an empty team library on PostgreSQL, "
                        "checking every hash; the local library is left as it is")
    m.add_argument("--to", required=True, metavar="URL",
                   help="the team database, e.g. postgresql://owner@server:5432/evidencekit")
    m.add_argument("--json", action="store_true")
    m.set_defaults(run=cmd_migrate)


def team_engine(url: str):
    """An engine on the team database at ``url`` (libpq's URL; TLS settings in it are kept)."""
    from sqlalchemy import create_engine
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            url = "postgresql+psycopg://" + url[len(scheme):]
    return create_engine(url)


def cmd_migrate(args: argparse.Namespace, lang: str) -> int:
    from ..errors import MigrateNeedsTeamDatabase
    from ..store.team_migrate import migrate_library

    target = args.to.strip()
    if not target.startswith(TEAM_SCHEMES):
        raise MigrateNeedsTeamDatabase(target=target)
    engine = team_engine(target)
    shown = engine.url.render_as_string(hide_password=True)

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        with open_library(args) as lib, tempfile.TemporaryDirectory(prefix="evidencekit-migrate-") as tmp:
            result = migrate_library(lib, engine, shown, Path(tmp), lang=lang, say=say)
    finally:
        engine.dispose()

    def human() -> None:
        print(pick(lang, f"已迁移到团队资料库 {shown}：{result.rows.get('cases', 0)} 个案件、"
                         f"{result.blobs} 个原件（{result.blob_bytes / 1e6:.1f} MB），哈希全部一致",
                   f"Migrated into the team library {shown}: {result.rows.get('cases', 0)} cases, "
                   f"{result.blobs} originals ({result.blob_bytes / 1e6:.1f} MB), every hash matches"))
        print(pick(lang, "本地资料库保持不变。使用团队资料库：--db URL 或 EVIDENCEKIT_DB=URL。",
                   "The local library is unchanged. Use the team library with --db URL or "
                   "EVIDENCEKIT_DB=URL."))
    emit(result.to_dict(), args.json, human)
    return 0
