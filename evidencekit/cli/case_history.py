"""``case reopen|diff|exports|drop-export`` and the history part of ``case show``: what happened
to a case after its bundles were made (registered by :mod:`.case_commands`)."""

from __future__ import annotations

import argparse
import json
from datetime import tzinfo
from typing import Any

from ..errors import DiffNeedsTwo, NoSuchExport, NoSuchSubmission, TooFewSubmissions
from ..i18n import pick
from ..lifecycle import diff_submissions
from ..timeutil import format_local, from_iso
from .common import display_zone, open_library


def register_history(cs: Any) -> None:
    ro = cs.add_parser("reopen", help="make a closed case editable again (logged)")
    ro.add_argument("case")
    ro.add_argument("--reason", required=True)
    ro.set_defaults(run=cmd_case_reopen)
    df = cs.add_parser("diff", help="what changed between two submissions (default: the last two)")
    df.add_argument("case")
    df.add_argument("subs", nargs="*", metavar="SUB", help="two submission ids")
    df.add_argument("--json", action="store_true")
    df.set_defaults(run=cmd_case_diff)
    ce = cs.add_parser("exports", help="a case's export records (drafts)")
    ce.add_argument("case")
    ce.add_argument("--json", action="store_true")
    ce.set_defaults(run=cmd_case_exports)
    cd = cs.add_parser("drop-export", help="delete a draft export record (files on disk are kept)")
    cd.add_argument("case")
    cd.add_argument("export_id", type=int)
    cd.set_defaults(run=cmd_case_drop_export)


def print_history(data: dict, lang: str, zone: tzinfo) -> None:
    """Appeals used, submissions (with their decision) and draft exports of ``case show``."""
    print(pick(lang, f"申诉次数：已用 {data['appeals_used']}/{data['appeals_max']}",
               f"Appeals: {data['appeals_used']} of {data['appeals_max']} used"))
    print(pick(lang, "提交记录：", "Submissions:"))
    for s in data["submissions"]:
        dec = s["decision"]["decision"] if s["decision"] else "—"
        print(f"  #{s['id']}  {format_local(from_iso(s['at']), zone)}  {s['as']}  "
              f"{', '.join(f['name'] for f in s['files'])}  {dec}")
    if not data["submissions"]:
        print(pick(lang, "  （无）", "  (none)"))
    print(pick(lang, "导出草稿：", "Exports (drafts):"))
    for e in data["exports"]:
        print(f"  #{e['id']}  {format_local(from_iso(e['at']), zone)}  {e['mode']}  "
              f"{', '.join(f['name'] for f in e['files'])}")
    if not data["exports"]:
        print(pick(lang, "  （无）", "  (none)"))


def cmd_case_reopen(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.reopen_case(lib.get_case(args.case, include_deleted=False).id, args.reason)
        print(pick(lang, f"已重新打开 {case.case_no}（阶段：{case.stage}）",
                   f"Reopened {case.case_no} (stage: {case.stage})"))
    return 0


def cmd_case_diff(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        subs = {s["id"]: s for s in lib.submissions(case.id)}
        if len(args.subs) not in (0, 2):
            raise DiffNeedsTwo()
        if args.subs:
            ids = [int(x.lstrip("#")) if x.lstrip("#").isdigit() else -1 for x in args.subs]
            for ref, i in zip(args.subs, ids, strict=True):
                if i not in subs:
                    raise NoSuchSubmission(ref=f"{case.case_no} {ref}")
            a, b = subs[ids[0]], subs[ids[1]]
        else:
            if len(subs) < 2:
                raise TooFewSubmissions(case_no=case.case_no)
            a, b = list(subs.values())[-2:]
        d = diff_submissions(a, b)
        if args.json:
            print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2))
        else:
            for line in d.lines(lang):
                print(line)
    return 0


def cmd_case_exports(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        exports = lib.exports(case.id)
        if args.json:
            print(json.dumps(exports, ensure_ascii=False, indent=2))
            return 0
        zone = display_zone(args, lib)
        for e in exports:
            print(f"#{e['id']}  {format_local(from_iso(e['at']), zone)}  {e['mode']:<12} "
                  f"{e['profile']:<10} " + ", ".join(f["path"] for f in e["files"]))
        if not exports:
            print(pick(lang, "没有导出记录。", "No export records."))
    return 0


def cmd_case_drop_export(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        if not any(e["id"] == args.export_id for e in lib.exports(case.id)):
            raise NoSuchExport(export_id=args.export_id)
        lib.delete_export(args.export_id)
        print(pick(lang, f"已删除导出记录 #{args.export_id}（磁盘上的文件未改动）",
                   f"Deleted export record #{args.export_id} (files on disk untouched)"))
    return 0
