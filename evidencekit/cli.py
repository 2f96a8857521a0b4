"""The ``evidencekit`` command line: the contract scripts and outside checks use.

Human-readable output by default (Chinese or English by locale or ``--lang``); ``--json``
for scripts. Bad usage or bad input exits 2 with one clear line and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from . import __version__
from .domain import KINDS, OUTCOMES, STAGES
from .errors import EvidenceKitError, UsageError
from .i18n import detect_lang, pick
from .store import Library, default_library_dir
from .timeutil import get_zone, parse_instant, utcnow

CASE_INSTANT_FLAGS = {  # flag → case field
    "request_at": "request-at", "intervention_at": "intervention-at", "judgment_at": "judgment-at",
    "appeal_submitted_at": "appeal-submitted-at", "appeal_rejected_at": "appeal-rejected-at",
    "shipped_at": "shipped-at", "closed_at": "closed-at",
}
CASE_TEXT_FLAGS = {
    "order_no": "order", "after_sale_no": "after-sale", "buyer_name": "buyer",
    "buyer_phone": "phone", "product": "product", "store_name": "store",
    "judgment_ref": "judgment-ref", "judgment_text": "judgment-text", "notes": "notes",
    "statement": "statement",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, exit 2
        raise UsageError(f"用法错误：{message}（--help 查看帮助）",
                         f"Usage error: {message} (see --help)")


def _add_case_fields(p: argparse.ArgumentParser, *, new: bool) -> None:
    for field, flag in CASE_TEXT_FLAGS.items():
        if new and field == "order_no":
            continue
        p.add_argument(f"--{flag}", dest=field, metavar="TEXT")
    for field, flag in CASE_INSTANT_FLAGS.items():
        p.add_argument(f"--{flag}", dest=field, metavar="ISO",
                       help="e.g. 2024-09-17T11:45+08:00; naive times use the platform's zone"
                            + ("" if new else "; 'none' clears"))
    p.add_argument("--amount", metavar="89.00")
    p.add_argument("--stage", choices=list(STAGES))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="evidencekit", description="EvidenceKit — 售后纠纷举证材料打包 / dispute evidence bundles")
    p.add_argument("--library", metavar="DIR", help="library folder (default: $EVIDENCEKIT_LIBRARY "
                   f"or {default_library_dir()})")
    p.add_argument("--lang", choices=["zh", "en"], help="output language")
    p.add_argument("--tz", metavar="ZONE", help="display time zone, e.g. Asia/Shanghai "
                   "(default: the library's setting, else this computer's zone)")
    p.add_argument("--version", action="version", version=f"evidencekit {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)

    sub.add_parser("init", help="create the library")
    sub.add_parser("fsck", help="re-hash every original; find orphans and missing files")
    rules = sub.add_parser("rules", help="list platforms and dispute types; report rule-file errors")
    rules.add_argument("--json", action="store_true")

    case = sub.add_parser("case", help="create, list, show, change cases")
    cs = case.add_subparsers(dest="case_cmd", required=True, parser_class=_Parser)
    new = cs.add_parser("new", help="create a case; prints its id as the last line")
    new.add_argument("--platform", help="douyin (default) or tiktok_shop")
    new.add_argument("--type", dest="dispute_type", required=True)
    new.add_argument("--order", dest="order_no", required=True)
    _add_case_fields(new, new=True)
    lst = cs.add_parser("list", help="cases, most urgent first")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--trash", action="store_true", help="list the trash instead")
    lst.add_argument("--now", metavar="ISO")
    show = cs.add_parser("show", help="facts, exhibits, deadlines, log")
    show.add_argument("case")
    show.add_argument("--json", action="store_true")
    show.add_argument("--now", metavar="ISO")
    show.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    st = cs.add_parser("set", help="change a case's facts")
    st.add_argument("case")
    st.add_argument("--type", dest="dispute_type")
    st.add_argument("--platform")
    st.add_argument("--outcome", choices=list(OUTCOMES) + ["none"])
    st.add_argument("--against-merchant", dest="judgment_against_merchant",
                    choices=["yes", "no"], help="the judgment went against the merchant")
    st.add_argument("--appeals-used", type=int)
    st.add_argument("--statement-file", metavar="FILE", help="read the statement from a UTF-8 file")
    st.add_argument("--appeal-point", action="append", dest="appeal_points", metavar="BASIS|FACT|E1,E3",
                    help="an appeal point: the judgment's basis, the fact, the exhibits proving it "
                         "(repeatable; replaces the case's points; '' clears them)")
    _add_case_fields(st, new=False)
    for name, help_ in (("delete", "move a case to the trash"), ("restore", "take a case out of the trash")):
        c = cs.add_parser(name, help=help_)
        c.add_argument("case")

    at = sub.add_parser("attach", help="add evidence files (folders: every file inside)")
    at.add_argument("case")
    at.add_argument("files", nargs="+", metavar="FILE")
    at.add_argument("--kind", choices=list(KINDS))
    at.add_argument("--caption", default="")
    at.add_argument("--password", help="password of an encrypted PDF")
    at.add_argument("--new", dest="is_new", action="store_true", default=None,
                    help="mark as new since the last submission")
    at.add_argument("--json", action="store_true")

    exh = sub.add_parser("exhibit", help="change, move or remove an exhibit")
    es = exh.add_subparsers(dest="exhibit_cmd", required=True, parser_class=_Parser)
    eset = es.add_parser("set", help="change kind, caption or the new-evidence flag")
    eset.add_argument("case")
    eset.add_argument("exhibit", help="E3 or 3 (number within the case)")
    eset.add_argument("--kind", choices=list(KINDS))
    eset.add_argument("--caption")
    eset.add_argument("--new", dest="is_new", choices=["yes", "no"])
    emv = es.add_parser("move", help="move an exhibit to another position")
    emv.add_argument("case")
    emv.add_argument("exhibit")
    emv.add_argument("position", type=int)
    erm = es.add_parser("remove", help="take an exhibit out of the case (the original is kept)")
    erm.add_argument("case")
    erm.add_argument("exhibit")

    ck = sub.add_parser("check", help="checklist and deadlines; exit 0 complete, 1 not")
    ck.add_argument("case")
    ck.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    ck.add_argument("--now", metavar="ISO")
    ck.add_argument("--json", action="store_true")

    ex = sub.add_parser("export", help="export the PDF bundle")
    ex.add_argument("case")
    ex.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    ex.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    ex.add_argument("--profile", default=None)
    ex.add_argument("--now", metavar="ISO")
    ex.add_argument("--no-mask", action="store_true", help="do not mask buyer phone/ID/address")
    ex.add_argument("--password", action="append", default=[], metavar="[E3=]PASSWORD",
                    help="password of an encrypted PDF exhibit (repeatable; without E3= it is "
                         "tried for every encrypted PDF)")
    ex.add_argument("--json", action="store_true")

    vf = sub.add_parser("verify", help="check a bundle against its manifest")
    vf.add_argument("bundle")
    vf.add_argument("--originals", metavar="DIR")
    vf.add_argument("--json", action="store_true")
    return p


def _now(args) -> "datetime":
    return parse_instant(args.now) if getattr(args, "now", None) else utcnow()


def _amount(text: str) -> str:
    try:
        value = Decimal(text.strip().replace(",", "").lstrip("¥￥$"))
    except InvalidOperation:
        raise UsageError(f"金额无法识别：{text}", f"Cannot read amount: {text}") from None
    if value < 0:
        raise UsageError("金额不能为负", "The amount cannot be negative")
    return f"{value:.2f}"


def _case_fields(args, lib: Library, platform_id: str) -> dict:
    zone = get_zone(lib.rules.platform(platform_id).zone)
    fields = {}
    for field in CASE_TEXT_FLAGS:
        v = getattr(args, field, None)
        if v is not None:
            fields[field] = v
    for field in CASE_INSTANT_FLAGS:
        v = getattr(args, field, None)
        if v is not None:
            fields[field] = None if v.strip().lower() in ("none", "") else parse_instant(v, zone)
    if getattr(args, "amount", None) is not None:
        fields["amount"] = _amount(args.amount)
    if getattr(args, "stage", None):
        fields["stage"] = args.stage
    return fields


def _emit(data, as_json: bool, human) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        human()


def main(argv: list[str] | None = None) -> int:
    try:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
    except Exception:
        pass
    pre_lang = detect_lang(None)
    try:
        args = build_parser().parse_args(argv)
        lang = detect_lang(args.lang)
        from .cli_commands import run
        return run(args, lang)
    except EvidenceKitError as e:
        lang = pre_lang if "args" not in locals() else detect_lang(args.lang)
        hint = e.hint(lang)
        print(f"evidencekit: {e.message(lang)}" + (f" — {hint}" if hint else ""), file=sys.stderr)
        return e.exit_code
    except OSError as e:
        print(f"evidencekit: {e.strerror or e}: {e.filename or ''}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(pick(pre_lang, "evidencekit: 已中断", "evidencekit: interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
