"""``submit``, ``submission list|get``, ``decide``, ``deadlines``: what happens after an export."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from ..domain import OUTCOMES
from ..errors import NegativeWithin, SubmittedBytesMissing
from ..i18n import pick
from ..lifecycle import SUBMIT_KINDS
from ..store import Library
from ..submission import submit
from ..timeutil import format_duration, format_local, from_iso, get_zone, parse_instant
from .common import Subparsers, display_zone, now_from, open_library, parse_amount


def register(sub: Subparsers) -> None:
    sb = sub.add_parser("submit", help="record that exported bundle files went to the platform; "
                        "prints the submission id as the last line")
    sb.add_argument("case")
    sb.add_argument("files", nargs="+", metavar="BUNDLE.pdf")
    sb.add_argument("--as", dest="as_kind", choices=list(SUBMIT_KINDS), default="evidence")
    sb.add_argument("--at", metavar="ISO", help="when it was uploaded (default: now)")
    sb.add_argument("--force", action="store_true", help="record an appeal beyond the platform's limit")
    sb.add_argument("--reason", default="", help="why (required with --force; logged)")
    sb.add_argument("--json", action="store_true")
    sb.set_defaults(run=cmd_submit)

    sm = sub.add_parser("submission", help="list submissions or get a submitted bundle back")
    ss = sm.add_subparsers(dest="submission_cmd", required=True, parser_class=type(sm))
    sl = ss.add_parser("list", help="a case's submissions")
    sl.add_argument("case")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(run=cmd_submission_list)
    sg = ss.add_parser("get", help="write the exact submitted bytes to a file (or folder)")
    sg.add_argument("id", help="submission id")
    sg.add_argument("-o", "--output", required=True, metavar="FILE|DIR")
    sg.add_argument("--force", action="store_true", help="replace an existing file")
    sg.set_defaults(run=cmd_submission_get)

    dc = sub.add_parser("decide", help="record the platform's decision on a submission")
    dc.add_argument("case")
    dc.add_argument("--decision", required=True, choices=list(OUTCOMES))
    dc.add_argument("--submission", type=int, metavar="ID", help="default: the latest")
    dc.add_argument("--at", metavar="ISO")
    dc.add_argument("--refund", metavar="AMOUNT")
    dc.add_argument("--ref", default="", metavar="TEXT", help="the platform's reference")
    dc.set_defaults(run=cmd_decide)

    dl = sub.add_parser("deadlines", help="running deadlines across cases")
    dl.add_argument("--within", type=float, metavar="HOURS")
    dl.add_argument("--now", metavar="ISO")
    out = dl.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--ics", action="store_true", help="iCalendar: one event per deadline, with an alarm")
    dl.set_defaults(run=cmd_deadlines)


def _instant(text: str | None, lib: Library, case: Any):
    """``--at``: naive times in the case's zone, else the platform's."""
    if not text:
        return None
    zone = case.zone or lib.rules.platform(case.platform).zone
    return parse_instant(text, get_zone(zone))


def cmd_submit(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        sub = submit(lib, case.id, [Path(f) for f in args.files], as_kind=args.as_kind,
                         at=_instant(args.at, lib, case), force=args.force, reason=args.reason)
        case = lib.get_case(case.id)
        if args.json:
            print(json.dumps(sub, ensure_ascii=False, indent=2))
        else:
            kind = SUBMIT_KINDS[sub["as"]][0 if lang == "zh" else 1]
            print(pick(lang, f"已登记提交 #{sub['id']}（{kind}，{len(sub['files'])} 个文件，"
                             f"{len(sub['exhibits'])} 份证据）；案件阶段：{case.stage}",
                       f"Recorded submission #{sub['id']} ({kind}, {len(sub['files'])} file(s), "
                       f"{len(sub['exhibits'])} exhibit(s)); stage: {case.stage}"))
            for f in sub["files"]:
                print(f"  {f['name']}  sha256 {f['sha256']}")
        print(sub["id"])
    return 0


def cmd_submission_list(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        subs = lib.submissions(case.id)
        if args.json:
            print(json.dumps(subs, ensure_ascii=False, indent=2))
            return 0
        zone = display_zone(args, lib)
        for s in subs:
            dec = s["decision"]["decision"] if s["decision"] else "—"
            print(f"#{s['id']}  {format_local(from_iso(s['at']), zone)}  {s['as']:<14} "
                  f"{', '.join(f['name'] for f in s['files'])}  {dec}")
        if not subs:
            print(pick(lang, "还没有提交记录。", "No submissions yet."))
    return 0


def cmd_submission_get(args: argparse.Namespace, lang: str) -> int:
    """Copy the kept bytes of a submission out (the exported file may be long gone)."""
    from ..export.naming import refuse_existing
    with open_library(args) as lib:
        files = lib.submission_files(args.id)
        out = Path(args.output).expanduser()
        if len(files) > 1 or out.is_dir() or args.output.endswith(("/", "\\")):
            out.mkdir(parents=True, exist_ok=True)
            targets = [out / name for name, _ in files]
        else:
            targets = [out]
        if not args.force:
            refuse_existing(targets)
        for (name, blob), target in zip(files, targets, strict=True):
            if not blob.is_file():
                raise SubmittedBytesMissing(name=name)
            tmp = target.with_name(f".{target.name}.partial")
            shutil.copyfile(blob, tmp)
            tmp.replace(target)
            print(pick(lang, f"已写出 {target}", f"Wrote {target}"))
    return 0


def cmd_decide(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        d = lib.decide(case.id, args.decision, submission_id=args.submission,
                       at=_instant(args.at, lib, case),
                       refund=parse_amount(args.refund) if args.refund else "", ref=args.ref)
        case = lib.get_case(case.id)
        name = OUTCOMES[d["decision"]][0 if lang == "zh" else 1]
        print(pick(lang, f"已登记平台结果：{name}（提交 #{d['submission_id']}）；案件阶段：{case.stage}",
                   f"Recorded the decision: {name} (submission #{d['submission_id']}); "
                   f"stage: {case.stage}"))
    return 0


def cmd_deadlines(args: argparse.Namespace, lang: str) -> int:
    from ..summary import deadlines_across
    with open_library(args) as lib:
        now = now_from(args)
        if args.within is not None and args.within < 0:
            raise NegativeWithin(hours=args.within)
        items = deadlines_across(lib, now, args.within)
        if args.ics:
            from ..ics import calendar
            sys.stdout.write(calendar(items, now, lang=lang))
            return 0
        if args.json:
            print(json.dumps([{"case": c.id, "case_no": c.case_no, "order_no": c.order_no}
                              | d.to_dict() for c, d in items], ensure_ascii=False, indent=2))
            return 0
        zone = display_zone(args, lib)
        for c, d in items:
            print(f"{format_local(d.due, zone)}  {format_duration(d.remaining_seconds or 0, lang):>12}  "
                  f"[{d.state}]  {c.case_no}  {c.order_no}  {d.name(lang)}")
        if not items:
            print(pick(lang, "没有正在计时的期限。", "No running deadlines."))
    return 0
