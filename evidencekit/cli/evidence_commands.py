"""``attach`` and ``exhibit set|mark|move|remove``: evidence into a case, and changes to it."""

from __future__ import annotations

import argparse
import sys

from ..domain import KINDS, Exhibit, kind_name
from ..errors import (
    BadMarkNumber,
    DuplicateExhibit,
    IngestError,
    MarkUnitMismatch,
    NoSuchExhibitNumber,
    NothingToChange,
)
from ..i18n import pick
from ..names import shown_name, stored_name
from ..store import Library
from ..store.exhibits import _analyze
from ..thirdparty_log import library_log
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
    at.add_argument("--all-or-nothing", action="store_true",
                    help="attach nothing if any file is refused (exit 2)")
    at.add_argument("--allow-duplicate", action="store_true",
                    help="attach a file even if the case already holds the same bytes")
    at.set_defaults(run=cmd_attach)

    exh = sub.add_parser("exhibit", help="change, move or remove an exhibit")
    es = exh.add_subparsers(dest="exhibit_cmd", required=True, parser_class=type(exh))
    eset = es.add_parser("set", help="change kind, caption or the new-evidence flag")
    eset.add_argument("case")
    eset.add_argument("exhibit", help="E3 or 3 (number within the case)")
    eset.add_argument("--kind", choices=list(KINDS))
    eset.add_argument("--caption")
    eset.add_argument("--new", dest="is_new", choices=["yes", "no", "auto"],
                      help="override the new-evidence mark (auto: computed from submissions)")
    eset.set_defaults(run=cmd_exhibit_set)
    emv = es.add_parser("move", help="move an exhibit to another position")
    emv.add_argument("case")
    emv.add_argument("exhibit")
    emv.add_argument("position", type=int)
    emv.set_defaults(run=cmd_exhibit_move)
    emk = es.add_parser("mark", help="mark key chat messages or trace rows (highlighted in the "
                        "bundle and listed on its cover)")
    emk.add_argument("case")
    emk.add_argument("exhibit", help="E3 or 3: a chat log or a courier trace")
    which = emk.add_mutually_exclusive_group(required=True)
    which.add_argument("--message", dest="messages", action="append", metavar="N",
                       help="a chat message by its number in the bundle (E1 #4 → 4); repeatable, "
                            "or 4,7")
    which.add_argument("--row", dest="rows", action="append", metavar="N",
                       help="a trace event by its number in the bundle's timeline; repeatable")
    emk.add_argument("--unmark", action="store_true", help="take the marks off instead")
    emk.set_defaults(run=cmd_exhibit_mark)
    erm = es.add_parser("remove", help="take an exhibit out of the case (the original is kept)")
    erm.add_argument("case")
    erm.add_argument("exhibit")
    erm.set_defaults(run=cmd_exhibit_remove)


def _refused(lang: str, name: str, e: IngestError) -> None:
    hint = e.hint(lang)
    print(f"evidencekit: {shown_name(name)}: {e.message(lang)}" + (f" — {hint}" if hint else ""),
          file=sys.stderr)


def cmd_attach(args: argparse.Namespace, lang: str) -> int:
    """Attach files one at a time (memory stays flat whatever the count): a refused file is
    named with its reason and the others go in (exit 1; only refusals: exit 2, nothing
    changed); ``--all-or-nothing`` reads every file first and attaches none if one is
    refused. A file the case already holds is skipped (``--allow-duplicate`` adds it)."""
    from ..ingest.files import collect_files  # lazy: ingestion loads the PDF and image libraries
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        found = collect_files(args.files)
        for _p, e in found.skipped:  # the message names the path
            print(f"evidencekit: {e.message(lang)}", file=sys.stderr)
        refused = len(found.skipped)
        tp_log = library_log(lib.root)
        with tp_log.capture():
            if args.all_or_nothing:
                failures = 0
                for p in found.files:
                    try:
                        with tp_log.labelled(stored_name(p.name)):
                            _analyze(lib, p, args.kind, args.password)  # read, then dropped
                    except IngestError as e:
                        _refused(lang, p.name, e)
                        failures += 1
                if failures or refused:
                    print(pick(lang, "有文件被拒绝，未添加任何文件。", "Some files were refused; "
                               "nothing was attached."), file=sys.stderr)
                    return 2
            added: list[Exhibit] = []
            for p in found.files:
                try:
                    with tp_log.labelled(stored_name(p.name)) as noted:
                        ex = lib.attach(case.id, p, kind=args.kind, caption=args.caption,
                                        password=args.password, is_new=args.is_new,
                                        allow_duplicate=args.allow_duplicate)
                except DuplicateExhibit as e:
                    print(pick(lang, f"跳过 {shown_name(p.name)}：{e.message(lang)}",
                               f"Skipped {shown_name(p.name)}: {e.message(lang)}"), file=sys.stderr)
                    continue
                except IngestError as e:
                    _refused(lang, p.name, e)
                    refused += 1
                    continue
                added.append(ex)
                if not args.json:
                    print(f"E{ex.position}  {kind_name(ex.kind, lang)}  {shown_name(ex.source_name)}"
                          f"  {ex.sha256[:12]}")
                    for w in ex.warnings:
                        print(f"     ! {w.zh if lang == 'zh' else w.en}")
                if noted[0]:
                    print(pick(lang, f"     ! 读取时有 {noted[0]} 条技术警告，见 {tp_log.path}",
                               f"     ! {noted[0]} technical warnings while reading; see "
                               f"{tp_log.path}"), file=sys.stderr)
        if args.json:
            emit([e.to_dict() for e in added], True, lambda: None)
        if refused and len(found.files) + len(found.skipped) > 1:
            print(pick(lang, f"已添加 {len(added)} 个文件，{refused} 个被拒绝（见上）。",
                       f"Attached {len(added)} files; {refused} refused (listed above)."),
                  file=sys.stderr)
        if refused:
            return 1 if added else 2
    return 0


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
                           is_new=None if args.is_new is None else
                           "auto" if args.is_new == "auto" else args.is_new == "yes")
        print(pick(lang, f"已更新 E{e.position}", f"Updated E{e.position}"))
    return 0


def _numbers(text: str) -> list[int]:
    parts = [p.strip().lstrip("#") for p in text.replace("，", ",").split(",") if p.strip()]
    if not parts or not all(p.isdigit() and len(p) < 7 for p in parts):
        raise BadMarkNumber(text=text[:40])
    return [int(p) for p in parts]


def cmd_exhibit_mark(args: argparse.Namespace, lang: str) -> int:
    from ..kinds import view_of
    with open_library(args) as lib:
        e = _exhibit(lib, args.case, args.exhibit)
        view = view_of(e).name
        if args.messages and view == "trace":
            raise MarkUnitMismatch(number=e.position, what_zh="物流轨迹", what_en="a courier trace",
                                   flag="--row")
        if args.rows and view == "chat":
            raise MarkUnitMismatch(number=e.position, what_zh="聊天记录", what_en="a chat log",
                                   flag="--message")
        items = sorted({n for text in (args.messages or args.rows) for n in _numbers(text)})
        ex = lib.mark_exhibit(e.id, items, marked=not args.unmark)
        shown = "、".join(f"#{n}" for n in ex.marks) or pick(lang, "无", "none")
        print(pick(lang, f"E{ex.position} 的要点：{shown}", f"Key items of E{ex.position}: {shown}"))
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
