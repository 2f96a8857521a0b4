"""``case assign|unassign``: who works on a case (issue 13). ``--staff`` / EVIDENCEKIT_STAFF
say who is acting (main.py, common.open_library)."""

from __future__ import annotations

import argparse

from ..i18n import pick
from .common import Subparsers, open_library


def register_case(cs: Subparsers) -> None:
    a = cs.add_parser("assign", help="make a staff member the case's assignee (logged)")
    a.add_argument("case")
    a.add_argument("name", help="the staff name, e.g. 小王")
    a.set_defaults(run=cmd_case_assign)
    u = cs.add_parser("unassign", help="leave the case without an assignee (logged)")
    u.add_argument("case")
    u.set_defaults(run=cmd_case_unassign)


def cmd_case_assign(args: argparse.Namespace, lang: str) -> int:
    return _assign(args, lang, args.name)


def cmd_case_unassign(args: argparse.Namespace, lang: str) -> int:
    return _assign(args, lang, "")


def _assign(args: argparse.Namespace, lang: str, name: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        before, after = lib.assign_case(case.id, name)
        if before == after:
            print(pick(lang, f"{case.case_no} 的负责人已是 {after or '（无）'}",
                       f"{case.case_no} is already assigned to {after or '(nobody)'}"))
        elif after:
            print(pick(lang, f"已将 {case.case_no} 分配给 {after}" + (f"（原为 {before}）" if before else ""),
                       f"Assigned {case.case_no} to {after}" + (f" (was {before})" if before else "")))
        else:
            print(pick(lang, f"{case.case_no} 已取消分配（原为 {before}）",
                       f"{case.case_no} is unassigned (was {before})"))
    return 0
