"""What each CLI command does (argument parsing lives in :mod:`evidencekit.cli`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import checklist, deadlines
from .cli import _case_fields, _emit, _now
from .domain import KINDS, STAGES, kind_name
from .errors import EvidenceKitError, IngestError, UsageError
from .i18n import pick
from .store import Library
from .summary import case_detail, case_list_json, cases_by_urgency
from .timeutil import format_duration, format_local, get_zone


def _open(args, create: bool = False) -> Library:
    return Library.open(Path(args.library).expanduser() if args.library else None, create=create)


def _zone(args, lib: Library):
    """Display zone: --tz, else the library's display_zone setting, else the local zone."""
    return get_zone(args.tz or lib.setting("display_zone") or None)


def _type_name(lib: Library, case, lang: str) -> str:
    try:
        return lib.rules.platform(case.platform).dispute_type(case.dispute_type).name(lang)
    except EvidenceKitError:
        return case.dispute_type


def cmd_init(args, lang):
    with _open(args, create=True) as lib:
        print(pick(lang, f"资料库已就绪：{lib.root}", f"Library ready: {lib.root}"))
        for err in lib.rules.errors:
            print(err.message(lang))
    return 0


def cmd_rules(args, lang):
    with _open(args, create=True) as lib:
        rs = lib.rules
        data = {"platforms": [{"id": p.id, "name_zh": p.name_zh, "name_en": p.name_en,
                               "source": p.source, "max_appeals": p.max_appeals,
                               "dispute_types": [{"id": t.id, "name_zh": t.name_zh, "name_en": t.name_en,
                                                  "required": ["|".join(k) for k in t.required],
                                                  "recommended": ["|".join(k) for k in t.recommended]}
                                                 for t in p.dispute_types]}
                              for p in rs.platforms.values()],
                "errors": [e.to_dict() | {"file": e.file, "key": e.key} for e in rs.errors]}

        def human():
            for p in rs.platforms.values():
                print(f"{p.id}  {p.name(lang)}  ({p.source})")
                for t in p.dispute_types:
                    print(f"    {t.id:22} {t.name(lang)}")
            for e in rs.errors:
                print(e.message(lang))
        _emit(data, args.json, human)
        return 1 if rs.errors else 0


def cmd_case_new(args, lang):
    with _open(args, create=True) as lib:
        platform = args.platform or lib.rules.default_platform.id
        fields = _case_fields(args, lib, platform)
        fields.pop("order_no", None)
        case = lib.create_case(platform=platform, dispute_type=args.dispute_type,
                               order_no=args.order_no, **fields)
        print(pick(lang, f"已创建案件 {case.case_no}（订单 {case.order_no}，{_type_name(lib, case, lang)}）",
                   f"Created case {case.case_no} (order {case.order_no}, {_type_name(lib, case, lang)})"))
        print(case.id)
    return 0


def cmd_case_list(args, lang):
    with _open(args) as lib:
        rows = cases_by_urgency(lib, _now(args), trash=args.trash)

        def human():
            if not rows:
                print(pick(lang, "还没有案件。", "No cases yet."))
            for r in rows:
                c = r["case"]
                urgent = deadlines.most_urgent(r["deadlines"])
                clock = (f"{urgent.name(lang)} {format_duration(urgent.remaining_seconds, lang)} [{urgent.state}]"
                         if urgent else "—")
                met, total = r["checklist"]
                print(f"{c.id:>4}  {c.case_no}  {c.order_no:<20} {_type_name(lib, c, lang):<10} "
                      f"{STAGES[c.stage][0 if lang == 'zh' else 1]:<8} {met}/{total}  {clock}")
        _emit(case_list_json(rows), args.json, human)
    return 0


def cmd_case_show(args, lang):
    with _open(args) as lib:
        data = case_detail(lib, args.case, _now(args), args.mode)
        case = lib.get_case(args.case)
        zone = _zone(args, lib)

        def human():
            print(f"{case.case_no}  {pick(lang, '订单', 'order')} {case.order_no}  "
                  f"{lib.rules.platform(case.platform).name(lang)} / {_type_name(lib, case, lang)}  "
                  f"{STAGES[case.stage][0 if lang == 'zh' else 1]}")
            for label_zh, label_en, value in (("售后单号", "After-sale no.", case.after_sale_no),
                                              ("买家", "Buyer", case.buyer_name),
                                              ("电话", "Phone", case.buyer_phone),
                                              ("商品", "Product", case.product),
                                              ("金额", "Amount", case.amount),
                                              ("判定编号", "Judgment ref", case.judgment_ref)):
                if value:
                    print(f"  {pick(lang, label_zh, label_en)}: {value}")
            for field in ("request_at", "intervention_at", "judgment_at", "appeal_submitted_at",
                          "shipped_at", "closed_at"):
                if getattr(case, field):
                    print(f"  {field}: {format_local(getattr(case, field), zone)}")
            print(pick(lang, "证据：", "Exhibits:"))
            for e in data["exhibits"]:
                print(f"  {e['number']:>4} {kind_name(e['kind'], lang):<8} {e['source_name']}  "
                      f"{e['sha256'][:12]}" + ("  [新]" if e["is_new"] and lang == "zh" else
                                               "  [new]" if e["is_new"] else ""))
                for w in e["warnings"]:
                    print(f"       ! {w['zh'] if lang == 'zh' else w['en']}")
            _print_deadlines(data["deadlines"], lang, zone)
            print(pick(lang, "操作记录：", "Action log:"))
            for entry in data["log"]:
                print(f"  {entry['at']}  {entry['actor']}  {entry['action']}  {entry['detail']}")
        _emit(data, args.json, human)
    return 0


def _print_deadlines(dls: list[dict], lang: str, zone) -> None:
    from .timeutil import from_iso
    print(pick(lang, "期限：", "Deadlines:"))
    if not dls:
        print(pick(lang, "  （没有正在计时的期限）", "  (no running clocks)"))
    for d in dls:
        name = d["name_zh"] if lang == "zh" else d["name_en"]
        print(f"  {name}: {format_local(from_iso(d['due']), zone)}  "
              f"{format_duration(d['remaining_seconds'], lang)}  [{d['state']}]")


def cmd_case_set(args, lang):
    with _open(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        fields = _case_fields(args, lib, args.platform or case.platform)
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
                raise UsageError(f"无法读取陈述文件：{e}", f"Cannot read the statement file: {e}") from e
        if args.appeal_points is not None:
            fields["appeal_points"] = _appeal_points(lib, case.id, args.appeal_points)
        if not fields:
            raise UsageError("没有要修改的内容", "Nothing to change: give at least one option")
        case = lib.update_case(case.id, **fields)
        print(pick(lang, f"已更新 {case.case_no}", f"Updated {case.case_no}"))
    return 0


def _appeal_points(lib: Library, case_id: int, specs: list[str]):
    from .domain import AppealPoint
    by_number = {e.position: e.id for e in lib.list_exhibits(case_id)}
    points = []
    for spec in specs:
        if not spec.strip():
            continue
        parts = spec.split("|")
        if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1].strip():
            raise UsageError(f"申诉要点格式应为 “判定依据|事实|E1,E3”：{spec}",
                             f"An appeal point is 'BASIS|FACT|E1,E3': {spec}")
        ids = []
        for ref in (parts[2].split(",") if len(parts) == 3 else []):
            ref = ref.strip().upper().lstrip("E")
            if not ref:
                continue
            if not ref.isdigit() or int(ref) not in by_number:
                raise UsageError(f"没有证据 E{ref}", f"No exhibit E{ref}")
            ids.append(by_number[int(ref)])
        points.append(AppealPoint(parts[0].strip(), parts[1].strip(), ids))
    return points


def cmd_case_delete(args, lang):
    with _open(args) as lib:
        case = lib.get_case(args.case)
        lib.delete_case(case.id)
        print(pick(lang, f"已移到回收站：{case.case_no}（可用 case restore 恢复）",
                   f"Moved to the trash: {case.case_no} (case restore brings it back)"))
    return 0


def cmd_case_restore(args, lang):
    with _open(args) as lib:
        case = lib.restore_case(lib.get_case(args.case).id)
        print(pick(lang, f"已恢复：{case.case_no}", f"Restored: {case.case_no}"))
    return 0


def _expand(files: list[str]) -> list[Path]:
    out = []
    for f in files:
        p = Path(f)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")))
        else:
            out.append(p)
    return out


def cmd_attach(args, lang):
    from concurrent.futures import ThreadPoolExecutor

    from .store.exhibits import _analyze

    with _open(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        paths = _expand(args.files)

        def read(p: Path):
            try:
                return _analyze(lib, p, args.kind, args.password)
            except IngestError as e:
                return e

        # Read every file first (in parallel: decoding releases the GIL); one bad file
        # refuses the whole command, so nothing changes.
        with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2))) as pool:
            results = list(pool.map(read, paths))
        failures = [(p, r) for p, r in zip(paths, results) if isinstance(r, IngestError)]
        if failures:
            for p, e in failures:
                print(f"evidencekit: {p.name}: {e.message(lang)}"
                      + (f" — {e.hint(lang)}" if e.hint(lang) else ""), file=sys.stderr)
            return 2
        added = [lib.attach(case.id, p, kind=args.kind, caption=args.caption, is_new=args.is_new,
                            result=r) for p, r in zip(paths, results)]

        def human():
            for e in added:
                print(f"E{e.position}  {kind_name(e.kind, lang)}  {e.source_name}  {e.sha256[:12]}")
                for w in e.warnings:
                    print(f"     ! {w.zh if lang == 'zh' else w.en}")
        _emit([e.to_dict() for e in added], args.json, human)
    return 0


def _exhibit(lib: Library, case_ref: str, number: str):
    case = lib.get_case(case_ref, include_deleted=False)
    text = number.strip().upper().lstrip("E")
    for e in lib.list_exhibits(case.id):
        if text.isdigit() and e.position == int(text):
            return e
    raise UsageError(f"{case.case_no} 没有证据 {number}", f"{case.case_no} has no exhibit {number}")


def cmd_exhibit(args, lang):
    with _open(args) as lib:
        e = _exhibit(lib, args.case, args.exhibit)
        if args.exhibit_cmd == "set":
            if args.kind is None and args.caption is None and args.is_new is None:
                raise UsageError("没有要修改的内容", "Nothing to change: give at least one option")
            lib.update_exhibit(e.id, kind=args.kind, caption=args.caption,
                               is_new=None if args.is_new is None else args.is_new == "yes")
            print(pick(lang, f"已更新 E{e.position}", f"Updated E{e.position}"))
        elif args.exhibit_cmd == "move":
            lib.move_exhibit(e.id, args.position)
            print(pick(lang, f"已移动 {e.source_name}", f"Moved {e.source_name}"))
        else:
            lib.remove_exhibit(e.id)
            print(pick(lang, f"已移除 E{e.position} {e.source_name}（原始文件保留）",
                       f"Removed E{e.position} {e.source_name} (the original is kept)"))
    return 0


def cmd_check(args, lang):
    with _open(args) as lib:
        case = lib.get_case(args.case)
        exhibits = lib.list_exhibits(case.id)
        now = _now(args)
        items = checklist.evaluate(case, exhibits, lib.rules, args.mode, now)
        dls = deadlines.compute(case, lib.rules, now)
        complete = checklist.is_complete(items)
        data = {"case": case.id, "case_no": case.case_no, "mode": args.mode, "complete": complete,
                "items": [i.to_dict() for i in items], "deadlines": [d.to_dict() for d in dls]}

        def human():
            marks = {"ok": "✓", "missing": "✗", "warning": "!"}
            print(f"{case.case_no}  {_type_name(lib, case, lang)}  "
                  + pick(lang, "申诉" if args.mode == "appeal" else "平台介入举证",
                         args.mode))
            for i in items:
                need = pick(lang, "必需" if i.required else "建议", "required" if i.required else "recommended")
                print(f"  {marks[i.status]} [{need}] {i.reason(lang)}")
            _print_deadlines(data["deadlines"], lang, _zone(args, lib))
            print(pick(lang, "材料齐全。" if complete else "材料不全。",
                       "Complete." if complete else "Not complete."))
        _emit(data, args.json, human)
        return 0 if complete else 1


def cmd_export(args, lang):
    from .cli_export import export_command
    return export_command(args, lang, _open(args))


def cmd_verify(args, lang):
    from .cli_export import verify_command
    return verify_command(args, lang)


def cmd_fsck(args, lang):
    with _open(args) as lib:
        rep = lib.fsck()
        for line in rep.lines(lang):
            print(line)
        return 0 if rep.ok else 1


COMMANDS = {
    "init": cmd_init, "rules": cmd_rules, "attach": cmd_attach, "check": cmd_check,
    "export": cmd_export, "exhibit": cmd_exhibit, "verify": cmd_verify, "fsck": cmd_fsck,
    ("case", "new"): cmd_case_new, ("case", "list"): cmd_case_list, ("case", "show"): cmd_case_show,
    ("case", "set"): cmd_case_set, ("case", "delete"): cmd_case_delete,
    ("case", "restore"): cmd_case_restore,
}


def run(args, lang: str) -> int:
    key = (args.cmd, args.case_cmd) if args.cmd == "case" else args.cmd
    return COMMANDS[key](args, lang)
