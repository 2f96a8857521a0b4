"""``stats``: the review's numbers (复盘) by type, product, carrier, store, staff, week or month."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..i18n import pick
from .common import Subparsers, display_zone, now_from, open_library


def register(sub: Subparsers) -> None:
    from ..review.numbers import BY
    from ..review.tables import SECTIONS
    st = sub.add_parser("stats", help="the review's numbers (复盘): disputes, decisions, win rate, "
                        "refunds, time to submit, clocks kept, evidence kinds, buyers' frequent words")
    st.add_argument("--by", choices=BY, default="type")
    st.add_argument("--from", dest="start", metavar="ISO", help="first day (or instant) of the cases, "
                    "dated by their request (else creation), in the display zone")
    st.add_argument("--to", dest="end", metavar="ISO", help="last day, included (or an instant, excluded)")
    out = st.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", action="store_true", help="one table (see --section) on standard output")
    out.add_argument("--xlsx", metavar="FILE", help="a workbook, one sheet per table")
    out.add_argument("--pdf", metavar="FILE", help="the review as a PDF report (charts and tables)")
    out.add_argument("--stopwords", action="store_true",
                     help="print the path of the library's editable stop-word list (made from the "
                          "default when missing)")
    st.add_argument("--section", choices=SECTIONS, default="groups", help="the table --csv prints")
    st.add_argument("--top", type=int, default=30, metavar="N", help="how many frequent words")
    st.add_argument("--no-words", action="store_true", help="skip the buyers' frequent words")
    st.add_argument("--force", action="store_true", help="replace an existing --xlsx or --pdf file")
    st.add_argument("--now", metavar="ISO", help="judge running clocks at this instant")
    st.set_defaults(run=cmd_stats)


def cmd_stats(args: argparse.Namespace, lang: str) -> int:
    from ..review import build_review, parse_period
    from ..review.output import check_destination, to_csv, write_xlsx
    with open_library(args) as lib:
        if args.stopwords:
            from ..review.words import ensure_own_stopwords
            print(ensure_own_stopwords(lib.root))
            return 0
        for dest in (args.xlsx, args.pdf):
            if dest:
                check_destination(Path(dest), args.force)  # refuse before the work
        zone = display_zone(args, lib)
        period = parse_period(args.start, args.end, zone)
        review = build_review(lib, args.by, period, now_from(args), zone, lang,
                              words=not args.no_words and not (args.csv and args.section != "words"),
                              top=max(0, args.top))
        if args.json:
            print(json.dumps(review.to_dict(), ensure_ascii=False, indent=2))
        elif args.csv:
            sys.stdout.write(to_csv(review, args.section))
        elif args.xlsx:
            path = write_xlsx(review, Path(args.xlsx), lang, force=args.force)
            print(pick(lang, f"已写出 {path}", f"Wrote {path}"))
        elif args.pdf:
            from ..review.report import write_review_pdf
            path = write_review_pdf(review.to_dict(), Path(args.pdf), lang, now_from(args), zone,
                                    force=args.force)
            print(pick(lang, f"已写出 {path}", f"Wrote {path}"))
        else:
            _print_human(review, lang)
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _print_human(review, lang: str) -> None:
    data = review.to_dict()
    zh = lang == "zh"
    print(pick(lang, f"复盘（按{_BY_ZH[review.by]}）", f"Review by {review.by}")
          + (f"  {data['from'] or '…'} → {data['to'] or '…'}" if data["from"] or data["to"] else ""))
    head = (("名称", "纠纷", "胜", "部分", "败", "退款", "撤回", "胜诉率", "退款金额", "举证中位(h)", "按时率")
            if zh else ("Name", "Disp.", "Won", "Partly", "Lost", "Refund", "Withdr.", "Win rate", "Refunded",
                        "Submit med.(h)", "On time"))
    print("  ".join(head))
    for g in [*data["groups"], data["total"]]:
        d = g["decisions"]
        med = g["submit_hours"]["median"]
        print("  ".join(map(str, (g["label"], g["disputes"], d["won"], d["partly"], d["lost"], d["refunded"],
                                  d["withdrawn"], _pct(g["win_rate"]), g["refunded_amount"],
                                  "—" if med is None else med, _pct(g["on_time"]["rate"])))))
    if data["clocks"]:
        print(pick(lang, "\n期限按时率：", "\nClocks kept:"))
        for c in data["clocks"]:
            print(f"  {c['platform_name']} {c['name']}: {_pct(c['on_time_rate'])} "
                  + pick(lang, f"（按时 {c['met']}，迟 {c['late']}，超时未完成 {c['overdue']}）",
                         f"(met {c['met']}, late {c['late']}, overdue {c['overdue']})"))
    if data["kinds"]:
        print(pick(lang, "\n证据类型与胜诉率（含 / 不含）：", "\nWin rate by evidence kind (with / without):"))
        for k in data["kinds"]:
            print(f"  {k['name']}: {_pct(k['with']['win_rate'])} ({k['with']['submissions']}) / "
                  f"{_pct(k['without']['win_rate'])} ({k['without']['submissions']})")
    if data["words"]:
        print(pick(lang, "\n买家消息高频词：", "\nFrequent words in buyer messages:"))
        print("  " + "  ".join(f"{w['word']}×{w['count']}" for w in data["words"]))


_BY_ZH = {"type": "纠纷类型", "product": "商品", "carrier": "快递公司", "store": "店铺", "staff": "经办人",
          "week": "周", "month": "月"}
