"""``init``, ``fsck`` and ``rules``: the library itself and the rule files it reads."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..i18n import pick
from .common import Subparsers, emit, open_library


def register(sub: Subparsers) -> None:
    init = sub.add_parser("init", help="create the library (with --db: a team library on PostgreSQL)")
    init.add_argument("--db", metavar="URL", help="create a team library in this PostgreSQL database "
                      "(postgresql://owner@server:5432/evidencekit); the folder (--library) is pointed at it")
    init.add_argument("--blobs", metavar="DIR", help="with --db: keep the team's originals in this "
                      "shared folder (SMB/NFS; for archives too large for the database) instead of "
                      "in the database")
    init.set_defaults(run=cmd_init)
    sub.add_parser("fsck", help="re-hash every original; find orphans and missing files"
                   ).set_defaults(run=cmd_fsck)
    rules = sub.add_parser("rules", help="list platforms and dispute types; report rule-file errors")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(run=cmd_rules)


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    import os

    from ..export.sealkey import ensure_library_key  # its key seals every export
    if getattr(args, "blobs", None) and not (getattr(args, "db", None) or os.environ.get("EVIDENCEKIT_DB")):
        from ..errors import BadUsage
        raise BadUsage(detail="--blobs DIR needs --db URL (a local library keeps its originals in its folder)")
    with open_library(args, create=True) as lib:
        if not lib.read_only:
            ensure_library_key(lib)
        if lib.team:
            _init_team(lib, lang, getattr(args, "blobs", None))
        else:
            print(pick(lang, f"资料库已就绪：{lib.root}", f"Library ready: {lib.root}"))
        for err in lib.rules.errors:
            print(err.message(lang))
    return 0


def _init_team(lib: Any, lang: str, blobs: str | None = None) -> None:
    """The schema is made (by opening); now the roles, and the folder pointed at the database."""
    from pathlib import Path

    from ..errors import PasswordNotSaved
    from ..store import location, postgres
    from ..store.blob_choice import SHARED_FOLDER_SETTING

    location.check_folder_for_team(lib.root)
    roles = lib.setup_team()
    url = postgres.shown(lib.db.url)
    folder = Path(blobs).expanduser().resolve() if blobs else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        lib.set_setting(SHARED_FOLDER_SETTING, str(folder))
        print(pick(lang, f"原件保存在共享文件夹：{folder}", f"Originals kept in the shared folder: {folder}"))
    if location.write_config(lib.root, lib.db.url, folder):
        err = PasswordNotSaved(url=url)
        print(f"{err.message(lang)} — {err.hint(lang)}", file=sys.stderr)
    staff, reviewer = roles[postgres.STAFF], roles[postgres.REVIEWER]
    print(pick(lang, f"团队资料库已就绪：{url}", f"Team library ready: {url}"))
    print(pick(lang, f"本机文件夹：{lib.root}（在应用中打开此文件夹即可使用团队资料库）",
               f"Folder on this computer: {lib.root} (open it in the app to use the team library)"))
    print(pick(lang, f"角色：{staff}（读写案件）、{reviewer}（只读）",
               f"Roles: {staff} (read and write cases), {reviewer} (read only)"))
    print(pick(lang, f"添加成员（在数据库中）：CREATE ROLE 用户名 LOGIN; GRANT {staff} TO 用户名;",
               f"Add a member (in the database): CREATE ROLE name LOGIN; GRANT {staff} TO name;"))


def _clock_json(c: Any) -> dict:
    return {"id": c.id, "name_zh": c.name_zh, "name_en": c.name_en, "starts": c.starts,
            "stops": list(c.stops), "hours": c.hours, "family": c.family,
            "verified": c.verified, "source": c.source}


def cmd_rules(args: argparse.Namespace, lang: str) -> int:
    with open_library(args, create=True) as lib:
        rs = lib.rules
        data = {"platforms": [{"id": p.id, "name_zh": p.name_zh, "name_en": p.name_en,
                               "file": p.source, "source": p.source, "zone": p.zone,
                               "ask_zone": p.ask_zone, "max_appeals": p.max_appeals,
                               "max_penalty_appeals": p.max_penalty_appeals,
                               "clocks": [_clock_json(c) for c in p.clocks],
                               "dispute_types": [{"id": t.id, "name_zh": t.name_zh, "name_en": t.name_en,
                                                  "required": ["|".join(k) for k in t.required],
                                                  "recommended": ["|".join(k) for k in t.recommended],
                                                  "source": t.source}
                                                 for t in p.dispute_types]}
                              for p in rs.platforms.values()],
                "errors": [e.to_dict() | {"file": e.file, "key": e.key} for e in rs.errors]}

        def human() -> None:
            for p in rs.platforms.values():
                print(f"{p.id}  {p.name(lang)}  ({p.source})")
                print(pick(lang, "  期限：", "  Clocks:"))
                for c in p.clocks:
                    flag = "" if c.verified else pick(lang, "  [未核实，可修改]", "  [unverified, editable]")
                    print(f"    {c.id:22} {c.name(lang)}  {c.hours:g} h  "
                          f"{c.starts} → {' / '.join(c.stops) or '—'}{flag}")
                    print(f"    {'':22} {pick(lang, '来源', 'source')}: {c.source or '—'}")
                print(pick(lang, "  纠纷类型：", "  Dispute types:"))
                for t in p.dispute_types:
                    print(f"    {t.id:22} {t.name(lang)}")
                    print(f"    {'':22} {pick(lang, '来源', 'source')}: {t.source or '—'}")
            for e in rs.errors:
                print(e.message(lang))
        emit(data, args.json, human)
        return 1 if rs.errors else 0


def cmd_fsck(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        rep = lib.fsck()
        for line in rep.lines(lang):
            print(line)
        return 0 if rep.ok else 1
