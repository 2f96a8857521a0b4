"""``worklog``: the merchant's work-order log (售后工单), steps with their times.

``worklog add CASE --at ISO TEXT`` · ``worklog list CASE [--json]`` ·
``worklog set CASE N [--at ISO] [--text TEXT]`` · ``worklog remove CASE N``.
N is the entry's number shown by ``list`` (stable: it does not change when others are added).
The entries go to the platform in the bundle and meet the work-order-log checklist item.
"""

from __future__ import annotations

import argparse
import json

from ..errors import BadWorklogNumber, NothingToChange
from ..i18n import pick
from ..timeutil import format_local, get_zone, parse_instant
from .common import CliParser, Subparsers, display_zone, open_library


def register(sub: Subparsers) -> None:
    wl = sub.add_parser("worklog", help="the work-order log (售后工单): steps with their times")
    ws = wl.add_subparsers(dest="worklog_cmd", required=True, parser_class=CliParser)
    wadd = ws.add_parser("add", help="add a step: worklog add CASE --at ISO TEXT")
    wadd.add_argument("case")
    wadd.add_argument("--at", required=True, metavar="ISO",
                      help="when it happened, e.g. 2024-09-17T09:10 (naive: the platform's zone)")
    wadd.add_argument("text", nargs="+")
    wls = ws.add_parser("list", help="the steps in time order, with their numbers")
    wls.add_argument("case")
    wls.add_argument("--json", action="store_true")
    wset = ws.add_parser("set", help="change a step's time or text")
    wset.add_argument("case")
    wset.add_argument("entry", help="its number from 'worklog list' (#3 or 3)")
    wset.add_argument("--at", metavar="ISO")
    wset.add_argument("--text")
    wrm = ws.add_parser("remove", help="remove a step")
    wrm.add_argument("case")
    wrm.add_argument("entry")
    for p in (wadd, wls, wset, wrm):
        p.set_defaults(run=cmd_worklog)


def _entry_id(text: str) -> int:
    t = text.strip().lstrip("#")
    if not t.isdigit():
        raise BadWorklogNumber(text=text)
    return int(t)


def cmd_worklog(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        zone = display_zone(args, lib)
        platform_zone = get_zone(lib.rules.platform(case.platform).zone)
        cmd = args.worklog_cmd
        if cmd == "add":
            e = lib.add_worklog(case.id, parse_instant(args.at, platform_zone), " ".join(args.text))
            print(pick(lang, f"已添加工单记录 #{e.id}：{format_local(e.at, zone)} {e.text}",
                       f"Added work-order entry #{e.id}: {format_local(e.at, zone)} {e.text}"))
        elif cmd == "set":
            if args.at is None and args.text is None:
                raise NothingToChange()
            e = lib.update_worklog(case.id, _entry_id(args.entry),
                                   at=parse_instant(args.at, platform_zone) if args.at else None,
                                   text=args.text)
            print(pick(lang, f"已修改工单记录 #{e.id}：{format_local(e.at, zone)} {e.text}",
                       f"Changed work-order entry #{e.id}: {format_local(e.at, zone)} {e.text}"))
        elif cmd == "remove":
            e = lib.remove_worklog(case.id, _entry_id(args.entry))
            print(pick(lang, f"已删除工单记录 #{e.id}：{e.text}",
                       f"Removed work-order entry #{e.id}: {e.text}"))
        elif args.json:
            print(json.dumps([e.to_dict() for e in lib.worklog(case.id)], ensure_ascii=False,
                             indent=2))
        else:
            entries = lib.worklog(case.id)
            if not entries:
                print(pick(lang, "（尚无工单记录）", "(no work-order entries yet)"))
            for e in entries:
                print(f"#{e.id:<4} {format_local(e.at, zone)}  {e.text}")
    return 0
