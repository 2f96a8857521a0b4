"""``attach`` and ``exhibit set|move|remove``: evidence into a case, and changes to it."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..domain import KINDS, Exhibit, kind_name
from ..errors import IngestError, NoSuchExhibitNumber, NothingToChange
from ..i18n import pick
from ..store import Library
from ..store.exhibits import _analyze
from .common import Subparsers, emit, open_library


def register(sub: Subparsers) -> None:
    at = sub.add_parser("attach", help="add evidence files (folders: every file inside)")
    at.add_argument("case")
    at.add_argument("files", nargs="+", metavar="FILE")
    at.add_argument("--kind", choices=list(KINDS))
    at.add_argument("--caption", default="")
    at.add_argument("--password", help="password of an encrypted PDF")
    at.add_argument("--new", dest="is_new", action="store_true", default=None,
                    help="mark as new since the last submission")
    at.add_argument("--json", action="store_true")
    at.set_defaults(run=cmd_attach)

    exh = sub.add_parser("exhibit", help="change, move or remove an exhibit")
    es = exh.add_subparsers(dest="exhibit_cmd", required=True, parser_class=type(exh))
    eset = es.add_parser("set", help="change kind, caption or the new-evidence flag")
    eset.add_argument("case")
    eset.add_argument("exhibit", help="E3 or 3 (number within the case)")
    eset.add_argument("--kind", choices=list(KINDS))
    eset.add_argument("--caption")
    eset.add_argument("--new", dest="is_new", choices=["yes", "no"])
    eset.set_defaults(run=cmd_exhibit_set)
    emv = es.add_parser("move", help="move an exhibit to another position")
    emv.add_argument("case")
    emv.add_argument("exhibit")
    emv.add_argument("position", type=int)
    emv.set_defaults(run=cmd_exhibit_move)
    erm = es.add_parser("remove", help="take an exhibit out of the case (the original is kept)")
    erm.add_argument("case")
    erm.add_argument("exhibit")
    erm.set_defaults(run=cmd_exhibit_remove)


def _expand(files: list[str]) -> list[Path]:
    out = []
    for f in files:
        p = Path(f)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")))
        else:
            out.append(p)
    return out


def cmd_attach(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        paths = _expand(args.files)

        def read(p: Path):
            try:
                return _analyze(lib, p, args.kind, args.password)
            except IngestError as e:
                return e

        # Read every file first (in parallel: decoding releases the GIL). Files that cannot be
        # read are refused and named; the others are attached (conventions: exit 1 when some
        # were refused, 2 when none could be attached, nothing changed).
        with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2))) as pool:
            results = list(pool.map(read, paths))
        failures = [(p, r) for p, r in zip(paths, results, strict=True) if isinstance(r, IngestError)]
        for p, e in failures:
            print(f"evidencekit: {p.name}: {e.message(lang)}"
                  + (f" — {e.hint(lang)}" if e.hint(lang) else ""), file=sys.stderr)
        if len(failures) == len(paths):
            return 2
        added = [lib.attach(case.id, p, kind=args.kind, caption=args.caption, is_new=args.is_new,
                            result=r) for p, r in zip(paths, results, strict=True)
                 if not isinstance(r, IngestError)]

        def human() -> None:
            for e in added:
                print(f"E{e.position}  {kind_name(e.kind, lang)}  {e.source_name}  {e.sha256[:12]}")
                for w in e.warnings:
                    print(f"     ! {w.zh if lang == 'zh' else w.en}")
        emit([e.to_dict() for e in added], args.json, human)
    return 1 if failures else 0


def _exhibit(lib: Library, case_ref: str, number: str) -> Exhibit:
    case = lib.get_case(case_ref, include_deleted=False)
    text = number.strip().upper().lstrip("E")
    for e in lib.list_exhibits(case.id):
        if text.isdigit() and e.position == int(text):
            return e
    raise NoSuchExhibitNumber(case_no=case.case_no, number=number)


def cmd_exhibit_set(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        e = _exhibit(lib, args.case, args.exhibit)
        if args.kind is None and args.caption is None and args.is_new is None:
            raise NothingToChange()
        lib.update_exhibit(e.id, kind=args.kind, caption=args.caption,
                           is_new=None if args.is_new is None else args.is_new == "yes")
        print(pick(lang, f"已更新 E{e.position}", f"Updated E{e.position}"))
    return 0


def cmd_exhibit_move(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        e = _exhibit(lib, args.case, args.exhibit)
        lib.move_exhibit(e.id, args.position)
        print(pick(lang, f"已移动 {e.source_name}", f"Moved {e.source_name}"))
    return 0


def cmd_exhibit_remove(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        e = _exhibit(lib, args.case, args.exhibit)
        lib.remove_exhibit(e.id)
        print(pick(lang, f"已移除 E{e.position} {e.source_name}（原始文件保留）",
                   f"Removed E{e.position} {e.source_name} (the original is kept)"))
    return 0
