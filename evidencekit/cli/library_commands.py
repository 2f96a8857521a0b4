"""``init``, ``fsck`` and ``rules``: the library itself and the rule files it reads."""

from __future__ import annotations

import argparse

from ..i18n import pick
from .common import Subparsers, emit, open_library


def register(sub: Subparsers) -> None:
    sub.add_parser("init", help="create the library").set_defaults(run=cmd_init)
    sub.add_parser("fsck", help="re-hash every original; find orphans and missing files"
                   ).set_defaults(run=cmd_fsck)
    rules = sub.add_parser("rules", help="list platforms and dispute types; report rule-file errors")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(run=cmd_rules)


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    from ..export.sealkey import ensure_seal_key, library_name  # its key seals every export

    with open_library(args, create=True) as lib:
        if not lib.read_only:
            ensure_seal_key(lib.root, library_name(lib))
        print(pick(lang, f"资料库已就绪：{lib.root}", f"Library ready: {lib.root}"))
        for err in lib.rules.errors:
            print(err.message(lang))
    return 0


def cmd_rules(args: argparse.Namespace, lang: str) -> int:
    with open_library(args, create=True) as lib:
        rs = lib.rules
        data = {"platforms": [{"id": p.id, "name_zh": p.name_zh, "name_en": p.name_en,
                               "source": p.source, "max_appeals": p.max_appeals,
                               "dispute_types": [{"id": t.id, "name_zh": t.name_zh, "name_en": t.name_en,
                                                  "required": ["|".join(k) for k in t.required],
                                                  "recommended": ["|".join(k) for k in t.recommended]}
                                                 for t in p.dispute_types]}
                              for p in rs.platforms.values()],
                "errors": [e.to_dict() | {"file": e.file, "key": e.key} for e in rs.errors]}

        def human() -> None:
            for p in rs.platforms.values():
                print(f"{p.id}  {p.name(lang)}  ({p.source})")
                for t in p.dispute_types:
                    print(f"    {t.id:22} {t.name(lang)}")
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
