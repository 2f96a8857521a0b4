"""``case new|list|show|set|delete|restore``: a case's facts and its place in the list."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import deadlines
from ..domain import INSTANT_FIELDS, MAX_APPEALS_USED, OUTCOMES, AppealPoint, kind_name
from ..errors import (
    AppealsUsedOutOfRange,
    BadAppealPoint,
    NoSuchExhibitNumber,
    NothingToChange,
    StatementFileUnreadable,
)
from ..i18n import pick
from ..names import shown_name
from ..store import Library
from ..summary import case_detail, case_list_json, cases_by_urgency
from ..timeutil import format_duration, format_local
from .case_history import print_history, register_history
from .common import (
    Subparsers,
    acting_staff,
    add_case_fields,
    case_fields,
    display_zone,
    emit,
    now_from,
    open_library,
    print_deadlines,
    stage_name,
    type_name,
)
from .handover_commands import register_case as register_handover
from .people_commands import register_case as register_people


def register(sub: Subparsers) -> None:
    case = sub.add_parser("case", help="create, list, show, change cases")
    cs = case.add_subparsers(dest="case_cmd", required=True, parser_class=type(case))
    new = cs.add_parser("new", help="create a case; prints its id as the last line")
    new.add_argument("--platform", help="douyin (default) or tiktok_shop")
    new.add_argument("--type", dest="dispute_type", required=True)
    new.add_argument("--order", dest="order_no", required=True)
    add_case_fields(new, new=True)
    new.set_defaults(run=cmd_case_new)
    lst = cs.add_parser("list", help="cases, most urgent first")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--trash", action="store_true", help="list the trash instead")
    lst.add_argument("--now", metavar="ISO")
    who = lst.add_mutually_exclusive_group()
    who.add_argument("--mine", action="store_true", help="only cases assigned to me (--staff)")
    who.add_argument("--assignee", metavar="NAME", help="only cases assigned to NAME ('' = nobody)")
    lst.set_defaults(run=cmd_case_list)
    show = cs.add_parser("show", help="facts, exhibits, deadlines, log")
    show.add_argument("case")
    show.add_argument("--json", action="store_true")
    show.add_argument("--now", metavar="ISO")
    show.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    show.set_defaults(run=cmd_case_show)
    st = cs.add_parser("set", help="change a case's facts")
    st.add_argument("case")
    st.add_argument("--type", dest="dispute_type")
    st.add_argument("--platform")
    st.add_argument("--outcome", choices=list(OUTCOMES) + ["none"])
    st.add_argument("--against-merchant", dest="judgment_against_merchant",
                    choices=["yes", "no"], help="the judgment went against the merchant")
    st.add_argument("--appeals-used", type=_appeals_used, metavar="0-10")
    st.add_argument("--expect-version", type=int, metavar="N",
                    help="refuse (exit 2) if the case changed since version N (case show --json)")
    st.add_argument("--statement-file", metavar="FILE", help="read the statement from a UTF-8 file")
    st.add_argument("--appeal-point", action="append", dest="appeal_points", metavar="BASIS|FACT|E1,E3",
                    help="an appeal point: the judgment's basis, the fact, the exhibits proving it "
                         "(repeatable; replaces the case's points; '' clears them)")
    add_case_fields(st, new=False)
    st.set_defaults(run=cmd_case_set)
    for name, help_, run in (("delete", "move a case to the trash", cmd_case_delete),
                             ("restore", "take a case out of the trash", cmd_case_restore)):
        c = cs.add_parser(name, help=help_)
        c.add_argument("case")
        c.set_defaults(run=run)
    register_history(cs)
    register_handover(cs)
    register_people(cs)


def _appeals_used(text: str) -> int:
    """0–10 (conventions): a huge number is refused here, not by SQLite with a traceback."""
    t = text.strip()
    if not t.isdigit() or len(t) > 3 or int(t) > MAX_APPEALS_USED:
        raise AppealsUsedOutOfRange(most=MAX_APPEALS_USED, text=text[:40])
    return int(t)


def cmd_case_new(args: argparse.Namespace, lang: str) -> int:
    with open_library(args, create=True) as lib:
        platform = args.platform or lib.rules.default_platform.id
        fields = case_fields(args, lib, platform)
        fields.pop("order_no", None)
        case = lib.create_case(platform=platform, dispute_type=args.dispute_type,
                               order_no=args.order_no, **fields)
        print(pick(lang, f"已创建案件 {case.case_no}（订单 {case.order_no}，{type_name(lib, case, lang)}）",
                   f"Created case {case.case_no} (order {case.order_no}, {type_name(lib, case, lang)})"))
        print(case.id)
    return 0


def cmd_case_list(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        rows = cases_by_urgency(lib, now_from(args), trash=args.trash)
        assignee = acting_staff(args) if args.mine else args.assignee
        if assignee is not None:
            rows = [r for r in rows if r["case"].assignee == assignee.strip()]

        def human() -> None:
            if not rows and assignee is not None:
                print(pick(lang, f"没有分配给 {assignee or '（无人）'} 的案件。",
                           f"No cases assigned to {assignee or '(nobody)'}."))
            elif not rows:
                print(pick(lang, "还没有案件。", "No cases yet."))
            for r in rows:
                c = r["case"]
                urgent = deadlines.most_urgent(r["deadlines"])
                clock = (f"{urgent.name(lang)} {format_duration(urgent.remaining_seconds or 0, lang)} [{urgent.state}]"
                         if urgent else "—")
                met, total = r["checklist"]
                print(f"{c.id:>4}  {c.case_no}  {c.order_no:<20} {type_name(lib, c, lang):<10} "
                      f"{stage_name(c.stage, lang):<8} {met}/{total}  {clock}"
                      + (f"  @{c.assignee}" if c.assignee else ""))
        emit(case_list_json(rows), args.json, human)
    return 0


def cmd_case_show(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        data = case_detail(lib, args.case, now_from(args), args.mode)
        case = lib.get_case(args.case)
        zone = display_zone(args, lib)

        def human() -> None:
            print(f"{case.case_no}  {pick(lang, '订单', 'order')} {case.order_no}  "
                  f"{lib.rules.platform(case.platform).name(lang)} / {type_name(lib, case, lang)}  "
                  f"{stage_name(case.stage, lang)}")
            for label_zh, label_en, value in (("售后单号", "After-sale no.", case.after_sale_no),
                                              ("买家", "Buyer", case.buyer_name),
                                              ("电话", "Phone", case.buyer_phone),
                                              ("商品", "Product", case.product),
                                              ("金额", "Amount", case.amount),
                                              ("判定编号", "Judgment ref", case.judgment_ref),
                                              ("负责人", "Assignee", case.assignee),
                                              ("转交自", "Handed over from", case.imported_from),
                                              ("诉求", "Request", case.request)):
                if value:
                    print(f"  {pick(lang, label_zh, label_en)}: {value}")
            for name, raw in case.unreadable.items():
                print(pick(lang, f"  ! {name} 的存储值无法读取，已忽略：{raw}（请重新设置）",
                           f"  ! {name}: the stored value cannot be read and is ignored: {raw} "
                           "(set it again)"))
            for field in INSTANT_FIELDS:
                if getattr(case, field):
                    print(f"  {field}: {format_local(getattr(case, field), zone)}")
            print(pick(lang, "证据：", "Exhibits:"))
            for e in data["exhibits"]:
                new = pick(lang, "  [新]", "  [new]") if e["is_new"] else ""
                if e["new_override"] is not None:  # the user's mark, shown as such
                    new = pick(lang, f"  [{'新' if e['is_new'] else '非新'}·手动]",
                               f"  [{'new' if e['is_new'] else 'not new'}, override]")
                print(f"  {e['number']:>4} {kind_name(e['kind'], lang):<8} {shown_name(e['source_name'])}  "
                      f"{e['sha256'][:12]}{new}")
                for w in e["warnings"]:
                    print(f"       ! {w['zh'] if lang == 'zh' else w['en']}")
            print_deadlines(data["deadlines"], lang, zone)
            print_history(data, lang, zone)
            print(pick(lang, "操作记录：", "Action log:"))
            for entry in data["log"]:
                print(f"  {entry['at']}  {entry['actor']}  {entry['action']}  "
                      f"{shown_name(entry['detail'])}")
        emit(data, args.json, human)
    return 0


def cmd_case_set(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        fields = case_fields(args, lib, args.platform or case.platform, case.zone)
        if args.dispute_type:
            fields["dispute_type"] = args.dispute_type
        if args.platform:
            fields["platform"] = args.platform
        if args.outcome:
            fields["outcome"] = "" if args.outcome == "none" else args.outcome
        if args.judgment_against_merchant:
            fields["judgment_against_merchant"] = args.judgment_against_merchant == "yes"
        if args.appeals_used is not None:
            fields["appeals_used"] = args.appeals_used
        if args.statement_file:
            try:
                fields["statement"] = Path(args.statement_file).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as e:
                raise StatementFileUnreadable(detail=str(e)) from e
        if args.appeal_points is not None:
            fields["appeal_points"] = _appeal_points(lib, case.id, args.appeal_points)
        if not fields:
            raise NothingToChange()
        case = lib.update_case(case.id, expected_version=args.expect_version, **fields)
        print(pick(lang, f"已更新 {case.case_no}", f"Updated {case.case_no}"))
    return 0


def _appeal_points(lib: Library, case_id: int, specs: list[str]) -> list[AppealPoint]:
    by_number = {e.position: e.id for e in lib.list_exhibits(case_id)}
    points = []
    for spec in specs:
        if not spec.strip():
            continue
        parts = spec.split("|")
        if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1].strip():
            raise BadAppealPoint(spec=spec)
        ids = []
        for ref in (parts[2].split(",") if len(parts) == 3 else []):
            ref = ref.strip().upper().lstrip("E")
            if not ref:
                continue
            if not ref.isdigit() or int(ref) not in by_number:
                raise NoSuchExhibitNumber(case_no=lib.get_case(case_id).case_no, number=f"E{ref}")
            ids.append(by_number[int(ref)])
        points.append(AppealPoint(parts[0].strip(), parts[1].strip(), ids))
    return points


def cmd_case_delete(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.get_case(args.case)
        lib.delete_case(case.id)
        print(pick(lang, f"已移到回收站：{case.case_no}（可用 case restore 恢复）",
                   f"Moved to the trash: {case.case_no} (case restore brings it back)"))
    return 0


def cmd_case_restore(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        case = lib.restore_case(lib.get_case(args.case).id)
        print(pick(lang, f"已恢复：{case.case_no}", f"Restored: {case.case_no}"))
    return 0
