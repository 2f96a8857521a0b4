"""``check``: the case's checklist and deadlines; exit 0 when complete, 1 when not."""

from __future__ import annotations

import argparse

from .. import checklist
from ..i18n import pick
from .common import Subparsers, display_zone, emit, now_from, open_library, print_deadlines, type_name


def register(sub: Subparsers) -> None:
    ck = sub.add_parser("check", help="checklist and deadlines; exit 0 complete, 1 not")
    ck.add_argument("case")
    ck.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    ck.add_argument("--now", metavar="ISO")
    ck.add_argument("--json", action="store_true")
    ck.set_defaults(run=cmd_check)


def cmd_check(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        exhibits = lib.list_exhibits(case.id)
        now = now_from(args)
        items = checklist.evaluate(case, exhibits, lib.rules, args.mode, now=now,
                                   worklog=lib.worklog(case.id))
        dls = lib.clocks(case, now)  # running, then stopped (met/late)
        complete = checklist.is_complete(items)
        data = {"case": case.id, "case_no": case.case_no, "mode": args.mode, "complete": complete,
                "items": [i.to_dict() for i in items], "deadlines": [d.to_dict() for d in dls]}

        def human() -> None:
            marks = {"ok": "✓", "missing": "✗", "warning": "!"}
            print(f"{case.case_no}  {type_name(lib, case, lang)}  "
                  + pick(lang, "申诉" if args.mode == "appeal" else "平台介入举证",
                         args.mode))
            for i in items:
                need = pick(lang, "必需" if i.required else "建议", "required" if i.required else "recommended")
                print(f"  {marks[i.status]} [{need}] {i.reason(lang)}")
            print_deadlines(data["deadlines"], lang, display_zone(args, lib))
            print(pick(lang, "材料齐全。" if complete else "材料不全。",
                       "Complete." if complete else "Not complete."))
        emit(data, args.json, human)
        return 0 if complete else 1
